/** What every indicator view does alike: unit choice, month window, year-over-year and periods. */
import {
  DEFAULT_PERIOD,
  inMonthRange,
  periodComparison,
  resolveMonthRange,
  yearOverYear,
  type MonthIndex,
  type MonthlyShare,
  type PeriodRow,
  type YearOverYearRow,
} from '../../kpi';
import type { MonthWindow, ViewPeriods, ViewQuery } from '../types';

/** Unit names → codes of a dictionary; undefined (all units) when none are chosen; unknown names dropped. */
export function unitCodes(labels: readonly string[], names: readonly string[] | undefined): number[] | undefined {
  if (!names || names.length === 0) return undefined;
  const codeOf = new Map<string, number>();
  labels.forEach((label, code) => {
    if (!codeOf.has(label)) codeOf.set(label, code);
  });
  return names.map((name) => codeOf.get(name) ?? -1).filter((code) => code >= 0);
}

/** Labels in Swedish alphabetical order. */
export function sortedLabels(labels: readonly string[]): string[] {
  return [...labels].sort((a, b) => a.localeCompare(b, 'sv'));
}

/** The months of a view in the query's range, the months the data covers, and the range the page shows. */
export function monthWindow<Row extends { month: MonthIndex }>(all: Row[], query: ViewQuery): MonthWindow<Row> {
  const firstMonth = all.length > 0 ? all[0].month : null;
  const lastMonth = all.length > 0 ? all[all.length - 1].month : null;
  return {
    firstMonth,
    lastMonth,
    months: all.filter((m) => inMonthRange(m.month, query)),
    range: {
      ...resolveMonthRange(query, firstMonth ?? 0, lastMonth ?? 0),
      firstMonth: firstMonth ?? 0,
      lastMonth: lastMonth ?? 0,
    },
  };
}

/** The rows of the months a page shows. */
export function shown<Row extends { month: MonthIndex }>(rows: readonly Row[], window: MonthWindow<unknown>): Row[] {
  return rows.filter((row) => row.month >= window.range.from && row.month <= window.range.to);
}

/** Each month beside the same month a year earlier, within the query's range. */
export function yearOverYearIn(shares: readonly MonthlyShare[], query: ViewQuery): YearOverYearRow[] {
  return yearOverYear(shares).filter((row) => inMonthRange(row.month, query));
}

/** The query's period (default January–June) for every year. */
export function periodsOf(shares: readonly MonthlyShare[], query: ViewQuery): PeriodRow[] {
  return periodComparison(shares, query.periodFrom ?? DEFAULT_PERIOD.from, query.periodTo ?? DEFAULT_PERIOD.to);
}

/**
 * The periods of every year, and with the query's `year` (the nämnd's report) that year's period
 * beside the year before's, each null where the data has none.
 * @example withYearPeriod(periods, { asOf, year: 2025 }).yearPeriod // { year: 2025, previousYear: 2024, current, previous }
 */
export function withYearPeriod(periods: PeriodRow[], query: ViewQuery): ViewPeriods {
  const { year } = query;
  if (year === undefined) return { periods, yearPeriod: null };
  const ofYear = (y: number) => periods.find((p) => p.year === y) ?? null;
  return { periods, yearPeriod: { year, previousYear: year - 1, current: ofYear(year), previous: ofYear(year - 1) } };
}

/**
 * Orosanmälningar received per month (all of them, for the volume chart), their total, and the shown
 * rows each with the count of the same month a year earlier.
 */
export function withVolume<Row extends { month: MonthIndex }>(
  rows: Row[],
  all: readonly { month: MonthIndex; received: number }[],
): {
  rows: (Row & { previousReceived: number | null })[];
  volume: { month: MonthIndex; value: number }[];
  total: number;
} {
  const volume = all.map((m) => ({ month: m.month, value: m.received }));
  const received = new Map(volume.map((v) => [v.month, v.value]));
  return {
    rows: rows.map((row) => ({ ...row, previousReceived: received.get(row.month - 12) ?? null })),
    volume,
    total: volume.reduce((sum, v) => sum + v.value, 0),
  };
}
