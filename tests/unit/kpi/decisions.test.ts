import { describe, expect, it } from 'vitest';
import {
  buildDecisionCube,
  classifyDecision,
  DecisionStatus,
  executionPercentiles,
  decisionBreakdown,
  decisionQuarters,
  isoDate,
  NO_DATE,
  parseQuarter,
  percentiles,
  quarterLabel,
  quarterListing,
  quarterOfDay,
  threeMonthDeadline,
  type DecisionColumns,
} from '../../../src/kpi';
import { d, q } from './days';

describe('threeMonthDeadline', () => {
  it('returns decision + 3 calendar months, clamped to the month end', () => {
    expect(isoDate(threeMonthDeadline(d('2025-01-15')))).toBe('2025-04-15');
    expect(isoDate(threeMonthDeadline(d('2025-11-30')))).toBe('2026-02-28');
    expect(isoDate(threeMonthDeadline(d('2023-11-30')))).toBe('2024-02-29');
    expect(isoDate(threeMonthDeadline(d('2025-05-31')))).toBe('2025-08-31');
  });
});

describe('classifyDecision', () => {
  const asOf = d('2025-12-31');
  it('executed on the deadline day is in time, the day after is late', () => {
    expect(classifyDecision(d('2025-01-15'), d('2025-04-15'), asOf)).toBe(DecisionStatus.executedInTime);
    expect(classifyDecision(d('2025-01-15'), d('2025-04-16'), asOf)).toBe(DecisionStatus.executedLate);
  });
  it('not executed: not yet due on the deadline day, overdue the day after', () => {
    expect(classifyDecision(d('2025-01-15'), NO_DATE, d('2025-04-15'))).toBe(DecisionStatus.notYetDue);
    expect(classifyDecision(d('2025-01-15'), NO_DATE, d('2025-04-16'))).toBe(DecisionStatus.overdue);
  });
  it('month-end clamp: decided 2025-11-30, executed 2026-02-28 is in time', () => {
    expect(classifyDecision(d('2025-11-30'), d('2026-02-28'), d('2026-03-31'))).toBe(DecisionStatus.executedInTime);
  });
});

describe('quarters', () => {
  it('labels and parses quarters', () => {
    expect(quarterLabel(quarterOfDay(d('2025-08-31')))).toBe('2025Q3');
    expect(parseQuarter('2025Q3')).toBe(2025 * 4 + 2);
    expect(parseQuarter('2025Q5')).toBeNull();
  });
});

describe('quarterListing', () => {
  const asOf = d('2026-06-30');
  // Decided 2025-02-10, deadline 2025-05-10, executed 2025-11-03.
  const late = { start: d('2025-02-10'), end: d('2025-11-03') };

  it('lists a late decision in every quarter from the one its deadline passes in up to and including the one it is executed in', () => {
    const quarters = ['2025Q1', '2025Q2', '2025Q3', '2025Q4', '2026Q1'].map((label) => [
      label,
      quarterListing(late, q(label), asOf),
    ]);
    expect(quarters).toEqual([
      ['2025Q1', null],
      ['2025Q2', { executed: false, days: d('2025-06-30') - d('2025-02-10') }],
      ['2025Q3', { executed: false, days: d('2025-09-30') - d('2025-02-10') }],
      ['2025Q4', { executed: true, days: d('2025-11-03') - d('2025-02-10') }],
      ['2026Q1', null],
    ]);
  });

  describe('edge cases', () => {
    it('executed on the deadline day is never listed', () => {
      const onTime = { start: d('2025-03-31'), end: d('2025-06-30') };
      expect(quarterListing(onTime, q('2025Q2'), asOf)).toBeNull();
      expect(quarterListing(onTime, q('2025Q3'), asOf)).toBeNull();
    });
    it('executed the day after the deadline is listed in that quarter as verkställt', () => {
      const oneDay = { start: d('2025-03-31'), end: d('2025-07-01') };
      expect(quarterListing(oneDay, q('2025Q2'), asOf)).toBeNull();
      expect(quarterListing(oneDay, q('2025Q3'), asOf)).toEqual({ executed: true, days: 92 });
    });
    it('a deadline on the quarter’s last day first lists the decision the next quarter', () => {
      const open = { start: d('2025-03-31'), end: NO_DATE };
      expect(quarterListing(open, q('2025Q2'), asOf)).toBeNull();
      expect(quarterListing(open, q('2025Q3'), asOf)).toEqual({
        executed: false,
        days: d('2025-09-30') - d('2025-03-31'),
      });
    });
    it('still open is listed every quarter, counting days to the quarter’s last day or the as-of date in a running quarter', () => {
      const open = { start: d('2025-01-10'), end: NO_DATE };
      expect(quarterListing(open, q('2026Q1'), asOf)?.days).toBe(d('2026-03-31') - d('2025-01-10'));
      expect(quarterListing(open, q('2026Q2'), d('2026-05-15'))).toEqual({
        executed: false,
        days: d('2026-05-15') - d('2025-01-10'),
      });
      expect(quarterListing(open, q('2026Q3'), d('2026-05-15'))).toBeNull();
    });
    it('an interruption not resumed within three months is listed like a decision (episode from the interruption)', () => {
      const interrupted = { start: d('2025-04-01'), end: d('2025-08-15') }; // resumed after its 2025-07-01 deadline
      expect(quarterListing(interrupted, q('2025Q3'), asOf)).toEqual({
        executed: true,
        days: d('2025-08-15') - d('2025-04-01'),
      });
      const resumedInTime = { start: d('2025-04-01'), end: d('2025-06-20') };
      expect(quarterListing(resumedInTime, q('2025Q3'), asOf)).toBeNull();
    });
  });
});

