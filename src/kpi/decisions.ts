/**
 * The three-month rule for favourable decisions on interventions (SoL 16 kap 6 f §, LSS 28 f §):
 * a decision not executed within three months is reported to IVO every quarter until the quarter in
 * which it is executed; likewise an execution interrupted and not resumed within three months.
 */
import type { CodeColumn, CubeFilter } from './breakdowns';
import { addMonthsClamped, monthSpan, nextWorkingDay, NO_DATE, type DayNumber, type MonthIndex } from './calendar';
import { SEX_LABELS, type DeadlineOptions } from './investigations';
import { quarterOfMonth, type QuarterIndex } from './quarters';
import { monthlyShare, share, type MonthlyShare, type Share } from './shares';

/** Deadline: decision + 3 calendar months, month-end clamped. @example isoDate(threeMonthDeadline(day('2025-11-30'))) // '2026-02-28' */
export function threeMonthDeadline(start: DayNumber, options: DeadlineOptions = {}): DayNumber {
  const deadline = addMonthsClamped(start, 3);
  return options.shiftToWorkingDay ? nextWorkingDay(deadline) : deadline;
}

export const DecisionStatus = { executedInTime: 0, executedLate: 1, overdue: 2, notYetDue: 3 } as const;
export type DecisionStatus = (typeof DecisionStatus)[keyof typeof DecisionStatus];

/**
 * Classifies a decision at the as-of date. Executed on the deadline day is in time.
 * @example classifyDecision(day('2025-01-15'), day('2025-04-15'), asOf) // executedInTime
 */
export function classifyDecision(
  decided: DayNumber,
  executed: DayNumber,
  asOf: DayNumber,
  options: DeadlineOptions = {},
): DecisionStatus {
  const deadline = threeMonthDeadline(decided, options);
  if (executed !== NO_DATE) return executed <= deadline ? DecisionStatus.executedInTime : DecisionStatus.executedLate;
  return asOf > deadline ? DecisionStatus.overdue : DecisionStatus.notYetDue;
}

/**
 * Median and 90th percentile (linear interpolation between closest ranks, as spreadsheets'
 * PERCENTILE.INC) of a list of day counts; nulls when empty.
 * @example percentiles([10, 20, 30, 40]) // { median: 25, p90: 37 }
 */
export function percentiles(values: readonly number[]): { median: number | null; p90: number | null } {
  if (values.length === 0) return { median: null, p90: null };
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => {
    const rank = p * (sorted.length - 1);
    const low = Math.floor(rank);
    const high = Math.ceil(rank);
    return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
  };
  return { median: at(0.5), p90: at(0.9) };
}

export interface DecisionColumns {
  count: number;
  decided: Int32Array;
  executed: Int32Array;
  unit: CodeColumn;
  sex: CodeColumn;
  intervention: CodeColumn;
  unitCount: number;
  interventionCount: number;
}

/**
 * Counters of the four statuses per (month of decision, unit, insats, kön), kept only for the
 * combinations that occur: at most one cell per decision, so every sum over the cube is linear in
 * the rows, however many units and insatser there are.
 */
export interface DecisionCube {
  firstMonth: MonthIndex;
  monthCount: number;
  unitCount: number;
  interventionCount: number;
  sexCount: number;
  cellCount: number;
  cells: { month: Int32Array; unit: Uint32Array; intervention: Uint32Array; sex: Uint8Array };
  /** cellCount × 4 counters, in DecisionStatus order. */
  counts: Uint32Array;
  /** Days from decision to execution, per executed decision, with its month, unit and intervention, for percentiles. */
  executionDays: { month: Int32Array; unit: Uint32Array; intervention: Uint32Array; days: Int32Array };
}

