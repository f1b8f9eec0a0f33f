/**
 * Publicera för nämnden (issue 13): the plain counts of the engine's cubes at an as-of date, in the
 * shapes of kpi/publishedPackage.ts, suppressed there, and written as the package's files
 * (manifest.json, and each table as JSON and as CSV for Excel). Nothing is classified here: every
 * count is read from the cubes the pages draw from, so the package and the pages agree.
 */
import { toCsv, type CsvColumn } from '../../format/csv';
import { maskPersonnummer } from '../../format/personnummer';
import {
  concernMonths,
  daysBucket,
  isoDate,
  isoMonth,
  ivoEntries,
  lateReasonsByYear,
  monthlyCohorts,
  quarterLabel,
  quarterOfDay,
  quarterOfMonth,
  SEX_LABELS,
  type DayNumber,
  type DeadlineOptions,
} from '../../kpi';
import {
  publishPackage,
  type ConcernAggregate,
  type DatasetName,
  type DecisionAggregate,
  type InvestigationAggregate,
  type IvoAggregate,
  type PackageInput,
  type PublishedPackage,
} from '../../kpi/publishedPackage';
import { ivoColumns } from '../cubes';
import type { Engine } from '../engine';

export interface PublishQuery {
  asOf: DayNumber;
  /** When the package is made (`YYYY-MM-DD` or with a time): the caller's clock, never read here. */
  created: string;
  title?: string;
  deadline?: DeadlineOptions;
}

/** One file of the package, named as it is written beside the others. */
export interface PackageFile {
  name: string;
  text: string;
}

export interface PublishResult {
  package: PublishedPackage;
  /** manifest.json first, then `<table>.json` and `<table>.csv` for each table. */
  files: PackageFile[];
}

export const DEFAULT_PACKAGE_TITLE = 'Uppföljning av tidsfrister i socialtjänsten';
/**
 * A hidden count in the CSV files. Not "färre än 5": a count hidden to protect another one is 5 or
 * more, and saying which is which would narrow both.
 */
export const HIDDEN_COUNT_TEXT = 'dolt';
/** A margin row's key in the CSV files (null in JSON). */
export const ALL_TEXT = 'alla';

/**
 * The package of aggregates for the nämnd at an as-of date, from the loaded files; null when no
 * file is loaded.
 * @example publishView(engine, { asOf: parseIsoDate('2025-11-30'), created: '2025-12-01' })?.files[0].name // 'manifest.json'
 */
export function publishView(engine: Engine, query: PublishQuery): PublishResult | null {
  const input = packageInput(engine, query);
  if (input.sources.length === 0) return null;
  const pkg = publishPackage(input);
  const files: PackageFile[] = [{ name: 'manifest.json', text: json(pkg.manifest) }];
  for (const name of pkg.manifest.tables) {
    const rows = pkg.tables[name] ?? [];
    files.push({ name: `${name}.json`, text: json(rows) });
    files.push({ name: `${name}.csv`, text: toCsv(CSV_COLUMNS[name] as CsvColumn<unknown>[], rows) });
  }
  return { package: pkg, files };
}

/** The plain, finest counts of every loaded dataset (no margins: publishPackage adds them). */
export function packageInput(engine: Engine, query: PublishQuery): PackageInput {
  const { asOf, deadline } = query;
  const sources = engine.reconciliation(asOf).files.map((f) => ({
    file: maskPersonnummer(f.file),
    dataset: f.dataset as DatasetName,
    rows: f.rowsRead,
  }));
  const input: PackageInput = {
    title: query.title ?? DEFAULT_PACKAGE_TITLE,
    asOf: isoDate(asOf),
    created: query.created,
    sources,
  };

  const investigations = engine.investigationCube(asOf, deadline);
  if (investigations) {
    const rows: InvestigationAggregate<number>[] = [];
    forEachCell(investigations.units, (unit, sex, label) => {
      for (const m of monthlyCohorts(investigations.cube, { units: [unit], sexes: [sex] })) {
        if (m.started === 0) continue;
        rows.push({
          month: isoMonth(m.month),
          ...label,
          started: m.started,
          inTime: m.inTime,
          extended: m.extended,
          extendedNotOverdue: m.extended - m.extendedOverdue,
          extendedOverdue: m.extendedOverdue,
          late: m.late,
          pending: m.pending,
        });
      }
    });
    input.utredningar = rows;
  }

  const concerns = engine.concernCube(asOf, deadline);
  if (concerns) {
    const hasProtective = concerns.cube.hasProtective;
    const rows: ConcernAggregate<number>[] = [];
    forEachCell(concerns.units, (unit, sex, label) => {
      for (const m of concernMonths(concerns.cube, [unit], [sex])) {
        if (m.received === 0) continue;
        rows.push({
          month: isoMonth(m.month),
          ...label,
          received: m.received,
          inTime: m.inTime,
          late: m.late,
          pending: m.pending,
          underInvestigation: m.underInvestigation,
          ...(hasProtective && {
            protectiveInTime: m.protectiveInTime,
            protectiveLate: m.protectiveLate,
            protectivePending: m.protectivePending,
          }),
        });
      }
    });
    input.orosanmalningar = {
      rows,
      hasProtective,
      lateReasons: concerns.hasReasons
        ? lateReasonsByYear(concerns.cube, concerns.reasons).map((r) => ({
            year: String(r.year),
            reason: r.reason,
            late: r.count,
          }))
        : undefined,
    };
  }

  const decisions = engine.decisionCube(asOf, deadline);
  if (decisions) {
    const { cube, units, interventions } = decisions;
    const rows: DecisionAggregate<number>[] = [];
    for (let c = 0; c < cube.cellCount; c++) {
      const [executedInTime, executedLate, overdue, notYetDue] = cube.counts.subarray(c * 4, c * 4 + 4);
      rows.push({
        period: isoMonth(cube.cells.month[c]),
        unit: units[cube.cells.unit[c]],
        sex: SEX_LABELS[cube.cells.sex[c]],
        intervention: interventions[cube.cells.intervention[c]],
        decisions: executedInTime + executedLate + overdue + notYetDue,
        executedInTime,
        executedLate,
        overdue,
        notYetDue,
      });
    }
    input.beslut = rows;
    input.ivo = ivoCounts(decisions.table, cube.firstMonth, cube.monthCount, asOf, deadline);
  }
  return input;
}

