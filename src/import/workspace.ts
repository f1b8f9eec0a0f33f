/**
 * The loaded files and what the pages compute from them. Pure: the import worker holds one,
 * the headless report another, and both answer with the same small aggregates.
 */
import {
  buildConcernCube,
  buildDecisionCube,
  headline,
  type Headline,
  findReopenings,
  fourMonthDeadline,
  fourteenDayDeadline,
  watchBucket,
  type WatchBucket,
  chiSquareTest,
  type ChiSquareResult,
  executionPercentiles,
  groupDecisions,
  quarterEnd,
  quarterLabel,
  quarterListing,
  quarterOfDay,
  threeMonthDeadline,
  type DecisionCounts,
  type QuarterIndex,
  type WaitingEpisode,
  buildInvestigationCube,
  concernMonths,
  lateReasonsByYear,
  isoDate,
  joinExtensions,
  monthlyCohorts,
  NO_DATE,
  periodComparison,
  shareOf,
  type MonthlyShare,
  yearOverYear,
  type DayNumber,
  type DeadlineOptions,
  type ConcernMonth,
  type InvestigationMonth,
  type MonthIndex,
  type PeriodRow,
  type ReasonRow,
  type YearOverYearRow,
} from '../kpi';
import { concernDecisionCode, DATASETS, type DatasetKind } from './datasets';
import type { Encoding } from './decode';
import type { LoadedFile } from './importFile';
import { categoryColumn, concatTables, dateColumn, textColumn, type Table } from './table';
import { filterRows, findDuplicateIds, type Problem } from './validate';

/** Per file: rows read = accepted + rejected, and why rows were rejected. */
export interface FileReconciliation {
  file: string;
  dataset: DatasetKind;
  encoding: Encoding;
  delimiter: string;
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
}

interface MergedDataset {
  table: Table;
  duplicateProblems: Problem[];
}

export class Workspace {
  private files: LoadedFile[] = [];
  private merged = new Map<DatasetKind, MergedDataset>();
  /** Derived tables and cubes by (kind, as-of, options); emptied whenever the files change. */
  private memo = new Map<string, unknown>();

  /** Adds a loaded file; a file with the same name and dataset replaces the earlier one. */
  add(file: LoadedFile): void {
    this.files = this.files.filter((f) => !(f.file === file.file && f.dataset === file.dataset));
    this.files.push(file);
    this.merged.delete(file.dataset);
    this.memo.clear();
  }

  remove(fileName: string): void {
    for (const f of this.files.filter((f) => f.file === fileName)) this.merged.delete(f.dataset);
    this.files = this.files.filter((f) => f.file !== fileName);
    this.memo.clear();
  }

  clear(): void {
    this.files = [];
    this.merged.clear();
    this.memo.clear();
  }

  get loadedFiles(): readonly LoadedFile[] {
    return this.files;
  }

  /** The dataset's files merged, duplicates (by id, first occurrence kept) removed. */
  dataset(kind: DatasetKind): MergedDataset | null {
    const cached = this.merged.get(kind);
    if (cached) return cached;
    const tables = this.files.filter((f) => f.dataset === kind).map((f) => f.table);
    if (tables.length === 0) return null;
    const all = concatTables(kind, tables);
    const idField = DATASETS[kind].fields.find((f) => f.kind === 'id');
    const { keep, problems } = idField
      ? findDuplicateIds(all, idField.key)
      : { keep: new Uint8Array(all.count).fill(1), problems: [] };
    const result = { table: filterRows(all, keep), duplicateProblems: problems };
    this.merged.set(kind, result);
    return result;
  }

  /**
   * The default as-of date: the latest event date in the accepted rows of every dataset
   * (planned dates such as `forlangd_till` excluded). NO_DATE when nothing is loaded.
   */
  latestEventDate(): DayNumber {
    return this.cached('latest-event', () => this.scanLatestEventDate());
  }

  private scanLatestEventDate(): DayNumber {
    let latest = NO_DATE;
    for (const kind of Object.keys(DATASETS) as DatasetKind[]) {
      const merged = this.dataset(kind);
      if (!merged) continue;
      for (const key of eventDateFields(kind)) {
        const column = merged.table.dates[key];
        if (!column) continue;
        for (let i = 0; i < column.length; i++) if (column[i] > latest) latest = column[i];
      }
    }
    return latest;
  }

  /**
   * Rows with an event date after the as-of date, as problems: they are excluded from every figure
   * computed at that as-of date and counted as rejected in the reconciliation.
   */
  rowsAfterAsOf(kind: DatasetKind, asOf: DayNumber): { keep: Uint8Array; problems: Problem[] } {
    return this.cached(`after-as-of:${kind}:${asOf}`, () => this.scanRowsAfterAsOf(kind, asOf));
  }

