/**
 * Year-over-year and period comparisons of any monthly share (late investigations,
 * orosanmälningar assessed in time, …). Works on plain monthly counts.
 */
import type { MonthIndex } from './calendar';

/** A month's numerator over denominator; `preliminary` when the figure can still change. */
export interface MonthlyShare {
  month: MonthIndex;
  numerator: number;
  denominator: number;
  preliminary: boolean;
}

/** A month beside the same month one year earlier. */
export interface YearOverYearRow {
  month: MonthIndex;
  numerator: number;
  denominator: number;
  share: number | null;
  preliminary: boolean;
  previousNumerator: number | null;
  previousDenominator: number | null;
  previousShare: number | null;
  previousPreliminary: boolean | null;
  /** (share − previous share) × 100, unrounded; null when either is missing. */
  changePoints: number | null;
}

/** share = numerator / denominator, null for an empty denominator. @example shareOf(1, 4) // 0.25 */
export function shareOf(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

/**
 * Puts each month next to the same month a year earlier. A previous month outside the data
 * gives nulls, never zeros.
 * @example yearOverYear([{ month: 2025 * 12, numerator: 1, denominator: 4, preliminary: false }])[0].previousShare // null
 */
export function yearOverYear(rows: readonly MonthlyShare[]): YearOverYearRow[] {
  const byMonth = new Map(rows.map((row) => [row.month, row]));
  return rows.map((row) => {
    const previous = byMonth.get(row.month - 12);
    const share = shareOf(row.numerator, row.denominator);
    const previousShare = previous ? shareOf(previous.numerator, previous.denominator) : null;
    return {
      month: row.month,
      numerator: row.numerator,
      denominator: row.denominator,
      share,
      preliminary: row.preliminary,
      previousNumerator: previous ? previous.numerator : null,
      previousDenominator: previous ? previous.denominator : null,
      previousShare,
      previousPreliminary: previous ? previous.preliminary : null,
      changePoints: share !== null && previousShare !== null ? (share - previousShare) * 100 : null,
    };
  });
}

/** One year's figures over a span of calendar months (e.g. January–June). */
export interface PeriodRow {
  year: number;
  /** Months of the span with any data (denominator > 0). */
  monthsWithData: number;
  /** Months in the span. */
  monthsInSpan: number;
  numerator: number;
  denominator: number;
  /** Mean of the monthly shares, as the nämnd's own tables average; null with no month. */
  meanOfMonthlyShares: number | null;
  /** All numerators over all denominators. */
  pooledShare: number | null;
  preliminary: boolean;
}

/**
 * The same span of months for every year in the data, side by side, with both averages.
 * `fromMonth` and `toMonth` are 1–12; a span with fromMonth > toMonth wraps the year end and is
 * labelled by the year it starts in.
 * @example periodComparison(rows, 1, 6) // one row per year, January–June
 */
export function periodComparison(rows: readonly MonthlyShare[], fromMonth: number, toMonth: number): PeriodRow[] {
  const spanLength = ((toMonth - fromMonth + 12) % 12) + 1;
  const byYear = new Map<number, MonthlyShare[]>();
  for (const row of rows) {
    const monthOfYear = (row.month % 12) + 1;
    const offset = (monthOfYear - fromMonth + 12) % 12;
    if (offset >= spanLength) continue;
    const year = Math.floor((row.month - offset) / 12);
    const list = byYear.get(year) ?? [];
    list.push(row);
    byYear.set(year, list);
  }
  return [...byYear.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, months]) => {
      const withData = months.filter((m) => m.denominator > 0);
      const numerator = withData.reduce((sum, m) => sum + m.numerator, 0);
      const denominator = withData.reduce((sum, m) => sum + m.denominator, 0);
      const meanOfMonthlyShares =
        withData.length > 0
          ? withData.reduce((sum, m) => sum + m.numerator / m.denominator, 0) / withData.length
          : null;
      return {
        year,
        monthsWithData: withData.length,
        monthsInSpan: spanLength,
        numerator,
        denominator,
        meanOfMonthlyShares,
        pooledShare: shareOf(numerator, denominator),
        preliminary: months.some((m) => m.preliminary),
      };
    })
    .filter((row) => row.monthsWithData > 0);
}
