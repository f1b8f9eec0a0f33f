/** `npm run report` on the demo data saved as .xlsx writes the same files as on the CSVs. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvToXlsx, type XlsxOptions } from '../import/xlsxWriter';

const run = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/report.ts', ...args], { encoding: 'utf8' });

const NAMES = ['utredningar', 'forlangningar', 'orosanmalningar', 'beslut'];
// Date serials in both date systems, and dates as text.
const OPTIONS: Record<string, XlsxOptions> = {
  utredningar: { dates: 'serial', numbers: true },
  forlangningar: { dates: 'text' },
  orosanmalningar: { dates: 'serial', numbers: true, date1904: true },
  beslut: { dates: 'text', numbers: true },
};

/** A written file with the workbooks' names back to .csv and the format columns of avstamning.csv emptied. */
function normalised(text: string): string {
  const [header, ...rows] = text.replace(/\.xlsx\b/g, '.csv').split('\r\n');
  const columns = header.replace(/^\uFEFF/, '').split(';');
  const format = ['teckenkodning', 'avgransare'].map((c) => columns.indexOf(c)).filter((i) => i >= 0);
  if (format.length === 0) return text.replace(/\.xlsx\b/g, '.csv');
  const blank = (row: string) =>
    row
      .split(';')
      .map((cell, i) => (format.includes(i) ? '' : cell))
      .join(';');
  return [header, ...rows.map(blank)].join('\r\n');
}

describe('npm run report -- FILE.xlsx', () => {
  const dir = mkdtempSync(join(tmpdir(), 'insyn-xlsx-'));
  const workbooks = NAMES.map((name) => {
    const path = join(dir, `${name}.xlsx`);
    writeFileSync(path, csvToXlsx(readFileSync(`public/data/${name}.csv`, 'utf8'), OPTIONS[name]));
    return path;
  });
  const fromCsv = join(dir, 'csv');
  const fromXlsx = join(dir, 'xlsx');
  const csvRun = run('--out', fromCsv, ...NAMES.map((name) => `public/data/${name}.csv`));
  const xlsxRun = run('--out', fromXlsx, ...workbooks);

  it('reads the workbooks and prints the same as-of date and reconciliation', () => {
    expect(csvRun.status).toBe(0);
    expect(xlsxRun.stderr).toBe('');
    expect(xlsxRun.status).toBe(0);
    expect(xlsxRun.stdout).toContain('utredningar.xlsx (utredningar): ');
    expect(xlsxRun.stdout.replace(/\.xlsx/g, '.csv').replace(fromXlsx, fromCsv)).toBe(csvRun.stdout);
  });

  it('writes the same files with the same figures', () => {
    const files = readdirSync(fromCsv).sort();
    expect(files.length).toBeGreaterThanOrEqual(12);
    expect(readdirSync(fromXlsx).sort()).toEqual(files);
    for (const file of files)
      expect({ file, text: normalised(readFileSync(join(fromXlsx, file), 'utf8')) }).toEqual({
        file,
        text: normalised(readFileSync(join(fromCsv, file), 'utf8')),
      });
    const reconciliation = readFileSync(join(fromXlsx, 'avstamning.csv'), 'utf8');
    expect(reconciliation).toContain('utredningar.xlsx;utredningar;xlsx;–;');
  });

  it('exits 1 with a Swedish message naming an .xls file', () => {
    const xls = join(dir, 'gammal.xls');
    const bytes = new Uint8Array(2048);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    writeFileSync(xls, bytes);
    const result = run('--out', join(dir, 'xls'), xls);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      'Fel: Filen gammal.xls är en äldre Excel-fil (.xls). Spara den som .xlsx eller CSV och försök igen. Inget har ändrats.\n',
    );
  });
});
