/**
 * The four-month rule for child-welfare investigations (SoL 11 kap 2 §, from 2025-07-01
 * SoL (2025:400) 20 kap 3 §): finished within four months of the start, unless an
 * extension was decided within those four months.
 */
import {
  addMonthsClamped,
  firstDayOfMonth,
  monthOfDay,
  nextWorkingDay,
  NO_DATE,
  type DayNumber,
  type MonthIndex,
} from './calendar';
import type { CodeColumn, CubeFilter } from './breakdowns';
import { extensionCounts, passedExtendedDate } from './extensions';
import { monthlyShare, share, type MonthlyShare, type Share } from './shares';

/** The four states of DOMAIN.md, as small integers for typed-array columns. */
export const InvestigationStatus = {
  inTime: 0,
  extended: 1,
  late: 2,
  pending: 3,
} as const;
export type InvestigationStatus = (typeof InvestigationStatus)[keyof typeof InvestigationStatus];

/** Swedish labels, in status order. */
export const INVESTIGATION_STATUS_LABELS = ['i tid', 'förlängd', 'sen', 'pågående'] as const;

export interface DeadlineOptions {
  /** lag (1930:173) 2 §: a last day on a weekend or holiday moves to the next weekday. Off by default. */
  shiftToWorkingDay?: boolean;
}

/**
 * The four-month deadline: start + 4 calendar months, day clamped to the month's end.
 * @example isoDate(fourMonthDeadline(dayFromYmd(2025, 10, 31))) // "2026-02-28"
 */
export function fourMonthDeadline(start: DayNumber, options: DeadlineOptions = {}): DayNumber {
  const deadline = addMonthsClamped(start, 4);
  return options.shiftToWorkingDay ? nextWorkingDay(deadline) : deadline;
}

/**
 * Classifies one investigation at the as-of date.
 * `firstExtension` is the earliest extension decision (or NO_DATE); only one decided on or
 * before the deadline counts. Finishing on the deadline is in time; open on the deadline day is
 * still `pending`.
 * @example classifyInvestigation(day('2025-01-10'), day('2025-05-10'), NO_DATE, day('2025-06-01')) // inTime
 */
export function classifyInvestigation(
  start: DayNumber,
  end: DayNumber,
  firstExtension: DayNumber,
  asOf: DayNumber,
  options: DeadlineOptions = {},
): InvestigationStatus {
  return classifyByDeadline(fourMonthDeadline(start, options), end, firstExtension, asOf);
}

/** `classifyInvestigation` given the investigation's four-month deadline. */
function classifyByDeadline(
  deadline: DayNumber,
  end: DayNumber,
  firstExtension: DayNumber,
  asOf: DayNumber,
): InvestigationStatus {
  if (end !== NO_DATE && end <= deadline) return InvestigationStatus.inTime;
  if (end === NO_DATE && asOf <= deadline) return InvestigationStatus.pending;
  if (extensionCounts(firstExtension, deadline)) return InvestigationStatus.extended;
  return InvestigationStatus.late;
}

/** Investigation rows as typed columns; one index per investigation. */
export interface InvestigationColumns {
  count: number;
  start: Int32Array;
  end: Int32Array;
  /** Earliest extension decision, NO_DATE when none. */
  firstExtension: Int32Array;
  /** Latest `forlangd_till` over the investigation's extensions, NO_DATE when none. */
  extendedTo: Int32Array;
  /** Code into `units`. */
  unit: CodeColumn;
  /** Code into `SEX_LABELS`. */
  sex: CodeColumn;
  units: readonly string[];
}

/** Sex codes of the `kon` column. */
export const SEX_LABELS = ['okänt', 'pojke', 'flicka', 'annat'] as const;

/**
 * Counters per (start month, unit, sex): the four statuses plus, of the extended, how many also
 * passed their extended date. Every chart reads this cube, so a filter change never re-reads rows.
 */
export interface InvestigationCube {
  firstMonth: MonthIndex;
  monthCount: number;
  unitCount: number;
  sexCount: number;
  /** Length monthCount × unitCount × sexCount × CUBE_COUNTERS. */
  counts: Uint32Array;
}

/** Counters per cube cell: four statuses, then extended-and-past-extended-date. */
export const CUBE_COUNTERS = 5;
const EXTENDED_OVERDUE = 4;

/**
 * One pass over the columns: classifies every investigation started on or before the as-of date
 * and counts it into its (start month, unit, sex) cell. Rows with a start or end after the as-of
 * date are skipped; `rowsAfterAsOf` lists them so the import reconciliation can report them.
 */
