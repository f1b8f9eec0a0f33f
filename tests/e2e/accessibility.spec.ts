/**
 * WCAG 2.1 AA checks with axe-core on every page (public-sector web falls under the DOS-lagen), and
 * keyboard use: the page switch and a control work without a mouse.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { recordsSession } from './browser';

const baseUrl = inject('baseUrl');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const session = recordsSession({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
let page: Page;
beforeEach(() => {
  page = session.page;
});

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

async function violations(): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: unknown[] }> } }
    ).axe;
    return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
  });
  return (result.violations as AxeViolation[]).map(
    (v) =>
      `${v.impact}: ${v.id} – ${v.help} (${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(', ')})`,
  );
}

describe('accessibility (axe-core, WCAG 2.1 A and AA)', () => {
  for (const [page_, ready] of [
    ['oversikt', 'article.card'],
    ['utredningstid', '[data-testid="monthly-table"]'],
    ['orosanmalningar', '[data-testid="concern-monthly-table"]'],
    ['verkstallighet', '[data-testid="ivo-table"]'],
    ['bevakning', '[data-testid="watch-counts"]'],
    ['rapport', '[data-testid="report-utredningar"]'],
    ['data', '[data-testid="reconciliation-table"]'],
    ['om', 'h1'],
  ] as const) {
    it(`has no violations on ?sida=${page_}`, async () => {
      await page.goto(`${baseUrl}?sida=${page_}`);
      await page.locator(ready).first().waitFor();
      expect(await violations()).toEqual([]);
    });
  }
  // The built demo opens on its published package (what a nämnd member sees): hidden cells, notes, gaps.
  for (const [page_, ready] of [
    ['oversikt', '[data-testid="suppression-note"]'],
    ['utredningstid', '[data-testid="suppression-note"]'],
    ['verkstallighet', '[data-testid="no-records-note"]'],
    ['rapport', '[data-testid="suppression-note"]'],
    ['data', 'text=Prova med exempelfilerna'],
  ] as const) {
    it(`has no violations on ?sida=${page_} on the published package`, async () => {
      await page.context().unroute('**/data/manifest.json');
      await page.goto(`${baseUrl}?sida=${page_}`);
      await page.locator(ready).first().waitFor();
      expect(await violations()).toEqual([]);
    });
  }
});

describe('keyboard', () => {
  it('reaches the skip link first and switches pages with Enter', async () => {
    await page.goto(baseUrl);
    await page.locator('article.card').first().waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Hoppa till innehållet');
    // Tab to the "Orosanmälningar" link in the navigation and follow it.
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate(() => document.activeElement?.textContent)) === 'Orosanmälningar') break;
    }
    await page.keyboard.press('Enter');
    await page.waitForURL(/sida=orosanmalningar/);
    await page.getByTestId('concern-monthly-table').waitFor();
  });
});
