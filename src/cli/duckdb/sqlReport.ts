/**
 * The monthly report computed by the SQL in `sql/` on embedded DuckDB, written with the app's own
 * CSV definitions (src/format/exports.ts) so the files are byte for byte those of `npm run report`.
 * The figures come from the SQL; this file only loads the CSVs, sets the parameters and maps the
 * SQL's rows onto the row types the CSV definitions read (ties put in Swedish order, as the app).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import { toCsv } from '../../format/csv';
import {
  concernMonthlyColumns,
  concernPeriodColumns,
  concernVolumeColumns,
  decisionBreakdownColumns,
  decisionMonthColumns,
  decisionQuarterColumns,
  investigationMonthlyCsv,
  ivoColumns,
  ivoSummaryColumns,
  periodCsv,
  reasonColumns,
  reconciliationColumns,
  withYearOverYear,
} from '../../format/exports';
import type { FileReconciliation } from '../../format/importRecords';
import type { MappingStore } from '../../import/importFile';
import { maskPersonnummer } from '../../format/personnummer';
import { parseDate } from '../../import/dates';
import { pseudonymize } from '../../import/pseudonyms';
import {
  isoDate,
  isoMonth,
  NO_DATE,
  parseIsoDate,
  type ConcernMonth,
  type DecisionMonth,
  type DecisionQuarter,
  type IvoEntry,
  type IvoSummaryRow,
  type DayNumber,
  type InvestigationMonth,
  type MonthIndex,
  type PeriodRow,
  type ReasonRow,
  type YearOverYearRow,
} from '../../kpi';
import { createInputTables, ReportInputError, loadCsv, type CsvDialect, type LoadedCsv } from './load';

type DuckDBApi = typeof import('@duckdb/node-api');

export { ReportInputError };

/** The SQL files, run in name order. */
export const SQL_DIRECTORY = fileURLToPath(new URL('../../../sql/', import.meta.url));

/**
 * Views computed once and kept as tables, in dependency order. DuckDB inlines a view wherever it is
 * named, so without this the typed rows and the as-of date are recomputed for every view above them
 * (≈ 60 s instead of ≈ 1 s on the demo data). A view binds names when it is queried, so views above
 * read the table. On Spark, `CACHE TABLE` the same views; on Trino, create them as tables.
 */
export const MATERIALIZED_VIEWS = [
  'utredningar_typad',
  'forlangningar_typad',
  'beslut_typad',
  'orosanmalningar_typad',
  'utredningar_unika',
  'beslut_unika',
  'orosanmalningar_unika',
  'standard_uttagsdatum',
  'uttag',
  'ivo_kvartal',
  'beslut_valda',
  'utredningar_manad',
  'orosanmalningar_manad',
  'beslut_manad',
  'ivo_poster',
];

export interface SqlReportOptions extends CsvDialect {
  files: string[];
  /** `YYYY-MM-DD`; default the latest event date in the files. */
  asOf?: string;
  /** First day of the IVO quarter as `YYYY-MM-DD`; default the latest quarter ended by the as-of date. */
  quarterStart?: string;
  units?: string[];
  fromMonth?: MonthIndex;
  toMonth?: MonthIndex;
  /** Calendar months 1–12 of the period comparison; default January–June. */
  periodFrom?: number;
  periodTo?: number;
  mappings?: MappingStore;
  /** DuckDB worker threads; default one per core. On a busy machine 1 can be faster. */
  threads?: number;
}

export interface SqlReport {
  /** `YYYY-MM-DD`. */
  asOf: string;
  loaded: LoadedCsv[];
  /** Per file: rows read = accepted + rejected, as the app's reconciliation. */
  reconciliation: FileReconciliation[];
  /** File name → CSV text, in the order `npm run report` writes them. */
  files: Map<string, string>;
}

/**
 * Runs the SQL files statement by statement; each view of MATERIALIZED_VIEWS is replaced by a table
 * of its rows as soon as it is created, so the views above it bind to the table.
 */