  private scanRowsAfterAsOf(kind: DatasetKind, asOf: DayNumber): { keep: Uint8Array; problems: Problem[] } {
    const merged = this.dataset(kind);
    if (!merged) return { keep: new Uint8Array(0), problems: [] };
    const { table } = merged;
    const keep = new Uint8Array(table.count).fill(1);
    const problems: Problem[] = [];
    for (const key of eventDateFields(kind)) {
      const column = table.dates[key];
      if (!column) continue;
      const field = DATASETS[kind].fields.find((f) => f.key === key);
      for (let i = 0; i < table.count; i++) {
        if (keep[i] && column[i] !== NO_DATE && column[i] > asOf) {
          keep[i] = 0;
          problems.push({
            file: table.files[table.fileIndex[i]],
            line: table.line[i],
            column: field?.label ?? key,
            value: isoDate(column[i]),
            code: 'after-as-of',
            severity: 'avvisad',
            message: `${field?.label ?? key} ${isoDate(column[i])} ligger efter uttagsdatum ${isoDate(asOf)}; raden räknas inte.`,
          });
        }
      }
    }
    return { keep, problems };
  }

  /** Reconciliation and problems of every file at an as-of date. */
  reconciliation(asOf: DayNumber): { files: FileReconciliation[]; problems: Problem[] } {
    const problems: Problem[] = [];
    const rejectedByFile = new Map<string, number>();
    for (const file of this.files) problems.push(...file.problems);
    for (const kind of new Set(this.files.map((f) => f.dataset))) {
      const merged = this.dataset(kind);
      if (!merged) continue;
      problems.push(...merged.duplicateProblems, ...this.rowsAfterAsOf(kind, asOf).problems);
    }
    for (const p of problems)
      if (p.severity === 'avvisad') rejectedByFile.set(p.file, (rejectedByFile.get(p.file) ?? 0) + 1);
    const files = this.files.map((f) => {
      const rejected = rejectedByFile.get(f.file) ?? 0;
      return {
        file: f.file,
        dataset: f.dataset,
        encoding: f.encoding,
        delimiter: f.delimiter,
        rowsRead: f.rowsRead,
        rowsAccepted: f.rowsRead - rejected,
        rowsRejected: rejected,
      };
    });
    problems.sort((a, b) => a.file.localeCompare(b.file, 'sv') || a.line - b.line);
    return { files, problems };
  }

  /** The dataset's rows accepted at an as-of date (duplicates and rows after it removed). */
  accepted(kind: DatasetKind, asOf: DayNumber): Table | null {
    return this.cached(`accepted:${kind}:${asOf}`, () => {
      const merged = this.dataset(kind);
      return merged ? filterRows(merged.table, this.rowsAfterAsOf(kind, asOf).keep) : null;
    });
  }

  /** The investigation cube at an as-of date; cached, so unit and range changes never re-read rows. */
  private investigationCube(asOf: DayNumber, deadline: DeadlineOptions = {}) {
    return this.cached(`investigation-cube:${asOf}:${deadline.shiftToWorkingDay === true}`, () => {
      const table = this.accepted('utredningar', asOf);
      if (!table) return null;
      const extensions = this.extensions(table, asOf);
      const units = categoryColumn(table, 'enhet');
      const { cube } = buildInvestigationCube(
        {
          count: table.count,
          start: dateColumn(table, 'startdatum'),
          end: dateColumn(table, 'avslutsdatum'),
          firstExtension: extensions.firstExtension,
          extendedTo: extensions.extendedTo,
          unit: units.codes,
          sex: categoryColumn(table, 'kon').codes,
          units: units.labels,
        },
        asOf,
        deadline,
      );
      return { cube, units: units.labels, orphans: extensions.orphans, source: extensions.source };
    });
  }

  /** Investigation figures at an as-of date, for the chosen units and month range. */
  investigations(query: ViewQuery): InvestigationView | null {
    const built = this.investigationCube(query.asOf, query.deadline);
    if (!built) return null;
    const units = unitCodes(built.units, query.units);
    const toShare = (m: InvestigationMonth): MonthlyShare => ({
      month: m.month,
      numerator: m.late,
      denominator: m.started,
      preliminary: m.preliminary,
    });
    const all = monthlyCohorts(built.cube, { units });
    const shares = all.map(toShare);
    const range = resolveMonthRange(query, all[0]?.month ?? 0, all[all.length - 1]?.month ?? 0);
    return {
      ...monthWindow(all, query),
      ...breakdowns(built.units, units, (filter) => monthlyCohorts(built.cube, filter).map(toShare), range),
      units: sortedLabels(built.units),
      yearOverYear: yearOverYear(shares).filter((row) => inRange(row.month, query)),
      periods: periodComparison(shares, query.periodFrom ?? 1, query.periodTo ?? 6),
      orphanExtensions: built.orphans,
      extensionSource: built.source,
    };
  }

