/** Rows and columns the indicator pages share: a month's bar beside the year before, a table of years. */
import type { ShareBarRow } from '../charts/ShareBarChart';
import { stackedShareRows } from '../charts/StackedShareChart';
import type { YearLinesRow } from '../charts/YearLinesChart';
import type { ReactNode } from 'react';
import { ChangeCell, PrelMark, withPrevious } from '../tables/cells';
import type { Column } from '../tables/DataTable';
import { formatMonth } from '../../format/date';
import { formatCount, formatPercent } from '../../format/number';
import {
  isoMonth,
  quarterLabel,
  type DecisionQuarter,
  type MonthIndex,
  type ReasonRow,
  type YearOverYearRow,
} from '../../kpi';

/**
 * A month's bar: its share (`current`, 0–1) beside the same month a year earlier, with the tooltip's
 * lines. @example monthShareBar(row, row.lateShare, investigationDetails(row))
 */
export function monthShareBar(
  row: { month: MonthIndex; preliminary: boolean; yoy: YearOverYearRow | undefined },
  current: number | null,
  details: string[],
): ShareBarRow {
  return {
    key: isoMonth(row.month),
    label: formatMonth(row.month),
    current,
    previous: row.yoy?.previousShare ?? null,
    preliminary: row.preliminary,
    previousPreliminary: row.yoy?.previousPreliminary === true,
    details,
  };
}

/** A quarter's bar: its share not executed within three months beside the same quarter a year earlier. */
export function quarterShareBar(q: DecisionQuarter, details: string[]): ShareBarRow {
  return {
    key: quarterLabel(q.quarter),
    label: quarterLabel(q.quarter),
    current: q.lateShare,
    previous: q.previousYear?.lateShare ?? null,
    preliminary: q.preliminary,
    previousPreliminary: q.previousYear?.preliminary === true,
    details,
  };
}

/**
 * A monthly table's row key and preliminary mark, the same functions on every render, so a table whose
 * rows did not change is not drawn again (DataTable compares its props).
 */
export const byMonth = (row: { month: MonthIndex }) => row.month;
export const isPreliminary = (row: { preliminary: boolean }) => row.preliminary;

/** The first column of a monthly table: the month, marked "prel." when preliminary. */
export function monthColumn<Row extends { month: MonthIndex; preliminary: boolean }>(header: string): Column<Row> {
  return {
    header,
    cell: (r) => (
      <>
        {formatMonth(r.month)}
        {r.preliminary && <PrelMark />}
      </>
    ),
    rowHeader: true,
  };
}

/** The table beside a YearLinesChart: the calendar month, then a count per year. */
export function yearLinesColumns(years: readonly number[]): Column<YearLinesRow>[] {
  return [
    { header: 'Månad', cell: (r) => r.label, rowHeader: true },
    ...years.map((year) => ({
      header: String(year),
      cell: (r: YearLinesRow) => formatCount((r[String(year)] as number | undefined) ?? null),
      numeric: true,
    })),
  ];
}

/** A header with "(fg. år)" after it: the cells give the same month a year earlier in parentheses. */
export function previousHeader(label: string): ReactNode {
  return (
    <>
      {label} <span className="previous">(fg. år)</span>
    </>
  );
}

type YoyRow = { preliminary: boolean; yoy: YearOverYearRow | undefined };

/** A month's share with the same month a year earlier in parentheses, e.g. "20 % (31 %)". */
export function yoyShareColumn<Row extends YoyRow>(label: string, share: (row: Row) => number | null): Column<Row> {
  return {
    header: previousHeader(label),
    cell: (r) =>
      withPrevious(formatPercent(share(r)), r.yoy?.previousShare == null ? null : formatPercent(r.yoy.previousShare)),
    numeric: true,
  };
}

/** The change in procentenheter from the same month a year earlier ("prel." when withheld). */
export function changeColumn<Row extends YoyRow>(): Column<Row> {
  return {
    header: (
      <>
        Förändr. (<abbr title="procentenheter">p.e.</abbr>)
      </>
    ),
    cell: (r) => (
      <ChangeCell
        points={r.yoy?.changePoints ?? null}
        preliminary={r.preliminary || r.yoy?.previousPreliminary === true}
      />
    ),
    numeric: true,
  };
}

/** The late reports' reasons as one 100 % bar per year (the reasons come ordered by year). */
export function reasonBars(reasons: readonly ReasonRow[]) {
  return stackedShareRows(reasons.map((r) => ({ group: String(r.year), category: r.reason, share: r.share })));
}