async function runSqlFiles(connection: DuckDBConnection): Promise<void> {
  const materialize = new Set(MATERIALIZED_VIEWS);
  const names = readdirSync(SQL_DIRECTORY)
    .filter((n) => n.endsWith('.sql'))
    .sort();
  for (const name of names) {
    const statements = await connection.extractStatements(readFileSync(`${SQL_DIRECTORY}${name}`, 'utf8'));
    for (let i = 0; i < statements.count; i++) {
      await (await statements.prepare(i)).run();
      const created = (await rows(connection, 'SELECT view_name FROM duckdb_views() WHERE NOT internal'))
        .map((r) => String(r.view_name))
        .filter((view) => materialize.has(view));
      for (const view of created) {
        materialize.delete(view);
        await connection.run(
          `CREATE TABLE ${view}_tabell AS SELECT * FROM ${view}; DROP VIEW ${view}; CREATE VIEW ${view} AS SELECT * FROM ${view}_tabell`,
        );
      }
    }
  }
}

/**
 * The app's own personnummer and date handling as SQL functions for the loading step:
 * `insyn_pseudonym` (key columns: the session's salted pseudonym, so rows of one person stay
 * linked), `insyn_maskera` (text and category columns: `ÅÅMMDD-XXXX`) and `insyn_datum` (dates in
 * the other forms exports write). All trim, as the import does.
 */
function registerAppFunctions(connection: DuckDBConnection, api: DuckDBApi): void {
  const register = (name: string, map: (text: string) => string) =>
    connection.registerScalarFunction(
      api.DuckDBScalarFunction.create({
        name,
        returnType: api.VARCHAR,
        parameterTypes: [api.VARCHAR],
        mainFunction: (_info, input, output) => {
          const values = input.getColumnVector(0);
          for (let row = 0; row < input.rowCount; row++) {
            const value = values.getItem(row);
            output.setItem(row, value === null ? null : map(String(value).trim()));
          }
          output.flush();
        },
      }),
    );
  register('insyn_pseudonym', pseudonymize);
  register('insyn_maskera', maskPersonnummer);
  // Dates not written ÅÅÅÅ-MM-DD, read by the app's parseDate: ISO text, NULL when empty, and text
  // no date cast accepts when impossible (the SQL then rejects the row, as the app does).
  register('insyn_datum', (text) => {
    const parsed = parseDate(text);
    return parsed === NO_DATE ? '' : Number.isNaN(parsed) ? 'ogiltigt datum' : isoDate(parsed);
  });
}

/** Loads `@duckdb/node-api`, an optional dependency, or says in Swedish how to get it. */
async function duckdb() {
  try {
    return await import('@duckdb/node-api');
  } catch {
    throw new ReportInputError(
      'DuckDB-motorn kräver paketet @duckdb/node-api (valfritt beroende). Installera med npm install @duckdb/node-api.',
    );
  }
}

type Row = Record<string, DuckDBValue>;

const num = (v: DuckDBValue): number => (typeof v === 'bigint' ? Number(v) : (v as number));
const numOrNull = (v: DuckDBValue): number | null => (v === null ? null : num(v));
const boolOrNull = (v: DuckDBValue): boolean | null => (v === null ? null : (v as boolean));
/** A DATE as the app's day number (days since 1970-01-01, as DuckDB stores it). */
const day = (v: DuckDBValue): DayNumber => (v === null ? NO_DATE : (v as { days: number }).days);
const text = (v: DuckDBValue): string => (v === null ? '' : String(v));

async function rows(connection: DuckDBConnection, sql: string): Promise<Row[]> {
  return (await connection.runAndReadAll(sql)).getRowObjects();
}

/** A year-over-year row from a monthly SQL row with the given count and share columns. */
function yoyRow(r: Row, numerator: string, denominator: string, share: string, previous: string): YearOverYearRow {
  return {
    month: num(r.manad_index),
    numerator: num(r[numerator]),
    denominator: num(r[denominator]),
    share: numOrNull(r[share]),
    preliminary: r.preliminar as boolean,
    previousNumerator: numOrNull(r[`${numerator}_foregaende_ar`]),
    previousDenominator: numOrNull(r[`${denominator}_foregaende_ar`]),
    previousShare: numOrNull(r[`${share}_foregaende_ar`]),
    previousPreliminary: boolOrNull(r[`${previous}_foregaende_ar`]),
    changePoints: numOrNull(r.forandring_procentenheter),
  };
}

function periodRow(r: Row, numerator: string): PeriodRow {
  return {
    year: num(r.ar),
    monthsWithData: num(r.manader_med_data),
    monthsInSpan: num(r.manader_i_perioden),
    numerator: num(r[numerator]),
    denominator: num(r.antal),
    meanOfMonthlyShares: numOrNull(r.medel_av_manadsandelar),
    pooledShare: numOrNull(r.sammanvagd_andel),
    preliminary: r.preliminar as boolean,
  };
}