  private concernCube(asOf: DayNumber, deadline: DeadlineOptions = {}) {
    return this.cached(`concern-cube:${asOf}:${deadline.shiftToWorkingDay === true}`, () => {
      const table = this.accepted('orosanmalningar', asOf);
      if (!table) return null;
      const units = categoryColumn(table, 'enhet');
      const decisions = categoryColumn(table, 'beslut', '(inget beslut)');
      const decisionCodes = decisions.labels.map(concernDecisionCode);
      const reasons = categoryColumn(table, 'orsak_forsening', '(ingen orsak angiven)');
      const cube = buildConcernCube(
        {
          count: table.count,
          received: dateColumn(table, 'inkomstdatum'),
          assessed: dateColumn(table, 'forhandsbedomning_datum'),
          protective: dateColumn(table, 'skyddsbedomning_datum'),
          hasProtective: table.present.includes('skyddsbedomning_datum'),
          decision: Uint8Array.from(decisions.codes, (code) => decisionCodes[code]),
          unit: units.codes,
          sex: categoryColumn(table, 'kon').codes,
          reason: reasons.codes,
          reasons: reasons.labels,
          unitCount: units.labels.length,
        },
        asOf,
        deadline,
      );
      return {
        cube,
        units: units.labels,
        reasons: reasons.labels,
        hasDecision: table.present.includes('beslut'),
        hasReasons: table.present.includes('orsak_forsening'),
      };
    });
  }

  /** Orosanmälningar figures at an as-of date, for the chosen units and month range. */
  concerns(query: ViewQuery): ConcernView | null {
    const built = this.concernCube(query.asOf, query.deadline);
    if (!built) return null;
    const codes = unitCodes(built.units, query.units);
    const toShare = (m: ConcernMonth): MonthlyShare => ({
      month: m.month,
      numerator: m.inTime,
      denominator: m.inTime + m.late + m.pending,
      preliminary: m.preliminary,
    });
    const all = concernMonths(built.cube, codes);
    const shares = all.map(toShare);
    const range = resolveMonthRange(query, all[0]?.month ?? 0, all[all.length - 1]?.month ?? 0);
    const sharesFor = (filter: CubeFilter) => concernMonths(built.cube, filter.units, filter.sexes).map(toShare);
    return {
      ...monthWindow(all, query),
      ...breakdowns(built.units, codes, sharesFor, range),
      units: sortedLabels(built.units),
      volume: all.map((m) => ({ month: m.month, value: m.received })),
      yearOverYear: yearOverYear(shares).filter((row) => inRange(row.month, query)),
      periods: periodComparison(shares, query.periodFrom ?? 1, query.periodTo ?? 6),
      reasons: lateReasonsByYear(built.cube, built.reasons, codes),
      hasProtective: built.cube.hasProtective,
      hasDecision: built.hasDecision,
      hasReasons: built.hasReasons,
    };
  }

  private decisionCube(asOf: DayNumber, deadline: DeadlineOptions = {}) {
    return this.cached(`decision-cube:${asOf}:${deadline.shiftToWorkingDay === true}`, () => {
      const table = this.accepted('beslut', asOf);
      if (!table) return null;
      const units = categoryColumn(table, 'enhet');
      const interventions = categoryColumn(table, 'insats', '(okänd insats)');
      const cube = buildDecisionCube(
        {
          count: table.count,
          decided: dateColumn(table, 'beslutsdatum'),
          executed: dateColumn(table, 'verkstalldatum'),
          unit: units.codes,
          sex: categoryColumn(table, 'kon').codes,
          intervention: interventions.codes,
          unitCount: units.labels.length,
          interventionCount: interventions.labels.length,
        },
        asOf,
        deadline,
      );
      return { cube, table, units: units.labels, interventions: interventions.labels };
    });
  }

