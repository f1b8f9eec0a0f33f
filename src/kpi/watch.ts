/**
 * Deadline watch for unit managers: open cases by time left to their deadline, and investigations
 * closed and reopened for the same child (possible circumvention of the four-month rule, cf. JO 2565-2016).
 */
import { NO_DATE, type DayNumber } from './calendar';
import { extensionCounts } from './extensions';
import { fourMonthDeadline, type DeadlineOptions } from './investigations';

export type WatchBucket = 'overdue' | 'within14' | 'within30' | 'later';

export const WATCH_BUCKET_LABELS: Record<WatchBucket, string> = {
  overdue: 'Frist passerad',
  within14: 'Inom 14 dagar',
  within30: 'Inom 30 dagar',
  later: 'Senare',
};

/**
 * Time left to a deadline at the as-of date: passed (the day after the deadline or later), due within
 * 14 days (the deadline day itself included), within 30 days, or later.
 * @example watchBucket(day('2025-12-10'), day('2025-11-30')) // 'within14'
 */
export function watchBucket(deadline: DayNumber, asOf: DayNumber): WatchBucket {
  const daysLeft = deadline - asOf;
  if (daysLeft < 0) return 'overdue';
  if (daysLeft <= 14) return 'within14';
  if (daysLeft <= 30) return 'within30';
  return 'later';
}

/** An open investigation as the watch list sees it. */
export interface WatchedInvestigation {
  /** The four-month deadline. */
  deadline: DayNumber;
  /** An extension was decided on or before the deadline. */
  extended: boolean;
  /** The extended date when extended, NO_DATE when not extended or not given. */
  extendedTo: DayNumber;
  /** Days from the as-of date to the deadline that applies (the extended date when there is one). */
  daysLeft: number;
  bucket: WatchBucket;
}

/**
 * Where an open investigation stands at the as-of date: watched against its four-month deadline,
 * or against `forlangd_till` when an extension counted (decided on or before the deadline). An
 * extension without an extended date leaves no date to watch once the deadline has passed: 'later'.
 * @example watchInvestigation(day('2025-07-01'), day('2025-10-20'), day('2026-01-31'), day('2025-11-30')).bucket // 'later' (62 days left)
 */
export function watchInvestigation(
  start: DayNumber,
  firstExtension: DayNumber,
  extendedTo: DayNumber,
  asOf: DayNumber,
  options: DeadlineOptions = {},
): WatchedInvestigation {
  const deadline = fourMonthDeadline(start, options);
  const extended = extensionCounts(firstExtension, deadline);
  const effective = extended && extendedTo !== NO_DATE ? extendedTo : deadline;
  const bucket = extended && extendedTo === NO_DATE && asOf > deadline ? 'later' : watchBucket(effective, asOf);
  return { deadline, extended, extendedTo: extended ? extendedTo : NO_DATE, daysLeft: effective - asOf, bucket };
}

export interface Reopening {
  /** Row of the investigation that was closed. */
  closed: number;
  /** Row of the investigation opened after it for the same person. */
  reopened: number;
  /** Days from the closing to the new start (0 = the same day). */
  gapDays: number;
}

/**
 * Pairs of investigations of the same person where one was closed and the next opened within
 * `windowDays` days. Rows without a person key are ignored.
 * @example findReopenings(['B1', 'B1'], [day('2025-01-01'), day('2025-05-02')], [day('2025-05-01'), NO_DATE], 30) // [{ closed: 0, reopened: 1, gapDays: 1 }]
 */
export function findReopenings(
  person: readonly string[],
  start: Int32Array,
  end: Int32Array,
  windowDays: number,
): Reopening[] {
  const byPerson = new Map<string, number[]>();
  person.forEach((key, row) => {
    if (!key) return;
    const rows = byPerson.get(key) ?? [];
    rows.push(row);
    byPerson.set(key, rows);
  });
  const result: Reopening[] = [];
  for (const rows of byPerson.values()) {
    if (rows.length < 2) continue;
    rows.sort((a, b) => start[a] - start[b]);
    for (let i = 0; i < rows.length; i++) {
      const closed = rows[i];
      if (end[closed] === NO_DATE) continue;
      // The next investigation started on or after this one closed.
      const next = rows.find((r) => r !== closed && start[r] >= end[closed]);
      if (next === undefined) continue;
      const gapDays = start[next] - end[closed];
      if (gapDays <= windowDays) result.push({ closed, reopened: next, gapDays });
    }
  }
  return result.sort((a, b) => start[a.reopened] - start[b.reopened]);
}
