/**
 * The engine: holds the loaded files and answers one query per page with the rows that page draws.
 * The app runs one in its worker (worker.ts), the headless report another; both answer alike.
 * Derived tables, cubes and views are cached in bounded LRU caches keyed by (file fingerprints,
 * what, filters, as-of), so nothing is computed twice and nothing grows without end.
 */
import {
  acceptedRows,
  eventDateFields,
  joinedExtensions,
  rowsAfterAsOf,
  unknownInvestigations,
  type AfterAsOf,
  type JoinedExtensions,
  type Rejections,
} from '../import/acceptance';
import { DATASETS, type DatasetKind } from '../import/datasets';
import type { LoadedFile } from '../import/importFile';
import { FileStore, type MergedDataset } from '../import/store';
import type { Table } from '../import/table';
import type { Problem } from '../format/importRecords';
import { type DayNumber, type DeadlineOptions } from '../kpi';
import { AS_OF_RULE_LABELS, defaultAsOf, type AsOfRule } from '../kpi/asOf';
import {
  concernCube,
  decisionCube,
  investigationCube,
  type ConcernCubeData,
  type DecisionCubeData,
  type InvestigationCubeData,
} from './cubes';
import { LruCache, memoKey } from './memo';
import type {
  ConcernView,
  FilesAsOf,
  DecisionView,
  InvestigationView,
  IvoQuery,
  IvoView,
  OverviewView,
  ViewQuery,
  WatchQuery,
  WatchView,
} from './types';
import { concernsView } from './views/concerns';
import { decisionsView } from './views/decisions';
import { investigationsView } from './views/investigations';
import { ivoView } from './views/ivo';
import { overviewView } from './views/overview';
import { reconciliationView, type ReconciliationData } from './views/reconciliation';
import { watchView } from './views/watch';

/**
 * The Swedish source of a default as-of date.
 * @example asOfSource('before-stray-dates', 4) // 'från filerna: sista dag med ordinarie händelser; 4 rader med senare datum avvisade'
 */
export function asOfSource(rule: AsOfRule, laterRows: number): string {
  const label = AS_OF_RULE_LABELS[rule].split(';')[0];
  if (laterRows === 0) return `från filerna: ${label}`;
  return `från filerna: ${label}; ${laterRows} ${laterRows === 1 ? 'rad' : 'rader'} med senare datum avvisade`;
}

/** Derived tables and cubes kept at most: large, so a few as-of dates' worth. */
const TABLE_LIMIT = 32;
/** Finished views kept at most: small, so many filter choices' worth. */
const VIEW_LIMIT = 64;

export class Engine {
  private readonly store = new FileStore();
  private readonly tables = new LruCache<unknown>(TABLE_LIMIT);
  private readonly views = new LruCache<unknown>(VIEW_LIMIT);

  /**
   * Adds a loaded file and returns the name it is known by in reconciliation and problems: its
   * own, or "name (2)" … when another file of that name is loaded (one with the same contents is replaced).
   */
  add(file: LoadedFile): string {
    const name = this.store.add(file);
    this.changed();
    return name;
  }

  /** Removes the loaded file of that name (as `add` returned it). */
  remove(fileName: string): void {
    this.store.remove(fileName);
    this.changed();
  }

  clear(): void {
    this.store.clear();
    this.changed();
  }

  get loadedFiles(): readonly LoadedFile[] {
    return this.store.loadedFiles;
  }

  /** The dataset's files merged, duplicates removed; null when none is loaded. */
  dataset(kind: DatasetKind): MergedDataset | null {
    return this.store.dataset(kind);
  }

  /**
   * The default as-of date of the loaded files (DOMAIN.md): the last day of ordinary activity over
   * the event dates of every dataset's merged rows, before any as-of filter (planned dates such as
   * `forlangd_till` excluded), robust to a handful of mistyped later dates; with how it was found.
   */
  defaultAsOf(): FilesAsOf {
    return this.table('default-as-of', {}, () => {
      const columns: Int32Array[] = [];
      for (const kind of Object.keys(DATASETS) as DatasetKind[]) {
        const merged = this.store.dataset(kind);
        if (!merged) continue;
        for (const key of eventDateFields(kind)) {
          const column = merged.table.dates[key];
          if (column) columns.push(column);
        }
      }
      const found = defaultAsOf(columns);
      let laterRows = 0;
      if (found.laterEvents > 0)
        for (const kind of Object.keys(DATASETS) as DatasetKind[])
          laterRows += this.rowsAfterAsOf(kind, found.asOf).problems.length;
      return {
        asOf: found.asOf,
        rule: found.rule,
        laterEvents: found.laterEvents,
        laterRows,
        source: asOfSource(found.rule, laterRows),
      };
    });
  }

  /** The default as-of date alone (`defaultAsOf().asOf`); NO_DATE when nothing is loaded. */
  latestEventDate(): DayNumber {
    return this.defaultAsOf().asOf;
  }