  /** Verkställighet figures at an as-of date: per month and quarter of decision, by insats and by unit. */
  decisions(query: ViewQuery): DecisionView | null {
    const built = this.decisionCube(query.asOf, query.deadline);
    if (!built) return null;
    const filter = { units: unitCodes(built.units, query.units) };
    const monthsFor = (f: CubeFilter): DecisionMonth[] =>
      [...groupDecisions(built.cube, (month) => month, f).entries()]
        .sort(([a], [b]) => a - b)
        .map(([month, counts]) => ({ month, ...counts }));
    const toShare = (m: DecisionMonth): MonthlyShare => ({
      month: m.month,
      numerator: m.executedLate + m.overdue,
      denominator: m.decisions,
      preliminary: m.preliminary,
    });
    const months = monthsFor(filter);
    const quarterOf = (month: MonthIndex) => Math.floor(month / 3);
    const range = resolveMonthRange(query, months[0]?.month ?? 0, months[months.length - 1]?.month ?? 0);
    const inWindow = (month: MonthIndex) => month >= range.from && month <= range.to;
    const percentilesByQuarter = executionPercentiles(built.cube, quarterOf, filter);
    // Every quarter, so each can show the same quarter a year earlier; then the quarters the chosen months touch.
    const byQuarter = groupDecisions(built.cube, quarterOf, filter);
    const quarters = [...byQuarter.entries()]
      .filter(([quarter]) => quarter >= quarterOf(range.from) && quarter <= quarterOf(range.to))
      .sort(([a], [b]) => a - b)
      .map(([quarter, counts]) => ({
        quarter,
        ...counts,
        ...(percentilesByQuarter.get(quarter) ?? { median: null, p90: null, executed: 0 }),
        previousYear: byQuarter.get(quarter - 4) ?? null,
      }));
    const breakdown = (key: (unit: number, intervention: number) => number, labels: readonly string[]) =>
      [
        ...groupDecisions(
          built.cube,
          (month, unit, intervention) => (inWindow(month) ? key(unit, intervention) : null),
          filter,
        ).entries(),
      ]
        .map(([code, counts]) => ({ label: labels[code], ...counts }))
        .sort((a, b) => b.decisions - a.decisions || a.label.localeCompare(b.label, 'sv'));
    const total = months.reduce((sum, m) => sum + m.decisions, 0);
    const inTime = months.reduce((sum, m) => sum + m.executedInTime, 0);
    const shares = months.map(toShare);
    return {
      ...breakdowns(built.units, filter.units, (f) => monthsFor(f).map(toShare), range),
      yearOverYear: yearOverYear(shares).filter((row) => inRange(row.month, query)),
      periods: periodComparison(shares, query.periodFrom ?? 1, query.periodTo ?? 6),
      ...monthWindow(months, query),
      units: sortedLabels(built.units),
      quarters,
      byIntervention: breakdown((_u, v) => v, built.interventions),
      byUnit: breakdown((u) => u, built.units),
      lateByMonth: months.map((m) => ({ month: m.month, value: m.executedLate + m.overdue })),
      // An extract of only the not-executed decisions has no decision executed in time.
      onlyNotExecuted: total > 0 && inTime === 0,
      hasInterruptions: built.table.present.includes('avbrottsdatum'),
      lastQuarter: quarterOfDay(query.asOf),
    };
  }

  /**
   * The quarterly IVO list: every decision past its three-month deadline and not executed on at
   * least one day of the quarter, and every interruption not resumed within three months.
   */
  ivoList(query: ViewQuery & { quarter: QuarterIndex }): IvoList | null {
    const built = this.decisionCube(query.asOf, query.deadline);
    if (!built) return null;
    const { table } = built;
    const selected = unitCodes(built.units, query.units);
    const wanted = selected ? new Set(selected) : null;
    const ids = textColumn(table, 'beslut_id');
    const decided = dateColumn(table, 'beslutsdatum');
    const executed = dateColumn(table, 'verkstalldatum');
    const interrupted = dateColumn(table, 'avbrottsdatum');
    const resumed = dateColumn(table, 'aterupptagen_datum');
    const reasons = textColumn(table, 'orsak');
    const units = categoryColumn(table, 'enhet');
    const interventions = categoryColumn(table, 'insats', '(okänd insats)');
    const sexes = categoryColumn(table, 'kon');
    const listFor = (quarter: QuarterIndex): IvoEntry[] => {
      const entries: IvoEntry[] = [];
      for (let i = 0; i < table.count; i++) {
        if (wanted && !wanted.has(units.codes[i])) continue;
        const episodes: [IvoEntry['kind'], WaitingEpisode][] = [['beslut', { start: decided[i], end: executed[i] }]];
        if (interrupted[i] !== NO_DATE) episodes.push(['avbrott', { start: interrupted[i], end: resumed[i] }]);
        for (const [kind, episode] of episodes) {
          const listing = quarterListing(episode, quarter, query.asOf, query.deadline);
          if (!listing) continue;
          entries.push({
            quarter: quarterLabel(quarter),
            id: ids[i],
            decided: decided[i],
            start: episode.start,
            deadline: threeMonthDeadline(episode.start, query.deadline),
            intervention: interventions.labels[interventions.codes[i]],
            kind,
            executed: listing.executed,
            executedOn: listing.executed ? episode.end : NO_DATE,
            days: listing.days,
            reason: reasons[i],
            sex: sexes.labels[sexes.codes[i]],
            unit: units.labels[units.codes[i]],
            status: 'ny',
          });
        }
      }
      return entries;
    };
    const current = listFor(query.quarter);
    const previous = listFor(query.quarter - 1);
    const key = (e: IvoEntry) => `${e.kind}:${e.id}`;
    const previousKeys = new Set(previous.map(key));
    for (const entry of current) {
      if (previousKeys.has(key(entry)))
        entry.status = entry.executed ? 'verkställt sedan förra kvartalet' : 'väntar fortfarande';
    }
    current.sort((a, b) => a.decided - b.decided || a.id.localeCompare(b.id, 'sv'));
    const currentKeys = new Set(current.map(key));
    return {
      quarter: query.quarter,
      running: quarterEnd(query.quarter) > query.asOf,
      entries: current,
      summary: ivoSummary(current),
      previousCount: previous.length,
      dropped: previous.filter((e) => !currentKeys.has(key(e))).length,
    };
  }

