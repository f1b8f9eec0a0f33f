/**
 * The monthly report through the SQL in `sql/` on embedded DuckDB: the same options and the same
 * rule tables as `npm run report` (sql/README.md lists which), plus the CSV dialect.
 *
 *   npx tsx src/cli/duckdb/report.ts [--as-of 2025-11-30] [--quarter 2025Q3] [--units Norr,Söder]
 *     [--from 2025-01] [--to 2025-06] [--period 1-6] [--mapping FIL] [--delimiter ';'|','|tab]
 *     [--encoding utf-8|latin-1|utf-16] [--threads N] --out DIR FILE...
 *
 * Exits 1 with a Swedish message when a file cannot be read or an option is wrong.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ReportInputError } from './load';
import { REPORT_ARG_SPECS, sqlReportOptions } from './options';
import { sqlReport } from './sqlReport';

function fail(message: string): never {
  process.stderr.write(`Fel: ${message}\n`);
  process.exit(1);
}

try {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: REPORT_ARG_SPECS });
  if (!values.out) fail('ange --out KATALOG för resultatfilerna.');
  if (positionals.length === 0) fail('ange minst en CSV-fil.');
  const report = await sqlReport(sqlReportOptions(values, positionals));
  mkdirSync(values.out, { recursive: true });
  for (const [name, content] of report.files) writeFileSync(join(values.out, name), content);
  process.stdout.write(`Uttagsdatum: ${report.asOf}\n`);
  process.stdout.write(`Skrev ${[...report.files.keys()].join(', ')} till ${values.out} (DuckDB)\n`);
} catch (error) {
  if (error instanceof ReportInputError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS'))
    fail((error as Error).message);
  throw error;
}
