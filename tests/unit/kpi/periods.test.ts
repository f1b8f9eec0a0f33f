import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PERIOD,
  direction,
  headline,
  inMonthRange,
  isoMonth,
  monthOfYear,
  periodComparison,
  periodMonths,
  resolveMonthRange,
  yearOfMonth,
  yearOverYear,
  type MonthlyShare,
} from '../../../src/kpi';

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
  it('withholds the change of a preliminary month: 0 of 10 so far against 26 of 100 is not −26 points', () => {
    const [, row] = yearOverYear([m(2024, 5, 26, 100), m(2025, 5, 0, 10, true)]);
    expect(row).toMatchObject({ share: 0, previousShare: 0.26, preliminary: true, changePoints: null });
    expect(direction(row.changePoints, true)).toBeNull();
  });
  it('withholds the change of a final month compared with a preliminary month a year earlier', () => {
    const [, row] = yearOverYear([m(2024, 5, 3, 10, true), m(2025, 5, 20, 100)]);
    expect(row).toMatchObject({ share: 0.2, previousShare: 0.3, previousPreliminary: true, changePoints: null });
  });
  it('keeps the change of two final months: 20 of 100 against 30 of 100 is −10 points', () => {
    const [, row] = yearOverYear([m(2024, 5, 30, 100), m(2025, 5, 20, 100)]);
    expect(row.changePoints).toBeCloseTo(-10, 10);
    expect(direction(row.changePoints, true)).toBe('better');
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

describe('headline', () => {
  const rows = [
    m(2024, 1, 30, 100),
    m(2024, 2, 20, 100),
    m(2024, 3, 25, 100),
    m(2025, 1, 20, 100),
    m(2025, 2, 25, 100),
    m(2025, 3, 5, 50, true),
  ];
  it('takes the latest month with nothing pending, beside the same month a year earlier', () => {
    const h = headline(rows, true);
    expect(h?.month).toBe(2025 * 12 + 1);
    expect(h?.share).toBe(0.25);
    expect(h?.previousShare).toBe(0.2);
    expect(h?.changePoints).toBeCloseTo(5, 10);
    expect(h?.direction).toBe('worse');
    expect(h?.preliminaryMonths).toEqual([2025 * 12 + 2]);
  });
  it('pools the year to date and compares with the same months a year earlier', () => {
    const h = headline(rows, true);
    expect(h?.yearToDate.share).toBe(45 / 200);
    expect(h?.yearToDate.previousShare).toBe(50 / 200);
    expect(h?.yearToDate.direction).toBe('better');
  });
  it('gives no change and no direction beside a preliminary month a year earlier', () => {
    const h = headline([m(2024, 1, 30, 100), m(2024, 2, 1, 10, true), m(2025, 1, 20, 100), m(2025, 2, 25, 100)], true);
    expect(h?.month).toBe(2025 * 12 + 1);
    expect(h).toMatchObject({ previousShare: 0.1, changePoints: null, direction: null });
    expect(h?.yearToDate).toMatchObject({
      share: 45 / 200,
      previousShare: 31 / 110,
      changePoints: null,
      direction: null,
    });
  });
  it('gives no year-to-date change when a month of this year so far is still preliminary', () => {
    const h = headline([m(2024, 1, 30, 100), m(2024, 2, 20, 100), m(2025, 1, 2, 10, true), m(2025, 2, 25, 100)], true);
    expect(h?.month).toBe(2025 * 12 + 1);
    expect(h?.changePoints).toBeCloseTo(5, 10);
    expect(h?.yearToDate).toMatchObject({ changePoints: null, direction: null });
  });
  it('reads direction by what is better: a higher in-time share is better', () => {
    expect(headline(rows, false)?.direction).toBe('better');
    expect(direction(0.4, true)).toBe('same');
    expect(direction(-0.6, false)).toBe('worse');
    expect(direction(null, true)).toBeNull();
  });
  it('returns null when no month is complete, and a 24-month trend otherwise', () => {
    expect(headline([m(2025, 1, 1, 2, true)], true)).toBeNull();
    const long = Array.from({ length: 30 }, (_, i) => ({
      month: 2023 * 12 + i,
      numerator: 1,
      denominator: 4,
      preliminary: false,
    }));
    expect(headline(long, true)?.trend).toHaveLength(24);
  });
});

describe('resolveMonthRange', () => {
  const month = (year: number, m: number) => year * 12 + m - 1;
  const iso = (range: { from: number; to: number }) => [isoMonth(range.from), isoMonth(range.to)];

  it('returns the latest twelve months of the data when nothing is chosen', () => {
    expect(iso(resolveMonthRange({}, month(2021, 1), month(2025, 11)))).toEqual(['2024-12', '2025-11']);
  });
  it('returns the chosen months', () => {
    expect(
      iso(resolveMonthRange({ fromMonth: month(2023, 2), toMonth: month(2024, 6) }, month(2021, 1), month(2025, 11))),
    ).toEqual(['2023-02', '2024-06']);
    expect(iso(resolveMonthRange({ fromMonth: month(2023, 2) }, month(2021, 1), month(2025, 11)))).toEqual([
      '2023-02',
      '2025-11',
    ]);
  });
  describe('edge cases', () => {
    it('starts at the first month when the data covers less than twelve', () => {
      expect(iso(resolveMonthRange({}, month(2025, 3), month(2025, 11)))).toEqual(['2025-03', '2025-11']);
      expect(iso(resolveMonthRange({}, month(2025, 11), month(2025, 11)))).toEqual(['2025-11', '2025-11']);
    });
  });
});

describe('inMonthRange', () => {
  it('returns whether a month lies in a range with open ends', () => {
    const jan = 2025 * 12;
    expect(inMonthRange(jan, {})).toBe(true);
    expect(inMonthRange(jan, { fromMonth: jan, toMonth: jan })).toBe(true);
    expect(inMonthRange(jan, { fromMonth: jan + 1 })).toBe(false);
    expect(inMonthRange(jan, { toMonth: jan - 1 })).toBe(false);
  });
});

describe('periodMonths and DEFAULT_PERIOD', () => {
  it('returns January–June by default, and a period’s months of one year', () => {
    expect(DEFAULT_PERIOD).toEqual({ from: 1, to: 6 });
    const { fromMonth, toMonth } = periodMonths(2025, DEFAULT_PERIOD.from, DEFAULT_PERIOD.to);
    expect([isoMonth(fromMonth), isoMonth(toMonth)]).toEqual(['2025-01', '2025-06']);
    const autumn = periodMonths(2024, 9, 12);
    expect([isoMonth(autumn.fromMonth), isoMonth(autumn.toMonth)]).toEqual(['2024-09', '2024-12']);
  });
});

describe('yearOfMonth and monthOfYear', () => {
  it('returns the calendar year and the month 1–12 of a month index', () => {
    expect([yearOfMonth(2025 * 12), monthOfYear(2025 * 12)]).toEqual([2025, 1]);
    expect([yearOfMonth(2025 * 12 + 11), monthOfYear(2025 * 12 + 11)]).toEqual([2025, 12]);
    expect([yearOfMonth(2024 * 12 + 1), monthOfYear(2024 * 12 + 1)]).toEqual([2024, 2]);
  });
});
