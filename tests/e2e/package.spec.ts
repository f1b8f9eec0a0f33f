/**
 * The built app on a published package of aggregates (issue 13, Done when): the demo records are
 * published as `npm run publish` does and served as data/manifest.json and data/<table>.json; every
 * monthly figure the package shows equals the record-level import's, and hidden ones read
 * "färre än 5" (counts) or "dolt" (shares).
 */
import type { Page } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { loadFiles } from '../../src/cli/load';
import { publishView } from '../../src/engine/views/publish';
import { parseIsoDate } from '../../src/kpi';
import { browserSession } from './browser';

const baseUrl = inject('baseUrl');
const FILES = ['utredningar', 'forlangningar', 'orosanmalningar', 'beslut'].map((name) => `public/data/${name}.csv`);
const session = browserSession();
let page: Page;
beforeEach(() => {
  page = session.page;
});

/** The package's files by name, as a web server beside the app would serve them. */
let served = new Map<string, string>();
beforeAll(() => {
  const result = publishView(loadFiles(FILES, {}), { asOf: parseIsoDate('2025-11-30') ?? 0, created: '2025-12-01' });
  served = new Map((result?.files ?? []).map((f) => [f.name, f.text]));
}, 120_000);

/** Serves the package instead of the record-level demo files. */
async function openOnPackage(url: string): Promise<void> {
  await page.route('**/data/*', async (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop() ?? '';
    const text = served.get(name);
    if (text === undefined) await route.fulfill({ status: 404, body: '' });
    else await route.fulfill({ status: 200, contentType: 'application/json', body: text });
  });
  await page.goto(url);
}

/** A table's body cells, row by row, whitespace-normalised. */
async function cells(testId: string): Promise<string[][]> {
  const table = page.getByTestId(testId);
  await table.waitFor();
  return table
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) =>
        [...row.querySelectorAll('th, td')].map((cell) => (cell as HTMLElement).innerText.replace(/\s+/g, ' ').trim()),
      ),
    );
}

const HIDDEN = /färre än 5|dolt/;

/** Every cell the package shows equals the records' cell; returns how many were shown and hidden. */
function compareTables(fromPackage: string[][], fromRecords: string[][]): { shown: number; hidden: number } {
  expect(fromPackage.length).toBe(fromRecords.length);
  let shown = 0;
  let hidden = 0;
  fromPackage.forEach((row, r) =>
    row.forEach((cell, c) => {
      // A cell "count (previous year)" is compared part by part.
      const parts = cell.split(/(?=\()/);
      const recordParts = (fromRecords[r][c] ?? '').split(/(?=\()/);
      parts.forEach((part, p) => {
        if (HIDDEN.test(part)) hidden++;
        else {
          shown++;
          expect(part, `rad ${r + 1}, kolumn ${c + 1}`).toBe(recordParts[p]);
        }
      });
    }),
  );
  return { shown, hidden };
}

/** Page, monthly table, and whether the package hides some of its cells from December 2024 to November 2025. */
const PAGES: [string, string, boolean][] = [
  ['utredningstid', 'monthly-table', true],
  ['orosanmalningar', 'concern-monthly-table', false],
];

describe('a published package', () => {
  for (const [sida, table, hides] of PAGES) {
    it(`shows the record-level monthly figures in every unhidden cell: ${sida}`, async () => {
      const url = `${baseUrl}?sida=${sida}&fran=2024-12&till=2025-11`;
      await page.goto(url);
      const fromRecords = await cells(table);

      await page.context().clearCookies();
      await openOnPackage(url);
      await page.getByTestId('suppression-note').waitFor();
      const fromPackage = await cells(table);
      const { shown, hidden } = compareTables(fromPackage, fromRecords);
      expect(shown).toBeGreaterThan(100);
      expect(hidden > 0).toBe(hides);
    });
  }

  it('says that Bevakning needs the files, with a way to them', async () => {
    await openOnPackage(`${baseUrl}?sida=bevakning`);
    const note = page.getByTestId('no-records-note');
    await note.waitFor();
    expect(await note.innerText()).toContain('inga uppgifter om enskilda ärenden');
    expect(await note.getByRole('link', { name: 'Data och import' }).count()).toBe(1);
  });

  it('opens Översikt on the package with one card per indicator', async () => {
    await openOnPackage(baseUrl);
    await page.getByTestId('card-utredningstid').waitFor();
    expect(await page.getByTestId('suppression-note').count()).toBe(1);
  });
});
