// The default as-of date on extracts with a handful of mistyped later dates (issue 9 §1, DOMAIN.md
// "as-of date"): the report without --as-of must still take the extract's own day, reject only the
// mistyped rows, and agree with the oracle at that day — on the demo and on the demo moved forward.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normaliseHeader } from '../../../fixtures/oracle/csv';
import { loadExtract } from '../../../fixtures/oracle/extract';
import { RENAMED_UNITS, shiftFiles } from '../../../fixtures/oracle/shift';
import { compareWithOracle, readReportTable } from './compare';

const DEMO = ['beslut', 'forlangningar', 'orosanmalningar', 'utredningar'].map((name) => `public/data/${name}.csv`);

/** A mistyped date: row `id` of `file` gets `value` in `column` (canonical header). */
interface Typo {
  file: string;
  id: string;
  column: string;
  value: string;
}

/** Startdatum typed two months after the extract day (2025-11-05 → 2026-01-05). */
const ONE_TYPO: Typo[] = [{ file: 'utredningar.csv', id: 'U-06752', column: 'startdatum', value: '2026-01-05' }];
const FOUR_TYPOS: Typo[] = [
  ...ONE_TYPO,
  { file: 'utredningar.csv', id: 'U-06377', column: 'avslutsdatum', value: '2026-11-03' }, // year typed wrong
  { file: 'orosanmalningar.csv', id: 'A-044879', column: 'inkomstdatum', value: '2026-01-08' },
  { file: 'beslut.csv', id: 'B-12210', column: 'verkstalldatum', value: '2026-10-27' },
];

/** Copies `paths` into a new folder with the typos written in (ids may carry `prefix`). */
function withTypos(paths: string[], typos: Typo[], prefix = ''): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'insyn-typos-'));
  return paths.map((path) => {
    const [header, ...lines] = readFileSync(path, 'utf8').split('\r\n');
    const columns = header
      .replace(/^\ufeff/, '')
      .split(';')
      .map(normaliseHeader);
    const edited = lines.map((line) => {
      const values = line.split(';');
      for (const typo of typos)
        if (typo.file === basename(path) && values[0] === prefix + typo.id)
          values[columns.indexOf(normaliseHeader(typo.column))] = typo.value;
      return values.join(';');
    });
    const out = join(dir, basename(path));
    writeFileSync(out, [header, ...edited].join('\r\n'));
    return out;
  });
}

/** The report's rejected rows per file, and the oracle's, at `asOf`. */
function rejected(out: string, files: string[], asOf: string) {
  const report = readReportTable(out, 'avstamning.csv');
  return {
    report: Object.fromEntries([...report].map(([file, row]) => [file, row.rader_avvisade])),
    oracle: Object.fromEntries(loadExtract(files, asOf).files.map((f) => [f.file, f.rejected])),
  };
}

describe.each([
  ['one startdatum two months after the extract day', ONE_TYPO],
  ['four mistyped later dates in three files', FOUR_TYPOS],
])('the demo with %s, no --as-of', (_, typos) => {
  it('takes 2025-11-30, rejects only the mistyped rows and agrees with the oracle', () => {
    const files = withTypos(DEMO, typos);
    const comparison = compareWithOracle(files, { quarter: '2025Q3', oracleAsOf: '2025-11-30' });
    expect(comparison.printedAsOf).toBe('2025-11-30');
    const { report, oracle } = rejected(comparison.out, files, '2025-11-30');
    expect(report).toEqual(oracle);
    expect(Object.values(oracle).reduce((a, b) => a + b, 0)).toBe(typos.length);
    expect(comparison.found).toEqual([]);
  }, 120_000);
});

describe('the demo moved four years forward with four mistyped later dates, no --as-of', () => {
  it('takes 2029-11-30 and agrees with the oracle there', () => {
    const moved = shiftFiles(DEMO, mkdtempSync(join(tmpdir(), 'insyn-moved-')), {
      years: 4,
      units: RENAMED_UNITS,
      idPrefix: 'X-',
    });
    const typos = FOUR_TYPOS.map((t) => ({ ...t, value: `${Number(t.value.slice(0, 4)) + 4}${t.value.slice(4)}` }));
    const files = withTypos(moved, typos, 'X-');
    const comparison = compareWithOracle(files, { quarter: '2029Q3', oracleAsOf: '2029-11-30' });
    expect(comparison.printedAsOf).toBe('2029-11-30');
    expect(comparison.found).toEqual([]);
  }, 120_000);
});
