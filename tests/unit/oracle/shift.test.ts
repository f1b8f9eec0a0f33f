// Data the app has not seen (issue 9 "Done when"): the demo records moved whole years forward, units
// and ids renamed, reported WITHOUT --as-of. The report must find the moved as-of date itself, give
// exactly the same figures moved forward, and agree with the oracle at the moved as-of date.
import { addYears, format, parseISO } from 'date-fns';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { RENAMED_UNITS, shiftFiles } from '../../../fixtures/oracle/shift';
import { compareWithOracle, type Comparison } from './compare';

const DEMO = ['beslut', 'forlangningar', 'orosanmalningar', 'utredningar'].map((name) => `public/data/${name}.csv`);
const PREFIX = 'X-';

/**
 * A report CSV of the original data as the moved data's report must read: every date, month,
 * quarter and year moved, units renamed, decision ids prefixed.
 */
function movedReport(text: string, years: number): string {
  const [header, ...lines] = text.split('\r\n');
  const columns = header.replace(/^\ufeff/, '').split(';');
  const move = (value: string, column: string) => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return format(addYears(parseISO(value), years), 'yyyy-MM-dd');
    if (/^\d{4}(-\d{2}|Q[1-4])$/.test(value) || (column === 'ar' && /^\d{4}$/.test(value)))
      return String(Number(value.slice(0, 4)) + years) + value.slice(4);
    if (column === 'beslut_id' && value) return PREFIX + value;
    return RENAMED_UNITS[value] ?? value;
  };
  return [
    header,
    ...lines.map(
      (line) =>
        line &&
        line
          .split(';')
          .map((v, i) => move(v, columns[i]))
          .join(';'),
    ),
  ].join('\r\n');
}

describe('the demo moved four years forward, units and ids renamed, no --as-of', () => {
  let original: Comparison;
  let moved: Comparison;
  beforeAll(() => {
    const files = shiftFiles(DEMO, mkdtempSync(join(tmpdir(), 'insyn-moved-')), {
      years: 4,
      units: RENAMED_UNITS,
      idPrefix: PREFIX,
    });
    original = compareWithOracle(DEMO, { quarter: '2025Q3', oracleAsOf: '2025-11-30' });
    moved = compareWithOracle(files, { quarter: '2029Q3', oracleAsOf: '2029-11-30' });
  }, 240_000);

  it('finds the as-of date from the files themselves', () => {
    expect(original.printedAsOf).toBe('2025-11-30');
    expect(moved.printedAsOf).toBe('2029-11-30');
  });

  it('writes every file with the same figures moved forward, byte for byte', () => {
    const files = readdirSync(original.out).sort();
    expect(files).toContain('utredningar_manad.csv');
    expect(readdirSync(moved.out).sort()).toEqual(files.map((f) => f.replace('2025Q3', '2029Q3')).sort());
    for (const file of files)
      expect([file, readFileSync(join(moved.out, file.replace('2025Q3', '2029Q3')), 'utf8')]).toEqual([
        file,
        movedReport(readFileSync(join(original.out, file), 'utf8'), 4),
      ]);
  });

  it('agrees with the oracle at the original and at the moved as-of date', () => {
    expect(original.found).toEqual([]);
    expect(moved.found).toEqual([]);
    expect(moved.tables.get('utredningar_manad.csv')?.has('2029-11')).toBe(true);
    expect(moved.tables.get('ivo_2029Q3.csv')?.size).toBe(29);
  });
});

describe('the demo moved three years forward (2024-02-29 becomes 2027-02-28)', () => {
  it('agrees with the oracle at the moved as-of date', () => {
    const files = shiftFiles(DEMO, mkdtempSync(join(tmpdir(), 'insyn-moved-')), {
      years: 3,
      units: RENAMED_UNITS,
      idPrefix: '',
    });
    const moved = compareWithOracle(files, { quarter: '2028Q3', oracleAsOf: '2028-11-30' });
    expect(moved.printedAsOf).toBe('2028-11-30');
    expect(moved.found).toEqual([]);
  }, 120_000);
});
