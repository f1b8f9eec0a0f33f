/**
 * The default as-of date (uttagsdatum) of an extract, found from its event dates alone.
 */
import { NO_DATE, ymdFromDay, type DayNumber } from './calendar';

/** How the default as-of date was found. */
export type AsOfRule = 'last-event' | 'before-stray-dates' | 'no-events';

/** Swedish wording of each rule, for "Uttagsdatum … (från filerna: …)". */
export const AS_OF_RULE_LABELS: Record<AsOfRule, string> = {
  'last-event': 'sista dag med händelser',
  'before-stray-dates':
    'sista dag med ordinarie händelser; enstaka senare datum efter ett uppehåll räknas som felskrivna',
  'no-events': 'inga händelsedatum',
};

export interface DefaultAsOf {
  /** The as-of date; NO_DATE when there are no event dates. */
  asOf: DayNumber;
  /** Event dates after `asOf` (not rows: one row may carry several). */
  laterEvents: number;
  /** The first event date after `asOf`, or NO_DATE. */
  firstLaterDay: DayNumber;
  rule: AsOfRule;
}

/** Fewer events than this, and nothing is ever called stray: there is no ordinary activity to judge by. */
const MIN_EVENTS = 10;
/** A stray tail holds at most this share of all events (at least one). */
const STRAY_SHARE = 0.001;
/** The quiet spell before a stray tail lasts at least this many days … */
const MIN_QUIET_DAYS = 14;
/** … at least this many times the longest gap between event days in the year before it … */
const QUIET_FACTOR = 3;
/** … and long enough for that year's pace of events to have produced this many in it. */
const MIN_MISSED_EVENTS = 10;

const DAYS_BEFORE_MONTH = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

/**
 * A day count without leap days (29 February counts as the 28th), so that gaps between dates do
 * not change when an extract is moved by whole years: the result then moves by exactly as much.
 */
function dayWithoutLeapDays(day: DayNumber): number {
  const { year, month, day: dom } = ymdFromDay(day);
  return year * 365 + DAYS_BEFORE_MONTH[month - 1] + Math.min(dom, month === 2 ? 28 : 31) - 1;
}

/** Events per day, counted densely unless the days span over 11 000 years (never in a real extract). */
function countDays(columns: readonly ArrayLike<DayNumber>[]): Map<DayNumber, number> {
  let min = Infinity;
  let max = -Infinity;
  for (const column of columns) {
    for (let i = 0; i < column.length; i++) {
      const day = column[i];
      if (day === NO_DATE) continue;
      if (day < min) min = day;
      if (day > max) max = day;
    }
  }
  const countByDay = new Map<DayNumber, number>();
  if (max < min) return countByDay;
  if (max - min >= 1 << 22) {
    for (const column of columns) {
      for (let i = 0; i < column.length; i++) {
        const day = column[i];
        if (day !== NO_DATE) countByDay.set(day, (countByDay.get(day) ?? 0) + 1);
      }
    }
    return countByDay;
  }
  // A typed array counts 4 million dates about twice as fast as a Map.
  const dense = new Uint32Array(max - min + 1);
  for (const column of columns) {
    for (let i = 0; i < column.length; i++) {
      const day = column[i];
      if (day !== NO_DATE) dense[day - min]++;
    }
  }
  for (let offset = 0; offset < dense.length; offset++) {
    if (dense[offset] > 0) countByDay.set(min + offset, dense[offset]);
  }
  return countByDay;
}

/**
 * The default as-of date: the last day of ordinary activity. It is the last event day, unless
 * the events after some day D are a handful — at most 0.1 % of all events, at least one, in an
 * extract of 10 events or more — and follow D after a quiet spell that is at least 14 days, at
 * least three times the longest gap between event days in the year before that handful, and long
 * enough for that year's pace of events to have produced 10 events in it. Then D is the as-of date
 * (the earliest such D), and the later events count as mistyped dates. The rule uses only the dates
 * and their counts: never the clock, the weekday or the data's own year.
 * Empty dates (NO_DATE) are skipped.
 * @example
 * // 30 000 events through 2025-11-30 and one mistyped 2026-01-08:
 * defaultAsOf([starts, ends]) // { asOf: 2025-11-30, laterEvents: 1, firstLaterDay: 2026-01-08, rule: 'before-stray-dates' }
 * // 12 events over two months, the last on 2025-11-28 and 20 days after the one before:
 * defaultAsOf([starts]) // { asOf: 2025-11-28, laterEvents: 0, firstLaterDay: NO_DATE, rule: 'last-event' }
 */
export function defaultAsOf(columns: readonly ArrayLike<DayNumber>[]): DefaultAsOf {
  const countByDay = countDays(columns);
  if (countByDay.size === 0) return { asOf: NO_DATE, laterEvents: 0, firstLaterDay: NO_DATE, rule: 'no-events' };

  const days = [...countByDay.keys()].sort((a, b) => a - b);
  const plain = days.map(dayWithoutLeapDays);
  const last = days.length - 1;
  const lastEvent: DefaultAsOf = { asOf: days[last], laterEvents: 0, firstLaterDay: NO_DATE, rule: 'last-event' };

  let total = 0;
  for (const count of countByDay.values()) total += count;
  if (total < MIN_EVENTS) return lastEvent;
  const handful = Math.max(1, Math.floor(total * STRAY_SHARE));

  // later[i] = events after days[i]; first = the earliest day followed by at most a handful.
  const later = new Array<number>(days.length).fill(0);
  for (let i = last - 1; i >= 0; i--) later[i] = later[i + 1] + (countByDay.get(days[i + 1]) ?? 0);
  let first = last;
  while (first > 0 && later[first - 1] <= handful) first--;

  // Ordinary activity: the year up to `first`, which the handful of possible strays cannot reach.
  let longestGap = 0;
  let events = countByDay.get(days[first]) ?? 0;
  let start = first;
  while (start > 0 && plain[first] - plain[start - 1] < 365) {
    longestGap = Math.max(longestGap, plain[start] - plain[start - 1]);
    start--;
    events += countByDay.get(days[start]) ?? 0;
  }
  const eventsPerDay = events / (plain[first] - plain[start] + 1);
  const quiet = Math.max(MIN_QUIET_DAYS, QUIET_FACTOR * longestGap, MIN_MISSED_EVENTS / eventsPerDay);

  for (let i = first; i < last; i++) {
    if (plain[i + 1] - plain[i] >= quiet) {
      return { asOf: days[i], laterEvents: later[i], firstLaterDay: days[i + 1], rule: 'before-stray-dates' };
    }
  }
  return lastEvent;
}