describe('percentiles', () => {
  it('interpolates between ranks like PERCENTILE.INC', () => {
    expect(percentiles([10, 20, 30, 40])).toEqual({ median: 25, p90: 37 });
    expect(percentiles([5])).toEqual({ median: 5, p90: 5 });
    expect(percentiles([3, 1, 2])).toEqual({ median: 2, p90: 2.8 });
    expect(percentiles([])).toEqual({ median: null, p90: null });
  });
});

describe('decision cube', () => {
  const rows: [string, string | null, number, number][] = [
    ['2025-01-10', '2025-02-01', 0, 0], // in time, 22 days
    ['2025-01-20', '2025-05-01', 0, 1], // late, 101 days
    ['2025-02-05', null, 1, 0], // overdue at as-of
    ['2025-06-15', null, 1, 1], // not yet due at 2025-07-31
    ['2025-04-01', '2025-04-11', 1, 1], // in time, 10 days
  ];
  const table: DecisionColumns = {
    count: rows.length,
    decided: Int32Array.from(rows, (r) => d(r[0])),
    executed: Int32Array.from(rows, (r) => (r[1] ? d(r[1]) : NO_DATE)),
    unit: Uint16Array.from(rows, (r) => r[2]),
    intervention: Uint16Array.from(rows, (r) => r[3]),
    sex: new Uint16Array(rows.length),
    unitCount: 2,
    interventionCount: 2,
  };
  const cube = buildDecisionCube(table, d('2025-07-31'));
  const quarter = (month: number) => Math.floor(month / 3);

  it('groups by quarter of decision with the late share and the preliminary mark', () => {
    const [first, second, ...rest] = decisionQuarters(cube, {}, 2025 * 12, 2025 * 12 + 11);
    expect(rest).toEqual([]);
    expect(first).toMatchObject({
      quarter: 2025 * 4,
      decisions: 3,
      executedInTime: 1,
      executedLate: 1,
      overdue: 1,
      notYetDue: 0,
      preliminary: false,
      previousYear: null,
    });
    expect(first.lateShare).toBeCloseTo(2 / 3, 12);
    expect(second).toMatchObject({
      quarter: 2025 * 4 + 1,
      decisions: 2,
      notYetDue: 1,
      preliminary: true,
      lateShare: 0,
    });
  });
  it('groups by intervention and filters by unit', () => {
    const byIntervention = decisionBreakdown(
      cube,
      'intervention',
      ['A', 'B'],
      { units: [0] },
      2025 * 12,
      2025 * 12 + 11,
    );
    expect(byIntervention).toMatchObject([
      { label: 'A', decisions: 1, executedInTime: 1 },
      { label: 'B', decisions: 1, executedLate: 1 },
    ]);
  });
  it('gives median and 90th percentile of days to execution per quarter', () => {
    const p = executionPercentiles(cube, quarter);
    expect(p.get(2025 * 4)).toMatchObject({ median: 61.5, executed: 2 });
    expect(p.get(2025 * 4)?.p90).toBeCloseTo(93.1, 10);
    expect(p.get(2025 * 4 + 1)).toEqual({ median: 10, p90: 10, executed: 1 });
  });
});

describe('lag (1930:173) 2 § for the three-month rule', () => {
  it('moves a deadline on julafton to the next weekday only when the setting is on', () => {
    // Decided 2025-09-24 → 2025-12-24 (julafton, Wednesday) → next weekday 2025-12-29.
    expect(isoDate(threeMonthDeadline(d('2025-09-24')))).toBe('2025-12-24');
    expect(isoDate(threeMonthDeadline(d('2025-09-24'), { shiftToWorkingDay: true }))).toBe('2025-12-29');
    expect(classifyDecision(d('2025-09-24'), d('2025-12-29'), d('2026-01-31'))).toBe(DecisionStatus.executedLate);
    expect(classifyDecision(d('2025-09-24'), d('2025-12-29'), d('2026-01-31'), { shiftToWorkingDay: true })).toBe(
      DecisionStatus.executedInTime,
    );
    expect(
      quarterListing({ start: d('2025-09-24'), end: d('2025-12-29') }, q('2025Q4'), d('2026-01-31'), {
        shiftToWorkingDay: true,
      }),
    ).toBeNull();
  });
});
