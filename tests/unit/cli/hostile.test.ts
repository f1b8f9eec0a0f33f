/**
 * Issue 10's "done when", on the command line: a hostile extract — formulas in unit names, insats
 * and reason texts, personnummer typed into ids, units, free text and a row with too many fields —
 * through `npm run report` (with --quarter, so the IVO list is written) and `npm run publish`. No
 * output file and no console line may hold a planted personnummer, and no CSV cell may be one that a
 * spreadsheet runs as a formula. The checks are written here, apart from the code under test: the
 * planted numbers are looked for in every digit form, and the formula rule is OWASP's.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';

/** Valid personnummer and a samordningsnummer (day + 60), each in the forms a case worker types. */
const PLANTED = ['19121212-1212', '201212121212', '121212+1212', '811218-9876', '19701063-2391'];
/** Every way the digits of a planted number could come back out. */
const FORMS = PLANTED.flatMap((p) => {
  const digits = p.replace(/\D/g, '');
  const ten = digits.slice(-10);
  return [p, digits, ten, `${ten.slice(0, 6)}-${ten.slice(6)}`, `${ten.slice(0, 6)}+${ten.slice(6)}`];
});
const FORMULA_START = /^[=+\-@\t\r]/;
const HARMLESS_NUMBER = /^[-+−][\d.,\s\u202f%]*$/;

const FILES: Record<string, string> = {
  'utredningar.csv': [
    'utredning_id;startdatum;avslutsdatum;enhet;kon;alder;person_id',
    'U-1;2025-01-10;2025-03-01;=HYPERLINK("http://x","y");flicka;5;P1',
    'U-2;2025-01-12;;+Söder;pojke;7;19121212-1212',
    'U-3;2025-02-03;2025-07-01;-Öster;flicka;9;P3',
    'U-4;2025-02-04;2025-05-20;@Väster;pojke;3;P4',
    '19121212-1212;2025-03-05;2025-04-01;Norr 201212121212;flicka;4;P5',
    'U-6;2025-03-06;2025-09-01;Norr;flicka;4;P6;811218-9876;extra',
    'U-7;2025-04-07;;Norr;pojke;12;121212+1212',
  ].join('\r\n'),
  'forlangningar.csv': [
    'utredning_id;beslutsdatum;forlangd_till;skal',
    'U-3;2025-05-20;2025-07-30;Vårdnadshavare 19121212-1212 avbokade',
    'U-7;2025-07-01;2025-09-30;=1+1',
  ].join('\r\n'),
  'beslut.csv': [
    'beslut_id;beslutsdatum;insats;verkstalldatum;avbrottsdatum;aterupptagen_datum;orsak;enhet;kon;alder',
    'B-1;2025-02-01;=1+1;;;;Väntar på plats 811218-9876;@Väster;pojke;8',
    'B-2;2025-03-01;Öppenvård;2025-08-15;;;-ingen plats;+Söder;flicka;6',
    'B-3;2025-04-02;Kontaktperson 121212+1212;;;;@SUM(A1);Norr;flicka;11',
    '201212121212;2025-04-03;Familjehem;2025-05-01;;;;Norr;pojke;2',
  ].join('\r\n'),
  'orosanmalningar.csv': [
    'anmalan_id;inkomstdatum;skyddsbedomning_datum;forhandsbedomning_datum;beslut;orsak_forsening;enhet;kon;alder',
    'A-1;2025-03-01;2025-03-01;2025-03-30;inleds;Vårdnadshavare 19701063-2391 uteblev;-Öster;flicka;6',
    'A-2;2025-03-02;2025-03-02;2025-04-20;inleds ej;=HYPERLINK("http://x")&"y";Norr 121212-1212;pojke;4',
    'A-3;2025-03-03;2025-03-03;2025-03-10;inleds ej;;Norr;pojke;4',
  ].join('\r\n'),
};

const dir = mkdtempSync(join(tmpdir(), 'insyn-hostile-'));
const inputs = Object.entries(FILES).map(([name, text]) => {
  const path = join(dir, name);
  writeFileSync(path, `${text}\r\n`);
  return path;
});
const cli = (script: string, out: string, ...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', `src/cli/${script}.ts`, ...args, '--out', out, ...inputs], {
    encoding: 'utf8',
  });

function written(out: string): Map<string, string> {
  return new Map(readdirSync(out).map((name) => [name, readFileSync(join(out, name), 'utf8')]));
}

function leaks(text: string): string[] {
  return FORMS.filter((form) => text.includes(form));
}

describe('a hostile extract through the command line', () => {
  const reportDir = join(dir, 'rapport');
  const report = cli('report', reportDir, '--as-of', '2025-11-30', '--quarter', '2025Q3');
  const publishDir = join(dir, 'paket');
  const publish = cli('publish', publishDir, '--as-of', '2025-11-30', '--created', '2025-12-01');

  it('writes every report file, the IVO list included', () => {
    expect(report.status, report.stderr).toBe(0);
    const names = [...written(reportDir).keys()];
    expect(names).toEqual(expect.arrayContaining(['ivo_2025Q3.csv', 'problem.csv', 'beslut_enhet.csv']));
    expect(names.length).toBeGreaterThanOrEqual(14);
    expect(publish.status, publish.stderr).toBe(0);
  });

  it('shows no planted personnummer in any file or on the console', () => {
    const found: string[] = [];
    for (const [name, text] of [...written(reportDir), ...written(publishDir)])
      for (const form of leaks(text)) found.push(`${name}: ${form}`);
    for (const [name, text] of Object.entries({
      'report stdout': report.stdout,
      'report stderr': report.stderr,
      'publish stdout': publish.stdout,
      'publish stderr': publish.stderr,
    }))
      for (const form of leaks(text)) found.push(`${name}: ${form}`);
    expect(found).toEqual([]);
  });

  it('writes no CSV cell that a spreadsheet would run, while the hostile values stay readable', () => {
    const offending: string[] = [];
    let cells = 0;
    let neutralised = 0;
    for (const [name, text] of [...written(reportDir), ...written(publishDir)]) {
      if (!name.endsWith('.csv')) continue;
      const parsed = Papa.parse<string[]>(text.replace(/^\ufeff/, ''), { delimiter: ';', skipEmptyLines: true });
      expect(parsed.errors, name).toEqual([]);
      for (const row of parsed.data)
        for (const cell of row) {
          cells++;
          if (cell.startsWith("'")) neutralised++;
          if (FORMULA_START.test(cell) && !HARMLESS_NUMBER.test(cell)) offending.push(`${name}: ${cell}`);
        }
    }
    expect(offending).toEqual([]);
    expect(cells).toBeGreaterThan(500);
    // The hostile units and insats are still there, neutralised, not dropped.
    expect(neutralised).toBeGreaterThanOrEqual(6);
    const units = readFileSync(join(reportDir, 'beslut_enhet.csv'), 'utf8');
    expect(units).toContain("'@Väster");
    expect(units).toContain("'+Söder");
  });

  it('keeps the counts: rows read = accepted + rejected, the extra-field row rejected', () => {
    expect(report.stdout).toMatch(/utredningar\.csv \(utredningar\): 7 rader lästa = 6 godkända \+ 1 avvisade/);
    expect(report.stdout).toMatch(/beslut\.csv \(beslut\): 4 rader lästa = 4 godkända \+ 0 avvisade/);
  });
});
