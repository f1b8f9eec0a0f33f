import { describe, expect, it } from 'vitest';
import {
  firstMonthOfQuarter,
  isoDate,
  isoMonth,
  lastMonthOfQuarter,
  latestCompleteQuarter,
  parseQuarter,
  quarterEnd,
  quarterLabel,
  quarterOfDay,
  quarterOfMonth,
  quartersNewestFirst,
  quarterStart,
} from '../../../src/kpi';
import { d } from './days';

/** A month index written out by hand: year * 12 + month − 1. */
const month = (year: number, m: number) => year * 12 + m - 1;

describe('quarterOfMonth', () => {
  it('returns the quarter of each month, with the edges of the quarters', () => {
    expect(quarterLabel(quarterOfMonth(month(2025, 1)))).toBe('2025Q1');
    expect(quarterLabel(quarterOfMonth(month(2025, 3)))).toBe('2025Q1');
    expect(quarterLabel(quarterOfMonth(month(2025, 4)))).toBe('2025Q2');
    expect(quarterLabel(quarterOfMonth(month(2025, 9)))).toBe('2025Q3');
    expect(quarterLabel(quarterOfMonth(month(2025, 12)))).toBe('2025Q4');
  });
});

describe('quarterOfDay', () => {
  it('returns the quarter a day lies in', () => {
    expect(quarterLabel(quarterOfDay(d('2025-09-30')))).toBe('2025Q3');
    expect(quarterLabel(quarterOfDay(d('2025-10-01')))).toBe('2025Q4');
    expect(quarterLabel(quarterOfDay(d('2024-02-29')))).toBe('2024Q1');
  });
});

describe('quarterStart and quarterEnd', () => {
  it('returns the first and last day of every quarter of a year', () => {
    const days = [1, 2, 3, 4].map((n) => {
      const quarter = 2025 * 4 + n - 1;
      return [isoDate(quarterStart(quarter)), isoDate(quarterEnd(quarter))];
    });
    expect(days).toEqual([
      ['2025-01-01', '2025-03-31'],
      ['2025-04-01', '2025-06-30'],
      ['2025-07-01', '2025-09-30'],
      ['2025-10-01', '2025-12-31'],
    ]);
  });
});

describe('firstMonthOfQuarter and lastMonthOfQuarter', () => {
  it('returns the quarter’s months', () => {
    expect(isoMonth(firstMonthOfQuarter(2025 * 4 + 2))).toBe('2025-07');
    expect(isoMonth(lastMonthOfQuarter(2025 * 4 + 2))).toBe('2025-09');
    expect(isoMonth(lastMonthOfQuarter(2024 * 4 + 3))).toBe('2024-12');
  });
});

describe('quarterLabel and parseQuarter', () => {
  it('returns 2025Q3 for the third quarter and back', () => {
    expect(quarterLabel(2025 * 4 + 2)).toBe('2025Q3');
    expect(parseQuarter('2025Q3')).toBe(2025 * 4 + 2);
    expect(parseQuarter('2024Q1')).toBe(2024 * 4);
  });
  describe('edge cases', () => {
    it('returns null for anything that is not YYYYQn with n 1–4', () => {
      for (const text of ['2025Q0', '2025Q5', '2025-Q1', '25Q1', '2025q1', '', ' 2025Q1']) {
        expect(parseQuarter(text)).toBeNull();
      }
    });
  });
});

describe('latestCompleteQuarter', () => {
  it('returns the last quarter that has ended by the as-of date', () => {
    expect(quarterLabel(latestCompleteQuarter(d('2025-11-30')))).toBe('2025Q3');
    expect(quarterLabel(latestCompleteQuarter(d('2025-04-01')))).toBe('2025Q1');
  });
  describe('edge cases', () => {
    it('counts a quarter whose last day is the as-of date as ended', () => {
      expect(quarterLabel(latestCompleteQuarter(d('2025-12-31')))).toBe('2025Q4');
      expect(quarterLabel(latestCompleteQuarter(d('2025-03-31')))).toBe('2025Q1');
    });
    it('goes back across the year end', () => {
      expect(quarterLabel(latestCompleteQuarter(d('2026-01-01')))).toBe('2025Q4');
      expect(quarterLabel(latestCompleteQuarter(d('2026-03-30')))).toBe('2025Q4');
    });
  });
});

describe('quartersNewestFirst', () => {
  it('returns every quarter from the first month’s up to the last, newest first', () => {
    expect(quartersNewestFirst(month(2024, 11), 2025 * 4 + 1).map(quarterLabel)).toEqual([
      '2025Q2',
      '2025Q1',
      '2024Q4',
    ]);
  });
  describe('edge cases', () => {
    it('returns one quarter when the data starts in the last one, none when it starts after it', () => {
      expect(quartersNewestFirst(month(2025, 6), 2025 * 4 + 1).map(quarterLabel)).toEqual(['2025Q2']);
      expect(quartersNewestFirst(month(2025, 7), 2025 * 4 + 1)).toEqual([]);
    });
  });
});
