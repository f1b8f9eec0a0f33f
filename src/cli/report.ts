/**
 * The headless monthly report: the same import and engine as the app, the same CSV files as its
 * download buttons.
 *
 *   npm run report -- [--as-of 2025-11-30] [--mapping mappning.json] [--units Norr,Söder]
 *                     [--period 1-6] [--from 2025-01] [--to 2025-06] [--quarter 2025Q3]
 *                     [--engine app|duckdb] --out DIR FILE...
 *
 * `--engine duckdb` runs the same report through the SQL in `sql/` on embedded DuckDB (optional
 * dependency @duckdb/node-api, loaded only then) and also takes `--delimiter`, `--encoding` and
 * `--threads`; it writes every file byte for byte as the app does (avstamning.csv too) but problem.csv.
 *
 * Exits 1 with a Swedish message when a file cannot be read, needs a column mapping that was not
 * given, or an option is wrong. Rows with problems do not stop the report; they are listed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  concernMonthlyColumns,
  concernPeriodColumns,
  concernVolumeColumns,
  decisionBreakdownColumns,
  decisionMonthColumns,
  decisionQuarterColumns,
  ivoColumns,
  ivoSummaryColumns,
  investigationMonthlyCsv,
  periodCsv,
  problemColumns,
  reasonColumns,
  reconciliationColumns,
  withYearOverYear,
} from '../format/exports';
import { toCsv } from '../format/csv';
import { DEFAULT_PERIOD, latestCompleteQuarter, parseIsoDate, parseIsoMonth, parseQuarter, quarterLabel } from '../kpi';
import { REPORT_ARG_SPECS, sqlReportOptions } from './duckdb/options';
import { fail, loadFiles, readMappings, reconciliationLines, resolveAsOf } from './load';

const { values, positionals } = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        ...REPORT_ARG_SPECS,
        period: { type: 'string', default: `${DEFAULT_PERIOD.from}-${DEFAULT_PERIOD.to}` },
        engine: { type: 'string', default: 'app' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return fail((error as Error).message);
  }
})();

if (values.help) {
  process.stdout.write(
    'Användning: npm run report -- [--as-of ÅÅÅÅ-MM-DD] [--mapping FIL] [--units A,B] [--period 1-6] [--from ÅÅÅÅ-MM] [--to ÅÅÅÅ-MM] [--quarter ÅÅÅÅQn] [--engine app|duckdb] --out KATALOG FIL...\n' +
      "Med --engine duckdb även [--delimiter ';'|','|tab] [--encoding utf-8|latin-1|utf-16] [--threads N].\n",
  );
  process.exit(0);
}
if (!values.out) fail('ange --out KATALOG för resultatfilerna.');
if (positionals.length === 0) fail('ange minst en CSV-fil.');
const outDir = values.out;
if (values.engine === 'duckdb') await duckdbReport();
else if (values.engine !== 'app') fail(`--engine är app eller duckdb, inte ${values.engine}.`);
else if (values.delimiter ?? values.encoding ?? values.threads)
  fail('--delimiter, --encoding och --threads gäller bara --engine duckdb (appen känner igen dialekten själv).');
else appReport();

/** The same report through the SQL on DuckDB; imported only here so the app engine never loads DuckDB. */
async function duckdbReport() {
  const { sqlReport, ReportInputError } = await import('./duckdb/sqlReport');
  try {
    const report = await sqlReport(sqlReportOptions(values, positionals));
    mkdirSync(outDir, { recursive: true });
    for (const [name, content] of report.files) writeFileSync(join(outDir, name), content);
    const source = values['as-of'] ? 'angivet med --as-of' : 'från filerna';
    process.stdout.write(reconciliationLines(parseIsoDate(report.asOf) as number, source, report.reconciliation));
    process.stdout.write(`Skrev ${[...report.files.keys()].join(', ')} till ${outDir} (DuckDB)\n`);
  } catch (error) {
    if (error instanceof ReportInputError) fail(error.message);
    throw error;
  }
}