function decisionCounts(r: Row) {
  return {
    decisions: num(r.beslut),
    executedInTime: num(r.verkstallda_i_tid),
    executedLate: num(r.verkstallda_sent),
    overdue: num(r.ej_verkstallda_frist_passerad),
    notYetDue: num(r.ej_verkstallda_inom_frist),
    lateShare: numOrNull(r.andel_ej_inom_3_manader),
    preliminary: r.preliminar as boolean,
  };
}

/** A DuckDB database with the files loaded, the parameters set and the SQL's views created. */
export interface SqlDatabase {
  connection: DuckDBConnection;
  loaded: LoadedCsv[];
  close(): void;
}

/**
 * Loads the files into an in-memory DuckDB and creates the views of `sql/` with the options as
 * parameters. The caller queries the views (e.g. `SELECT * FROM utredning_klassning`) and closes it.
 */
export async function openSqlDatabase(options: SqlReportOptions): Promise<SqlDatabase> {
  const api = await duckdb();
  const instance = await api.DuckDBInstance.create(
    ':memory:',
    options.threads ? { threads: String(Math.max(1, Math.trunc(options.threads))) } : {},
  );
  const connection = await instance.connect();
  const close = () => {
    connection.closeSync();
    instance.closeSync();
  };
  try {
    registerAppFunctions(connection, api);
    const loaded: LoadedCsv[] = [];
    for (const [order, path] of options.files.entries())
      loaded.push(await loadCsv(connection, path, order, options.mappings, options));
    await createInputTables(connection, loaded);
    const dateLiteral = (iso: string | undefined) => (iso ? `DATE '${isoDate(parseDay(iso))}'` : 'CAST(NULL AS DATE)');
    const monthLiteral = (m: MonthIndex | undefined) =>
      m === undefined ? 'CAST(NULL AS DATE)' : `DATE '${isoMonth(Math.trunc(m))}-01'`;
    const intLiteral = (n: number | undefined) => (n === undefined ? 'CAST(NULL AS INTEGER)' : String(Math.trunc(n)));
    const hasProtective = loaded.some(
      (f) => f.dataset === 'orosanmalningar' && f.present.includes('skyddsbedomning_datum'),
    );
    await connection.run(
      `CREATE OR REPLACE TABLE parametrar AS SELECT ${dateLiteral(options.asOf)} AS uttagsdatum,
         ${dateLiteral(options.quarterStart)} AS kvartal_forsta_dag,
         ${intLiteral(options.periodFrom)} AS period_fran, ${intLiteral(options.periodTo)} AS period_till,
         ${hasProtective} AS har_skyddsbedomning,
         ${monthLiteral(options.fromMonth)} AS manad_fran, ${monthLiteral(options.toMonth)} AS manad_till`,
    );
    await connection.run('CREATE OR REPLACE TABLE valda_enheter (enhet VARCHAR)');
    for (const unit of options.units ?? []) await connection.run('INSERT INTO valda_enheter VALUES ($1)', [unit]);
    await connection.run('CREATE OR REPLACE TABLE filer (fil_ordning BIGINT, olasbara BIGINT)');
    for (const [order, file] of loaded.entries())
      await connection.run(`INSERT INTO filer VALUES (${order}, ${file.unreadable})`);
    await runSqlFiles(connection);
    return { connection, loaded, close };
  } catch (error) {
    close();
    throw error;
  }
}

/**
 * Runs the report through DuckDB. Writes nothing; returns the CSV texts.
 * @example (await sqlReport({ files: ['utredningar.csv'], asOf: '2025-11-30' })).files.get('utredningar_manad.csv')
 */
