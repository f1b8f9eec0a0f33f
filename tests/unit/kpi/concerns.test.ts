import { describe, expect, it } from 'vitest';
import {
  buildConcernCube,
  classifyConcern,
  classifyProtective,
  ConcernDecision,
  ConcernStatus,
  concernMonths,
  fourteenDayDeadline,
  isoDate,
  lateReasonsByYear,
  NO_DATE,
  ProtectiveStatus,
  type ConcernColumns,
} from '../../../src/kpi';
import { d } from './days';

const { opened, notOpened, underInvestigation, unknown } = ConcernDecision;

describe('fourteenDayDeadline', () => {
  it('returns receipt + 14 days, across a month end', () => {
    expect(isoDate(fourteenDayDeadline(d('2025-01-31')))).toBe('2025-02-14');
    expect(isoDate(fourteenDayDeadline(d('2024-02-20')))).toBe('2024-03-05');
  });
});

describe('classifyConcern', () => {
  const received = d('2025-03-01'); // day 14 = 2025-03-15
  const asOf = d('2025-06-30');
  it('returns in time when assessed within 14 days', () => {
    expect(classifyConcern(received, d('2025-03-05'), opened, asOf)).toBe(ConcernStatus.inTime);
  });
  describe('edge cases', () => {
    it('day 14 is in time', () => {
      expect(classifyConcern(received, d('2025-03-15'), notOpened, asOf)).toBe(ConcernStatus.inTime);
    });
    it('day 15 is late', () => {
      expect(classifyConcern(received, d('2025-03-16'), opened, asOf)).toBe(ConcernStatus.late);
    });
    it('still pending when the as-of date is past day 14 is late', () => {
      expect(classifyConcern(received, NO_DATE, unknown, d('2025-03-16'))).toBe(ConcernStatus.late);
    });
    it('pending on day 14 itself is still pending', () => {
      expect(classifyConcern(received, NO_DATE, unknown, d('2025-03-15'))).toBe(ConcernStatus.pending);
    });
    it('a report about a child already under investigation is left out, whatever its dates', () => {
      expect(classifyConcern(received, NO_DATE, underInvestigation, asOf)).toBe(ConcernStatus.underInvestigation);
      expect(classifyConcern(received, d('2025-05-01'), underInvestigation, asOf)).toBe(
        ConcernStatus.underInvestigation,
      );
    });
  });
});

describe('classifyProtective', () => {
  const received = d('2025-03-01');
  it('same day and next day are in time, the day after is late', () => {
    expect(classifyProtective(received, received, received)).toBe(ProtectiveStatus.inTime);
    expect(classifyProtective(received, d('2025-03-02'), received)).toBe(ProtectiveStatus.inTime);
    expect(classifyProtective(received, d('2025-03-03'), received)).toBe(ProtectiveStatus.late);
  });
  it('missing is pending until the next day, late after', () => {
    expect(classifyProtective(received, NO_DATE, d('2025-03-02'))).toBe(ProtectiveStatus.pending);
    expect(classifyProtective(received, NO_DATE, d('2025-03-03'))).toBe(ProtectiveStatus.late);
  });
});

function table(
  rows: [string, string | null, string | null, number, number, number][],
  hasProtective = true,
): ConcernColumns {
  return {
    count: rows.length,
    received: Int32Array.from(rows, (r) => d(r[0])),
    assessed: Int32Array.from(rows, (r) => (r[1] ? d(r[1]) : NO_DATE)),
    protective: Int32Array.from(rows, (r) => (r[2] ? d(r[2]) : NO_DATE)),
    hasProtective,
    decision: Uint8Array.from(rows, (r) => r[3]),
    unit: Uint16Array.from(rows, (r) => r[4]),
    sex: new Uint16Array(rows.length),
    reason: Uint16Array.from(rows, (r) => r[5]),
    reasons: ['(ingen orsak angiven)', 'Vårdnadshavare avbokade', 'Organisatoriska skäl'],
    unitCount: 2,
  };
}

