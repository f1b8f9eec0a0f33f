/** Data och import: per file rows read = accepted + rejected at the as-of date, and every problem. */
import type { FileReconciliation, Problem } from '../../format/importRecords';
import { reconcile } from '../../import/acceptance';
import type { DayNumber } from '../../kpi';
import type { Engine } from '../engine';

/** Rows read, accepted and rejected over all files. */
export interface ReconciliationTotals {
  read: number;
  accepted: number;
  rejected: number;
}

export interface ReconciliationData {
  files: FileReconciliation[];
  problems: Problem[];
  totals: ReconciliationTotals;
}

/** Reconciliation and problems of every loaded file at an as-of date (problems by file and line), and the totals. */
export function reconciliationView(engine: Engine, asOf: DayNumber): ReconciliationData {
  const { files, problems } = reconcile(engine.loadedFiles, engine.crossFileProblems(asOf));
  const totals = { read: 0, accepted: 0, rejected: 0 };
  for (const f of files) {
    totals.read += f.rowsRead;
    totals.accepted += f.rowsAccepted;
    totals.rejected += f.rowsRejected;
  }
  return { files, problems, totals };
}
