/**
 * The types the pages use: the engine's views and messages, and the import's records. Pages take
 * them from here, never from engine/ or import/ directly.
 */
export type {
  ConcernView,
  DecisionView,
  InvestigationView,
  IvoQuery,
  IvoView,
  MonthRange,
  OverviewCard,
  OverviewView,
  ViewQuery,
  WatchConcern,
  WatchCounts,
  WatchDecision,
  WatchInvestigation,
  WatchQuery,
  WatchReopening,
  WatchView,
  YearPeriod,
} from '../engine/types';
export type { FileInput, FileOutcome, Progress, ReconciliationView, WorkspaceState } from '../engine/protocol';
export type { DatasetKind, SavedMapping } from '../import/datasets';
export type { FileNeedingMapping, MappingStore } from '../import/importFile';
