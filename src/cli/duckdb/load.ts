/**
 * CSV files → the SQL's input tables (`utredningar_rad` …) in DuckDB. The header is recognised
 * with the app's own rules (canonical names, synonyms, or a saved column mapping); DuckDB's
 * `read_csv` then reads every row as text with an explicit dialect, and the SQL types and checks it.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import {
  applyMapping,
  DATASETS,
  headerSignature,
  recognizeDataset,
  type ColumnAssignment,
  type DatasetKind,
  type FieldKind,
} from '../../import/datasets';
import type { MappingStore } from '../../import/importFile';
import { looksLikeWorkbook } from '../../import/magic';
import { parseCsv } from '../../import/parse';

/** Encodings DuckDB's CSV reader decodes itself. Windows-1252 is read as latin-1 (same for å, ä, ö). */
export type CsvEncoding = 'utf-8' | 'latin-1' | 'utf-16';

export interface CsvDialect {
  /** `;`, `,` or tab; by default the one that splits the header into most fields, as the app does. */
  delimiter?: string;
  /** By default: UTF-16 with a BOM, else UTF-8 if the whole file is valid UTF-8, else latin-1. */
  encoding?: CsvEncoding;
}

export interface LoadedCsv {
  path: string;
  file: string;
  dataset: DatasetKind;
  delimiter: string;
  encoding: CsvEncoding;
  /** The encoding as the app's reconciliation names it (`windows-1252`, `utf-16le` …). */
  encodingName: string;
  /** Rows the CSV reader could not split into the header's fields (rejected, as by the app). */
  unreadable: number;
  /** Canonical fields the file has. */
  present: string[];
  /** SELECT of the file's rows as the dataset's canonical columns plus `radordning`. */
  rows: string;
}

/** Thrown with a Swedish message when a file cannot be read as one of the four extracts, or an option is wrong. */
export class ReportInputError extends Error {}

const ALL_DATASETS = Object.keys(DATASETS) as DatasetKind[];

/** Bytes at the start of a file: enough for a header line. */
function head(path: string, length = 65536): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const buffer = new Uint8Array(length);
    const read = readSync(fd, buffer, 0, length, 0);
    return buffer.subarray(0, read);
  } catch {
    throw new ReportInputError(`filen ${path} kan inte läsas.`);
  } finally {
    closeSync(fd);
  }
}

function detectEncoding(path: string, start: Uint8Array): CsvEncoding {
  if (start.length >= 2 && ((start[0] === 0xff && start[1] === 0xfe) || (start[0] === 0xfe && start[1] === 0xff)))
    return 'utf-16';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(path));
    return 'utf-8';
  } catch {
    return 'latin-1';
  }
}

/** Header fields, delimiter and whether an Excel `sep=` line comes first, from the file's start. */
function readHeader(
  start: Uint8Array,
  encoding: CsvEncoding,
  delimiter: string | undefined,
): { header: string[]; delimiter: string; skip: number } {
  // Node's TextDecoder names latin-1 as the WHATWG standard does: windows-1252.
  const label =
    encoding === 'utf-16'
      ? start[0] === 0xff
        ? 'utf-16le'
        : 'utf-16be'
      : encoding === 'latin-1'
        ? 'windows-1252'
        : encoding;
  const text = new TextDecoder(label).decode(start).replace(/^\ufeff/, '');
  const skip = /^"?sep=.?"?\r?\n/i.test(text) ? 1 : 0;
  const lines = text.split(/\r?\n/);
  // The header line (after a `sep=` line); parseCsv detects the delimiter as the app's import does.
  const parsed = parseCsv(lines.slice(0, skip + 1).join('\n') + '\n');
  const chosen = delimiter ?? parsed.delimiter;
  const header = delimiter ? parseCsv(`sep=${delimiter}\n${lines[skip]}\n`).header : parsed.header;
  return { header, delimiter: chosen, skip };
}

/**
 * A column's value as the app's import reads it: dates as ÅÅÅÅ-MM-DD (dateText), and every
 * personnummer hidden as the import hides it: a pseudonym in key columns (ids, person key),
 * `ÅÅMMDD-XXXX` in text and category columns. The functions are the app's own (registered in
 * sqlReport.ts); only values with ten digits reach the personnummer ones.
 */
function asImported(column: string, kind: FieldKind): string {
  if (kind === 'date') return dateText(column);
  // An empty kön is '' (a warning), not NULL as in a file without the column.
  if (kind === 'sex') return `COALESCE(${column}, '')`;
  if (kind === 'integer') return column;
  const fn = kind === 'id' || kind === 'ref' || kind === 'person' ? 'insyn_pseudonym' : 'insyn_maskera';
  return `CASE WHEN LENGTH(${column}) - LENGTH(TRANSLATE(${column}, '0123456789', '')) >= 10 THEN ${fn}(${column}) ELSE ${column} END`;
}

/**
 * A date column as the SQL reads it, `ÅÅÅÅ-MM-DD`: a value already written so is passed on, any
 * other goes through the app's own date reader (`insyn_datum`, registered in sqlReport.ts):
 * `31/1/2025`, `20250131`, `2025-01-31 00:00`, an instant with an offset as its date in Stockholm;
 * an impossible one becomes text the SQL rejects, as the app rejects the row.
 */
