import { describe, expect, it } from 'vitest';
import { monthShareBar, quarterShareBar, reasonBars } from '../../../src/components/layout/indicatorRows';
import type { DecisionQuarter, YearOverYearRow } from '../../../src/kpi';

const JAN_2025 = 2025 * 12;
const yoy = { previousShare: 0.3, previousPreliminary: true } as YearOverYearRow;

describe('monthShareBar', () => {
  it('puts the month beside the same month a year earlier, with its preliminary marks', () => {
    expect(monthShareBar({ month: JAN_2025, preliminary: false, yoy }, 0.25, ['a'])).toEqual({
      key: '2025-01',
      label: 'jan 2025',
      current: 0.25,
      previous: 0.3,
      preliminary: false,
      previousPreliminary: true,
      details: ['a'],
    });
  });

  it('has no previous bar without a year-over-year row', () => {
    const bar = monthShareBar({ month: JAN_2025, preliminary: true, yoy: undefined }, null, []);
    expect([bar.previous, bar.previousPreliminary, bar.preliminary]).toEqual([null, false, true]);
  });
});

describe('quarterShareBar', () => {
  it('puts the quarter beside the same quarter a year earlier', () => {
    const counts = { decisions: 100, executedInTime: 95, executedLate: 2, overdue: 0, notYetDue: 3 };
    const previousYear = { ...counts, lateShare: 0.02, preliminary: false };
    const q: DecisionQuarter = {
      ...counts,
      quarter: 2025 * 4 + 2,
      lateShare: 0.05,
      preliminary: true,
      previousYear,
      median: 40,
      p90: 70,
      executed: 97,
    };
    expect(quarterShareBar(q, ['b'])).toEqual({
      key: '2025Q3',
      label: '2025Q3',
      current: 0.05,
      previous: 0.02,
      preliminary: true,
      previousPreliminary: false,
      details: ['b'],
    });
    expect(quarterShareBar({ ...q, previousYear: null }, []).previous).toBeNull();
  });
});

describe('reasonBars', () => {
  it('makes one 100 % bar per year with the reasons in percent', () => {
    const bars = reasonBars([
      { year: 2024, reason: 'Semester', count: 3, share: 0.75 },
      { year: 2024, reason: 'Sjukdom', count: 1, share: 0.25 },
      { year: 2025, reason: 'Sjukdom', count: 2, share: 1 },
    ]);
    expect(bars).toEqual({
      categories: ['Semester', 'Sjukdom'],
      rows: [
        { label: '2024', Semester: 75, Sjukdom: 25 },
        { label: '2025', Sjukdom: 100 },
      ],
    });
  });
});
