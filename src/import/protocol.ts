/**
 * Messages between the page and the import worker. The tables stay in the worker; only file
 * bytes go in (transferred, not copied) and small aggregates come out.
 */
import type { DayNumber, QuarterIndex } from '../kpi';
import type { DatasetKind, SavedMapping } from './datasets';
import type { FileNeedingMapping, MappingStore } from './importFile';
import type { Problem } from './validate';
import type {
  ConcernView,
  DecisionView,
  FileReconciliation,
  InvestigationView,
  IvoList,
  OverviewCard,
  ViewQuery,
  WatchQuery,
  WatchView,
} from './workspace';

export interface FileInput {
  name: string;
  bytes: ArrayBuffer;
  /** Apply this mapping regardless of header recognition (right after the user confirmed it). */
  mapping?: SavedMapping;
}

/** What one file's import gave, without its table. */
export type FileOutcome =
  | { status: 'loaded'; file: string; dataset: DatasetKind; rowsRead: number; rowsRejected: number }
  | FileNeedingMapping
  | { status: 'failed'; file: string; problem: Problem };

export interface WorkspaceState {
  /** Bumped on every change, so derived queries keyed by it refetch. */
  version: number;
  files: { file: string; dataset: DatasetKind; demo: boolean }[];
  datasets: DatasetKind[];
  latestEventDate: DayNumber;
  demo: boolean;
}

export interface ReconciliationView {
  files: FileReconciliation[];
  problems: Problem[];
  problemCount: number;
}

export type Request =
  | { type: 'load'; files: FileInput[]; mappings: MappingStore; demo: boolean }
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
  | { type: 'ivoList'; query: ViewQuery & { quarter: QuarterIndex } };

export interface ResponseMap {
  load: { outcomes: FileOutcome[]; state: WorkspaceState };
  remove: WorkspaceState;
  clear: WorkspaceState;
  state: WorkspaceState;
  reconciliation: ReconciliationView;
  problemsCsv: string;
  investigations: InvestigationView | null;
  concerns: ConcernView | null;
  decisions: DecisionView | null;
  overview: { cards: OverviewCard[]; units: string[] };
  watch: WatchView;
  ivoList: IvoList | null;
}

export type WorkerMessage =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: string }
  | { id: number; progress: { done: number; total: number; label: string } };
