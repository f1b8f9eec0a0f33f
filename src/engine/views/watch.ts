/**
 * Bevakning: open cases of every loaded dataset by time left to their deadline at the as-of date,
 * counts per unit, and investigations closed and reopened for the same child within a window.
 */
import { categoryColumn, dateColumn, textColumn, type Table } from '../../import/table';
import {
  ConcernDecision,
  findReopenings,
  fourMonthDeadline,
  fourteenDayDeadline,
  NO_DATE,
  threeMonthDeadline,
  watchBucket,
  watchInvestigation,
  type DayNumber,
  type WatchBucket,
} from '../../kpi';
import { concernDecisions, interventionLabels } from '../cubes';
import type { Engine } from '../engine';
import type {
  WatchConcern,
  WatchCounts,
  WatchDecision,
  WatchInvestigation,
  WatchQuery,
  WatchReopening,
  WatchView,
} from '../types';
import { sortedLabels } from './shared';

/** Rows per list when the query names no limit. */
const DEFAULT_LIMIT = 2000;

const emptyBuckets = (): Record<WatchBucket, number> => ({ overdue: 0, within14: 0, within30: 0, later: 0 });

/** The watch lists at the as-of date, most urgent first, for the chosen units. */
export function watchView(engine: Engine, query: WatchQuery): WatchView {
  const { asOf, deadline: options } = query;
  const limit = query.limit ?? DEFAULT_LIMIT;
  const counts = new Map<string, WatchCounts>();
  const bump = (unit: string, list: keyof WatchCounts, bucket: WatchBucket) => {
    const entry = counts.get(unit) ?? {
      investigations: emptyBuckets(),
      concerns: emptyBuckets(),
      decisions: emptyBuckets(),
    };
    entry[list][bucket] += 1;
    counts.set(unit, entry);
  };
  const unitFilter = (table: Table) => {
    const units = categoryColumn(table, 'enhet');
    const wanted = query.units && query.units.length > 0 ? new Set(query.units) : null;
    return {
      label: (i: number) => units.labels[units.codes[i]],
      keep: (i: number) => !wanted || wanted.has(units.labels[units.codes[i]]),
    };
  };
  const finish = <Row extends { daysLeft: number }>(rows: Row[]) => ({
    total: rows.length,
    rows: rows.sort((a, b) => a.daysLeft - b.daysLeft).slice(0, limit),
  });

  const investigationRows: WatchInvestigation[] = [];
  let reopened: WatchReopening[] = [];
  let hasPersonKey = false;
  const inv = engine.accepted('utredningar', asOf);
  const ext = engine.extensions(asOf);
  if (inv && ext) {
    const { label, keep } = unitFilter(inv);
    const ids = textColumn(inv, 'utredning_id');
    const start = dateColumn(inv, 'startdatum');
    const end = dateColumn(inv, 'avslutsdatum');
    for (let i = 0; i < inv.count; i++) {
      if (end[i] !== NO_DATE || !keep(i)) continue;
      const watched = watchInvestigation(start[i], ext.firstExtension[i], ext.extendedTo[i], asOf, options);
      bump(label(i), 'investigations', watched.bucket);
      if (watched.bucket === 'later') continue;
      investigationRows.push({
        id: ids[i],
        unit: label(i),
        start: start[i],
        deadline: watched.deadline,
        extendedTo: watched.extendedTo,
        extended: watched.extended,
        daysLeft: watched.daysLeft,
        bucket: watched.bucket,
      });
    }
    hasPersonKey = inv.present.includes('person_id');
    if (hasPersonKey) {
      reopened = findReopenings(textColumn(inv, 'person_id'), start, end, query.reopenWindow)
        .filter((r) => keep(r.closed) || keep(r.reopened))
        .map((r) => ({
          closedId: ids[r.closed],
          closedStart: start[r.closed],
          closedEnd: end[r.closed],
          closedDeadline: fourMonthDeadline(start[r.closed], options),
          reopenedId: ids[r.reopened],
          reopenedStart: start[r.reopened],
          gapDays: r.gapDays,
          unit: label(r.reopened),
        }));
    }
  }

  /** Open cases of a table against one deadline each: counted per unit and bucket, listed when due within 30 days. */
  const openCases = <Row>(
    table: Table,
    list: keyof WatchCounts,
    open: (i: number) => boolean,
    deadlineOf: (i: number) => DayNumber,
    row: (i: number, unit: string, deadline: DayNumber, bucket: WatchBucket) => Row,
  ): Row[] => {
    const { label, keep } = unitFilter(table);
    const rows: Row[] = [];
    for (let i = 0; i < table.count; i++) {
      if (!open(i) || !keep(i)) continue;
      const deadline = deadlineOf(i);
      const bucket = watchBucket(deadline, asOf);
      bump(label(i), list, bucket);
      if (bucket !== 'later') rows.push(row(i, label(i), deadline, bucket));
    }
    return rows;
  };

  const con = engine.accepted('orosanmalningar', asOf);
  let concernRows: WatchConcern[] = [];
  if (con) {
    const ids = textColumn(con, 'anmalan_id');
    const received = dateColumn(con, 'inkomstdatum');
    const assessed = dateColumn(con, 'forhandsbedomning_datum');
    const decisions = concernDecisions(con);
    concernRows = openCases(
      con,
      'concerns',
      // A report about a child already under investigation needs no förhandsbedömning.
      (i) => assessed[i] === NO_DATE && decisions[i] !== ConcernDecision.underInvestigation,
      (i) => fourteenDayDeadline(received[i], options),
      (i, unit, deadline, bucket) => ({
        id: ids[i],
        unit,
        received: received[i],
        deadline,
        daysLeft: deadline - asOf,
        bucket,
      }),
    );
  }

  const dec = engine.accepted('beslut', asOf);
  let decisionRows: WatchDecision[] = [];
  if (dec) {
    const ids = textColumn(dec, 'beslut_id');
    const decided = dateColumn(dec, 'beslutsdatum');
    const executed = dateColumn(dec, 'verkstalldatum');
    const intervention = interventionLabels(dec);
    decisionRows = openCases(
      dec,
      'decisions',
      (i) => executed[i] === NO_DATE,
      (i) => threeMonthDeadline(decided[i], options),
      (i, unit, deadline, bucket) => ({
        id: ids[i],
        unit,
        decided: decided[i],
        intervention: intervention(i),
        deadline,
        daysLeft: deadline - asOf,
        bucket,
      }),
    );
  }

  return {
    investigations: inv ? finish(investigationRows) : null,
    concerns: con ? finish(concernRows) : null,
    decisions: dec ? finish(decisionRows) : null,
    countsByUnit: [...counts.entries()]
      .map(([unit, c]) => ({ unit, ...c }))
      .sort((a, b) => a.unit.localeCompare(b.unit, 'sv')),
    reopened,
    hasPersonKey,
    units: sortedLabels([...new Set([inv, con, dec].flatMap((t) => (t ? categoryColumn(t, 'enhet').labels : [])))]),
  };
}
