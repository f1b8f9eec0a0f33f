/**
 * The 14-day rule for orosanmälningar (SoL 11 kap 1 a §; SoL (2025:400) 20 kap 2 §): the
 * förhandsbedömning is due within 14 days of receipt; the skyddsbedömning at once (same day, or
 * the next day for a late arrival).
 */
import { monthSpan, nextWorkingDay, NO_DATE, type DayNumber, type MonthIndex } from './calendar';
import type { CodeColumn } from './breakdowns';
import { SEX_LABELS, type DeadlineOptions } from './investigations';
import { yearOfMonth } from './periods';
import { monthlyShare, share, shareOf, type MonthlyShare, type Share } from './shares';

export const ConcernStatus = {
  inTime: 0,
  late: 1,
  pending: 2,
  /** About a child already under investigation: no förhandsbedömning needed, left out of the share. */
  underInvestigation: 3,
} as const;
export type ConcernStatus = (typeof ConcernStatus)[keyof typeof ConcernStatus];

/** Outcome of the förhandsbedömning, as codes. */
export const ConcernDecision = { unknown: 0, opened: 1, notOpened: 2, underInvestigation: 3 } as const;
export type ConcernDecision = (typeof ConcernDecision)[keyof typeof ConcernDecision];

/** Last day of the förhandsbedömning. @example isoDate(fourteenDayDeadline(day('2025-01-31'))) // '2025-02-14' */
export function fourteenDayDeadline(received: DayNumber, options: DeadlineOptions = {}): DayNumber {
  return options.shiftToWorkingDay ? nextWorkingDay(received + 14) : received + 14;
}

/**
 * Classifies one report at the as-of date: in time when assessed on or before day 14; late when
 * assessed after, or still pending when the as-of date is past day 14; pending otherwise.
 * @example classifyConcern(day('2025-01-01'), day('2025-01-15'), ConcernDecision.opened, asOf) // inTime (day 14)
 */
export function classifyConcern(
  received: DayNumber,
  assessed: DayNumber,
  decision: ConcernDecision,
  asOf: DayNumber,
  options: DeadlineOptions = {},
): ConcernStatus {
  if (decision === ConcernDecision.underInvestigation) return ConcernStatus.underInvestigation;
  const deadline = fourteenDayDeadline(received, options);
  if (assessed !== NO_DATE) return assessed <= deadline ? ConcernStatus.inTime : ConcernStatus.late;
  return asOf > deadline ? ConcernStatus.late : ConcernStatus.pending;
}

/** Skyddsbedömning status: in time, late, or pending (not yet due). */
export const ProtectiveStatus = { inTime: 0, late: 1, pending: 2 } as const;
export type ProtectiveStatus = (typeof ProtectiveStatus)[keyof typeof ProtectiveStatus];

/**
 * The skyddsbedömning is due the same day or, for a report arriving late in the day, the next day.
 * Extracts carry no time of day, so the next day counts as in time for every report.
 * @example classifyProtective(day('2025-01-01'), day('2025-01-02'), asOf) // inTime
 */
export function classifyProtective(received: DayNumber, assessed: DayNumber, asOf: DayNumber): ProtectiveStatus {
  const deadline = received + 1;
  if (assessed !== NO_DATE) return assessed <= deadline ? ProtectiveStatus.inTime : ProtectiveStatus.late;
  return asOf > deadline ? ProtectiveStatus.late : ProtectiveStatus.pending;
}

export interface ConcernColumns {
  count: number;
  received: Int32Array;
  assessed: Int32Array;
  /** NO_DATE everywhere when the extract has no skyddsbedömning column. */
  protective: Int32Array;
  hasProtective: boolean;
  decision: Uint8Array;
  unit: CodeColumn;
  sex: CodeColumn;
  /** Code into `reasons` (delay reason), per report. */
  reason: CodeColumn;
  reasons: readonly string[];
  unitCount: number;
}

/** Counters per (month of receipt, unit, sex). */
export const CONCERN_COUNTERS = 10;
const C = {
  inTime: 0,
  late: 1,
  pending: 2,
  underInvestigation: 3,
  protectiveInTime: 4,
  protectiveLate: 5,
  protectivePending: 6,
  opened: 7,
  notOpened: 8,
  all: 9,
} as const;

export interface ConcernCube {
  firstMonth: MonthIndex;
  monthCount: number;
  unitCount: number;
  sexCount: number;
  counts: Uint32Array;
  /** Late reports per (year, unit, reason code): key `${year}:${unit}:${reason}`. */
  lateReasons: Map<string, number>;
  hasProtective: boolean;
}

/** One pass over the reports: classifies each and counts it into its cell. Rows received after the as-of date must be filtered out before. */
export function buildConcernCube(table: ConcernColumns, asOf: DayNumber, options: DeadlineOptions = {}): ConcernCube {
  const { months, firstMonth, monthCount } = monthSpan(table.received);
  const unitCount = Math.max(1, table.unitCount);
  const sexCount = SEX_LABELS.length;
  const counts = new Uint32Array(monthCount * unitCount * sexCount * CONCERN_COUNTERS);
  const lateReasons = new Map<string, number>();
  for (let i = 0; i < table.count; i++) {
    const cell = (((months[i] - firstMonth) * unitCount + table.unit[i]) * sexCount + table.sex[i]) * CONCERN_COUNTERS;
    const decision = table.decision[i] as ConcernDecision;
    const status = classifyConcern(table.received[i], table.assessed[i], decision, asOf, options);
    counts[cell + status] += 1;
    counts[cell + C.all] += 1;
    if (status === ConcernStatus.late) {
      const key = `${yearOfMonth(months[i])}:${table.unit[i]}:${table.reason[i]}`;
      lateReasons.set(key, (lateReasons.get(key) ?? 0) + 1);
    }
    if (decision === ConcernDecision.opened) counts[cell + C.opened] += 1;
    if (decision === ConcernDecision.notOpened) counts[cell + C.notOpened] += 1;
    if (table.hasProtective) {
      counts[cell + C.protectiveInTime + classifyProtective(table.received[i], table.protective[i], asOf)] += 1;
    }
  }
  return { firstMonth, monthCount, unitCount, sexCount, counts, lateReasons, hasProtective: table.hasProtective };
}

