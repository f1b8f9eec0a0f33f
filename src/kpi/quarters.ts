/**
 * Calendar quarters: the period of the IVO report and of the decision table. A quarter is the
 * integer `year * 4 + (quarter − 1)`, so quarters compare and subtract like numbers (a year
 * earlier is `quarter − 4`). Every quarter computation of the app is here.
 */
import { dayFromYmd, monthOfDay, type DayNumber, type MonthIndex } from './calendar';

/** A calendar quarter as `year * 4 + (quarter − 1)`; 2025Q3 is 2025 * 4 + 2. */
export type QuarterIndex = number;

/** The quarter a month lies in. @example quarterLabel(quarterOfMonth(2025 * 12 + 7)) // '2025Q3' (August) */
export function quarterOfMonth(month: MonthIndex): QuarterIndex {
  return Math.floor(month / 3);
}

/** The quarter a day lies in. @example quarterLabel(quarterOfDay(dayFromYmd(2025, 9, 30))) // '2025Q3' */
export function quarterOfDay(day: DayNumber): QuarterIndex {
  return quarterOfMonth(monthOfDay(day));
}

/** The first month of a quarter. @example isoMonth(firstMonthOfQuarter(2025 * 4 + 2)) // '2025-07' */
export function firstMonthOfQuarter(quarter: QuarterIndex): MonthIndex {
  return quarter * 3;
}

/** The last month of a quarter. @example isoMonth(lastMonthOfQuarter(2025 * 4 + 2)) // '2025-09' */
export function lastMonthOfQuarter(quarter: QuarterIndex): MonthIndex {
  return quarter * 3 + 2;
}

/** The first day of a quarter. @example isoDate(quarterStart(2025 * 4 + 2)) // '2025-07-01' */
export function quarterStart(quarter: QuarterIndex): DayNumber {
  return dayFromYmd(Math.floor(quarter / 4), (quarter % 4) * 3 + 1, 1);
}

/** The last day of a quarter. @example isoDate(quarterEnd(2025 * 4 + 3)) // '2025-12-31' */
export function quarterEnd(quarter: QuarterIndex): DayNumber {
  return quarterStart(quarter + 1) - 1;
}

/** @example quarterLabel(2025 * 4 + 2) // '2025Q3' */
export function quarterLabel(quarter: QuarterIndex): string {
  return `${Math.floor(quarter / 4)}Q${(quarter % 4) + 1}`;
}

/** @example parseQuarter('2025Q3') // 2025 * 4 + 2 */
export function parseQuarter(text: string): QuarterIndex | null {
  const match = /^(\d{4})Q([1-4])$/.exec(text);
  return match ? Number(match[1]) * 4 + Number(match[2]) - 1 : null;
}

/**
 * The latest quarter that has ended by the as-of date (the one to report).
 * @example quarterLabel(latestCompleteQuarter(dayFromYmd(2025, 11, 30))) // '2025Q3'
 */
export function latestCompleteQuarter(asOf: DayNumber): QuarterIndex {
  const quarter = quarterOfDay(asOf);
  return quarterEnd(quarter) === asOf ? quarter : quarter - 1;
}

/**
 * Every quarter from the one `firstMonth` lies in up to `last`, newest first: the choices of a
 * quarter picker. Empty when `last` comes before `firstMonth`'s quarter.
 * @example quartersNewestFirst(2025 * 12, 2025 * 4 + 1).map(quarterLabel) // ['2025Q2', '2025Q1']
 */
export function quartersNewestFirst(firstMonth: MonthIndex, last: QuarterIndex): QuarterIndex[] {
  return Array.from({ length: Math.max(0, last - quarterOfMonth(firstMonth) + 1) }, (_, i) => last - i);
}
