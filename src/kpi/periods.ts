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

/** Whether a change is an improvement, a deterioration, or no change at whole-percent precision. */
export type Direction = 'better' | 'worse' | 'same';

export interface Headline {
  /** The latest month with data and nothing pending. */
  month: MonthIndex;
  share: number | null;
  previousShare: number | null;
  changePoints: number | null;
  direction: Direction | null;
  /** January to `month` of the same year, pooled; and the same months a year earlier. */
  yearToDate: {
    share: number | null;
    previousShare: number | null;
    changePoints: number | null;
    direction: Direction | null;
  };
  /** Months after `month` that exist but are preliminary. */
  preliminaryMonths: MonthIndex[];
  /** The last 24 months up to the latest month in the data, for a trend line. */
  trend: { month: MonthIndex; share: number | null; preliminary: boolean }[];
}

/** better/worse/same of a change in percentage points; "same" when it rounds to 0. */
export function direction(changePoints: number | null, lowerIsBetter: boolean): Direction | null {
  if (changePoints === null) return null;
  if (Math.abs(changePoints) < 0.5) return 'same';
  return changePoints < 0 === lowerIsBetter ? 'better' : 'worse';
}

/**
 * The overview card's figures: the latest complete month and the year so far, each beside the same
 * period a year earlier. Null when no month is complete.
 * @example headline(rows, true)?.direction // 'better' when the late share fell
 */
export function headline(rows: readonly MonthlyShare[], lowerIsBetter: boolean): Headline | null {
  const complete = rows.filter((r) => r.denominator > 0 && !r.preliminary);
  if (complete.length === 0) return null;
  const month = complete[complete.length - 1].month;
  const byMonth = new Map(rows.map((r) => [r.month, r]));
  const shareAt = (m: MonthIndex) => {
    const row = byMonth.get(m);
    return row ? shareOf(row.numerator, row.denominator) : null;
  };
  const pooled = (from: MonthIndex, to: MonthIndex) => {
    let numerator = 0;
    let denominator = 0;
    for (let m = from; m <= to; m++) {
      numerator += byMonth.get(m)?.numerator ?? 0;
      denominator += byMonth.get(m)?.denominator ?? 0;
    }
    return shareOf(numerator, denominator);
  };
  const change = (a: number | null, b: number | null) => (a !== null && b !== null ? (a - b) * 100 : null);
  const share = shareAt(month);
  const previousShare = shareAt(month - 12);
  const yearStart = month - (month % 12);
  const ytd = pooled(yearStart, month);
  const ytdPrevious = pooled(yearStart - 12, month - 12);
  const last = rows[rows.length - 1].month;
  return {
    month,
    share,
    previousShare,
    changePoints: change(share, previousShare),
    direction: direction(change(share, previousShare), lowerIsBetter),
    yearToDate: {
      share: ytd,
      previousShare: ytdPrevious,
      changePoints: change(ytd, ytdPrevious),
      direction: direction(change(ytd, ytdPrevious), lowerIsBetter),
    },
    preliminaryMonths: rows.filter((r) => r.month > month && r.preliminary).map((r) => r.month),
    trend: rows
      .filter((r) => r.month > last - 24)
      .map((r) => ({ month: r.month, share: shareOf(r.numerator, r.denominator), preliminary: r.preliminary })),
  };
}
