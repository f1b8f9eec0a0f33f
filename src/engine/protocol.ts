/**
 * Messages between the page and the engine's worker. The tables stay in the worker; only files go
 * in (a File or Blob, which the worker reads in chunks, or bytes, transferred, not copied) and the
 * rows each page draws come out, with progress messages while files load. A load can be cancelled.
 */
import type { DatasetKind, SavedMapping } from '../import/datasets';
import type { FileNeedingMapping, MappingStore } from '../import/importFile';
import type { Problem } from '../format/importRecords';
import type { MaskedColumn } from '../import/validate';
import type { DayNumber } from '../kpi';
import type { PublishedPackage } from '../kpi/publishedPackage';
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
import type { PublishQuery, PublishResult } from './views/publish';
import type { ReconciliationData } from './views/reconciliation';

export interface FileInput {
  name: string;
  /**
   * The file: a File or Blob (cloned by reference; the worker reads it in chunks, and reads it whole
   * only when it is a workbook), or its bytes (transferred).
   */
  bytes: ArrayBuffer | Blob;
  /** Apply this mapping regardless of header recognition (right after the user confirmed it). */
  mapping?: SavedMapping;
}

/** What one file's import gave, without its table. */
export type FileOutcome =
  | {
      status: 'loaded';
      /** The name the file is known by: its own, or "name (2)" … when another file of that name is loaded. */
      file: string;
      dataset: DatasetKind;
      rowsRead: number;
      rowsRejected: number;
      rowsWithWarning: number;
      /** Per column, values that held a personnummer and how they were hidden. */
      masked: MaskedColumn[];
    }
  | FileNeedingMapping
  /** Also a cancelled load (`problem.code` 'cancelled'): nothing of it was kept. */
  | { status: 'failed'; file: string; problem: Problem };

export interface WorkspaceState {
  /** Bumped on every change, so derived queries keyed by it refetch. */
  version: number;
  files: { file: string; dataset: DatasetKind; demo: boolean }[];
  datasets: DatasetKind[];
  /** The default as-of date (`defaultAsOf.asOf`), kept for readers not yet moved to `defaultAsOf`. */
  latestEventDate: DayNumber;
  /** The loaded files' default as-of date, its rule, and its Swedish source for the page. */
  defaultAsOf: FilesAsOf;
  demo: boolean;
  /**
   * A published package of aggregates is shown (no records): its title, as-of date and when it was
   * made. `files` are then the package's source files. Null when records are loaded.
   */
  package: { title: string; asOf: string; created: string } | null;
}

/** The reconciliation with at most PROBLEM_LIMIT problems; `problemCount` counts them all. */
export interface ReconciliationView extends ReconciliationData {
  problemCount: number;
}

export type Request =
  | { type: 'load'; files: FileInput[]; mappings: MappingStore; demo: boolean }
  /** Shows a published package of aggregates until files are loaded (issue 13). */
  | { type: 'loadPackage'; package: PublishedPackage; demo: boolean }
  | { type: 'remove'; file: string }
  | { type: 'clear' }
  | { type: 'state' }
  | { type: 'reconciliation'; asOf: DayNumber }
  | { type: 'problemsCsv'; asOf: DayNumber }
  | { type: 'investigations'; query: ViewQuery }
  | { type: 'concerns'; query: ViewQuery }
  | { type: 'decisions'; query: ViewQuery }
  | { type: 'overview'; query: ViewQuery }
  | { type: 'watch'; query: WatchQuery }
  | { type: 'ivoList'; query: IvoQuery }
  | { type: 'publish'; query: PublishQuery };

export interface ResponseMap {
  /**
   * `outcomes[i]` is the outcome of `files[i]`. A cancelled load keeps none of its files (each is
   * `failed` with code 'cancelled') and leaves the files loaded before as they were.
   */
  load: { outcomes: FileOutcome[]; state: WorkspaceState; cancelled: boolean };
  loadPackage: WorkspaceState;
  remove: WorkspaceState;
  clear: WorkspaceState;
  state: WorkspaceState;
  reconciliation: ReconciliationView;
  problemsCsv: string;
  investigations: InvestigationView | null;
  concerns: ConcernView | null;
  decisions: DecisionView | null;
  overview: OverviewView;
  watch: WatchView;
  ivoList: IvoView | null;
  /** The package of aggregates for the nämnd (issue 13); null when no file is loaded. */
  publish: PublishResult | null;
}

/**
 * Progress of a long request: `done` of `total` files (fractions while a file is read), and what is
 * being done. While a text file is read in chunks: its rows read so far and its bytes.
 */
export interface Progress {
  done: number;
  total: number;
  label: string;
  rows?: number;
  bytesRead?: number;
  totalBytes?: number;
}

/** Page → worker: a request, or the cancel of an earlier request (a load) by its id. */
export type WorkerCall = { id: number; request: Request } | { cancel: number };

export type WorkerMessage =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: string }
  | { id: number; progress: Progress };
