import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { recordsSession, screenshot } from './browser';

const baseUrl = inject('baseUrl');
const expected = JSON.parse(readFileSync('fixtures/demo-expected.json', 'utf8')) as {
  ivo2025Q3: { id: string; kind: string; executed: boolean }[];
};
const session = recordsSession();
let page: Page;
let external: string[];
beforeEach(() => {
  page = session.page;
  external = session.external;
});

describe('Verkställighet', () => {
  it('lists the quarter’s IVO reports exactly, with the de-identified summary', async () => {
    await page.goto(`${baseUrl}?sida=verkstallighet&kvartal=2025Q3`);
    await page.getByTestId('ivo-table').waitFor();
    const rows = await page.locator('[data-testid="ivo-table"] tbody tr').all();
    const listed = await Promise.all(
      rows.map(async (row) => {
        const cells = await row.locator('th, td').allInnerTexts();
        return `${cells[0]}:${cells[3].startsWith('avbrott') ? 'avbrott' : 'beslut'}:${cells[4].startsWith('verkställt')}`;
      }),
    );
    expect(listed.sort()).toEqual(expected.ivo2025Q3.map((e) => `${e.id}:${e.kind}:${e.executed}`).sort());
    // The named edge cases: executed the day after its deadline is listed as executed.
    const edge = page.locator('[data-testid="ivo-table"] tbody tr', {
      has: page.locator('th', { hasText: 'B-KANT-02' }),
    });
    expect((await edge.locator('td').allInnerTexts())[3]).toBe('verkställt 2025-07-01');
    const summary = await page.getByTestId('ivo-summary').innerText();
    expect(summary).toContain(`${expected.ivo2025Q3.length} ärenden att rapportera för 2025Q3`);
    expect(await page.locator('[data-testid="ivo-summary-table"] tbody tr').count()).toBeGreaterThan(4);
    await screenshot(page, 'verkstallighet-demo');
    expect(external).toEqual([]);
  });

  it('prints the IVO report without controls', async () => {
    await page.goto(`${baseUrl}?sida=verkstallighet&kvartal=2025Q3`);
    await page.getByTestId('ivo-table').waitFor();
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Skriv ut' }).isVisible()).toBe(false);
    expect(await page.locator('nav').isVisible()).toBe(false);
    expect(await page.getByTestId('ivo-table').isVisible()).toBe(true);
    await screenshot(page, 'verkstallighet-print');
  });
});