export interface ConcernMonth {
  month: MonthIndex;
  received: number;
  inTime: number;
  late: number;
  pending: number;
  underInvestigation: number;
  /** inTime / (inTime + late + pending); null when none counts. */
  inTimeShare: number | null;
  preliminary: boolean;
  protectiveInTime: number;
  protectiveLate: number;
  protectivePending: number;
  /** null when the extract has no skyddsbedömning column. */
  protectiveShare: number | null;
  opened: number;
  notOpened: number;
  /** opened / (opened + notOpened); null when no decisions. */
  openedShare: number | null;
}

/**
 * The 14-day KPI: the share of the reports needing a förhandsbedömning that got it within 14 days;
 * reports about a child already under investigation are outside it. Preliminary while any waits
 * within its 14 days.
 * @example inTimeShareOf({ inTime: 9, late: 1, pending: 0 }).share // 0.9
 */
export function inTimeShareOf(counts: { inTime: number; late: number; pending: number }): Share {
  return share(counts.inTime, counts.inTime + counts.late + counts.pending, counts.pending);
}

/** A month of reports as the share that year-over-year and period comparisons read. */
export function monthlyInTimeShare(month: ConcernMonth): MonthlyShare {
  return monthlyShare(month.month, inTimeShareOf(month));
}

/**
 * Monthly figures by month of receipt, for the chosen units.
 * @example concernMonths(cube, [0])[0].inTimeShare // 0.9
 */
export function concernMonths(cube: ConcernCube, units?: readonly number[], sexes?: readonly number[]): ConcernMonth[] {
  const unitList = units ?? Array.from({ length: cube.unitCount }, (_, i) => i);
  const sexList = sexes ?? Array.from({ length: cube.sexCount }, (_, i) => i);
  const rows: ConcernMonth[] = [];
  for (let m = 0; m < cube.monthCount; m++) {
    const sums = new Array<number>(CONCERN_COUNTERS).fill(0);
    for (const unit of unitList) {
      if (unit < 0 || unit >= cube.unitCount) continue;
      for (const sex of sexList) {
        const cell = ((m * cube.unitCount + unit) * cube.sexCount + sex) * CONCERN_COUNTERS;
        for (let c = 0; c < CONCERN_COUNTERS; c++) sums[c] += cube.counts[cell + c];
      }
    }
    const kpi = inTimeShareOf({ inTime: sums[C.inTime], late: sums[C.late], pending: sums[C.pending] });
    const protective = sums[C.protectiveInTime] + sums[C.protectiveLate] + sums[C.protectivePending];
    rows.push({
      month: cube.firstMonth + m,
      received: sums[C.all],
      inTime: sums[C.inTime],
      late: sums[C.late],
      pending: sums[C.pending],
      underInvestigation: sums[C.underInvestigation],
      inTimeShare: kpi.share,
      preliminary: kpi.preliminary,
      protectiveInTime: sums[C.protectiveInTime],
      protectiveLate: sums[C.protectiveLate],
      protectivePending: sums[C.protectivePending],
      protectiveShare: cube.hasProtective ? shareOf(sums[C.protectiveInTime], protective) : null,
      opened: sums[C.opened],
      notOpened: sums[C.notOpened],
      openedShare: shareOf(sums[C.opened], sums[C.opened] + sums[C.notOpened]),
    });
  }
  return rows;
}

export interface ReasonRow {
  year: number;
  reason: string;
  count: number;
  /** count / all late reports that year. */
  share: number;
}

/**
 * A delay reason's share of the late reports of its year (NaN where either count is hidden).
 * @example lateReasonShare(60, 100) // 0.6
 */
export function lateReasonShare(count: number, lateThatYear: number): number {
  return count / lateThatYear;
}

/**
 * Delay reasons of the late reports per year, for the chosen units, largest first within a year.
 * @example lateReasonsByYear(cube, ['Vårdnadshavare avbokade'])[0] // { year: 2025, reason: 'Vårdnadshavare avbokade', count: 60, share: 0.6 }
 */
export function lateReasonsByYear(
  cube: ConcernCube,
  reasons: readonly string[],
  units?: readonly number[],
): ReasonRow[] {
  const wanted = units ? new Set(units) : null;
  const byYearReason = new Map<string, { year: number; code: number; count: number }>();
  const totals = new Map<number, number>();
  for (const [key, count] of cube.lateReasons) {
    const [year, unit, code] = key.split(':').map(Number);
    if (wanted && !wanted.has(unit)) continue;
    const entry = byYearReason.get(`${year}:${code}`) ?? { year, code, count: 0 };
    entry.count += count;
    byYearReason.set(`${year}:${code}`, entry);
    totals.set(year, (totals.get(year) ?? 0) + count);
  }
  return [...byYearReason.values()]
    .map(({ year, code, count }) => ({
      year,
      reason: reasons[code] ?? '',
      count,
      share: lateReasonShare(count, totals.get(year) ?? count),
    }))
    .sort((a, b) => a.year - b.year || b.count - a.count || a.reason.localeCompare(b.reason, 'sv'));
}
