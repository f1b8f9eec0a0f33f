/**
 * @deprecated Split by concern: the loaded files are in import/store.ts, the cross-file rules in
 * import/acceptance.ts, the rules in kpi/, and the page views in engine/. This module only keeps
 * the files that still import it working until they move (format/exports.ts, cli/duckdb/sqlReport.ts,
 * tests/unit/format/csv.test.ts: the types, from kpi and import/acceptance.ts;
 * tests/unit/import/import.test.ts: `Workspace`, now engine/engine.ts `Engine`). Delete it then,
 * with its exception in tests/unit/architecture.test.ts.
 */
export type { DecisionMonth, DecisionQuarter, IvoEntry, IvoSummaryRow } from '../kpi';
export type { FileReconciliation } from './acceptance';
export { Engine as Workspace } from '../engine/engine';