function appReport() {
  const workspace = loadFiles(positionals, readMappings(values.mapping));
  const { asOf, source: asOfSource } = resolveAsOf(values['as-of'], workspace);
  const period = /^(\d{1,2})-(\d{1,2})$/.exec(values.period ?? '');
  if (!period || Number(period[1]) < 1 || Number(period[1]) > 12 || Number(period[2]) < 1 || Number(period[2]) > 12)
    fail('--period skrivs som t.ex. 1-6 (januari–juni).');

  const monthOption = (name: 'from' | 'to') => {
    const text = values[name];
    if (text === undefined) return undefined;
    return parseIsoMonth(text) ?? fail(`--${name} skrivs ÅÅÅÅ-MM, t.ex. 2025-01.`);
  };
  const fromMonth = monthOption('from');
  const toMonth = monthOption('to');

  mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  const write = (name: string, content: string) => {
    writeFileSync(join(outDir, name), content);
    written.push(name);
  };

  const { files, problems } = workspace.reconciliation(asOf);
  write('avstamning.csv', toCsv(reconciliationColumns, files));
  write('problem.csv', toCsv(problemColumns, problems));
  const query = {
    asOf,
    units: values.units ? values.units.split(',').map((u) => u.trim()) : undefined,
    fromMonth,
    toMonth,
    periodFrom: Number(period[1]),
    periodTo: Number(period[2]),
  };
  const view = workspace.investigations(query);
  if (view) {
    write('utredningar_manad.csv', investigationMonthlyCsv(view.months, view.yearOverYear));
    write('utredningar_period.csv', periodCsv(view.periods));
  }
  const concerns = workspace.concerns(query);
  if (concerns) {
    write(
      'orosanmalningar_manad.csv',
      toCsv(concernMonthlyColumns, withYearOverYear(concerns.months, concerns.yearOverYear)),
    );
    write('orosanmalningar_period.csv', toCsv(concernPeriodColumns, concerns.periods));
    write('orosanmalningar_orsaker.csv', toCsv(reasonColumns, concerns.reasons));
    write('orosanmalningar_volym.csv', toCsv(concernVolumeColumns, concerns.volume));
  }

  // Without --from/--to the report covers every month (the app's default is the latest twelve).
  const decisions = workspace.decisions({
    ...query,
    fromMonth: fromMonth ?? 0,
    toMonth: toMonth ?? Number.MAX_SAFE_INTEGER,
  });
  if (decisions) {
    write('beslut_manad.csv', toCsv(decisionMonthColumns, decisions.months));
    write('beslut_kvartal.csv', toCsv(decisionQuarterColumns, decisions.quarters));
    write('beslut_insats.csv', toCsv(decisionBreakdownColumns('insats'), decisions.byIntervention));
    write('beslut_enhet.csv', toCsv(decisionBreakdownColumns('enhet'), decisions.byUnit));
    const quarter = values.quarter
      ? (parseQuarter(values.quarter) ?? fail('--quarter skrivs t.ex. 2025Q3.'))
      : latestCompleteQuarter(asOf);
    const list = workspace.ivoList({ ...query, quarter });
    if (list) {
      write(`ivo_${quarterLabel(quarter)}.csv`, toCsv(ivoColumns, list.entries));
      write(`ivo_${quarterLabel(quarter)}_sammanstallning.csv`, toCsv(ivoSummaryColumns, list.summary));
    }
  }

  const out = process.stdout;
  out.write(reconciliationLines(asOf, asOfSource, files));
  if (problems.length > 0) out.write(`${problems.length} problem, se problem.csv\n`);
  if (!view && !concerns && !decisions)
    out.write('Inga utredningar, orosanmälningar eller beslut: inga tabeller skrivna.\n');
  out.write(`Skrev ${written.join(', ')} till ${outDir}\n`);
}