/** One pass: classifies every decision and counts it into its cell. */
export function buildDecisionCube(
  table: DecisionColumns,
  asOf: DayNumber,
  options: DeadlineOptions = {},
): DecisionCube {
  const { months, firstMonth, monthCount } = monthSpan(table.decided);
  const unitCount = Math.max(1, table.unitCount);
  const interventionCount = Math.max(1, table.interventionCount);
  const sexCount = SEX_LABELS.length;
  // A cell's key is below 2^53 for any real extract (a million units × a million insatser × 1 000 months × 4).
  const cellOf = new Map<number, number>();
  const rowCell = new Int32Array(table.count);
  const cells = {
    month: new Int32Array(table.count),
    unit: new Uint32Array(table.count),
    intervention: new Uint32Array(table.count),
    sex: new Uint8Array(table.count),
  };
  let executedCount = 0;
  for (let i = 0; i < table.count; i++) {
    if (table.executed[i] !== NO_DATE) executedCount++;
    const key =
      (((months[i] - firstMonth) * unitCount + table.unit[i]) * interventionCount + table.intervention[i]) * sexCount +
      table.sex[i];
    let cell = cellOf.get(key);
    if (cell === undefined) {
      cell = cellOf.size;
      cellOf.set(key, cell);
      cells.month[cell] = months[i];
      cells.unit[cell] = table.unit[i];
      cells.intervention[cell] = table.intervention[i];
      cells.sex[cell] = table.sex[i];
    }
    rowCell[i] = cell;
  }
  const cellCount = cellOf.size;
  const counts = new Uint32Array(cellCount * 4);
  const executionDays = {
    month: new Int32Array(executedCount),
    unit: new Uint32Array(executedCount),
    intervention: new Uint32Array(executedCount),
    days: new Int32Array(executedCount),
  };
  let e = 0;
  for (let i = 0; i < table.count; i++) {
    counts[rowCell[i] * 4 + classifyDecision(table.decided[i], table.executed[i], asOf, options)] += 1;
    if (table.executed[i] !== NO_DATE) {
      executionDays.month[e] = months[i];
      executionDays.unit[e] = table.unit[i];
      executionDays.intervention[e] = table.intervention[i];
      executionDays.days[e] = table.executed[i] - table.decided[i];
      e++;
    }
  }
  return {
    firstMonth,
    monthCount,
    unitCount,
    interventionCount,
    sexCount,
    cellCount,
    cells: {
      month: cells.month.slice(0, cellCount),
      unit: cells.unit.slice(0, cellCount),
      intervention: cells.intervention.slice(0, cellCount),
      sex: cells.sex.slice(0, cellCount),
    },
    counts,
    executionDays,
  };
}

/** Which decisions to count: unit, insats and kön codes, all when absent. */
export interface DecisionFilter extends CubeFilter {
  interventions?: readonly number[];
}

export interface DecisionCounts {
  decisions: number;
  executedInTime: number;
  executedLate: number;
  overdue: number;
  notYetDue: number;
  /** (executedLate + overdue) / decisions; null for none. */
  lateShare: number | null;
  /** Any decision not yet due: the share can still rise. */
  preliminary: boolean;
}

/** Decision counts per month of decision. */
export interface DecisionMonth extends DecisionCounts {
  month: MonthIndex;
}

/** Decision counts per quarter of decision, with days to execution. */
export interface DecisionQuarter extends DecisionCounts {
  quarter: QuarterIndex;
  /** The same quarter a year earlier, null outside the data. */
  previousYear: DecisionCounts | null;
  median: number | null;
  p90: number | null;
  executed: number;
}

/**
 * The three-month KPI: the share of decisions not executed within three months (executed late, or
 * still waiting past the deadline); preliminary while any decision is not yet due.
 * @example lateExecutionShareOf({ executedLate: 1, overdue: 1, decisions: 4, notYetDue: 0 }).share // 0.5
 */
export function lateExecutionShareOf(counts: {
  executedLate: number;
  overdue: number;
  decisions: number;
  notYetDue: number;
}): Share {
  return share(counts.executedLate + counts.overdue, counts.decisions, counts.notYetDue);
}

/** A month of decisions as the share that year-over-year and period comparisons read. */
export function monthlyLateExecutionShare(month: DecisionMonth): MonthlyShare {
  return monthlyShare(month.month, lateExecutionShareOf(month));
}

