/**
 * `npm run report`'s command-line options → the SQL report's options, so that `--engine duckdb`
 * and src/cli/duckdb/report.ts read them exactly as the app's report does.
 */
import { readFileSync } from 'node:fs';
import type { MappingStore } from '../../import/importFile';
import { parseIsoDate, parseIsoMonth } from '../../kpi';
import { ReportInputError, type CsvEncoding } from './load';
import type { SqlReportOptions } from './sqlReport';

/** The option values as `node:util` parseArgs gives them. */
export type ReportArgs = Record<string, string | boolean | undefined>;

/** The parseArgs option specs of the report, plus the CSV dialect. */
export const REPORT_ARG_SPECS = {
  'as-of': { type: 'string' },
  out: { type: 'string' },
  mapping: { type: 'string' },
  units: { type: 'string' },
  period: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  quarter: { type: 'string' },
  delimiter: { type: 'string' },
  encoding: { type: 'string' },
  threads: { type: 'string' },
} as const;

/**
 * Checks the options and builds SqlReportOptions; throws ReportInputError with the app's Swedish messages.
 * @example sqlReportOptions({ 'as-of': '2025-11-30', quarter: '2025Q3' }, ['utredningar.csv']).quarterStart // '2025-07-01'
 */
export function sqlReportOptions(values: ReportArgs, files: string[]): SqlReportOptions {
  const option = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  const fail = (message: string): never => {
    throw new ReportInputError(message);
  };
  const asOf = option('as-of');
  if (asOf !== undefined && parseIsoDate(asOf) === null) fail(`ogiltigt uttagsdatum ${asOf} (skriv ÅÅÅÅ-MM-DD).`);
  const month = (name: string) => {
    const text = option(name);
    return text === undefined ? undefined : (parseIsoMonth(text) ?? fail(`--${name} skrivs ÅÅÅÅ-MM, t.ex. 2025-01.`));
  };
  const period = /^(\d{1,2})-(\d{1,2})$/.exec(option('period') ?? '1-6');
  if (!period || [period[1], period[2]].some((m) => Number(m) < 1 || Number(m) > 12))
    return fail('--period skrivs som t.ex. 1-6 (januari–juni).');
  const quarterText = option('quarter');
  const quarter = quarterText === undefined ? undefined : /^(\d{4})Q([1-4])$/.exec(quarterText);
  if (quarter === null) fail('--quarter skrivs t.ex. 2025Q3.');
  const encoding = option('encoding');
  if (encoding !== undefined && !['utf-8', 'latin-1', 'utf-16'].includes(encoding))
    fail('--encoding är utf-8, latin-1 (även för Windows-1252) eller utf-16.');
  const delimiter = option('delimiter') === 'tab' ? '\t' : option('delimiter');
  if (delimiter !== undefined && ![';', ',', '\t'].includes(delimiter)) fail("--delimiter är ';', ',' eller tab.");
  const threads = option('threads') === undefined ? undefined : Number(option('threads'));
  if (threads !== undefined && !(Number.isInteger(threads) && threads >= 1)) fail('--threads är ett heltal, minst 1.');
  let mappings: MappingStore = {};
  const mappingFile = option('mapping');
  if (mappingFile) {
    try {
      mappings = JSON.parse(readFileSync(mappingFile, 'utf8')) as MappingStore;
    } catch (error) {
      fail(`kolumnmappningen ${mappingFile} kan inte läsas: ${(error as Error).message}`);
    }
  }
  return {
    files,
    asOf,
    quarterStart: quarter ? `${quarter[1]}-${String(Number(quarter[2]) * 3 - 2).padStart(2, '0')}-01` : undefined,
    units: option('units')
      ?.split(',')
      .map((u) => u.trim()),
    fromMonth: month('from'),
    toMonth: month('to'),
    periodFrom: Number(period[1]),
    periodTo: Number(period[2]),
    mappings,
    delimiter,
    encoding: encoding as CsvEncoding | undefined,
    threads,
  };
}