export async function sqlReport(options: SqlReportOptions): Promise<SqlReport> {
  const { connection, loaded, close } = await openSqlDatabase(options);
  try {
    const has = (dataset: LoadedCsv['dataset']) => loaded.some((f) => f.dataset === dataset);
    const [{ uttagsdatum }] = await rows(connection, 'SELECT uttagsdatum FROM uttag');
    const asOf = isoDate(day(uttagsdatum));
    const inRange = (month: MonthIndex) =>
      (options.fromMonth === undefined || month >= options.fromMonth) &&
      (options.toMonth === undefined || month <= options.toMonth);
    const files = new Map<string, string>();
    const counts = await rows(connection, 'SELECT * FROM avstamning ORDER BY fil_ordning');
    const reconciliation: FileReconciliation[] = counts.map((r) => {
      const file = loaded[num(r.fil_ordning)];
      return {
        file: file.file,
        dataset: file.dataset,
        encoding: file.encodingName as FileReconciliation['encoding'],
        delimiter: file.delimiter,
        rowsRead: num(r.rader_lasta),
        rowsAccepted: num(r.rader_godkanda),
        rowsRejected: num(r.rader_avvisade),
        rowsWithWarning: num(r.rader_med_varning),
      };
    });
    files.set('avstamning.csv', toCsv(reconciliationColumns, reconciliation));

    if (has('utredningar')) {
      const months = (await rows(connection, 'SELECT * FROM utredningar_manad ORDER BY manad_index')).filter((r) =>
        inRange(num(r.manad_index)),
      );
      const cohorts: InvestigationMonth[] = months.map((r) => ({
        month: num(r.manad_index),
        started: num(r.inledda),
        inTime: num(r.i_tid),
        extended: num(r.forlangd),
        late: num(r.sen),
        pending: num(r.pagaende),
        extendedOverdue: num(r.forlangd_passerat_forlangd_till),
        lateShare: numOrNull(r.andel_sen),
        preliminary: r.preliminar as boolean,
      }));
      const yoy = months.map((r) => yoyRow(r, 'sen', 'inledda', 'andel_sen', 'preliminar'));
      files.set('utredningar_manad.csv', investigationMonthlyCsv(cohorts, yoy));
      const periods = await rows(connection, 'SELECT * FROM utredningar_period ORDER BY ar');
      files.set('utredningar_period.csv', periodCsv(periods.map((r) => periodRow(r, 'sena'))));
    }

    if (has('orosanmalningar')) {
      const months = (await rows(connection, 'SELECT * FROM orosanmalningar_manad ORDER BY manad_index')).filter((r) =>
        inRange(num(r.manad_index)),
      );
      const concernMonths: ConcernMonth[] = months.map((r) => ({
        month: num(r.manad_index),
        received: num(r.inkomna),
        inTime: num(r.inom_14_dagar),
        late: num(r.sena),
        pending: num(r.pagaende),
        underInvestigation: num(r.pagaende_utredning),
        inTimeShare: numOrNull(r.andel_inom_14_dagar),
        preliminary: r.preliminar as boolean,
        protectiveInTime: num(r.skyddsbedomning_i_tid),
        protectiveLate: num(r.skyddsbedomning_sen),
        protectivePending: num(r.skyddsbedomning_pagaende),
        protectiveShare: numOrNull(r.andel_skyddsbedomning_i_tid),
        opened: num(r.inleds),
        notOpened: num(r.inleds_ej),
        openedShare: numOrNull(r.andel_inleds),
      }));
      const yoy = months.map((r) => yoyRow(r, 'inom_14_dagar', 'bedomda', 'andel_inom_14_dagar', 'preliminar'));
      files.set('orosanmalningar_manad.csv', toCsv(concernMonthlyColumns, withYearOverYear(concernMonths, yoy)));
      const periods = await rows(connection, 'SELECT * FROM orosanmalningar_period ORDER BY ar');
      files.set(
        'orosanmalningar_period.csv',
        toCsv(
          concernPeriodColumns,
          periods.map((r) => periodRow(r, 'inom_14_dagar')),
        ),
      );
      // Largest first within a year, then the reason in Swedish order (as the app).
      const reasons: ReasonRow[] = (await rows(connection, 'SELECT * FROM orosanmalningar_orsaker'))
        .map((r) => ({ year: num(r.ar), reason: text(r.orsak), count: num(r.antal), share: num(r.andel) }))
        .sort((a, b) => a.year - b.year || b.count - a.count || a.reason.localeCompare(b.reason, 'sv'));
      files.set('orosanmalningar_orsaker.csv', toCsv(reasonColumns, reasons));
      // Received per month, every month of the data whatever --from/--to.
      const volume = (
        await rows(connection, 'SELECT manad_index, inkomna FROM orosanmalningar_manad ORDER BY manad_index')
      ).map((r) => ({ month: num(r.manad_index), value: num(r.inkomna) }));
      files.set('orosanmalningar_volym.csv', toCsv(concernVolumeColumns, volume));
    }

    if (has('beslut')) {
      // As the app's report: every month unless --from/--to, the quarters those months touch.
      const from = options.fromMonth ?? 0;
      const to = options.toMonth ?? Number.MAX_SAFE_INTEGER;
      const months: DecisionMonth[] = (await rows(connection, 'SELECT * FROM beslut_manad ORDER BY manad_index'))
        .filter((r) => num(r.manad_index) >= from && num(r.manad_index) <= to)
        .map((r) => ({ month: num(r.manad_index), ...decisionCounts(r) }));
      files.set('beslut_manad.csv', toCsv(decisionMonthColumns, months));
      const quarters: DecisionQuarter[] = (
        await rows(connection, 'SELECT * FROM beslut_kvartal ORDER BY kvartal_index')
      )
        .filter((r) => num(r.kvartal_index) >= Math.floor(from / 3) && num(r.kvartal_index) <= Math.floor(to / 3))
        .map((r) => ({
          quarter: num(r.kvartal_index),
          ...decisionCounts(r),
          median: numOrNull(r.median_dagar_till_verkstallighet),
          p90: numOrNull(r.p90_dagar_till_verkstallighet),
          // Not written to the CSV.
          executed: 0,
          previousYear: null,
        }));
      files.set('beslut_kvartal.csv', toCsv(decisionQuarterColumns, quarters));
      const breakdown = async (group: 'insats' | 'enhet') =>
        (await rows(connection, `SELECT * FROM beslut_fordelning WHERE grupp = '${group}'`))
          .map((r) => ({ label: text(r.etikett), ...decisionCounts(r) }))
          .sort((a, b) => b.decisions - a.decisions || a.label.localeCompare(b.label, 'sv'));
      files.set('beslut_insats.csv', toCsv(decisionBreakdownColumns('insats'), await breakdown('insats')));
      files.set('beslut_enhet.csv', toCsv(decisionBreakdownColumns('enhet'), await breakdown('enhet')));

      const [quarter] = await rows(
        connection,
        `SELECT EXTRACT(YEAR FROM forsta_dag) AS ar, EXTRACT(QUARTER FROM forsta_dag) AS nr FROM ivo_kvartal WHERE vilket = 'aktuellt'`,
      );
      const label = `${num(quarter.ar)}Q${num(quarter.nr)}`;
      // The app sorts by decision date, then id in Swedish order; the SQL's byte order is the
      // fallback for other engines, this sort makes ties come out as the app's.
      const entries: IvoEntry[] = (
        await rows(connection, 'SELECT * FROM ivo_lista ORDER BY beslutsdatum, beslut_id, typ_ordning')
      ).map((r) => ({
        quarter: label,
        id: text(r.beslut_id),
        decided: day(r.beslutsdatum),
        start: day(r.start),
        deadline: day(r.frist),
        intervention: text(r.insats),
        kind: r.typ === 'avbrott' ? 'avbrott' : 'beslut',
        executed: r.status === 'verkställt',
        executedOn: day(r.verkstalldatum),
        days: num(r.dagar),
        reason: text(r.orsak),
        sex: text(r.kon),
        unit: text(r.enhet),
        status: r.jamfort_med_foregaende_kvartal as IvoEntry['status'],
      }));
      entries.sort((a, b) => a.decided - b.decided || a.id.localeCompare(b.id, 'sv'));
      files.set(`ivo_${label}.csv`, toCsv(ivoColumns, entries));
      // Fixed order for days and kön; the larger count first, then Swedish order, for insats and status.
      const summary: IvoSummaryRow[] = (
        await rows(connection, 'SELECT * FROM ivo_sammanstallning ORDER BY grupp_ordning, ordning')
      )
        .map((r) => ({
          group: r.grupp as IvoSummaryRow['group'],
          label: text(r.kategori),
          count: num(r.antal),
          order: num(r.grupp_ordning),
          fixed: num(r.ordning),
        }))
        .sort(
          (a, b) => a.order - b.order || a.fixed - b.fixed || b.count - a.count || a.label.localeCompare(b.label, 'sv'),
        )
        .map(({ group, label, count }) => ({ group, label, count }));
      files.set(`ivo_${label}_sammanstallning.csv`, toCsv(ivoSummaryColumns, summary));
    }
    return { asOf, loaded, reconciliation, files };
  } finally {
    close();
  }
}

function parseDay(iso: string): DayNumber {
  const parsed = parseIsoDate(iso);
  if (parsed === null) throw new ReportInputError(`ogiltigt datum ${iso} (skriv ÅÅÅÅ-MM-DD).`);
  return parsed;
}