export function buildInvestigationCube(
  table: InvestigationColumns,
  asOf: DayNumber,
  options: DeadlineOptions = {},
): { cube: InvestigationCube; rowsAfterAsOf: number[] } {
  const { start, end, firstExtension, extendedTo, unit, sex } = table;
  const after = (i: number) => start[i] > asOf || (end[i] !== NO_DATE && end[i] > asOf);
  // The start days of the rows that count (none after the as-of date) span the cube's months.
  const rowsAfterAsOf: number[] = [];
  let firstStart = Number.POSITIVE_INFINITY;
  let lastStart = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < table.count; i++) {
    if (after(i)) rowsAfterAsOf.push(i);
    else {
      if (start[i] < firstStart) firstStart = start[i];
      if (start[i] > lastStart) lastStart = start[i];
    }
  }
  const monthCount = lastStart >= firstStart ? monthOfDay(lastStart) - monthOfDay(firstStart) + 1 : 0;
  const firstMonth = monthCount > 0 ? monthOfDay(firstStart) : 0;
  const unitCount = Math.max(1, table.units.length);
  const sexCount = SEX_LABELS.length;
  const counts = new Uint32Array(monthCount * unitCount * sexCount * CUBE_COUNTERS);
  // Per start day in the cube's months, once per day rather than once per row: its month in the
  // cube and its four-month deadline.
  const firstDay = monthCount > 0 ? firstDayOfMonth(firstMonth) : 0;
  const dayCount = monthCount > 0 ? firstDayOfMonth(firstMonth + monthCount) - firstDay : 0;
  const monthAt = new Int32Array(dayCount);
  const deadlines = new Int32Array(dayCount);
  for (let d = 0; d < dayCount; d++) {
    monthAt[d] = monthOfDay(firstDay + d) - firstMonth;
    deadlines[d] = fourMonthDeadline(firstDay + d, options);
  }
  for (let i = 0; i < table.count; i++) {
    if (after(i)) continue;
    const day = start[i] - firstDay;
    const status = classifyByDeadline(deadlines[day], end[i], firstExtension[i], asOf);
    const cell = ((monthAt[day] * unitCount + unit[i]) * sexCount + sex[i]) * CUBE_COUNTERS;
    counts[cell + status] += 1;
    if (status === InvestigationStatus.extended && passedExtendedDate(extendedTo[i], end[i], asOf)) {
      counts[cell + EXTENDED_OVERDUE] += 1;
    }
  }
  return { cube: { firstMonth, monthCount, unitCount, sexCount, counts }, rowsAfterAsOf };
}

/** One start month's cohort. */
export interface InvestigationMonth {
  month: MonthIndex;
  started: number;
  inTime: number;
  extended: number;
  late: number;
  pending: number;
  /** Of `extended`, those that also passed their extended date. */
  extendedOverdue: number;
  /** late / started; null when nothing started. */
  lateShare: number | null;
  /** Any `pending` in the month: the share can still rise. */
  preliminary: boolean;
}

/**
 * The headline KPI of a cohort: the share of the investigations started that became `sen`;
 * preliminary while any is `pågående`.
 * @example lateShareOf({ late: 107, started: 531, pending: 0 }).share // 0.2015…
 */
export function lateShareOf(cohort: { late: number; started: number; pending: number }): Share {
  return share(cohort.late, cohort.started, cohort.pending);
}

/** A cohort month as the share that year-over-year and period comparisons read. */
export function monthlyLateShare(cohort: InvestigationMonth): MonthlyShare {
  return monthlyShare(cohort.month, lateShareOf(cohort));
}

/**
 * Monthly cohorts by start month: the nämnd's KPI "andel utredningar, inledda i respektive
 * månad, som gått över 4 månader utan beslut om förlängning inom 4 månader".
 * Months without any investigation inside the cube's range appear with zero counts.
 * @example monthlyCohorts(cube, { units: [0] })[0].lateShare // 0.2
 */
export function monthlyCohorts(cube: InvestigationCube, filter: CubeFilter = {}): InvestigationMonth[] {
  const units = filter.units ?? range(cube.unitCount);
  const sexes = filter.sexes ?? range(cube.sexCount);
  const rows: InvestigationMonth[] = [];
  for (let m = 0; m < cube.monthCount; m++) {
    const sums = [0, 0, 0, 0, 0];
    for (const unit of units) {
      if (unit < 0 || unit >= cube.unitCount) continue;
      for (const sex of sexes) {
        const cell = ((m * cube.unitCount + unit) * cube.sexCount + sex) * CUBE_COUNTERS;
        for (let c = 0; c < CUBE_COUNTERS; c++) sums[c] += cube.counts[cell + c];
      }
    }
    const [inTime, extended, late, pending, extendedOverdue] = sums;
    const started = inTime + extended + late + pending;
    const kpi = lateShareOf({ late, started, pending });
    rows.push({
      month: cube.firstMonth + m,
      started,
      inTime,
      extended,
      late,
      pending,
      extendedOverdue,
      lateShare: kpi.share,
      preliminary: kpi.preliminary,
    });
  }
  return rows;
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