  /**
   * Rows of a dataset rejected whatever the as-of date: extension decisions whose investigation
   * is in no loaded file. Nothing for the other datasets.
   */
  rejectedRows(kind: DatasetKind): Rejections | undefined {
    if (kind !== 'forlangningar') return undefined;
    return this.table('unknown-investigations', {}, () =>
      unknownInvestigations(this.store.dataset('forlangningar'), this.store.dataset('utredningar')),
    );
  }

  /** The rows of a dataset with an event date after the as-of date, as problems. */
  rowsAfterAsOf(kind: DatasetKind, asOf: DayNumber): AfterAsOf {
    return this.table('after-as-of', { kind, asOf }, () =>
      rowsAfterAsOf(kind, this.store.dataset(kind), asOf, this.rejectedRows(kind)),
    );
  }

  /** The dataset's rows accepted at an as-of date (duplicates and rows after it removed). */
  accepted(kind: DatasetKind, asOf: DayNumber): Table | null {
    return this.table('accepted', { kind, asOf }, () => {
      const merged = this.store.dataset(kind);
      return merged ? acceptedRows(merged, this.rowsAfterAsOf(kind, asOf)) : null;
    });
  }

  /** Extension decisions joined onto the investigations accepted at an as-of date; null without investigations. */
  extensions(asOf: DayNumber): JoinedExtensions | null {
    return this.table('extensions', { asOf }, () => {
      const investigations = this.accepted('utredningar', asOf);
      if (!investigations) return null;
      const extensions = this.store.dataset('forlangningar') ? this.accepted('forlangningar', asOf) : null;
      const unknown = this.rejectedRows('forlangningar')?.problems.length ?? 0;
      return joinedExtensions(investigations, extensions, asOf, unknown);
    });
  }

  /** The investigation cube at an as-of date; cached, so unit and range changes never re-read rows. */
  investigationCube(asOf: DayNumber, deadline: DeadlineOptions = {}): InvestigationCubeData | null {
    const shift = deadline.shiftToWorkingDay === true;
    return this.table('investigation-cube', { asOf, shift }, () => {
      const table = this.accepted('utredningar', asOf);
      const extensions = this.extensions(asOf);
      return table && extensions ? investigationCube(table, extensions, asOf, deadline) : null;
    });
  }

  concernCube(asOf: DayNumber, deadline: DeadlineOptions = {}): ConcernCubeData | null {
    const shift = deadline.shiftToWorkingDay === true;
    return this.table('concern-cube', { asOf, shift }, () => {
      const table = this.accepted('orosanmalningar', asOf);
      return table ? concernCube(table, asOf, deadline) : null;
    });
  }

  decisionCube(asOf: DayNumber, deadline: DeadlineOptions = {}): DecisionCubeData | null {
    const shift = deadline.shiftToWorkingDay === true;
    return this.table('decision-cube', { asOf, shift }, () => {
      const table = this.accepted('beslut', asOf);
      return table ? decisionCube(table, asOf, deadline) : null;
    });
  }

  /**
   * The problems found across files at an as-of date, per dataset in the order the files were
   * loaded: duplicates, extensions of unknown investigations, then rows after the as-of date.
   */
  crossFileProblems(asOf: DayNumber): Problem[] {
    // concat, not push(...): hundreds of thousands of problems exceed a call's arguments.
    return [...new Set(this.store.loadedFiles.map((f) => f.dataset))].flatMap((kind) => {
      const merged = this.store.dataset(kind);
      if (!merged) return [];
      return merged.duplicateProblems.concat(
        this.rejectedRows(kind)?.problems ?? [],
        this.rowsAfterAsOf(kind, asOf).problems,
      );
    });
  }

  /** Reconciliation and problems of every file at an as-of date. */
  reconciliation(asOf: DayNumber): ReconciliationData {
    return this.view('reconciliation', { asOf }, () => reconciliationView(this, asOf));
  }

  investigations(query: ViewQuery): InvestigationView | null {
    return this.view('investigations', query, () => investigationsView(this, query));
  }

  concerns(query: ViewQuery): ConcernView | null {
    return this.view('concerns', query, () => concernsView(this, query));
  }

  decisions(query: ViewQuery): DecisionView | null {
    return this.view('decisions', query, () => decisionsView(this, query));
  }

  ivoList(query: IvoQuery): IvoView | null {
    return this.view('ivo', query, () => ivoView(this, query));
  }

  watch(query: WatchQuery): WatchView {
    return this.view('watch', query, () => watchView(this, query));
  }

  overview(query: ViewQuery): OverviewView {
    return this.view('overview', query, () => overviewView(this, query));
  }

  private changed(): void {
    this.tables.clear();
    this.views.clear();
  }

  private table<T>(name: string, params: object, compute: () => T): T {
    return this.tables.getOrCompute(memoKey(this.store.fingerprint, name, params), compute);
  }

  private view<T>(name: string, query: object, compute: () => T): T {
    return this.views.getOrCompute(memoKey(this.store.fingerprint, name, query), compute);
  }
}
