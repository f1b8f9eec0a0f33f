/**
 * The accepted tables as the KPI core's typed columns, and the cubes built from them: one pass over
 * the rows each, so changing a filter never re-reads rows.
 */
import type { JoinedExtensions } from '../import/acceptance';
import { concernDecisionCode } from '../import/datasets';
import { categoryColumn, dateColumn, textColumn, type Table } from '../import/table';
import { NO_REASON_LABEL } from '../kpi/publishedPackage';
import {
  buildConcernCube,
  buildDecisionCube,
  buildInvestigationCube,
  type ConcernCube,
  type DayNumber,
  type DecisionCube,
  type DeadlineOptions,
  type InvestigationCube,
  type IvoColumns,
} from '../kpi';

/** Label of decisions without an insats, and of reports without a decision or a delay reason. */
const NO_INTERVENTION = '(okänd insats)';
const NO_DECISION = '(inget beslut)';

export interface InvestigationCubeData {
  cube: InvestigationCube;
  units: string[];
  orphans: number;
  source: JoinedExtensions['source'];
}

/** The investigation cube of the accepted investigations, with their extensions joined. */
export function investigationCube(
  table: Table,
  extensions: JoinedExtensions,
  asOf: DayNumber,
  deadline: DeadlineOptions = {},
): InvestigationCubeData {
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
}

/** The förhandsbedömning outcome of every report, as ConcernDecision codes. */
export function concernDecisions(table: Table): Uint8Array {
  const decisions = categoryColumn(table, 'beslut', NO_DECISION);
  const codes = decisions.labels.map(concernDecisionCode);
  return Uint8Array.from(decisions.codes, (code) => codes[code]);
}

export interface ConcernCubeData {
  cube: ConcernCube;
  units: string[];
  reasons: string[];
  hasDecision: boolean;
  hasReasons: boolean;
}

/** The 14-day cube of the accepted orosanmälningar. */
export function concernCube(table: Table, asOf: DayNumber, deadline: DeadlineOptions = {}): ConcernCubeData {
  const units = categoryColumn(table, 'enhet');
  const reasons = categoryColumn(table, 'orsak_forsening', NO_REASON_LABEL);
  const cube = buildConcernCube(
    {
      count: table.count,
      received: dateColumn(table, 'inkomstdatum'),
      assessed: dateColumn(table, 'forhandsbedomning_datum'),
      protective: dateColumn(table, 'skyddsbedomning_datum'),
      hasProtective: table.present.includes('skyddsbedomning_datum'),
      decision: concernDecisions(table),
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
}

export interface DecisionCubeData {
  cube: DecisionCube;
  /** The accepted decisions, for the IVO list. */
  table: Table;
  units: string[];
  interventions: string[];
}

/** The three-month cube of the accepted decisions. */
export function decisionCube(table: Table, asOf: DayNumber, deadline: DeadlineOptions = {}): DecisionCubeData {
  const units = categoryColumn(table, 'enhet');
  const interventions = categoryColumn(table, 'insats', NO_INTERVENTION);
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
}

/** The accepted decisions as the IVO list reads them. */
export function ivoColumns(table: Table): IvoColumns {
  const units = categoryColumn(table, 'enhet');
  const interventions = categoryColumn(table, 'insats', NO_INTERVENTION);
  const sexes = categoryColumn(table, 'kon');
  return {
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
  };
}

/** The insats label of every decision (the watch list shows it). */
export function interventionLabels(table: Table): (row: number) => string {
  const interventions = categoryColumn(table, 'insats', NO_INTERVENTION);
  return (row) => interventions.labels[interventions.codes[row]];
}
