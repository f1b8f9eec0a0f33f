/**
 * The three-month rule for favourable decisions on interventions (SoL 16 kap 6 f §, LSS 28 f §):
 * a decision not executed within three months is reported to IVO every quarter until the quarter in
 * which it is executed; likewise an execution interrupted and not resumed within three months.
 */
import {
  addMonthsClamped,
  dayFromYmd,
  monthOfDay,
  monthSpan,
  nextWorkingDay,
  NO_DATE,
  type DayNumber,
  type MonthIndex,
} from './calendar';
import { SEX_LABELS, type DeadlineOptions } from './investigations';

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

/** A calendar quarter as `year * 4 + (quarter − 1)`. */
export type QuarterIndex = number;

export function quarterOfDay(day: DayNumber): QuarterIndex {
  return Math.floor(monthOfDay(day) / 3);
}
export function quarterStart(quarter: QuarterIndex): DayNumber {
  return dayFromYmd(Math.floor(quarter / 4), (quarter % 4) * 3 + 1, 1);
}
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
 * @example quarterLabel(latestCompleteQuarter(day('2025-11-30'))) // '2025Q3'
 */
export function latestCompleteQuarter(asOf: DayNumber): QuarterIndex {
  const quarter = quarterOfDay(asOf);
  return quarterEnd(quarter) === asOf ? quarter : quarter - 1;
}

/**
 * A waiting period that the three-month rule applies to: from a decision (or an interruption) to
 * execution (or resumption), NO_DATE while still waiting.
 */
export interface WaitingEpisode {
  start: DayNumber;
  end: DayNumber;
}

export interface QuarterListing {
  /** 'ej verkställt' (still waiting at the quarter's last day, or at the as-of date in a running quarter) or 'verkställt' (executed during the quarter). */
  executed: boolean;
  /** Days from start to execution, or to the quarter's last day (the as-of date in a running quarter). */
  days: number;
}

/**
 * Whether an episode belongs in a quarter's IVO list: past its deadline and not executed on at least
 * one day of the quarter up to the as-of date. The deadline day itself is in time; the first day
 * after it counts, also when execution happens that very day. So a late decision appears in every
 * quarter from the one its deadline passes in up to and including the one it is executed in.
 * @example quarterListing({ start: day('2025-01-15'), end: NO_DATE }, 2025 * 4 + 1, asOf) // { executed: false, days: 166 }
 */
export function quarterListing(
  episode: WaitingEpisode,
  quarter: QuarterIndex,
  asOf: DayNumber,
  options: DeadlineOptions = {},
): QuarterListing | null {
  const firstLateDay = threeMonthDeadline(episode.start, options) + 1;
  const from = quarterStart(quarter);
  const to = Math.min(quarterEnd(quarter), asOf);
  if (from > to || firstLateDay > to) return null;
  // Executed in time, or executed before this quarter began: not in this quarter's list.
  if (episode.end !== NO_DATE && (episode.end < firstLateDay || episode.end < from)) return null;
  if (episode.end !== NO_DATE && episode.end <= to) return { executed: true, days: episode.end - episode.start };
  return { executed: false, days: to - episode.start };
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
  unit: Uint16Array;
  sex: Uint16Array;
  intervention: Uint16Array;
  unitCount: number;
  interventionCount: number;
}

/** Counters per (month of decision, unit, intervention, sex): the four statuses. */
export interface DecisionCube {
  firstMonth: MonthIndex;
  monthCount: number;
  unitCount: number;
  interventionCount: number;
  sexCount: number;
  counts: Uint32Array;
  /** Days from decision to execution, per executed decision, with its month, unit and intervention, for percentiles. */
  executionDays: { month: Int32Array; unit: Uint16Array; intervention: Uint16Array; days: Int32Array };
}

/** One pass: classifies every decision and counts it into its cell. */
export function buildDecisionCube(
  table: DecisionColumns,
  asOf: DayNumber,
  options: DeadlineOptions = {},
): DecisionCube {
  const { months, firstMonth, monthCount } = monthSpan(table.decided);
  let executedCount = 0;
  for (let i = 0; i < table.count; i++) if (table.executed[i] !== NO_DATE) executedCount++;
  const unitCount = Math.max(1, table.unitCount);
  const interventionCount = Math.max(1, table.interventionCount);
  const sexCount = SEX_LABELS.length;
  const counts = new Uint32Array(monthCount * unitCount * interventionCount * sexCount * 4);
  const executionDays = {
    month: new Int32Array(executedCount),
    unit: new Uint16Array(executedCount),
    intervention: new Uint16Array(executedCount),
    days: new Int32Array(executedCount),
  };
  let e = 0;
  for (let i = 0; i < table.count; i++) {
    const status = classifyDecision(table.decided[i], table.executed[i], asOf, options);
    const cell =
      ((((months[i] - firstMonth) * unitCount + table.unit[i]) * interventionCount + table.intervention[i]) * sexCount +
        table.sex[i]) *
      4;
    counts[cell + status] += 1;
    if (table.executed[i] !== NO_DATE) {
      executionDays.month[e] = months[i];
      executionDays.unit[e] = table.unit[i];
      executionDays.intervention[e] = table.intervention[i];
      executionDays.days[e] = table.executed[i] - table.decided[i];
      e++;
    }
  }
  return { firstMonth, monthCount, unitCount, interventionCount, sexCount, counts, executionDays };
}

export interface DecisionFilter {
  units?: readonly number[];
  interventions?: readonly number[];
  sexes?: readonly number[];
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

function countsOf(sums: readonly number[]): DecisionCounts {
  const [executedInTime, executedLate, overdue, notYetDue] = sums;
  const decisions = executedInTime + executedLate + overdue + notYetDue;
  return {
    decisions,
    executedInTime,
    executedLate,
    overdue,
    notYetDue,
    lateShare: decisions > 0 ? (executedLate + overdue) / decisions : null,
    preliminary: notYetDue > 0,
  };
}

/**
 * Sums the cube over units and interventions per month of decision, or per any grouping of
 * months/interventions/units given by `key` (e.g. quarter, or intervention).
 */
export function groupDecisions<K>(
  cube: DecisionCube,
  key: (month: MonthIndex, unit: number, intervention: number) => K | null,
  filter: DecisionFilter = {},
): Map<K, DecisionCounts> {
  const units = filter.units ? new Set(filter.units) : null;
  const interventions = filter.interventions ? new Set(filter.interventions) : null;
  const sexes = filter.sexes ?? Array.from({ length: cube.sexCount }, (_, i) => i);
  const sums = new Map<K, number[]>();
  for (let m = 0; m < cube.monthCount; m++) {
    for (let u = 0; u < cube.unitCount; u++) {
      if (units && !units.has(u)) continue;
      for (let v = 0; v < cube.interventionCount; v++) {
        if (interventions && !interventions.has(v)) continue;
        const k = key(cube.firstMonth + m, u, v);
        if (k === null) continue;
        const total = sums.get(k) ?? [0, 0, 0, 0];
        for (const s of sexes) {
          const cell = (((m * cube.unitCount + u) * cube.interventionCount + v) * cube.sexCount + s) * 4;
          for (let c = 0; c < 4; c++) total[c] += cube.counts[cell + c];
        }
        sums.set(k, total);
      }
    }
  }
  return new Map([...sums.entries()].map(([k, v]) => [k, countsOf(v)]));
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