function dateText(column: string): string {
  return `CASE WHEN LENGTH(${column}) = 10 AND SUBSTR(${column}, 5, 1) = '-' AND SUBSTR(${column}, 8, 1) = '-' THEN ${column} ELSE insyn_datum(${column}) END`;
}

const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;
const ident = (text: string) => `"${text.replace(/"/g, '""')}"`;

/**
 * Reads one CSV file into a temporary table of text columns (`fil_<order>`). `order` is the file's
 * place among the files (earlier files win duplicate ids). Rows DuckDB cannot split into the
 * header's field count are skipped, as the app rejects them.
 */
export async function loadCsv(
  connection: DuckDBConnection,
  path: string,
  order: number,
  mappings: MappingStore = {},
  dialect: CsvDialect = {},
): Promise<LoadedCsv> {
  const file = basename(path);
  const start = head(path);
  if (start.length === 0) throw new ReportInputError(`Filen ${file} är tom.`);
  if (looksLikeWorkbook(start))
    throw new ReportInputError(
      `${file} är en arbetsbok (.xlsx, .xls eller .ods), inte en CSV-fil. DuckDB-motorn läser bara CSV: spara bladet som CSV, eller kör utan --engine duckdb (appens motor läser .xlsx).`,
    );
  const encoding = dialect.encoding ?? detectEncoding(path, start);
  const { header, delimiter, skip } = readHeader(start, encoding, dialect.delimiter);
  if (header.length < 2)
    throw new ReportInputError(`Filen ${file} ser inte ut som en CSV-fil: rubrikraden har bara en kolumn.`);
  const mapping = mappings[headerSignature(header)];
  let dataset: DatasetKind;
  let columns: ColumnAssignment;
  if (mapping) {
    const applied = applyMapping(mapping, header);
    if (!applied) throw new ReportInputError(`Kolumnmappningen för ${file} pekar på kolumner som saknas i filen.`);
    dataset = mapping.dataset;
    columns = applied;
  } else {
    const recognition = recognizeDataset(header);
    if (recognition.status === 'unknown')
      throw new ReportInputError(
        `rubrikerna i ${path} känns inte igen (${header.join(', ')}). Bekräfta en kolumnmappning i appen, spara den och ange filen med --mapping.`,
      );
    dataset = recognition.dataset;
    columns = recognition.columns;
  }
  const fileColumns = header.map((_, i) => `'c${i}': 'VARCHAR'`).join(', ');
  const fields = DATASETS[dataset].fields;
  const select = fields
    .map((f) => `${f.key in columns ? asImported(`c${columns[f.key]}`, f.kind) : 'NULL'} AS ${ident(f.key)}`)
    .join(', ');
  const table = `fil_${order}`;
  // The rowid of a table created in one statement follows the file's line order.
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE ${table} AS SELECT * FROM read_csv(${quote(path)},
       delim = ${quote(delimiter)}, header = true, skip = ${skip}, quote = '"', escape = '"',
       encoding = ${quote(encoding)}, auto_detect = false, columns = {${fileColumns}},
       ignore_errors = true, null_padding = false,
       store_rejects = true, rejects_table = 'avvisade_${order}', rejects_scan = 'skanning_${order}')`,
  );
  const [{ n }] = (
    await connection.runAndReadAll(`SELECT COUNT(DISTINCT line) AS n FROM avvisade_${order}`)
  ).getRowObjectsJS() as { n: bigint }[];
  const encodingName =
    encoding === 'latin-1'
      ? 'windows-1252'
      : encoding === 'utf-16'
        ? start[0] === 0xff
          ? 'utf-16le'
          : 'utf-16be'
        : encoding;
  return {
    path,
    file,
    dataset,
    delimiter,
    encoding,
    encodingName,
    unreadable: Number(n),
    present: fields.filter((f) => f.key in columns).map((f) => f.key),
    rows: `SELECT ${select}, CAST(${order} AS BIGINT) * 10000000000 + rowid AS radordning FROM ${table}`,
  };
}

/**
 * The SQL's input: `utredningar_rad`, `forlangningar_rad`, `beslut_rad`, `orosanmalningar_rad`,
 * each the union of its files' rows (every canonical column as text, plus `radordning`), or an
 * empty table when no file of the dataset was given.
 */
export async function createInputTables(connection: DuckDBConnection, loaded: readonly LoadedCsv[]): Promise<void> {
  for (const kind of ALL_DATASETS) {
    const files = loaded.filter((f) => f.dataset === kind);
    if (files.length > 0) {
      await connection.run(`CREATE OR REPLACE VIEW ${kind}_rad AS ${files.map((f) => f.rows).join(' UNION ALL ')}`);
    } else {
      const columns = DATASETS[kind].fields.map((f) => `${ident(f.key)} VARCHAR`).join(', ');
      await connection.run(`CREATE OR REPLACE TABLE ${kind}_rad (${columns}, radordning BIGINT)`);
    }
  }
}
