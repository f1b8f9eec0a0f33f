/**
 * The pages' views from a published package equal the views from the records in every cell the
 * package does not hide (issue 13, "Reading a package"): the demo fixtures are published as the
 * CLI does, read back from JSON, and every number of every view is compared.
 */
import { describe, expect, it } from 'vitest';
import { loadFiles } from '../../../src/cli/load';
import { isHidden, type ViewQuery } from '../../../src/engine/types';
import { PackageViews } from '../../../src/engine/views/fromPackage';
import { publishView } from '../../../src/engine/views/publish';
import type { PublishedPackage } from '../../../src/kpi/publishedPackage';
import { parseIsoDate, parseIsoMonth } from '../../../src/kpi';

const FILES = ['utredningar', 'forlangningar', 'orosanmalningar', 'beslut'].map((name) => `public/data/${name}.csv`);
const asOf = parseIsoDate('2025-11-30') ?? 0;

/** What a package cannot hold, so its views leave it out: not compared. */
const NOT_IN_PACKAGE = new Set([
  'fromPackage',
  'orphanExtensions',
  'extensionSource',
  'reasons',
  'opened',
  'notOpened',
  'openedShare',
  'hasDecision',
  'hasInterruptions',
  'median',
  'p90',
  'executed',
  // Late reasons are published for all units only.
  'hasReasons',
]);

interface Tally {
  shown: number;
  hidden: number;
  differences: string[];
}

/** Walks the package's view; every number it shows must be the records' number at the same place. */
function compare(fromPackage: unknown, fromRecords: unknown, path: string, tally: Tally): void {
  if (typeof fromPackage === 'number') {
    if (isHidden(fromPackage)) {
      tally.hidden++;
      return;
    }
    tally.shown++;
    if (typeof fromRecords !== 'number' || Math.abs(fromPackage - fromRecords) > 1e-9)
      tally.differences.push(`${path}: paket ${fromPackage}, poster ${String(fromRecords)}`);
  } else if (Array.isArray(fromPackage)) {
    if (!Array.isArray(fromRecords) || fromRecords.length !== fromPackage.length) {
      tally.differences.push(
        `${path}: ${fromPackage.length} rader i paketet, poster ${JSON.stringify(fromRecords)?.slice(0, 80)}`,
      );
      return;
    }
    // Breakdown rows are matched by their label, unit or sex; the rest by position.
    const id = (row: unknown) => {
      const r = row as Record<string, unknown>;
      return String(r?.label ?? r?.unit ?? r?.sex ?? '');
    };
    fromPackage.forEach((row, i) => {
      const match = id(row) ? fromRecords.find((r) => id(r) === id(row)) : fromRecords[i];
      compare(row, match, `${path}[${id(row) || i}]`, tally);
    });
  } else if (fromPackage !== null && typeof fromPackage === 'object') {
    const records = (fromRecords ?? {}) as Record<string, unknown>;
    for (const [key, value] of Object.entries(fromPackage)) {
      if (NOT_IN_PACKAGE.has(key)) continue;
      // No chi-square test or direction where a count it needs is hidden.
      if ((key === 'test' || key === 'direction') && value === null) continue;
      compare(value, records[key], `${path}.${key}`, tally);
    }
  } else if (fromPackage !== fromRecords) {
    tally.differences.push(`${path}: paket ${String(fromPackage)}, poster ${String(fromRecords)}`);
  }
}

describe('views from a published package', () => {
  const engine = loadFiles(FILES, {});
  const published = publishView(engine, { asOf, created: '2025-12-01' });
  // As the app reads it: the package's JSON.
  const pkg = JSON.parse(JSON.stringify(published?.package)) as PublishedPackage;
  const views = new PackageViews(pkg);
  const month = (text: string) => parseIsoMonth(text) ?? 0;
  const queries: [string, ViewQuery][] = [
    ['all units, latest twelve months', { asOf }],
    ['all months', { asOf, fromMonth: 0, toMonth: month('2030-01') }],
    ['one unit, 2024', { asOf, units: ['Norr'], fromMonth: month('2024-01'), toMonth: month('2024-12') }],
    ['two units, period July–December', { asOf, units: ['Norr', 'Söder'], periodFrom: 7, periodTo: 12 }],
  ];

  for (const [name, query] of queries) {
    it(`equal the record views in every shown cell: ${name}`, () => {
      const tally: Tally = { shown: 0, hidden: 0, differences: [] };
      compare(views.investigations(query), engine.investigations(query), 'utredningar', tally);
      compare(views.concerns(query), engine.concerns(query), 'orosanmalningar', tally);
      compare(views.decisions(query), engine.decisions(query), 'beslut', tally);
      compare(views.overview(query), engine.overview(query), 'oversikt', tally);
      expect(tally.differences.slice(0, 20)).toEqual([]);
      // Most figures are shown, and the package does hide some.
      expect(tally.shown).toBeGreaterThan(1000);
      expect(tally.hidden).toBeGreaterThan(0);
    });
  }

  it('hides a count the package hides, and every share made with it', () => {
    const row = pkg.tables.utredningar?.find((r) => r.unit === null && r.sex === null && r.late === null);
    expect(row).toBeDefined();
    const view = views.investigations({ asOf, fromMonth: 0, toMonth: month('2030-01') });
    const cohort = view?.months.find((m) => m.month === month(row?.month ?? ''));
    expect(isHidden(cohort?.late)).toBe(true);
    expect(isHidden(cohort?.lateShare)).toBe(true);
    const yoy = view?.yearOverYear.find((r) => r.month === month(row?.month ?? '') + 12);
    expect(isHidden(yoy?.previousShare)).toBe(true);
  });

  it('gives the headline of the same month as the records', () => {
    const fromRecords = engine.overview({ asOf }).cards.map((c) => [c.id, c.headline?.month]);
    expect(views.overview({ asOf }).cards.map((c) => [c.id, c.headline?.month])).toEqual(fromRecords);
  });
});
