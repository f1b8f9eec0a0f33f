/**
 * The quarterly report to IVO (SoL 16 kap 6 f §, LSS 28 f §): one individual report per decision
 * past its three-month deadline and not executed on at least one day of the quarter, and per
 * interruption not resumed within three months; compared with the previous quarter's list; and the
 * de-identified summary for the nämnd, kommunfullmäktige and the auditors.
 */
import type { CodeColumn } from './breakdowns';
import { NO_DATE, type DayNumber } from './calendar';
import { threeMonthDeadline } from './decisions';
import type { DeadlineOptions } from './investigations';
import { quarterEnd, quarterLabel, quarterStart, type QuarterIndex } from './quarters';

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

/** Decisions as typed columns, as the IVO list reads them. */
export interface IvoColumns {
  count: number;
  id: readonly string[];
  decided: Int32Array;
  executed: Int32Array;
  /** Start of an interruption of the execution, NO_DATE when none. */
  interrupted: Int32Array;
  /** When an interrupted execution resumed, NO_DATE while not. */
  resumed: Int32Array;
  reason: readonly string[];
  unit: CodeColumn;
  units: readonly string[];
  intervention: CodeColumn;
  interventions: readonly string[];
  sex: CodeColumn;
  sexes: readonly string[];
}

/** One individual report to IVO. */
export interface IvoEntry {
  quarter: string;
  id: string;
  decided: DayNumber;
  /** Start of the waiting period: the decision, or the interruption. */
  start: DayNumber;
  deadline: DayNumber;
  intervention: string;
  kind: 'beslut' | 'avbrott';
  executed: boolean;
  executedOn: DayNumber;
  days: number;
  reason: string;
  sex: string;
  unit: string;
  /** Compared with the previous quarter's list. */
  status: 'ny' | 'väntar fortfarande' | 'verkställt sedan förra kvartalet';
}

/** The de-identified summary for the nämnd, kommunfullmäktige and the auditors. */
export interface IvoSummaryRow {
  group: 'insats' | 'dagar' | 'kön' | 'status';
  label: string;
  count: number;
}

export interface IvoList {
  summary: IvoSummaryRow[];
  quarter: QuarterIndex;
  /** The quarter has not ended at the as-of date: days are counted to the as-of date. */
  running: boolean;
  entries: IvoEntry[];
  previousCount: number;
  /** On the previous list but not on this one (executed on the previous quarter's last days). */
  dropped: number;
}

/**
 * A quarter's reports, in row order, all with status 'ny'. `include` leaves rows out (e.g. other units).
 * @example ivoEntries(columns, 2025 * 4 + 2, asOf).length // decisions and interruptions to report for 2025Q3
 */
export function ivoEntries(
  columns: IvoColumns,
  quarter: QuarterIndex,
  asOf: DayNumber,
  options: DeadlineOptions = {},
  include: (row: number) => boolean = () => true,
): IvoEntry[] {
  const entries: IvoEntry[] = [];
  for (let i = 0; i < columns.count; i++) {
    if (!include(i)) continue;
    const episodes: [IvoEntry['kind'], WaitingEpisode][] = [
      ['beslut', { start: columns.decided[i], end: columns.executed[i] }],
    ];
    if (columns.interrupted[i] !== NO_DATE)
      episodes.push(['avbrott', { start: columns.interrupted[i], end: columns.resumed[i] }]);
    for (const [kind, episode] of episodes) {
      const listing = quarterListing(episode, quarter, asOf, options);
      if (!listing) continue;
      entries.push({
        quarter: quarterLabel(quarter),
        id: columns.id[i],
        decided: columns.decided[i],
        start: episode.start,
        deadline: threeMonthDeadline(episode.start, options),
        intervention: columns.interventions[columns.intervention[i]],
        kind,
        executed: listing.executed,
        executedOn: listing.executed ? episode.end : NO_DATE,
        days: listing.days,
        reason: columns.reason[i],
        sex: columns.sexes[columns.sex[i]],
        unit: columns.units[columns.unit[i]],
        status: 'ny',
      });
    }
  }
  return entries;
}

/**
 * The quarter's list, oldest decision first, each report compared with the previous quarter's list
 * (ny / väntar fortfarande / verkställt sedan förra kvartalet), with the de-identified summary.
 * @example ivoList(columns, 2025 * 4 + 2, asOf).entries[0].status // 'väntar fortfarande' when also on 2025Q2's list
 */
export function ivoList(
  columns: IvoColumns,
  quarter: QuarterIndex,
  asOf: DayNumber,
  options: DeadlineOptions = {},
  include?: (row: number) => boolean,
): IvoList {
  const current = ivoEntries(columns, quarter, asOf, options, include);
  const previous = ivoEntries(columns, quarter - 1, asOf, options, include);
  const key = (e: IvoEntry) => `${e.kind}:${e.id}`;
  const previousKeys = new Set(previous.map(key));
  for (const entry of current) {
    if (previousKeys.has(key(entry)))
      entry.status = entry.executed ? 'verkställt sedan förra kvartalet' : 'väntar fortfarande';
  }
  current.sort((a, b) => a.decided - b.decided || a.id.localeCompare(b.id, 'sv'));
  const currentKeys = new Set(current.map(key));
  return {
    quarter,
    running: quarterEnd(quarter) > asOf,
    entries: current,
    summary: ivoSummary(current),
    previousCount: previous.length,
    dropped: previous.filter((e) => !currentKeys.has(key(e))).length,
  };
}

/**
 * Days-waited bucket of the de-identified summary.
 * @example daysBucket(181) // '6–12 månader (181–365 dagar)'
 */
export function daysBucket(days: number): string {
  return days <= 180
    ? '3–6 månader (högst 180 dagar)'
    : days <= 365
      ? '6–12 månader (181–365 dagar)'
      : 'mer än ett år (över 365 dagar)';
}

/**
 * The summary's status of a report.
 * @example ivoStatus({ kind: 'avbrott', executed: false }) // 'avbrott, ej återupptaget'
 */
export function ivoStatus(entry: Pick<IvoEntry, 'kind' | 'executed'>): string {
  if (entry.kind === 'avbrott') return entry.executed ? 'avbrott, återupptaget' : 'avbrott, ej återupptaget';
  return entry.executed ? 'verkställt' : 'ej verkställt';
}

/**
 * Counts per insats (largest first), days waited, kön and status: what may leave the unit without
 * identifying anyone.
 * @example ivoSummary(entries).filter((r) => r.group === 'kön') // [{ group: 'kön', label: 'flicka', count: 3 }, …]
 */
export function ivoSummary(entries: readonly IvoEntry[]): IvoSummaryRow[] {
  const rows: IvoSummaryRow[] = [];
  const add = (group: IvoSummaryRow['group'], label: (e: IvoEntry) => string, order?: string[]) => {
    const counts = new Map<string, number>();
    for (const e of entries) counts.set(label(e), (counts.get(label(e)) ?? 0) + 1);
    const labels = order
      ? order.filter((l) => counts.has(l))
      : [...counts.keys()].sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || a.localeCompare(b, 'sv'));
    for (const l of labels) rows.push({ group, label: l, count: counts.get(l) ?? 0 });
  };
  add('insats', (e) => e.intervention);
  add('dagar', (e) => daysBucket(e.days), [daysBucket(100), daysBucket(200), daysBucket(400)]);
  add('kön', (e) => e.sex, ['flicka', 'pojke', 'annat', 'okänt']);
  add('status', ivoStatus);
  return rows;
}
