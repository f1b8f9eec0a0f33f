/**
 * An .xlsx goes the CSV's way: the same data saved both ways gives the same import (table,
 * problems with the same file, row, column and value, rows read = accepted + rejected) and the same
 * figures on every page. Workbooks are written at test time from the fixture CSVs
 * (`xlsxWriter.ts`): dates as date serials (1900 and 1904 systems) or as text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/engine/engine';
import { importAnyFile, importFile, type FileImport, type LoadedFile } from '../../../src/import/importFile';
import { latestCompleteQuarter, parseIsoDate } from '../../../src/kpi';
import { csvToXlsx, dateSerial, type XlsxOptions } from './xlsxWriter';

const SERIAL: XlsxOptions = { dates: 'serial', numbers: true };
const SERIAL_1904: XlsxOptions = { dates: 'serial', numbers: true, date1904: true };
const TEXT: XlsxOptions = { dates: 'text' };

const bytesOf = (path: string) => new Uint8Array(readFileSync(path));
/** The fixture's text; the one Windows-1252 file decoded as such. */
const textOf = (path: string) =>
  new TextDecoder(path.includes('win1252') ? 'windows-1252' : 'utf-8').decode(bytesOf(path));
const nameOf = (path: string) => path.split('/').pop()!;
const xlsxName = (path: string) => nameOf(path).replace(/\.csv$/, '.xlsx');