  /**
   * Bevakning: open cases of every loaded dataset by time left to their deadline at the as-of date,
   * counts per unit, and investigations closed and reopened for the same child within `reopenWindow` days.
   */
  watch(query: WatchQuery): WatchView {
    const { asOf, deadline: options } = query;
    const limit = query.limit ?? 2000;
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
    const inv = this.accepted('utredningar', asOf);
    if (inv) {
      const { label, keep } = unitFilter(inv);
      const ids = textColumn(inv, 'utredning_id');
      const start = dateColumn(inv, 'startdatum');
      const end = dateColumn(inv, 'avslutsdatum');
      const ext = this.extensions(inv, asOf);
      for (let i = 0; i < inv.count; i++) {
        if (end[i] !== NO_DATE || !keep(i)) continue;
        const deadline = fourMonthDeadline(start[i], options);
        const extended = ext.firstExtension[i] !== NO_DATE && ext.firstExtension[i] <= deadline;
        const effective = extended && ext.extendedTo[i] !== NO_DATE ? ext.extendedTo[i] : deadline;
        const bucket =
          extended && ext.extendedTo[i] === NO_DATE && asOf > deadline ? 'later' : watchBucket(effective, asOf);
        bump(label(i), 'investigations', bucket);
        if (bucket === 'later') continue;
        investigationRows.push({
          id: ids[i],
          unit: label(i),
          start: start[i],
          deadline,
          extendedTo: extended ? ext.extendedTo[i] : NO_DATE,
          extended,
          daysLeft: effective - asOf,
          bucket,
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

    const concernRows: WatchConcern[] = [];
    const con = this.accepted('orosanmalningar', asOf);
    if (con) {
      const { label, keep } = unitFilter(con);
      const ids = textColumn(con, 'anmalan_id');
      const received = dateColumn(con, 'inkomstdatum');
      const assessed = dateColumn(con, 'forhandsbedomning_datum');
      const decisions = categoryColumn(con, 'beslut', '(inget beslut)');
      const codes = decisions.labels.map(concernDecisionCode);
      for (let i = 0; i < con.count; i++) {
        if (assessed[i] !== NO_DATE || codes[decisions.codes[i]] === 3 || !keep(i)) continue;
        const deadline = fourteenDayDeadline(received[i], options);
        const bucket = watchBucket(deadline, asOf);
        bump(label(i), 'concerns', bucket);
        if (bucket !== 'later')
          concernRows.push({
            id: ids[i],
            unit: label(i),
            received: received[i],
            deadline,
            daysLeft: deadline - asOf,
            bucket,
          });
      }
    }

    const decisionRows: WatchDecision[] = [];
    const dec = this.accepted('beslut', asOf);
    if (dec) {
      const { label, keep } = unitFilter(dec);
      const ids = textColumn(dec, 'beslut_id');
      const decided = dateColumn(dec, 'beslutsdatum');
      const executed = dateColumn(dec, 'verkstalldatum');
      const interventions = categoryColumn(dec, 'insats', '(okänd insats)');
      for (let i = 0; i < dec.count; i++) {
        if (executed[i] !== NO_DATE || !keep(i)) continue;
        const deadline = threeMonthDeadline(decided[i], options);
        const bucket = watchBucket(deadline, asOf);
        bump(label(i), 'decisions', bucket);
        if (bucket !== 'later') {
          decisionRows.push({
            id: ids[i],
            unit: label(i),
            decided: decided[i],
            intervention: interventions.labels[interventions.codes[i]],
            deadline,
            daysLeft: deadline - asOf,
            bucket,
          });
        }
      }
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

  /** The overview: each loaded indicator's headline at the as-of date, and the units to choose from. */
  overview(query: ViewQuery): { cards: OverviewCard[]; units: string[] } {
    // Every month: the views' year-over-year rows are then the whole monthly series.
    const all = { ...query, fromMonth: 0, toMonth: Number.MAX_SAFE_INTEGER };
    const investigations = this.investigations(all);
    const concerns = this.concerns(all);
    const decisions = this.decisions(all);
    const cards: OverviewCard[] = [];
    const card = (
      id: OverviewCard['id'],
      title: string,
      shareLabel: string,
      lowerIsBetter: boolean,
      rows: MonthlyShare[],
    ) => cards.push({ id, title, shareLabel, lowerIsBetter, headline: headline(rows, lowerIsBetter) });
    if (investigations) {
      card(
        'utredningstid',
        'Utredningar över fyra månader utan förlängning i tid',
        'andel sena',
        true,
        investigations.yearOverYear,
      );
    }
    if (concerns) {
      card(
        'orosanmalningar',
        'Orosanmälningar förhandsbedömda inom 14 dagar',
        'andel i tid',
        false,
        concerns.yearOverYear,
      );
    }
    if (decisions && !decisions.onlyNotExecuted) {
      card(
        'verkstallighet',
        'Beslut om insats ej verkställda inom tre månader',
        'andel ej i tid',
        true,
        decisions.yearOverYear,
      );
    }
    const units = [investigations, concerns, decisions].flatMap((view) => view?.units ?? []);
    return { cards, units: sortedLabels([...new Set(units)]) };
  }

  private cached<T>(key: string, compute: () => T): T {
    if (!this.memo.has(key)) this.memo.set(key, compute());
    return this.memo.get(key) as T;
  }

  /**
   * Extension decisions joined onto the investigations accepted at an as-of date (`table` is
   * `accepted('utredningar', asOf)`); cached, as the cube and the watch list both need them.
   */
  private extensions(table: Table, asOf: DayNumber) {
    return this.cached(`extensions:${asOf}`, () => this.joinExtensionsOnto(table, asOf));
  }

  private joinExtensionsOnto(table: Table, asOf: DayNumber) {
    const ids = textColumn(table, 'utredning_id');
    const fromFile = this.dataset('forlangningar');
    const inline = table.dates.forlangning_beslutsdatum;
    const ext = fromFile ? this.accepted('forlangningar', asOf) : null;
    if (ext) {
      const joined = joinExtensions(
        ids,
        {
          count: ext.count,
          investigationId: textColumn(ext, 'utredning_id'),
          decided: dateColumn(ext, 'beslutsdatum'),
          extendedTo: dateColumn(ext, 'forlangd_till'),
        },
        asOf,
      );
      // Extensions carried on the investigation rows count as well.
      if (inline) {
        const inlineTo = dateColumn(table, 'forlangd_till');
        for (let i = 0; i < table.count; i++) {
          if (inline[i] !== NO_DATE && (joined.firstExtension[i] === NO_DATE || inline[i] < joined.firstExtension[i]))
            joined.firstExtension[i] = inline[i];
          if (inlineTo[i] !== NO_DATE && inlineTo[i] > joined.extendedTo[i]) joined.extendedTo[i] = inlineTo[i];
        }
      }
      return { ...joined, orphans: joined.orphanRows.length, source: 'fil' as const };
    }
    if (inline)
      return {
        firstExtension: inline,
        extendedTo: dateColumn(table, 'forlangd_till'),
        orphans: 0,
        source: 'utredningsfilen' as const,
      };
    return {
      firstExtension: new Int32Array(table.count).fill(NO_DATE),
      extendedTo: new Int32Array(table.count).fill(NO_DATE),
      orphans: 0,
      source: 'saknas' as const,
    };
  }
}

/** What every page view is asked for. */
export interface ViewQuery {
  asOf: DayNumber;
  /** Unit names; empty or absent means all units. */
  units?: string[];
  fromMonth?: MonthIndex;
  toMonth?: MonthIndex;
  /** Calendar months 1–12 of the period comparison; default January–June. */
  periodFrom?: number;
  periodTo?: number;
  /** lag (1930:173) 2 §: deadlines on weekends and holidays move to the next weekday. */
  deadline?: DeadlineOptions;
}

/** The months of a view inside the chosen range, and the range the data covers. */
interface MonthWindow<Row> {
  firstMonth: MonthIndex | null;
  lastMonth: MonthIndex | null;
  months: Row[];
}

export interface InvestigationView extends MonthWindow<InvestigationMonth> {
  /** Each unit's monthly share over the chosen months (small multiples and ranking). */
  byUnitSeries: UnitSeries[];
  bySex: SexComparison;
  units: string[];
  yearOverYear: YearOverYearRow[];
  periods: PeriodRow[];
  orphanExtensions: number;
  /** Where extension decisions came from: a förlängningar file, the investigation file, or none. */
  extensionSource: 'fil' | 'utredningsfilen' | 'saknas';
}

/** Event dates of a dataset: every date field except planned ones. */
function eventDateFields(kind: DatasetKind): string[] {
  return DATASETS[kind].fields.filter((f) => f.kind === 'date' && !f.planned).map((f) => f.key);
}

export interface ConcernView extends MonthWindow<ConcernMonth> {
  /** Each unit's monthly share over the chosen months (small multiples and ranking). */
  byUnitSeries: UnitSeries[];
  bySex: SexComparison;
  units: string[];
  /** Reports received per month, every month in the data (for the several-year volume trend). */
  volume: { month: MonthIndex; value: number }[];
  yearOverYear: YearOverYearRow[];
  periods: PeriodRow[];
  reasons: ReasonRow[];
  hasProtective: boolean;
  hasDecision: boolean;
  hasReasons: boolean;
}

/** One unit's monthly share over the chosen months, and its figures for the whole range. */
export interface UnitSeries {
  unit: string;
  months: { month: MonthIndex; share: number | null; preliminary: boolean }[];
  numerator: number;
  denominator: number;
  pooledShare: number | null;
  meanOfMonthlyShares: number | null;
  preliminary: boolean;
}

/** Every unit's series (all units, or the chosen ones), in order of their names. */
function unitSeries(
  labels: readonly string[],
  chosen: number[] | undefined,
  monthsOf: (unit: number) => MonthlyShare[],
): UnitSeries[] {
  const codes = chosen ?? labels.map((_, i) => i);
  return codes
    .map((code) => {
      const months = monthsOf(code);
      const numerator = months.reduce((s, m) => s + m.numerator, 0);
      const denominator = months.reduce((s, m) => s + m.denominator, 0);
      const withData = months.filter((m) => m.denominator > 0);
      return {
        unit: labels[code],
        months: months.map((m) => ({
          month: m.month,
          share: shareOf(m.numerator, m.denominator),
          preliminary: m.preliminary,
        })),
        numerator,
        denominator,
        pooledShare: shareOf(numerator, denominator),
        meanOfMonthlyShares:
          withData.length > 0 ? withData.reduce((s, m) => s + m.numerator / m.denominator, 0) / withData.length : null,
        preliminary: months.some((m) => m.preliminary),
      };
    })
    .sort((a, b) => a.unit.localeCompare(b.unit, 'sv'));
}

/** A subset of a cube's cells: unit codes and kön codes, all when absent. */
interface CubeFilter {
  units?: number[];
  sexes?: number[];
}

/**
 * The breakdowns every indicator view carries, over the chosen months: pojkar and flickor with a
 * test, and each unit's series. `sharesFor` gives the view's monthly shares for a subset of its cube.
 */
function breakdowns(
  labels: readonly string[],
  units: number[] | undefined,
  sharesFor: (filter: CubeFilter) => MonthlyShare[],
  range: { from: MonthIndex; to: MonthIndex },
): { bySex: SexComparison; byUnitSeries: UnitSeries[] } {
  const inRange = (rows: MonthlyShare[]) => rows.filter((m) => m.month >= range.from && m.month <= range.to);
  return {
    bySex: sexComparison((sex) => inRange(sharesFor({ units, sexes: [sex] }))),
    byUnitSeries: unitSeries(labels, units, (unit) => inRange(sharesFor({ units: [unit] }))),
  };
}

/** Pojkar and flickor side by side over the chosen months, with a chi-square test. */
export interface SexComparison {
  groups: { sex: 'pojke' | 'flicka'; numerator: number; denominator: number; share: number | null }[];
  test: ChiSquareResult | null;
  preliminary: boolean;
}

/** Sums the monthly shares of pojkar (kön code 1) and flickor (code 2) and tests the difference. */
function sexComparison(monthsOf: (sex: number) => MonthlyShare[]): SexComparison {
  let preliminary = false;
  const groups = (
    [
      ['pojke', 1],
      ['flicka', 2],
    ] as const
  ).map(([sex, code]) => {
    const months = monthsOf(code);
    const numerator = months.reduce((s, m) => s + m.numerator, 0);
    const denominator = months.reduce((s, m) => s + m.denominator, 0);
    preliminary ||= months.some((m) => m.preliminary);
    return { sex, numerator, denominator, share: denominator > 0 ? numerator / denominator : null };
  });
  return { groups, test: chiSquareTest(groups.map((g) => [g.numerator, g.denominator] as const)), preliminary };
}

/** Months shown when no range is chosen: the latest twelve. */
const DEFAULT_SPAN = 12;

/** The chosen month range, defaulting to the latest DEFAULT_SPAN months of the data. */
export function resolveMonthRange(
  query: Pick<ViewQuery, 'fromMonth' | 'toMonth'>,
  firstMonth: MonthIndex,
  lastMonth: MonthIndex,
) {
  return {
    from: query.fromMonth ?? Math.max(firstMonth, lastMonth - DEFAULT_SPAN + 1),
    to: query.toMonth ?? lastMonth,
  };
}

function inRange(month: MonthIndex, query: ViewQuery): boolean {
  return (
    (query.fromMonth === undefined || month >= query.fromMonth) &&
    (query.toMonth === undefined || month <= query.toMonth)
  );
}

function monthWindow<Row extends { month: MonthIndex }>(all: Row[], query: ViewQuery): MonthWindow<Row> {
  return {
    firstMonth: all.length > 0 ? all[0].month : null,
    lastMonth: all.length > 0 ? all[all.length - 1].month : null,
    months: all.filter((m) => inRange(m.month, query)),
  };
}

/** Unit names → codes of a dictionary; undefined (all units) when none are chosen. */
function unitCodes(labels: readonly string[], names: readonly string[] | undefined): number[] | undefined {
  return names && names.length > 0 ? names.map((u) => labels.indexOf(u)).filter((i) => i >= 0) : undefined;
}

function sortedLabels(labels: readonly string[]): string[] {
  return [...labels].sort((a, b) => a.localeCompare(b, 'sv'));
}

export interface DecisionMonth extends DecisionCounts {
  month: MonthIndex;
}

export interface DecisionQuarter extends DecisionCounts {
  quarter: QuarterIndex;
  /** The same quarter a year earlier, null outside the data. */
  previousYear: DecisionCounts | null;
  median: number | null;
  p90: number | null;
  executed: number;
}

export interface DecisionView extends MonthWindow<DecisionMonth> {
  /** Each unit's monthly share over the chosen months (small multiples and ranking). */
  byUnitSeries: UnitSeries[];
  bySex: SexComparison;
  yearOverYear: YearOverYearRow[];
  periods: PeriodRow[];
  units: string[];
  /** Quarters of decision within the chosen month range, with days-to-execution percentiles. */
  quarters: DecisionQuarter[];
  byIntervention: (DecisionCounts & { label: string })[];
  byUnit: (DecisionCounts & { label: string })[];
  /** Decisions per month of decision that ran past three months (executed late or still waiting). */
  lateByMonth: { month: MonthIndex; value: number }[];
  onlyNotExecuted: boolean;
  hasInterruptions: boolean;
  /** The quarter the as-of date falls in. */
  lastQuarter: QuarterIndex;
}

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

/** Days-waited buckets of the de-identified summary. */
export function daysBucket(days: number): string {
  return days <= 180
    ? '3–6 månader (högst 180 dagar)'
    : days <= 365
      ? '6–12 månader (181–365 dagar)'
      : 'mer än ett år (över 365 dagar)';
}

/** Counts per insats, days waited, kön and status: what may leave the unit without identifying anyone. */
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
  add('status', (e) =>
    e.kind === 'avbrott'
      ? e.executed
        ? 'avbrott, återupptaget'
        : 'avbrott, ej återupptaget'
      : e.executed
        ? 'verkställt'
        : 'ej verkställt',
  );
  return rows;
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

type BucketCounts = Record<WatchBucket, number>;
const emptyBuckets = (): BucketCounts => ({ overdue: 0, within14: 0, within30: 0, later: 0 });

export interface WatchCounts {
  investigations: BucketCounts;
  concerns: BucketCounts;
  decisions: BucketCounts;
}

export interface WatchInvestigation {
  id: string;
  unit: string;
  start: DayNumber;
  /** The four-month deadline. */
  deadline: DayNumber;
  /** Extension decided on or before the deadline. */
  extended: boolean;
  /** Its extended date, NO_DATE when none or not given. */
  extendedTo: DayNumber;
  /** Days to the deadline that applies (the extended date when extended), negative when passed. */
  daysLeft: number;
  bucket: WatchBucket;
}

export interface WatchConcern {
  id: string;
  unit: string;
  received: DayNumber;
  deadline: DayNumber;
  daysLeft: number;
  bucket: WatchBucket;
}

export interface WatchDecision {
  id: string;
  unit: string;
  decided: DayNumber;
  intervention: string;
  deadline: DayNumber;
  daysLeft: number;
  bucket: WatchBucket;
}

export interface WatchReopening {
  closedId: string;
  closedStart: DayNumber;
  closedEnd: DayNumber;
  closedDeadline: DayNumber;
  reopenedId: string;
  reopenedStart: DayNumber;
  gapDays: number;
  unit: string;
}

/** Rows at most `limit` per list, most urgent first; `total` counts them all. */
export interface WatchList<Row> {
  total: number;
  rows: Row[];
}

export interface WatchQuery {
  asOf: DayNumber;
  units?: string[];
  reopenWindow: number;
  limit?: number;
  deadline?: DeadlineOptions;
}

export interface WatchView {
  investigations: WatchList<WatchInvestigation> | null;
  concerns: WatchList<WatchConcern> | null;
  decisions: WatchList<WatchDecision> | null;
  countsByUnit: ({ unit: string } & WatchCounts)[];
  reopened: WatchReopening[];
  hasPersonKey: boolean;
  units: string[];
}

export interface OverviewCard {
  /** The page the card leads to. */
  id: 'utredningstid' | 'orosanmalningar' | 'verkstallighet';
  title: string;
  shareLabel: string;
  lowerIsBetter: boolean;
  headline: Headline | null;
}
