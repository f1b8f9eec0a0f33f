import { describe, expect, it } from 'vitest';
import { periodComparison, yearOverYear, type MonthlyShare } from '../../../src/kpi';

const m = (year: number, month: number, numerator: number, denominator: number, preliminary = false): MonthlyShare => ({
  month: year * 12 + month - 1,
  numerator,
  denominator,
  preliminary,
});

describe('yearOverYear', () => {
  it('returns the same month a year earlier and the change in percentage points', () => {
    const rows = yearOverYear([m(2024, 1, 125, 406), m(2025, 1, 107, 531)]);
    expect(rows[1].previousNumerator).toBe(125);
    expect(rows[1].previousDenominator).toBe(406);
    expect(rows[1].changePoints).toBeCloseTo((107 / 531 - 125 / 406) * 100, 10);
  });
  it('gives nulls, not zeros, when the previous year is missing', () => {
    const rows = yearOverYear([m(2025, 1, 1, 4)]);
    expect(rows[0]).toMatchObject({ previousShare: null, previousNumerator: null, changePoints: null, share: 0.25 });
  });
  it('gives a null share for an empty month', () => {
    expect(yearOverYear([m(2025, 1, 0, 0)])[0].share).toBeNull();
  });
});

describe('periodComparison', () => {
  // The source city's January–June 2025 figures.
  const started = [531, 529, 552, 643, 577, 533];
  const late = [107, 128, 117, 155, 144, 122];
  const rows2025 = started.map((s, i) => m(2025, i + 1, late[i], s));

  it('returns both averages: mean of monthly shares and pooled share', () => {
    const [row] = periodComparison([...rows2025, m(2025, 7, 50, 100)], 1, 6);
    const mean = late.reduce((sum, l, i) => sum + l / started[i], 0) / 6;
    expect(row.year).toBe(2025);
    expect(row.monthsWithData).toBe(6);
    expect(row.meanOfMonthlyShares).toBeCloseTo(mean, 12);
    expect(row.pooledShare).toBeCloseTo(773 / 3365, 12);
    expect(row.meanOfMonthlyShares).not.toBeCloseTo(row.pooledShare ?? 0, 6);
  });
  it('puts every year side by side and marks a year with a preliminary month', () => {
    const rows = periodComparison([m(2024, 2, 1, 2), m(2025, 3, 1, 4, true), m(2025, 9, 9, 9)], 1, 6);
    expect(rows.map((r) => [r.year, r.numerator, r.denominator, r.preliminary])).toEqual([
      [2024, 1, 2, false],
      [2025, 1, 4, true],
    ]);
  });
  it('wraps a span over the year end (November–February) and labels it by its first year', () => {
    const rows = periodComparison([m(2024, 11, 1, 10), m(2025, 2, 3, 10), m(2025, 3, 5, 5)], 11, 2);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ year: 2024, numerator: 4, denominator: 20, monthsInSpan: 4 });
  });
  it('leaves out months with nothing started from the mean', () => {
    const [row] = periodComparison([m(2025, 1, 1, 2), m(2025, 2, 0, 0)], 1, 6);
    expect(row.meanOfMonthlyShares).toBe(0.5);
    expect(row.monthsWithData).toBe(1);
  });
});
