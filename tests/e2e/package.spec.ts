/**
 * The built demo opens on its published package of aggregates (issue 13): public/data/manifest.json
 * and <table>.json, a fresh publish of the demo records (tests/unit/engine/demoPackage.test.ts).
 * Every monthly figure the package shows equals the record-level import's (the same site with the demo
 * records served, serveExampleRecords), and hidden ones read "färre än 5" (counts) or "dolt" (shares).
 * "Prova med exempelfilerna" on Data och import opens the records themselves.
 */
import type { Locator, Page } from 'playwright-core';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { browserSession, serveExampleRecords } from './browser';

const baseUrl = inject('baseUrl');
const session = browserSession();
let page: Page;
beforeEach(() => {
  page = session.page;
});

/** A table's body cells, row by row, whitespace-normalised. */
async function cells(table: Locator): Promise<string[][]> {
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

/** The monthly table on a page: by test id, or (Verkställighet) the table under "Per beslutsmånad". */
async function monthlyTable(on: Page, table: string): Promise<Locator> {
  if (table !== 'decision-month-table') return on.getByTestId(table);
  await on.getByTestId('decision-quarter-table').waitFor();
  const details = on.locator('details', { hasText: 'Per beslutsmånad' });
  await details.locator('summary').click();
  return details.locator('table', { has: on.locator('caption', { hasText: 'Beslut per beslutsmånad' }) });
}

/**
 * Page, monthly table, how many cells it shows at least, and whether the package hides some of its
 * cells from December 2024 to November 2025.
 */
const PAGES: [string, string, number, boolean][] = [
  ['utredningstid', 'monthly-table', 100, true],
  ['orosanmalningar', 'concern-monthly-table', 100, false],
  ['verkstallighet', 'decision-month-table', 50, true],
];

describe('the built demo: a published package', () => {
  for (const [sida, table, least, hides] of PAGES) {
    it(`shows the record-level monthly figures in every unhidden cell: ${sida}`, async () => {
      const url = `${baseUrl}?sida=${sida}&fran=2024-12&till=2025-11`;
      const records = await page.context().newPage();
      await serveExampleRecords(records);
      await records.goto(url);
      const fromRecords = await cells(await monthlyTable(records, table));
      expect(await records.getByTestId('suppression-note').count()).toBe(0);

      await page.goto(url);
      await page.getByTestId('suppression-note').waitFor();
      const fromPackage = await cells(await monthlyTable(page, table));
      const { shown, hidden } = compareTables(fromPackage, fromRecords);
      console.log(`${sida}: ${shown} cells shown and equal, ${hidden} hidden`);
      expect(shown).toBeGreaterThan(least);
      expect(hidden > 0).toBe(hides);
    });
  }

  it('draws no bar for a hidden share (Pojkar och flickor)', async () => {
    await page.goto(`${baseUrl}?sida=utredningstid&fran=2024-12&till=2025-11`);
    await page.getByTestId('suppression-note').waitFor();
    const rows = page
      .locator('table', { has: page.locator('caption', { hasText: 'för pojkar och flickor' }) })
      .locator('tbody tr');
    await rows.first().waitFor();
    const bars = await rows.evaluateAll((trs) =>
      trs.map((tr) => ({
        share: (tr.querySelectorAll('td')[2] as HTMLElement).innerText.trim(),
        width: tr.querySelector('.bar')?.getBoundingClientRect().width ?? -1,
      })),
    );
    expect(bars.length).toBe(2);
    expect(bars.some((b) => b.share === 'dolt')).toBe(true);
    for (const bar of bars) expect(bar.width === 0, bar.share).toBe(bar.share === 'dolt');
  });

  it('says that Bevakning needs the files, with a way to them', async () => {
    await page.goto(`${baseUrl}?sida=bevakning`);
    const note = page.getByTestId('no-records-note');
    await note.waitFor();
    expect(await note.innerText()).toContain('inga uppgifter om enskilda ärenden');
    expect(await note.getByRole('link', { name: 'Data och import' }).count()).toBe(1);
  });

  it('opens Översikt on the package with one card per indicator, marked Exempeldata', async () => {
    await page.goto(baseUrl);
    await page.getByTestId('card-utredningstid').waitFor();
    expect(await page.getByTestId('suppression-note').count()).toBe(1);
    expect(await page.getByTestId('demo-badge').innerText()).toBe('Exempeldata');
    // The demo has 0–8 late decisions a month: the card's share is hidden, and it says why.
    const decisions = page.getByTestId('card-verkstallighet');
    expect(await decisions.getByTestId('hidden-share').innerText()).toBe(
      'Andelen kan inte visas: den bygger på antal som döljs för att skydda få ärenden (färre än 5).',
    );
    expect(await page.getByTestId('card-utredningstid').getByTestId('hidden-share').count()).toBe(0);
  });

  it('"Prova med exempelfilerna" opens the demo records for the analyst; removing them returns to the package', async () => {
    await page.goto(`${baseUrl}?sida=data`);
    // The package is not a list of loaded files: the page says what it shows, and no "Ta bort".
    expect(await page.getByTestId('package-source').innerText()).toBe(
      'Inga filer med ärenden är inlästa. Sidorna visar ett publicerat paket med bara antal, ”Exempeldata”, uttag ' +
        '2025-11-30, gjort 2025-12-01 av utredningar.csv, forlangningar.csv, orosanmalningar.csv, beslut.csv.',
    );
    expect(await page.getByRole('button', { name: 'Ta bort alla filer' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Prova med exempelfilerna' }).click();
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="reconciliation-lines"] > li').length === 4,
    );
    expect(await page.getByTestId('demo-badge').innerText()).toBe('Exempeldata');
    expect(await page.getByRole('button', { name: 'Prova med exempelfilerna' }).count()).toBe(0);
    expect(await page.getByTestId('package-source').count()).toBe(0);

    // Through the navigation (no reload): Bevakning lists the cases.
    await page.locator('a[href="?sida=bevakning"]').first().click();
    await page.getByTestId('watch-investigations').waitFor();
    expect(await page.getByTestId('no-records-note').count()).toBe(0);

    await page.locator('a[href="?sida=data"]').first().click();
    await page.getByRole('button', { name: 'Ta bort alla filer' }).click();
    await page.getByRole('button', { name: 'Prova med exempelfilerna' }).waitFor();
    await page.locator('a[href="?sida=bevakning"]').first().click();
    await page.getByTestId('no-records-note').waitFor();
  });
});
