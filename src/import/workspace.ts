/**
 * The loaded files and what the pages compute from them. Pure: the import worker holds one,
 * the headless report another, and both answer with the same small aggregates.
 */
import {
  breakdowns,
  buildConcernCube,
  buildDecisionCube,
  buildInvestigationCube,
  concernMonths,
  decisionBreakdown,
  decisionMonths,
  decisionMonthsByUnit,
  decisionQuarters,
  DEFAULT_PERIOD,
  findReopenings,
  fourMonthDeadline,
  fourteenDayDeadline,
  headline,
  inMonthRange,
  isoDate,
  ivoList,
  joinExtensions,
  lateReasonsByYear,
  mergeRowExtensions,
  monthlyCohorts,
  monthlyInTimeShare,
  monthlyLateExecutionShare,
  monthlyLateShare,
  NO_DATE,
  periodComparison,
  quarterOfDay,
  resolveMonthRange,
  threeMonthDeadline,
  watchBucket,
  watchInvestigation,
  yearOverYear,
  type ConcernMonth,
  type DayNumber,
  type DeadlineOptions,
  type DecisionCounts,
  type DecisionMonth,
  type DecisionQuarter,
  type Headline,
  type InvestigationMonth,
  type IvoList,
  type MonthIndex,
  type MonthlyShare,
  type PeriodRow,
  type QuarterIndex,
  type ReasonRow,
  type SexComparison,
  type UnitSeries,
  type WatchBucket,
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
    const all = monthlyCohorts(built.cube, { units });
    const shares = all.map(monthlyLateShare);
    const range = resolveMonthRange(query, all[0]?.month ?? 0, all[all.length - 1]?.month ?? 0);
    const sharesFor = (filter: { units?: readonly number[]; sexes?: readonly number[] }) =>
      monthlyCohorts(built.cube, filter).map(monthlyLateShare);
    return {
      ...monthWindow(all, query),
      ...breakdowns(
        built.units,
        units,
        {
          sex: (sex) => sharesFor({ units, sexes: [sex] }),
          units: (codes) => codes.map((u) => sharesFor({ units: [u] })),
        },
        range,
      ),
      units: sortedLabels(built.units),
      yearOverYear: yearOverYear(shares).filter((row) => inMonthRange(row.month, query)),
      periods: periodComparison(shares, query.periodFrom ?? DEFAULT_PERIOD.from, query.periodTo ?? DEFAULT_PERIOD.to),
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
    const all = concernMonths(built.cube, codes);
    const shares = all.map(monthlyInTimeShare);
    const range = resolveMonthRange(query, all[0]?.month ?? 0, all[all.length - 1]?.month ?? 0);
    const sharesFor = (units?: readonly number[], sexes?: readonly number[]) =>
      concernMonths(built.cube, units, sexes).map(monthlyInTimeShare);
    return {
      ...monthWindow(all, query),
      ...breakdowns(
        built.units,
        codes,
        { sex: (sex) => sharesFor(codes, [sex]), units: (units) => units.map((u) => sharesFor([u])) },
        range,
      ),
      units: sortedLabels(built.units),
      volume: all.map((m) => ({ month: m.month, value: m.received })),
      yearOverYear: yearOverYear(shares).filter((row) => inMonthRange(row.month, query)),
      periods: periodComparison(shares, query.periodFrom ?? DEFAULT_PERIOD.from, query.periodTo ?? DEFAULT_PERIOD.to),
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
    const months = decisionMonths(built.cube, filter);
    const range = resolveMonthRange(query, months[0]?.month ?? 0, months[months.length - 1]?.month ?? 0);
    const total = months.reduce((sum, m) => sum + m.decisions, 0);
    const inTime = months.reduce((sum, m) => sum + m.executedInTime, 0);
    const shares = months.map(monthlyLateExecutionShare);
    return {
      ...breakdowns(
        built.units,
        filter.units,
        {
          sex: (sex) => decisionMonths(built.cube, { ...filter, sexes: [sex] }).map(monthlyLateExecutionShare),
          units: (codes) => decisionMonthsByUnit(built.cube, codes).map((rows) => rows.map(monthlyLateExecutionShare)),
        },
        range,
      ),
      yearOverYear: yearOverYear(shares).filter((row) => inMonthRange(row.month, query)),
      periods: periodComparison(shares, query.periodFrom ?? DEFAULT_PERIOD.from, query.periodTo ?? DEFAULT_PERIOD.to),
      ...monthWindow(months, query),
      units: sortedLabels(built.units),
      quarters: decisionQuarters(built.cube, filter, range.from, range.to),
      byIntervention: decisionBreakdown(built.cube, 'intervention', built.interventions, filter, range.from, range.to),
      byUnit: decisionBreakdown(built.cube, 'unit', built.units, filter, range.from, range.to),
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
    const units = categoryColumn(table, 'enhet');
    const interventions = categoryColumn(table, 'insats', '(okänd insats)');
    const sexes = categoryColumn(table, 'kon');
    return ivoList(
      {
        count: table.count,
        id: textColumn(table, 'beslut_id'),
        decided: dateColumn(table, 'beslutsdatum'),
        executed: dateColumn(table, 'verkstalldatum'),
        interrupted: dateColumn(table, 'avbrottsdatum'),
        resumed: dateColumn(table, 'aterupptagen_datum'),
        reason: textColumn(table, 'orsak'),
        unit: units.codes,
        units: units.labels,
        intervention: interventions.codes,
        interventions: interventions.labels,
        sex: sexes.codes,
        sexes: sexes.labels,
      },
      query.quarter,
      query.asOf,
      query.deadline,
      wanted ? (i) => wanted.has(units.codes[i]) : undefined,
    );
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
      if (inline) mergeRowExtensions(joined, inline, dateColumn(table, 'forlangd_till'));
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

export { resolveMonthRange };

function monthWindow<Row extends { month: MonthIndex }>(all: Row[], query: ViewQuery): MonthWindow<Row> {
  return {
    firstMonth: all.length > 0 ? all[0].month : null,
    lastMonth: all.length > 0 ? all[all.length - 1].month : null,
    months: all.filter((m) => inMonthRange(m.month, query)),
  };
}

/** Unit names → codes of a dictionary; undefined (all units) when none are chosen. */
function unitCodes(labels: readonly string[], names: readonly string[] | undefined): number[] | undefined {
  if (!names || names.length === 0) return undefined;
  const codeOf = new Map<string, number>();
  labels.forEach((label, code) => {
    if (!codeOf.has(label)) codeOf.set(label, code);
  });
  return names.map((u) => codeOf.get(u) ?? -1).filter((i) => i >= 0);
}

function sortedLabels(labels: readonly string[]): string[] {
  return [...labels].sort((a, b) => a.localeCompare(b, 'sv'));
}

export type {
  DecisionMonth,
  DecisionQuarter,
  IvoEntry,
  IvoList,
  IvoSummaryRow,
  SexComparison,
  UnitSeries,
} from '../kpi';

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
