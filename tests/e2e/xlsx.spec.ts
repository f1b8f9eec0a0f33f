/**
 * An analyst drops the extract saved as Excel workbooks (issue 14): the workbook reader is fetched
 * only then, and the reconciliation and as-of date are those of the same files as CSV. An .xls
 * gets a clear message and changes nothing.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { csvToXlsx } from '../unit/import/xlsxWriter';
import { recordsSession } from './browser';

const baseUrl = inject('baseUrl');
const session = recordsSession();
let page: Page;
beforeEach(() => {
  page = session.page;
});

const NAMES = ['utredningar', 'forlangningar'];
let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'insyn-xlsx-'));
  for (const name of NAMES) {
    const csv = readFileSync(`public/data/${name}.csv`, 'utf8');
    writeFileSync(join(dir, `${name}.csv`), csv);
    writeFileSync(
      join(dir, `${name}.xlsx`),
      csvToXlsx(csv, name === 'utredningar' ? { dates: 'serial', numbers: true } : { dates: 'text' }),
    );
  }
  const xls = new Uint8Array(2048);
  xls.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  writeFileSync(join(dir, 'gammal.xls'), xls);
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Drops the files on Data och import; the reconciliation lines and the as-of text, names as .csv. */
async function drop(files: string[]): Promise<{ lines: string[]; asOf: string }> {
  await page.getByTestId('file-input').setInputFiles(files.map((f) => join(dir, f)));
  await page.waitForFunction(
    (n) => document.querySelectorAll('[data-testid="reconciliation-lines"] > li').length === n,
    files.length,
  );
  const lines = await page.getByTestId('reconciliation-lines').locator(':scope > li').allInnerTexts();
  const asOf = await page.getByTestId('as-of').innerText();
  return { lines: lines.map((l) => l.replace(/\.xlsx/g, '.csv')), asOf: asOf.replace(/\.xlsx/g, '.csv') };
}

describe('Excel workbooks on Data och import', () => {
  it('fetches the workbook reader only for a workbook, and reconciles as the CSVs do', async () => {
    const chunks: string[] = [];
    page.on('request', (request) => {
      if (/\/assets\/xlsx-[^/]*\.js$/.test(request.url())) chunks.push(request.url());
    });
    await page.goto(`${baseUrl}?sida=data`);
    const fromCsv = await drop(NAMES.map((n) => `${n}.csv`));
    expect(chunks).toEqual([]);

    await page.goto(`${baseUrl}?sida=data`);
    const fromXlsx = await drop(NAMES.map((n) => `${n}.xlsx`));
    expect(chunks).toHaveLength(1);
    expect(fromXlsx).toEqual(fromCsv);
    expect(fromXlsx.lines[0]).toMatch(/rader lästa/);
    await expect(page.getByText('utredningar.xlsx: inläst som utredningar').count()).resolves.toBe(1);
  });

  it('says an .xls is an older Excel file and keeps what was loaded', async () => {
    await page.goto(`${baseUrl}?sida=data`);
    const before = await drop(['utredningar.csv']);
    await page.getByTestId('file-input').setInputFiles(join(dir, 'gammal.xls'));
    const alert = page.getByRole('alert').filter({ hasText: 'gammal.xls' });
    await alert.waitFor();
    expect(await alert.innerText()).toBe(
      'Filen gammal.xls är en äldre Excel-fil (.xls). Spara den som .xlsx eller CSV och försök igen. Inget har ändrats.',
    );
    const lines = await page.getByTestId('reconciliation-lines').locator(':scope > li').allInnerTexts();
    expect(lines).toEqual(before.lines);
  });
});