describe('concernMonths and lateReasonsByYear', () => {
  const columns = table([
    ['2025-01-02', '2025-01-10', '2025-01-02', opened, 0, 0], // in time
    ['2025-01-05', '2025-01-19', '2025-01-06', notOpened, 0, 0], // day 14: in time
    ['2025-01-05', '2025-01-20', '2025-01-08', opened, 1, 1], // day 15: late, reason 1
    ['2025-01-20', null, null, unknown, 1, 2], // pending at as-of past day 14: late, reason 2
    ['2025-01-25', null, null, underInvestigation, 0, 0], // left out of the share
    ['2025-02-25', null, null, unknown, 0, 0], // pending at as-of 2025-03-01 (day 14 = 03-11)
    ['2024-01-10', '2024-02-10', '2024-01-10', opened, 1, 1], // late 2024
  ]);
  const cube = buildConcernCube(columns, d('2025-03-01'));
  const months = concernMonths(cube);
  const jan = months.find((m) => m.month === 2025 * 12);

  it('counts the month: received incl. under investigation; share over the judged ones', () => {
    expect(jan).toMatchObject({
      received: 5,
      inTime: 2,
      late: 2,
      pending: 0,
      underInvestigation: 1,
      preliminary: false,
    });
    expect(jan?.inTimeShare).toBe(0.5);
  });
  it('gives the skyddsbedömning share and the share that led to an investigation', () => {
    // protective: 3 in time (same/next day), 1 late (3 days), 2 missing past next day → late
    expect(jan).toMatchObject({ protectiveInTime: 2, protectiveLate: 3, protectivePending: 0 });
    expect(jan?.protectiveShare).toBe(2 / 5);
    expect(jan).toMatchObject({ opened: 2, notOpened: 1 });
    expect(jan?.openedShare).toBe(2 / 3);
  });
  it('marks a month with a pending report as preliminary', () => {
    expect(months.find((m) => m.month === 2025 * 12 + 1)).toMatchObject({
      pending: 1,
      preliminary: true,
      inTimeShare: 0,
    });
  });
  it('has no skyddsbedömning share when the column is absent', () => {
    const without = concernMonths(
      buildConcernCube(table([['2025-01-02', '2025-01-10', null, opened, 0, 0]], false), d('2025-03-01')),
    );
    expect(without[0].protectiveShare).toBeNull();
  });
  it('breaks the late reports down by reason and year, with shares of the year', () => {
    expect(lateReasonsByYear(cube, columns.reasons)).toEqual([
      { year: 2024, reason: 'Vårdnadshavare avbokade', count: 1, share: 1 },
      { year: 2025, reason: 'Organisatoriska skäl', count: 1, share: 0.5 },
      { year: 2025, reason: 'Vårdnadshavare avbokade', count: 1, share: 0.5 },
    ]);
  });
  it('filters reasons and months by unit', () => {
    expect(lateReasonsByYear(cube, columns.reasons, [0])).toEqual([]);
    expect(concernMonths(cube, [0]).find((m) => m.month === 2025 * 12)).toMatchObject({
      received: 3,
      inTime: 2,
      late: 0,
    });
  });
});

describe('lag (1930:173) 2 § for the 14-day rule', () => {
  it('moves day 14 on a Sunday to Monday only when the setting is on', () => {
    // Received 2025-11-16 (Sunday) → day 14 = 2025-11-30, a Sunday → Monday 2025-12-01.
    expect(isoDate(fourteenDayDeadline(d('2025-11-16')))).toBe('2025-11-30');
    expect(isoDate(fourteenDayDeadline(d('2025-11-16'), { shiftToWorkingDay: true }))).toBe('2025-12-01');
    expect(classifyConcern(d('2025-11-16'), d('2025-12-01'), opened, d('2025-12-31'))).toBe(ConcernStatus.late);
    expect(
      classifyConcern(d('2025-11-16'), d('2025-12-01'), opened, d('2025-12-31'), { shiftToWorkingDay: true }),
    ).toBe(ConcernStatus.inTime);
  });
});