/** An outcome as the CSV's would be: file name back to .csv, the format columns left out. */
function asCsv(result: FileImport): unknown {
  const json = JSON.stringify(result, (key, value: unknown) =>
    key === 'encoding' || key === 'delimiter' ? undefined : value,
  );
  return JSON.parse(json.replace(/\.xlsx"/g, '.csv"').replace(/\.xlsx /g, '.csv ')) as unknown;
}
const withoutFormat = (result: FileImport) => asCsv(JSON.parse(JSON.stringify(result)) as FileImport);

function loaded(result: FileImport): LoadedFile {
  if (result.status !== 'loaded') throw new Error(`${result.file}: ${result.status}`);
  return result;
}

const SMALL = [
  ...readdirSync('fixtures/dialects').map((f) => `fixtures/dialects/${f}`),
  'fixtures/problems/utredningar_fel.csv',
  ...readdirSync('fixtures/oracle/edge').map((f) => `fixtures/oracle/edge/${f}`),
  ...readdirSync('fixtures/xlsx')
    .filter((f) => f.endsWith('.csv'))
    .map((f) => `fixtures/xlsx/${f}`),
].filter((p) => p.endsWith('.csv'));

describe('every fixture CSV saved as .xlsx imports as the CSV does', () => {
  it('covers the fixtures', () => expect(SMALL.length).toBeGreaterThanOrEqual(15));

  it.each(SMALL.flatMap((path) => [SERIAL, SERIAL_1904, TEXT].map((options) => [path, options] as const)))(
    '%s %o',
    async (path, options) => {
      const csv = importFile(bytesOf(path), nameOf(path));
      const xlsx = await importAnyFile(csvToXlsx(textOf(path), options), xlsxName(path));
      expect(xlsx.status).toBe(csv.status);
      expect(withoutFormat(xlsx)).toEqual(withoutFormat(csv));
      if (xlsx.status === 'loaded') {
        expect([xlsx.encoding, xlsx.delimiter]).toEqual(['xlsx', '']);
        expect(xlsx.rowsRead).toBe(loaded(csv).rowsRead);
      }
    },
  );

  it('the problem fixture gives its problems with the same file, row, column and value', async () => {
    const path = 'fixtures/problems/utredningar_fel.csv';
    const xlsx = loaded(await importAnyFile(csvToXlsx(textOf(path), SERIAL), 'utredningar_fel.xlsx'));
    expect(xlsx.rowsRead).toBe(8);
    expect(xlsx.rowsRead).toBe(xlsx.table.count + xlsx.rowsRejected);
    expect(xlsx.problems.map((p) => [p.file, p.line, p.column, p.value, p.code])).toEqual([
      ['utredningar_fel.xlsx', 3, 'startdatum', '2025-02-30', 'invalid-date'],
      ['utredningar_fel.xlsx', 4, 'avslutsdatum', '2025-03-01', 'end-before-start'],
      ['utredningar_fel.xlsx', 5, 'utredning_id', '', 'missing-value'],
      ['utredningar_fel.xlsx', 7, '', 'F-6;2025-03-12;;Norr;x', 'field-count'],
    ]);
    // The repeated id (row 6) and the date after the as-of date (row 8) are found across files.
    const engine = new Engine();
    engine.add(xlsx);
    const problems = engine.reconciliation(parseIsoDate('2025-11-30')!).problems;
    expect(problems.filter((p) => p.line >= 6 && p.line !== 7).map((p) => [p.line, p.column, p.value, p.code])).toEqual(
      [
        [6, 'utredning_id', 'F-1', 'duplicate-id'],
        [8, 'Startdatum', '2026-01-05', 'after-as-of'],
      ],
    );
  });
});

describe('the demo data saved as .xlsx gives the same figures on every page', () => {
  const files = ['utredningar', 'forlangningar', 'orosanmalningar', 'beslut'];
  // Date serials in both systems, and dates as text.
  const options: Record<string, XlsxOptions> = {
    utredningar: SERIAL,
    forlangningar: TEXT,
    orosanmalningar: SERIAL_1904,
    beslut: SERIAL,
  };
  const fromCsv = new Engine();
  const fromXlsx = new Engine();
  const ready = (async () => {
    for (const name of files) {
      const path = `public/data/${name}.csv`;
      const csv = loaded(importFile(bytesOf(path), `${name}.csv`));
      const xlsx = loaded(await importAnyFile(csvToXlsx(textOf(path), options[name]), `${name}.xlsx`));
      expect(withoutFormat(xlsx)).toEqual(withoutFormat(csv));
      fromCsv.add(csv);
      fromXlsx.add(xlsx);
    }
  })();

  it('the workbooks hold date serials where asked, text where asked', () => {
    const sheet = (name: string) =>
      strFromU8(unzipSync(csvToXlsx(textOf(`public/data/${name}.csv`), options[name]))['xl/worksheets/sheet1.xml']);
    // U-00001 started 2021-01-18: serial 44214 (1900 system), 42752 (1904 system).
    expect(sheet('utredningar')).toContain('<c r="B2" s="1"><v>44214</v></c>');
    expect(sheet('orosanmalningar')).toMatch(/<c r="B2" s="1"><v>\d+<\/v><\/c>/);
    expect(sheet('forlangningar')).not.toContain(' s="1"');
    expect(dateSerial('2021-01-18', true)).toEqual({ serial: 44214 - 1462, time: false });
  });

  it('the same as-of date, reconciliation and views', async () => {
    await ready;
    const asOf = fromCsv.defaultAsOf();
    expect(fromXlsx.defaultAsOf()).toEqual(asOf);
    const query = { asOf: asOf.asOf };
    expect(asCsv(fromXlsx.reconciliation(asOf.asOf) as never)).toEqual(
      asCsv(fromCsv.reconciliation(asOf.asOf) as never),
    );
    expect(fromXlsx.investigations(query)).toEqual(fromCsv.investigations(query));
    expect(fromXlsx.concerns(query)).toEqual(fromCsv.concerns(query));
    expect(fromXlsx.decisions(query)).toEqual(fromCsv.decisions(query));
    expect(fromXlsx.overview(query)).toEqual(fromCsv.overview(query));
    expect(fromXlsx.watch({ ...query, reopenWindow: 30 })).toEqual(fromCsv.watch({ ...query, reopenWindow: 30 }));
    const ivo = { ...query, quarter: latestCompleteQuarter(asOf.asOf) };
    expect(fromXlsx.ivoList(ivo)).toEqual(fromCsv.ivoList(ivo));
    expect(fromCsv.investigations(query)?.months.length).toBeGreaterThan(24);
  });
});

describe('importAnyFile on workbooks', () => {
  const header = 'utredning_id;startdatum;avslutsdatum;enhet\n';

  it('reads date serials with the 1900 leap-year quirk: 60 is the nonexistent 1900-02-29, rejected as a date', async () => {
    // Cells written by hand: serials 59, 60, 61 and 45688 with a date style.
    const rows = [59, 60, 61, 45688].map((serial, i) => `U-${i};${serial};;Norr`).join('\n');
    const bytes = csvToXlsx(header + rows, { dates: 'text', numbers: true });
    const styled = strToU8(
      strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml']).replace(/<c r="(B\d+)"><v>/g, '<c r="$1" s="1"><v>'),
    );
    const result = loaded(
      await importAnyFile(zipSync({ ...unzipSync(bytes), 'xl/worksheets/sheet1.xml': styled }), 'a.xlsx'),
    );
    expect(result.rowsRead).toBe(4);
    expect(result.problems.map((p) => [p.line, p.column, p.value, p.code])).toEqual([
      [3, 'startdatum', '1900-02-29', 'invalid-date'],
    ]);
    expect(result.rowsRead).toBe(result.table.count + result.rowsRejected);
    const starts = [...result.table.dates.startdatum].map((day) =>
      new Date(day * 86_400_000).toISOString().slice(0, 10),
    );
    expect(starts).toEqual(['1900-02-28', '1900-03-01', '2025-01-31']);
  });

  it('reads the 1904 date system when the workbook says so', async () => {
    const bytes = csvToXlsx(header + 'U-1;2025-01-31;2025-03-01;Norr\n', SERIAL_1904);
    expect(strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml'])).toContain(`<v>${45688 - 1462}</v>`);
    const result = loaded(await importAnyFile(bytes, 'a.xlsx'));
    expect(result.problems).toEqual([]);
    expect(result.table.dates.startdatum[0]).toBe(Date.UTC(2025, 0, 31) / 86_400_000);
  });

  it('passes dates typed as text to the date parser, as in a CSV', async () => {
    const text = header + 'U-1;31/1/2025;20250301;Norr\nU-2;2025-02-30;;Norr\n';
    const result = loaded(await importAnyFile(csvToXlsx(text, TEXT), 'a.xlsx'));
    expect(result.table.dates.startdatum[0]).toBe(Date.UTC(2025, 0, 31) / 86_400_000);
    expect(result.table.dates.avslutsdatum[0]).toBe(Date.UTC(2025, 2, 1) / 86_400_000);
    expect(result.problems.map((p) => [p.file, p.line, p.column, p.value, p.code])).toEqual([
      ['a.xlsx', 3, 'startdatum', '2025-02-30', 'invalid-date'],
    ]);
  });

  it('reads the first sheet and says which, when there are more', async () => {
    const bytes = csvToXlsx(header + 'U-1;2025-01-31;;Norr\n', {
      ...SERIAL,
      sheetName: 'Utredningar',
      moreSheets: [{ name: 'Anteckningar', csv: 'x;y\n1;2\n' }],
    });
    const result = loaded(await importAnyFile(bytes, 'a.xlsx'));
    expect(result.rowsRead).toBe(1);
    expect(result.problems).toEqual([
      {
        file: 'a.xlsx',
        line: 0,
        column: '',
        value: 'Utredningar',
        code: 'unread-sheets',
        severity: 'varning',
        message:
          'Arbetsboken a.xlsx har 2 blad; bara bladet ”Utredningar” lästes (det andra bladet lästes inte). Spara ett blad som egen fil för att läsa det.',
      },
    ]);
  });

  it('masks a personnummer in a sheet name it repeats', async () => {
    const bytes = csvToXlsx(header + 'U-1;2025-01-31;;Norr\n', {
      ...SERIAL,
      sheetName: '19121212-1212',
      moreSheets: [{ name: 'B', csv: 'x;y\n' }],
    });
    const warning = loaded(await importAnyFile(bytes, 'a.xlsx')).problems[0];
    expect([warning.value, warning.message]).toEqual([
      'ÅÅMMDD-XXXX',
      expect.stringContaining('bara bladet ”ÅÅMMDD-XXXX” lästes') as string,
    ]);
    expect(JSON.stringify(warning)).not.toContain('1212-1212');
    const empty = csvToXlsx('\n', { ...TEXT, sheetName: '121212-1212' });
    const failed = await importAnyFile(empty, 'tom.xlsx');
    expect(failed.status === 'failed' && failed.problem.message).toBe(
      'Filen tom.xlsx: Bladet ”ÅÅMMDD-XXXX” är tomt. Inget har ändrats.',
    );
  });

  it('gives an .xls, an .ods, another zip and an empty sheet a clear message naming the file', async () => {
    const xls = new Uint8Array(2048);
    xls.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const ods = zipSync({
      mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }],
      'content.xml': strToU8('<office:document-content/>'),
    });
    const docx = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w/>') });
    const empty = csvToXlsx('\n', TEXT);
    const outcome = async (bytes: Uint8Array, file: string) => {
      const result = await importAnyFile(bytes, file);
      if (result.status !== 'failed') throw new Error(result.status);
      return [result.problem.code, result.problem.message];
    };
    expect(await outcome(xls, 'uttag.xls')).toEqual([
      'not-workbook',
      'Filen uttag.xls är en äldre Excel-fil (.xls). Spara den som .xlsx eller CSV och försök igen. Inget har ändrats.',
    ]);
    // By its bytes, not its name.
    expect((await outcome(xls, 'uttag.csv'))[1]).toContain('Filen uttag.csv är en äldre Excel-fil (.xls).');
    expect((await outcome(ods, 'uttag.ods'))[1]).toBe(
      'Filen uttag.ods är ett OpenDocument-kalkylblad (.ods). Spara den som .xlsx eller CSV och försök igen. Inget har ändrats.',
    );
    expect((await outcome(docx, 'brev.docx'))[1]).toMatch(/^Filen brev\.docx är en zip-fil men ingen Excel-arbetsbok/);
    expect(await outcome(empty, 'tom.xlsx')).toEqual([
      'empty-file',
      'Filen tom.xlsx: Bladet ”Blad1” är tomt. Inget har ändrats.',
    ]);
  });

  it('reads a CSV named .xlsx as the CSV it is, and a workbook named .csv as a workbook', async () => {
    const text = header + 'U-1;2025-01-31;;Norr\n';
    expect(withoutFormat(await importAnyFile(strToU8(text), 'a.csv'))).toEqual(
      withoutFormat(importFile(strToU8(text), 'a.csv')),
    );
    expect(loaded(await importAnyFile(strToU8(text), 'a.xlsx')).encoding).toBe('utf-8');
    expect(loaded(await importAnyFile(csvToXlsx(text, SERIAL), 'a.csv')).encoding).toBe('xlsx');
  });
});