function countsOf(sums: ArrayLike<number>, at = 0): DecisionCounts {
  const executedInTime = sums[at];
  const executedLate = sums[at + 1];
  const overdue = sums[at + 2];
  const notYetDue = sums[at + 3];
  const decisions = executedInTime + executedLate + overdue + notYetDue;
  const kpi = lateExecutionShareOf({ executedLate, overdue, decisions, notYetDue });
  return {
    decisions,
    executedInTime,
    executedLate,
    overdue,
    notYetDue,
    lateShare: kpi.share,
    preliminary: kpi.preliminary,
  };
}

/** An empty list of units (or insatser) selects nothing: no rows at all, not rows of zeros. */
function selectsNothing(filter: DecisionFilter): boolean {
  return filter.units?.length === 0 || filter.interventions?.length === 0;
}

/**
 * Sums the status counters of the cells that pass `filter` into `slotCount` slots; `slot` gives a
 * cell's slot, or −1 to leave it out. One pass over the cells.
 */
function sumInto(
  cube: DecisionCube,
  filter: DecisionFilter,
  slotCount: number,
  slot: (month: MonthIndex, unit: number, intervention: number) => number,
): Uint32Array {
  const units = filter.units ? new Set(filter.units) : null;
  const interventions = filter.interventions ? new Set(filter.interventions) : null;
  const sexes = filter.sexes ? new Set(filter.sexes) : null;
  const sums = new Uint32Array(slotCount * 4);
  const { month, unit, intervention, sex } = cube.cells;
  for (let c = 0; c < cube.cellCount; c++) {
    if ((units && !units.has(unit[c])) || (interventions && !interventions.has(intervention[c]))) continue;
    if (sexes && !sexes.has(sex[c])) continue;
    const at = slot(month[c], unit[c], intervention[c]);
    if (at < 0) continue;
    for (let k = 0; k < 4; k++) sums[at * 4 + k] += cube.counts[c * 4 + k];
  }
  return sums;
}

/**
 * Counts per month of decision, for every month of the cube (months without a decision give zeros).
 * @example decisionMonths(cube, { units: [0] })[0].lateShare // 0.25
 */
export function decisionMonths(cube: DecisionCube, filter: DecisionFilter = {}): DecisionMonth[] {
  if (selectsNothing(filter)) return [];
  const sums = sumInto(cube, filter, cube.monthCount, (month) => month - cube.firstMonth);
  return Array.from({ length: cube.monthCount }, (_, m) => ({ month: cube.firstMonth + m, ...countsOf(sums, m * 4) }));
}

/**
 * Each chosen unit's counts per month of decision (every month of the cube), in one pass: the
 * unit breakdown costs the same for 5 units as for 20 000.
 * @example decisionMonthsByUnit(cube, [0, 1])[1][0].decisions // decisions of unit 1 in the first month
 */
export function decisionMonthsByUnit(
  cube: DecisionCube,
  units: readonly number[],
  filter: Omit<DecisionFilter, 'units'> = {},
): DecisionMonth[][] {
  const position = new Int32Array(cube.unitCount).fill(-1);
  units.forEach((unit, i) => {
    if (unit >= 0 && unit < cube.unitCount && position[unit] < 0) position[unit] = i;
  });
  const sums = sumInto(cube, filter, units.length * cube.monthCount, (month, unit) =>
    position[unit] < 0 ? -1 : position[unit] * cube.monthCount + month - cube.firstMonth,
  );
  return units.map((unit) =>
    Array.from({ length: cube.monthCount }, (_, m) => ({
      month: cube.firstMonth + m,
      ...countsOf(sums, (position[unit] * cube.monthCount + m) * 4),
    })),
  );
}

/**
 * Counts per quarter of decision for the quarters that the months `from`–`to` touch, each with the
 * same quarter a year earlier (from the whole cube) and the median and 90th percentile of days to
 * execution. A quarter only partly in the data counts the months it has.
 * @example decisionQuarters(cube, {}, 2025 * 12, 2025 * 12 + 5).map((q) => q.quarter) // [2025 * 4, 2025 * 4 + 1]
 */
