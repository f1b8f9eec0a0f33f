import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { recordsSession, screenshot } from './browser';

const baseUrl = inject('baseUrl');
const expected = JSON.parse(readFileSync('fixtures/demo-expected.json', 'utf8')) as {
  months: Record<string, Record<string, number>>;
};
const session = recordsSession();
let page: Page;
let external: string[];
beforeEach(() => {
  page = session.page;
  external = session.external;
});

/** The cells of the monthly table's row for a month label such as "jan 2025". */
async function monthRow(label: string): Promise<string[]> {
  const row = page.locator('[data-testid="monthly-table"] tbody tr', {
    has: page.locator('th', { hasText: new RegExp(`^${label}`) }),
  });
  await row.first().waitFor();
  return (await row.first().locator('th, td').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
}

describe('Utredningstid with the demo data', () => {
  it('opens with the demo data badged, draws the chart and shows a known month’s figures', async () => {
    await page.goto(`${baseUrl}?sida=utredningstid`);
    await page.getByTestId('demo-badge').waitFor();
    expect(await page.getByTestId('demo-badge').innerText()).toBe('Exempeldata');
    await page.locator('.recharts-bar-rectangle').first().waitFor();
    expect(await page.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(12);

    const want = expected.months['2025-01'];
    const started = want['i tid'] + want['förlängd'] + want['sen'] + want['pågående'];
    const previous = expected.months['2024-01'];
    const previousStarted = previous['i tid'] + previous['förlängd'] + previous['sen'] + previous['pågående'];
    const cells = await monthRow('jan 2025');
    // innerText keeps the thin space (U+202F); the cells above were whitespace-normalised to ' '.
    const percent = (n: number, d: number) => `${Math.round((100 * n) / d)} %`;
    expect(cells.slice(0, 4)).toEqual([
      'jan 2025',
      `${started} (${previousStarted})`,
      `${want['sen']} (${previous['sen']})`,
      `${percent(want['sen'], started)} (${percent(previous['sen'], previousStarted)})`,
    ]);
    expect(cells.slice(5, 9)).toEqual([
      String(want['i tid']),
      String(want['förlängd']),
      String(want['sen']),
      String(want['pågående']),
    ]);

    // Preliminary months say so in text, not only by colour.
    const prelRow = await monthRow('nov 2025');
    expect(prelRow[0]).toContain('prel.');
    // …and no year-over-year change is given for it: "prel." stands where the change would be.
    expect(prelRow[4].trim()).toBe('prel.');
    expect(cells[4]).toMatch(/^[+−-]?\d+$/);
    await screenshot(page, 'utredningstid-demo');
    expect(external).toEqual([]);
  });

  it('keeps page and controls in the URL, so a link shows the same view', async () => {
    await page.goto(`${baseUrl}?sida=utredningstid&fran=2025-01&till=2025-03&enhet=Norr`);
    await page.locator('[data-testid="monthly-table"] tbody tr').first().waitFor();
    expect(await page.locator('[data-testid="monthly-table"] tbody tr').count()).toBe(3);
    expect(await page.getByRole('checkbox', { name: 'Norr' }).isChecked()).toBe(true);
    expect(await page.getByTestId('investigations-meta').innerText()).toContain('i Norr');
    await page.getByRole('checkbox', { name: 'Söder' }).check();
    await page.waitForFunction(() => new URL(window.location.href).searchParams.getAll('enhet').length === 2);
  });

  it('does not move the page when the first unit is chosen (the link that clears them appears in line)', async () => {
    for (const width of [1400, 360]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${baseUrl}?sida=utredningstid`);
      await page.locator('[data-testid="monthly-table"] tbody tr').first().waitFor();
      const controlsHeight = () =>
        page.getByRole('form', { name: 'Urval' }).evaluate((form) => form.getBoundingClientRect().height);
      const before = await controlsHeight();
      await page.getByRole('checkbox', { name: 'Norr' }).check();
      await page.getByRole('button', { name: 'Visa alla enheter' }).waitFor();
      expect(await controlsHeight()).toBe(before);
    }
    await page.setViewportSize({ width: 1400, height: 1000 });
  });

  it('downloads the monthly table as CSV for Swedish Excel', async () => {
    await page.goto(`${baseUrl}?sida=utredningstid&fran=2025-01&till=2025-02`);
    await page.locator('[data-testid="monthly-table"] tbody tr').first().waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /Ladda ner CSV utredningar_manad\.csv/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('utredningar_manad.csv');
    const text = readFileSync((await download.path()) as string, 'utf8');
    expect(text.startsWith('\ufeffmanad;inledda;i_tid;forlangd;sen;pagaende;andel_sen;preliminar')).toBe(true);
    expect(text.split('\r\n')[1]).toMatch(/^2025-01;\d+;\d+;\d+;\d+;0;\d+(,\d)?;nej;/);
    // The headless report with the same choices writes the same bytes.
    const out = mkdtempSync(join(tmpdir(), 'insyn-e2e-'));
    const cli = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli/report.ts',
        '--as-of',
        '2025-11-30',
        '--from',
        '2025-01',
        '--to',
        '2025-02',
        '--out',
        out,
        'public/data/utredningar.csv',
        'public/data/forlangningar.csv',
      ],
      { encoding: 'utf8' },
    );
    expect(cli.status).toBe(0);
    expect(readFileSync(join(out, 'utredningar_manad.csv'), 'utf8')).toBe(text);
  });
});

describe('Importing files', () => {
  const fixture = (name: string) => `fixtures/${name}`;

  it('replaces the demo data, reconciles every file and lists each problem', async () => {
    await page.goto(`${baseUrl}?sida=data`);
    await page.getByTestId('demo-badge').waitFor();
    await page
      .getByTestId('file-input')
      .setInputFiles([
        fixture('dialects/utredningar_excel_win1252.csv'),
        fixture('dialects/forlangningar_tabb.csv'),
        fixture('problems/utredningar_fel.csv'),
      ]);
    await page.getByTestId('reconciliation-total').waitFor();
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="reconciliation-total"]')?.textContent?.includes('13 rader lästa'),
    );
    expect(await page.getByTestId('demo-badge').count()).toBe(0);
    // As-of from the files = 2025-06-30: F-7's lone 2026-01-05 is a stray later date (kpi/asOf.ts), so its
    // row is rejected beside the 5 row-level problems.
    expect(await page.getByTestId('reconciliation-total').innerText()).toContain(
      '13 rader lästa = 7 godkända + 6 avvisade (uttagsdatum 2025-06-30)',
    );
    const problems = await page.locator('[data-testid="problem-table"] tbody tr').allInnerTexts();
    expect(problems).toHaveLength(6);
    expect(problems[0]).toContain('Ogiltigt datum "2025-02-30" i kolumnen Startdatum.');
    await screenshot(page, 'import-reconciliation');

    // A later as-of date chosen by the user takes F-7 in again, and the sum still holds.
    await page.getByLabel('Uttagsdatum', { exact: true }).fill('2026-01-05');
    await page.getByLabel('Uttagsdatum', { exact: true }).press('Enter');
    await page.waitForFunction(() =>
      document
        .querySelector('[data-testid="reconciliation-total"]')
        ?.textContent?.includes('= 8 godkända + 5 avvisade (uttagsdatum 2026-01-05)'),
    );
  });

  it('computes the imported investigations by the rules', async () => {
    await page.goto(`${baseUrl}?sida=data`);
    await page
      .getByTestId('file-input')
      .setInputFiles([fixture('dialects/utredningar_excel_win1252.csv'), fixture('dialects/forlangningar_tabb.csv')]);
    await page.getByTestId('reconciliation-total').waitFor();
    await page.getByRole('link', { name: 'Utredningstid' }).click();
    // A-1 finished on its deadline (i tid); extended on or before theirs.
    const cells = await monthRow('jan 2025');
    expect(cells.slice(5, 9)).toEqual(['1', '2', '0', '0']);
  });

  it('asks once for a column mapping for unknown headers and remembers it', async () => {
    await page.goto(`${baseUrl}?sida=data`);
    await page.getByTestId('file-input').setInputFiles(fixture('dialects/utredningar_okanda_rubriker.csv'));
    const form = page.locator('form.mapping');
    await form.waitFor();
    await form.getByLabel('Utrednings-id (obligatorisk)').selectOption('Nr');
    await form.getByLabel('Startdatum (obligatorisk)').selectOption('Öppnad');
    await form.getByLabel('Avslutsdatum').selectOption('Stängd');
    await form.getByLabel('Enhet').selectOption('Grupp');
    await form.getByRole('button', { name: 'Bekräfta och läs in' }).click();
    await page.getByText('utredningar_okanda_rubriker.csv: inläst som utredningar, 2 rader.').waitFor();
    await page.waitForFunction(() =>
      document
        .querySelector('[data-testid="reconciliation-table"]')
        ?.textContent?.includes('utredningar_okanda_rubriker.csv'),
    );
    const row = await page
      .locator('[data-testid="reconciliation-table"] tbody tr', { hasText: 'utredningar_okanda_rubriker.csv' })
      .allInnerTexts();
    // lästa, godkända, varav med varning, avvisade
    expect(row[0].split('\t').slice(-4)).toEqual(['2', '2', '0', '0']);
    // Same header again: no question asked.
    await page.getByTestId('file-input').setInputFiles(fixture('dialects/utredningar_okanda_rubriker.csv'));
    await page.getByText('utredningar_okanda_rubriker.csv: inläst som utredningar, 2 rader.').waitFor();
    expect(await page.locator('form.mapping').count()).toBe(0);
  });

  it('gives one clear message for a file that is not CSV and changes nothing loaded', async () => {
    await page.goto(`${baseUrl}?sida=data`);
    await page.getByTestId('reconciliation-total').waitFor();
    const before = await page.getByTestId('reconciliation-total').innerText();
    await page.getByTestId('file-input').setInputFiles(fixture('problems/inte_csv.pdf'));
    await page.getByRole('alert').filter({ hasText: 'inte_csv.pdf är ingen textfil' }).waitFor();
    expect(await page.getByTestId('reconciliation-total').innerText()).toBe(before);
    expect(await page.getByTestId('demo-badge').count()).toBe(1);
    expect(external).toEqual([]);
  });
});

describe('Privacy', () => {
  it('never shows a personnummer used as an id, on any page', async () => {
    const csv = [
      'utredning_id;startdatum;avslutsdatum;enhet;person_id',
      '20121212-1212;2025-01-10;;Norr;121212-1212',
      '121212-1213;2025-02-30;;Norr;121212-1213',
      'U-2;2025-06-01;2025-06-02;Norr;',
      '',
    ].join('\n');
    await page.goto(`${baseUrl}?sida=data`);
    await page
      .getByTestId('file-input')
      .setInputFiles({ name: 'pnr.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByTestId('reconciliation-total').waitFor();
    for (const sida of ['data', 'utredningstid', 'bevakning']) {
      await page
        .getByRole('link', {
          name: { data: 'Data och import', bevakning: 'Bevakning', utredningstid: 'Utredningstid' }[sida],
        })
        .click();
      await page.locator('h1').first().waitFor();
      await page.waitForTimeout(300);
      // Pseudonyms are hex and may hold long digit runs; take them out before looking for personnummer.
      const text = (await page.locator('body').innerText()).replace(/P-[0-9a-f]{16}/g, '');
      expect(text).not.toMatch(/\d{6}[-+]?\d{4}/);
      expect(text).not.toContain('1212');
    }
    // On Bevakning the overdue investigation is listed under its pseudonym.
    expect(await page.getByTestId('watch-investigations').innerText()).toMatch(/P-[0-9a-f]{16}/);
  });
});
