/**
 * Year-over-year and period comparisons of any monthly share (late investigations,
 * orosanmälningar assessed in time, …), the default period and month range. Works on plain
 * monthly counts.
 */
import type { MonthIndex } from './calendar';
import { meanOfShares, percentagePoints, pooledShare, shareOf, type MonthlyShare } from './shares';

/** The calendar year of a month. @example yearOfMonth(2025 * 12 + 11) // 2025 */
export function yearOfMonth(month: MonthIndex): number {
  return Math.floor(month / 12);
}

/** The month of the year, 1–12. @example monthOfYear(2025 * 12 + 11) // 12 */
export function monthOfYear(month: MonthIndex): number {
  return (month % 12) + 1;
}

/** The period every year is compared over unless another is chosen: January–June (months 1–12). */
export const DEFAULT_PERIOD = { from: 1, to: 6 } as const;

/** Months shown when no month range is chosen: the latest twelve of the data. */
export const DEFAULT_MONTH_SPAN = 12;

/** A chosen month range; either end open when absent. */
export interface MonthRangeChoice {
  fromMonth?: MonthIndex;
  toMonth?: MonthIndex;
}

/**
 * The month range a page shows: the chosen ends, else the latest DEFAULT_MONTH_SPAN months of the
 * data (`firstMonth`–`lastMonth`).
 * @example resolveMonthRange({}, 2021 * 12, 2025 * 12 + 10) // { from: 2024 * 12 + 11, to: 2025 * 12 + 10 }
 */
export function resolveMonthRange(
  choice: MonthRangeChoice,
  firstMonth: MonthIndex,
  lastMonth: MonthIndex,
): { from: MonthIndex; to: MonthIndex } {
  return {
    from: choice.fromMonth ?? Math.max(firstMonth, lastMonth - DEFAULT_MONTH_SPAN + 1),
    to: choice.toMonth ?? lastMonth,
  };
}

/**
 * Whether a month lies in a chosen range whose absent ends are open.
 * @example inMonthRange(2025 * 12, { toMonth: 2024 * 12 + 11 }) // false
 */
export function inMonthRange(month: MonthIndex, choice: MonthRangeChoice): boolean {
  return (
    (choice.fromMonth === undefined || month >= choice.fromMonth) &&
    (choice.toMonth === undefined || month <= choice.toMonth)
  );
}

/**
 * The months of one year's period (calendar months 1–12), e.g. for the nämnd's report.
 * @example periodMonths(2025, 1, 6) // { fromMonth: 2025 * 12, toMonth: 2025 * 12 + 5 }
 */
export function periodMonths(year: number, periodFrom: number, periodTo: number): Required<MonthRangeChoice> {
  return { fromMonth: year * 12 + periodFrom - 1, toMonth: year * 12 + periodTo - 1 };
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
  /**
   * (share − previous share) × 100, unrounded; null when either is missing or either month is
   * preliminary: a month with investigations or reports still pending has a share that will move,
   * so a change against it would read as final when it is not.
   */
  changePoints: number | null;
}

/**
 * The change in percentage points between two months, withheld (null) when either is preliminary
 * or missing: pending cases still move a preliminary share, so its change is not yet a change.
 * @example comparableChange(0.2, false, 0.25, false) // ≈ −5; comparableChange(0.2, true, 0.25, false) // null
 */
export function comparableChange(
  share: number | null,
  preliminary: boolean,
  previousShare: number | null,
  previousPreliminary: boolean | null,
): number | null {
  if (preliminary || previousPreliminary === true) return null;
  return percentagePoints(share, previousShare);
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
      changePoints: comparableChange(share, row.preliminary, previousShare, previous ? previous.preliminary : null),
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
    const offset = (monthOfYear(row.month) - fromMonth + 12) % 12;
    if (offset >= spanLength) continue;
    const year = yearOfMonth(row.month - offset);
    const list = byYear.get(year) ?? [];
    list.push(row);
    byYear.set(year, list);
  }
  return [...byYear.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, months]) => {
      const withData = months.filter((m) => m.denominator > 0);
      return {
        year,
        monthsWithData: withData.length,
        monthsInSpan: spanLength,
        numerator: withData.reduce((sum, m) => sum + m.numerator, 0),
        denominator: withData.reduce((sum, m) => sum + m.denominator, 0),
        meanOfMonthlyShares: meanOfShares(withData),
        pooledShare: pooledShare(withData),
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
  /** Null, with no direction, when the same month a year earlier is preliminary (see comparableChange). */
  changePoints: number | null;
  direction: Direction | null;
  /**
   * January to `month` of the same year, pooled; and the same months a year earlier. No change or
   * direction when any month of either span is preliminary.
   */
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
  const inSpan = (from: MonthIndex, to: MonthIndex) => rows.filter((r) => r.month >= from && r.month <= to);
  const anyPreliminary = (from: MonthIndex, to: MonthIndex) => inSpan(from, to).some((r) => r.preliminary);
  const share = shareAt(month);
  const previousShare = shareAt(month - 12);
  const change = comparableChange(share, false, previousShare, byMonth.get(month - 12)?.preliminary ?? null);
  const yearStart = month - (month % 12);
  const ytd = pooledShare(inSpan(yearStart, month));
  const ytdPrevious = pooledShare(inSpan(yearStart - 12, month - 12));
  const ytdChange = comparableChange(
    ytd,
    anyPreliminary(yearStart, month),
    ytdPrevious,
    anyPreliminary(yearStart - 12, month - 12),
  );
  const last = rows[rows.length - 1].month;
  return {
    month,
    share,
    previousShare,
    changePoints: change,
    direction: direction(change, lowerIsBetter),
    yearToDate: {
      share: ytd,
      previousShare: ytdPrevious,
      changePoints: ytdChange,
      direction: direction(ytdChange, lowerIsBetter),
    },
    preliminaryMonths: rows.filter((r) => r.month > month && r.preliminary).map((r) => r.month),
    trend: rows
      .filter((r) => r.month > last - 24)
      .map((r) => ({ month: r.month, share: shareOf(r.numerator, r.denominator), preliminary: r.preliminary })),
  };
}