/** Waiting periods on the IVO list per quarter (first decision's quarter up to the as-of date's), insats and waiting-time band. */
function ivoCounts(
  table: Parameters<typeof ivoColumns>[0],
  firstMonth: number,
  monthCount: number,
  asOf: DayNumber,
  deadline: DeadlineOptions | undefined,
): IvoAggregate<number>[] {
  if (monthCount === 0) return [];
  const columns = ivoColumns(table);
  const counts = new Map<string, IvoAggregate<number>>();
  for (let quarter = quarterOfMonth(firstMonth); quarter <= quarterOfDay(asOf); quarter++) {
    for (const entry of ivoEntries(columns, quarter, asOf, deadline)) {
      const row = {
        quarter: quarterLabel(quarter),
        intervention: entry.intervention,
        waitingTime: daysBucket(entry.days),
      };
      const key = JSON.stringify(row);
      const existing = counts.get(key);
      if (existing) existing.listed += 1;
      else counts.set(key, { ...row, listed: 1 });
    }
  }
  return [...counts.values()];
}

/** Calls `f` for every unit code × kön code of a cube, with their labels. */
function forEachCell(
  units: readonly string[],
  f: (unit: number, sex: number, label: { unit: string; sex: string }) => void,
): void {
  const unitCount = Math.max(1, units.length);
  for (let unit = 0; unit < unitCount; unit++)
    SEX_LABELS.forEach((sex, code) => f(unit, code, { unit: units[unit] ?? '', sex }));
}

const KEY_FIELDS = new Set([
  'month',
  'unit',
  'sex',
  'year',
  'reason',
  'period',
  'intervention',
  'quarter',
  'waitingTime',
]);

/**
 * How many counts the package's tables hold, and how many of them are hidden.
 * @example countsInPackage({ manifest, tables: { ivo: [{ quarter: '2025Q3', intervention: null, waitingTime: null, listed: null }] } }) // { counts: 1, hidden: 1 }
 */
export function countsInPackage(pkg: PublishedPackage): { counts: number; hidden: number } {
  let counts = 0;
  let hidden = 0;
  for (const rows of Object.values(pkg.tables) as Row[][])
    for (const row of rows)
      for (const [field, value] of Object.entries(row)) {
        if (KEY_FIELDS.has(field) || value === undefined) continue;
        counts++;
        if (value === null) hidden++;
      }
  return { counts, hidden };
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

type Row = Record<string, string | number | null | undefined>;
const key = (header: string, field: string): CsvColumn<Row> => ({
  header,
  value: (row) => (row[field] === null ? ALL_TEXT : (row[field] ?? null)),
});
const count = (header: string, field: string): CsvColumn<Row> => ({
  header,
  value: (row) => (row[field] === null ? HIDDEN_COUNT_TEXT : (row[field] ?? null)),
});

/** The CSV columns of each table: Swedish headers, as the report's files name the same counts. */
const CSV_COLUMNS: Record<PublishedPackage['manifest']['tables'][number], CsvColumn<Row>[]> = {
  utredningar: [
    key('manad', 'month'),
    key('enhet', 'unit'),
    key('kon', 'sex'),
    count('inledda', 'started'),
    count('i_tid', 'inTime'),
    count('forlangd', 'extended'),
    count('forlangd_ej_passerat_forlangd_till', 'extendedNotOverdue'),
    count('forlangd_passerat_forlangd_till', 'extendedOverdue'),
    count('sen', 'late'),
    count('pagaende', 'pending'),
  ],
  orosanmalningar: [
    key('manad', 'month'),
    key('enhet', 'unit'),
    key('kon', 'sex'),
    count('inkomna', 'received'),
    count('inom_14_dagar', 'inTime'),
    count('sena', 'late'),
    count('pagaende', 'pending'),
    count('pagaende_utredning', 'underInvestigation'),
    count('skyddsbedomning_i_tid', 'protectiveInTime'),
    count('skyddsbedomning_sen', 'protectiveLate'),
    count('skyddsbedomning_pagaende', 'protectivePending'),
  ],
  orosanmalningar_orsaker: [key('ar', 'year'), key('orsak', 'reason'), count('sena', 'late')],
  beslut: [
    key('period', 'period'),
    key('enhet', 'unit'),
    key('kon', 'sex'),
    key('insats', 'intervention'),
    count('beslut', 'decisions'),
    count('verkstallda_i_tid', 'executedInTime'),
    count('verkstallda_sent', 'executedLate'),
    count('ej_verkstallda_frist_passerad', 'overdue'),
    count('ej_verkstallda_inom_frist', 'notYetDue'),
  ],
  ivo: [
    key('kvartal', 'quarter'),
    key('insats', 'intervention'),
    key('vantetid', 'waitingTime'),
    count('vantetider_pa_ivo_listan', 'listed'),
  ],
};
