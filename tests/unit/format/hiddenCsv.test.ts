/**
 * A figure hidden in a published package (NaN in a view, issue 13) leaves the app in a CSV as
 * `dolt` – as in the package's own CSV files – never as `NaN`, 0 or an empty cell.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PackageViews } from '../../../src/engine/views/fromPackage';
import { toCsv } from '../../../src/format/csv';
import {
  concernMonthlyColumns,
  decisionMonthColumns,
  investigationMonthlyColumns,
  periodColumns,
} from '../../../src/format/exports';
import { parseIsoDate } from '../../../src/kpi';
import type { AggregateTables, PackageManifest, PublishedPackage } from '../../../src/kpi/publishedPackage';

/** The built demo's package (public/data), as the app reads it. */
function demoPackage(): PublishedPackage {
  const manifest = JSON.parse(readFileSync('public/data/manifest.json', 'utf8')) as PackageManifest;
  const tables: AggregateTables = {};
  for (const name of manifest.tables)
    Object.assign(tables, { [name]: JSON.parse(readFileSync(`public/data/${name}.json`, 'utf8')) as unknown });
  return { manifest, tables };
}

describe('CSV of hidden figures', () => {
  it('writes NaN as "dolt", and a 0 or a missing value as before', () => {
    const columns = [{ header: 'antal', value: (r: number | null) => r }];
    expect(toCsv(columns, [NaN, 0, null, 4])).toBe('\ufeffantal\r\ndolt\r\n0\r\n\r\n4\r\n');
  });

  it('gives no NaN in any table exported from the demo package, and "dolt" where a cell is hidden', () => {
    const views = new PackageViews(demoPackage());
    const query = { asOf: parseIsoDate('2025-11-30') ?? 0, units: ['Norr'] };
    const investigations = views.investigations(query);
    const concerns = views.concerns(query);
    const decisions = views.decisions(query);
    if (!investigations || !concerns || !decisions) throw new Error('the demo package lacks a view');
    const files = [
      toCsv(investigationMonthlyColumns, investigations.rows),
      toCsv(periodColumns, investigations.periods),
      toCsv(concernMonthlyColumns, concerns.rows),
      toCsv(decisionMonthColumns, decisions.rows),
    ];
    const all = files.join('');
    expect(all).not.toMatch(/NaN/);
    // Norr's months hide some counts: each reads "dolt" in its cell.
    const hiddenCells = all.split(/[;\r\n]/).filter((cell) => cell === 'dolt').length;
    expect(hiddenCells).toBeGreaterThan(10);
    const hiddenInView = [investigations.rows, concerns.rows, decisions.rows]
      .flat()
      .some((row) => Object.values(row).some((v) => typeof v === 'number' && Number.isNaN(v)));
    expect(hiddenInView).toBe(true);
  });
});
