import { describe, expect, it } from 'vitest';
import { daysBucket, isoDate, ivoList, ivoSummary, NO_DATE, type IvoColumns, type IvoEntry } from '../../../src/kpi';
import { d, q } from './days';

describe('daysBucket', () => {
  it('puts days waited in the summary’s three buckets, with the edges', () => {
    expect(daysBucket(92)).toBe('3–6 månader (högst 180 dagar)');
    expect(daysBucket(180)).toBe('3–6 månader (högst 180 dagar)');
    expect(daysBucket(181)).toBe('6–12 månader (181–365 dagar)');
    expect(daysBucket(365)).toBe('6–12 månader (181–365 dagar)');
    expect(daysBucket(366)).toBe('mer än ett år (över 365 dagar)');
  });
});

describe('ivoSummary', () => {
  const entry = (
    intervention: string,
    days: number,
    sex: string,
    kind: IvoEntry['kind'],
    executed: boolean,
  ): IvoEntry => ({
    quarter: '2025Q3',
    id: `${intervention}-${days}`,
    decided: 0,
    start: 0,
    deadline: 0,
    intervention,
    kind,
    executed,
    executedOn: NO_DATE,
    days,
    reason: '',
    sex,
    unit: 'Norr',
    status: 'ny',
  });
  const entries = [
    entry('HVB', 100, 'flicka', 'beslut', false),
    entry('HVB', 181, 'pojke', 'beslut', true),
    entry('Öppenvård', 400, 'flicka', 'avbrott', false),
    entry('Familjehem', 180, 'okänt', 'avbrott', true),
    entry('Öppenvård', 365, 'flicka', 'beslut', false),
  ];

  it('returns counts per insats (most first), days waited, kön and status', () => {
    expect(ivoSummary(entries).map((r) => [r.group, r.label, r.count])).toEqual([
      ['insats', 'HVB', 2],
      ['insats', 'Öppenvård', 2],
      ['insats', 'Familjehem', 1],
      ['dagar', '3–6 månader (högst 180 dagar)', 2],
      ['dagar', '6–12 månader (181–365 dagar)', 2],
      ['dagar', 'mer än ett år (över 365 dagar)', 1],
      ['kön', 'flicka', 3],
      ['kön', 'pojke', 1],
      ['kön', 'okänt', 1],
      ['status', 'ej verkställt', 2],
      ['status', 'avbrott, ej återupptaget', 1],
      ['status', 'avbrott, återupptaget', 1],
      ['status', 'verkställt', 1],
    ]);
  });
  describe('edge cases', () => {
    it('returns no rows for an empty list', () => {
      expect(ivoSummary([])).toEqual([]);
    });
  });
});

describe('ivoList', () => {
  // Four decisions of unit Norr (code 0) and one of Söder (code 1).
  const rows: [string, string, string | null, string | null, number][] = [
    ['B1', '2025-01-15', null, null, 0], // deadline 2025-04-15, still waiting: on the Q2 and Q3 lists
    ['B2', '2025-05-20', '2025-09-10', null, 0], // deadline 2025-08-20, executed late in Q3: new on Q3's list
    ['B3', '2025-03-01', '2025-06-20', null, 0], // deadline 2025-06-01, executed late in Q2: dropped from Q3
    ['B4', '2025-02-01', '2025-03-01', '2025-04-10', 0], // in time, then interrupted and not resumed
    ['B5', '2025-01-15', null, null, 1], // Söder: left out
  ];
  const columns: IvoColumns = {
    count: rows.length,
    id: rows.map((r) => r[0]),
    decided: Int32Array.from(rows, (r) => d(r[1])),
    executed: Int32Array.from(rows, (r) => (r[2] ? d(r[2]) : NO_DATE)),
    interrupted: Int32Array.from(rows, (r) => (r[3] ? d(r[3]) : NO_DATE)),
    resumed: new Int32Array(rows.length).fill(NO_DATE),
    reason: rows.map(() => ''),
    unit: Uint16Array.from(rows, (r) => r[4]),
    units: ['Norr', 'Söder'],
    intervention: new Uint16Array(rows.length),
    interventions: ['Öppenvård'],
    sex: new Uint16Array(rows.length).fill(2),
    sexes: ['okänt', 'pojke', 'flicka', 'annat'],
  };
  const norr = (row: number) => columns.unit[row] === 0;

  it('lists the quarter’s reports oldest first, compared with the previous quarter', () => {
    const list = ivoList(columns, q('2025Q3'), d('2025-11-30'), {}, norr);
    expect(list.entries.map((e) => [e.id, e.kind, e.executed, e.days, e.status, isoDate(e.deadline)])).toEqual([
      // 2025-01-15 → 2025-09-30: 16 + 28 + 31 + 30 + 31 + 30 + 31 + 31 + 30 days
      ['B1', 'beslut', false, 258, 'väntar fortfarande', '2025-04-15'],
      // interrupted 2025-04-10 → 2025-09-30: 20 + 31 + 30 + 31 + 31 + 30 days
      ['B4', 'avbrott', false, 173, 'ny', '2025-07-10'],
      // 2025-05-20 → 2025-09-10: 11 + 30 + 31 + 31 + 10 days
      ['B2', 'beslut', true, 113, 'ny', '2025-08-20'],
    ]);
    expect(isoDate(list.entries[2].executedOn)).toBe('2025-09-10');
    expect(list.entries[0].executedOn).toBe(NO_DATE);
    expect(list).toMatchObject({ running: false, previousCount: 2, dropped: 1 });
    expect(list.summary.find((r) => r.group === 'status' && r.label === 'avbrott, ej återupptaget')?.count).toBe(1);
  });
  it('counts days to the as-of date in a running quarter', () => {
    const list = ivoList(columns, q('2025Q4'), d('2025-11-30'), {}, norr);
    expect(list.running).toBe(true);
    // 258 days to 2025-09-30, then 31 + 30 more; the interruption 173 + 61.
    expect(list.entries.map((e) => [e.id, e.days, e.status])).toEqual([
      ['B1', 319, 'väntar fortfarande'],
      ['B4', 234, 'väntar fortfarande'],
    ]);
  });
  it('includes every unit without a filter', () => {
    const list = ivoList(columns, q('2025Q3'), d('2025-11-30'));
    expect(list.entries.map((e) => e.id)).toEqual(['B1', 'B5', 'B4', 'B2']);
  });
});
