import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { recordsSession, screenshot } from './browser';

const baseUrl = inject('baseUrl');
const expected = JSON.parse(readFileSync('fixtures/demo-expected.json', 'utf8')) as {
  concernMonths: Record<string, Record<string, number>>;
};
const session = recordsSession();
let page: Page;
let external: string[];
beforeEach(() => {
  page = session.page;
  external = session.external;
});

async function rowCells(table: string, label: string): Promise<string[]> {
  const row = page.locator(`[data-testid="${table}"] tbody tr`, {
    has: page.locator('th', { hasText: new RegExp(`^${label}`) }),
  });
  await row.first().waitFor();
  return (await row.first().locator('th, td').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
}

describe('Orosanmälningar', () => {
  it('shows a known month of the demo data by the 14-day rule, with the previous year', async () => {
    await page.goto(`${baseUrl}?sida=orosanmalningar`);
    await page.locator('.recharts-bar-rectangle').first().waitFor();
    const want = expected.concernMonths['2025-03'];
    const before = expected.concernMonths['2024-03'];
    const received = (m: Record<string, number>) => m['i tid'] + m['sen'] + m['pågående'] + m['pågående utredning'];
    const share = (m: Record<string, number>) =>
      `${Math.round((100 * m['i tid']) / (m['i tid'] + m['sen'] + m['pågående']))} %`;
    const cells = await rowCells('concern-monthly-table', 'mars 2025');
    expect(cells.slice(0, 6)).toEqual([
      'mars 2025',
      `${received(want)} (${received(before)})`,
      String(want['i tid']),
      String(want['sen']),
      String(want['pågående']),
      `${share(want)} (${share(before)})`,
    ]);
    expect(cells[7]).toBe(String(want['pågående utredning']));
    // Reasons and volumes have their tables.
    expect(await page.locator('[data-testid="reason-table"] tbody tr').count()).toBeGreaterThanOrEqual(10);
    expect(await page.locator('[data-testid="volume-table"] tbody tr').count()).toBe(12);
    await screenshot(page, 'orosanmalningar-demo');
    expect(external).toEqual([]);
  });

  it('reads an export with the field’s own headers and computes it', async () => {
    await page.goto(`${baseUrl}?sida=data`);
    await page.getByTestId('file-input').setInputFiles('fixtures/dialects/orosanmalningar_synonymer.csv');
    await page.getByTestId('reconciliation-total').waitFor();
    await page.getByRole('link', { name: 'Orosanmälningar' }).click();
    const cells = await rowCells('concern-monthly-table', 'mars 2025');
    // O-1 day 14 in time, O-2 day 15 late, O-3 already under investigation (left out of the share).
    expect(cells.slice(0, 6)).toEqual(['mars 2025', '3 (–)', '1', '1', '0', '50 % (–)']);
    expect(cells[7]).toBe('1');
  });
});