export function decisionQuarters(
  cube: DecisionCube,
  filter: DecisionFilter,
  from: MonthIndex,
  to: MonthIndex,
): DecisionQuarter[] {
  if (cube.monthCount === 0 || selectsNothing(filter)) return [];
  const firstQuarter = quarterOfMonth(cube.firstMonth);
  const quarterCount = quarterOfMonth(cube.firstMonth + cube.monthCount - 1) - firstQuarter + 1;
  const sums = sumInto(cube, filter, quarterCount, (month) => quarterOfMonth(month) - firstQuarter);
  const counts = (quarter: QuarterIndex) =>
    quarter >= firstQuarter && quarter < firstQuarter + quarterCount
      ? countsOf(sums, (quarter - firstQuarter) * 4)
      : null;
  const days = executionPercentiles(cube, quarterOfMonth, filter);
  const rows: DecisionQuarter[] = [];
  for (let quarter = Math.max(firstQuarter, quarterOfMonth(from)); quarter <= quarterOfMonth(to); quarter++) {
    const own = counts(quarter);
    if (!own) break;
    rows.push({
      quarter,
      ...own,
      ...(days.get(quarter) ?? { median: null, p90: null, executed: 0 }),
      previousYear: counts(quarter - 4),
    });
  }
  return rows;
}

/**
 * Counts per unit or per insats over the months `from`–`to`, largest first: every code of the
 * dictionary (of the filter's units, for units) gets a row, also with no decision, as long as the
 * months overlap the data.
 * @example decisionBreakdown(cube, 'intervention', ['HVB', 'Öppenvård'], {}, from, to)[0].label // 'Öppenvård' (most decisions)
 */
export function decisionBreakdown(
  cube: DecisionCube,
  by: 'unit' | 'intervention',
  labels: readonly string[],
  filter: DecisionFilter,
  from: MonthIndex,
  to: MonthIndex,
): (DecisionCounts & { label: string })[] {
  const overlaps = from <= cube.firstMonth + cube.monthCount - 1 && to >= cube.firstMonth && cube.monthCount > 0;
  if (!overlaps || selectsNothing(filter)) return [];
  const slotCount = by === 'unit' ? cube.unitCount : cube.interventionCount;
  const sums = sumInto(cube, filter, slotCount, (month, unit, intervention) =>
    month < from || month > to ? -1 : by === 'unit' ? unit : intervention,
  );
  const codes = by === 'unit' && filter.units ? [...new Set(filter.units)] : Array.from(labels, (_, i) => i);
  return codes
    .filter((code) => code >= 0 && code < slotCount)
    .map((code) => ({ label: labels[code], ...countsOf(sums, code * 4) }))
    .sort((a, b) => b.decisions - a.decisions || a.label.localeCompare(b.label, 'sv'));
}

/** Median and 90th percentile of days to execution per group (e.g. quarter of decision). */
export function executionPercentiles<K>(
  cube: DecisionCube,
  key: (month: MonthIndex, unit: number, intervention: number) => K | null,
  filter: DecisionFilter = {},
): Map<K, { median: number | null; p90: number | null; executed: number }> {
  const units = filter.units ? new Set(filter.units) : null;
  const interventions = filter.interventions ? new Set(filter.interventions) : null;
  const groups = new Map<K, number[]>();
  const { month, unit, intervention, days } = cube.executionDays;
  for (let i = 0; i < days.length; i++) {
    if (units && !units.has(unit[i])) continue;
    if (interventions && !interventions.has(intervention[i])) continue;
    const k = key(month[i], unit[i], intervention[i]);
    if (k === null) continue;
    const list = groups.get(k) ?? [];
    list.push(days[i]);
    groups.set(k, list);
  }
  return new Map([...groups.entries()].map(([k, list]) => [k, { ...percentiles(list), executed: list.length }]));
}
