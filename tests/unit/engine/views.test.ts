/**
 * What the views give the pages so that the pages compute nothing: the report's year beside the
 * year before, the overview card's comparison year, and the watch lists' order. Expected values by hand.
 */
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/engine/engine';
import { importFile } from '../../../src/import/importFile';
import { dayFromYmd } from '../../../src/kpi';

/** An engine holding the files, each given as its lines. */
function engineWith(files: Record<string, string[]>): Engine {
  const engine = new Engine();
  for (const [name, lines] of Object.entries(files)) {
    const result = importFile(new TextEncoder().encode(lines.join('\n') + '\n'), name);
    if (result.status !== 'loaded') throw new Error(`expected loaded, got ${JSON.stringify(result)}`);
    engine.add(result);
  }
  return engine;
}

/** Investigations started in 2024 and 2025. */
const twoYears = engineWith({
  'u.csv': [
    'utredning_id;startdatum;avslutsdatum;enhet',
    // 2024, January–June: 2 started, U2 late (deadline 2024-06-05).
    'U1;2024-01-10;2024-03-01;Norr',
    'U2;2024-02-05;2024-08-01;Norr',
    // 2025, January–June: 3 started, U4 late (deadline 2025-07-03); U6 starts after June.
    'U3;2025-01-10;2025-02-01;Norr',
    'U4;2025-03-03;2025-09-01;Norr',
    'U5;2025-05-10;2025-06-01;Norr',
    'U6;2025-07-01;2025-08-01;Norr',
  ],
});

describe('yearPeriod (the nämnd’s report)', () => {
  const asOf = dayFromYmd(2025, 11, 30);
  const report = (year: number) => ({
    asOf,
    fromMonth: year * 12,
    toMonth: year * 12 + 5,
    periodFrom: 1,
    periodTo: 6,
    year,
  });

  it('returns the year’s period beside the same period a year earlier', () => {
    const period = twoYears.investigations(report(2025))?.yearPeriod;
    expect(period).toMatchObject({
      year: 2025,
      previousYear: 2024,
      current: { year: 2025, denominator: 3, numerator: 1 },
      previous: { year: 2024, denominator: 2, numerator: 1 },
    });
  });

  describe('edge cases', () => {
    it('returns no previous period for the first year of the data', () => {
      expect(twoYears.investigations(report(2024))?.yearPeriod).toMatchObject({
        year: 2024,
        previousYear: 2023,
        current: { year: 2024, denominator: 2 },
        previous: null,
      });
    });
    it('returns null without a year in the query (the indicator pages)', () => {
      expect(twoYears.investigations({ asOf })?.yearPeriod).toBeNull();
    });
  });
});

describe('the overview card’s comparison year', () => {
  it('returns the year before the headline month’s', () => {
    const card = twoYears.overview({ asOf: dayFromYmd(2025, 11, 30) }).cards.find((c) => c.id === 'utredningstid');
    const h = card?.headline;
    expect(h && [Math.floor(h.month / 12), h.previousYear]).toEqual([2025, 2024]);
  });
});

describe('the watch lists’ order', () => {
  const engine = engineWith({
    'u.csv': [
      'utredning_id;startdatum;avslutsdatum;enhet;forlangning_beslutsdatum;forlangd_till',
      // Deadline 2025-12-10: 10 days left.
      'W1;2025-08-10;;Norr;;',
      // Extended in time to 2025-12-20: 20 days left.
      'W2;2025-07-01;;Norr;2025-10-20;2025-12-20',
      // Extended in time without a date, deadline passed: nothing to watch ('later'), not listed.
      'W3;2025-07-01;;Norr;2025-10-20;',
      // Deadline 2025-10-15: passed 46 days ago.
      'W4;2025-06-15;;Norr;;',
      // Deadline 2026-01-01: 32 days left, not listed.
      'W5;2025-09-01;;Norr;;',
    ],
    'b.csv': [
      'beslut_id;beslutsdatum;insats;verkstalldatum;enhet',
      // Deadlines 2025-12-15 (15 days), 2025-12-05 (5 days), 2025-11-01 (29 days ago).
      'B1;2025-09-15;HVB;;Norr',
      'B2;2025-09-05;HVB;;Norr',
      'B3;2025-08-01;HVB;;Norr',
    ],
  });
  const view = engine.watch({ asOf: dayFromYmd(2025, 11, 30), reopenWindow: 30 });
  const RANK = { overdue: 0, within14: 1, within30: 2, later: 3 };

  it('lists the rows by days left, which orders them by bucket too', () => {
    expect(view.investigations?.rows.map((r) => [r.id, r.bucket, r.daysLeft])).toEqual([
      ['W4', 'overdue', -46],
      ['W1', 'within14', 10],
      ['W2', 'within30', 20],
    ]);
    expect(view.decisions?.rows.map((r) => [r.id, r.bucket, r.daysLeft])).toEqual([
      ['B3', 'overdue', -29],
      ['B2', 'within14', 5],
      ['B1', 'within30', 15],
    ]);
    for (const rows of [view.investigations?.rows ?? [], view.decisions?.rows ?? []])
      for (let i = 1; i < rows.length; i++)
        expect(RANK[rows[i].bucket]).toBeGreaterThanOrEqual(RANK[rows[i - 1].bucket]);
  });
});
