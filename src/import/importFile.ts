/**
 * One file's way in: decode → parse → recognise the dataset (or apply a remembered mapping)
 * → validate into a typed table. A file that cannot be read at all yields one problem and no table.
 */
import { formatCount } from '../format/number';
import { decodeCsvBytes, type Encoding } from './decode';
import {
  applyMapping,
  DATASETS,
  headerSignature,
  recognizeDataset,
  type ColumnAssignment,
  type DatasetKind,
  type SavedMapping,
} from './datasets';
import { parseCsv } from './parse';
import type { Table } from './table';
import { validateRecords, type MaskedColumn, type Problem } from './validate';

export interface LoadedFile {
  status: 'loaded';
  file: string;
  dataset: DatasetKind;
  encoding: Encoding;
  delimiter: string;
  table: Table;
  problems: Problem[];
  rowsRead: number;
  /** Rows with an `avvisad` problem. */
  rowsRejected: number;
  /** Accepted rows with at least one `varning` (they are among the accepted). */
  rowsWithWarning: number;
  /** Per column, how many values held a personnummer and were pseudonymised or masked. */
  masked: MaskedColumn[];
}

export interface FileNeedingMapping {
  status: 'needs-mapping';
  file: string;
  header: string[];
  signature: string;
  guess: DatasetKind | null;
  /** Field → column name, as far as the header matched the guessed dataset. */
  suggested: Record<string, string>;
}

export interface FailedFile {
  status: 'failed';
  file: string;
  problem: Problem;
}

export type FileImport = LoadedFile | FileNeedingMapping | FailedFile;

/** The steps of an import, as the progress bar names them. */
export type ImportStep = 'avkodar' | 'tolkar' | 'kontrollerar';
const STEP_SHARE: Record<ImportStep, [number, number]> = {
  avkodar: [0, 0.05],
  tolkar: [0.05, 0.55],
  kontrollerar: [0.55, 1],
};

/** Overall fraction of one file's import from its step and the step's own fraction. */
export function importFraction(step: ImportStep, fraction: number): number {
  const [from, to] = STEP_SHARE[step];
  return from + (to - from) * fraction;
}

/** Remembered mappings by header signature (the form the app stores and `--mapping` reads). */
export type MappingStore = Record<string, SavedMapping>;

const DELIMITER_NAMES: Record<string, string> = { ';': 'semikolon', ',': 'komma', '\t': 'tabb' };

/** Swedish name of a delimiter. @example delimiterName(';') // 'semikolon' */
export function delimiterName(delimiter: string): string {
  return DELIMITER_NAMES[delimiter] ?? delimiter;
}

/** More columns than any extract has; a wider header is refused before parsing (100 000 columns took 7 s). */
export const MAX_COLUMNS = 1000;

/**
 * Columns of the header line — the first non-empty line after an optional `sep=` line — counted
 * without parsing the file: one more than the most frequent delimiter outside quotes.
 * @example headerColumnCount('sep=;\r\n\r\na;b;"c;d"\n1;2;3\n') // 3
 */
export function headerColumnCount(text: string): number {
  const start = /^\uFEFF?(?:"?sep=.+"?(?:\r\n|\r|\n))?(?:[ \t]*(?:\r\n|\r|\n))*/i.exec(text)?.[0].length ?? 0;
  const counts: Record<string, number> = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (let i = start; i < text.length; i++) {
    const char = text[i];
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char in counts) counts[char]++;
  }
  return 1 + Math.max(...Object.values(counts));
}

function failed(file: string, code: Problem['code'], message: string): FailedFile {
  return {
    status: 'failed',
    file,
    problem: { file, line: 0, column: '', value: '', code, severity: 'avvisad', message },
  };
}

/**
 * Imports one file. `mappings` are the user's confirmed mappings; `forced` applies a mapping to
 * this file even if its header is recognised (used right after the user confirms one).
 */
export function importFile(
  bytes: Uint8Array,
  file: string,
  mappings: MappingStore = {},
  forced?: SavedMapping,
  onProgress?: (step: ImportStep, fraction: number) => void,
): FileImport {
  onProgress?.('avkodar', 0);
  const decoded = decodeCsvBytes(bytes);
  if (!decoded.ok) {
    return decoded.reason === 'empty'
      ? failed(file, 'empty-file', `Filen ${file} är tom. Inget har ändrats.`)
      : failed(
          file,
          'not-csv',
          `Filen ${file} är ingen textfil (CSV). Spara den som "CSV (semikolonavgränsad)" och försök igen. Inget har ändrats.`,
        );
  }
  const columnCount = headerColumnCount(decoded.text);
  if (columnCount > MAX_COLUMNS) {
    return failed(
      file,
      'too-many-columns',
      `Filen ${file} har ${formatCount(columnCount)} kolumner i rubrikraden; högst ${formatCount(MAX_COLUMNS)} kan läsas. ` +
        'Kontrollera att det är rätt fil och att den är sparad som CSV. Inget har ändrats.',
    );
  }
  onProgress?.('tolkar', 0);
  const parsed = parseCsv(decoded.text);
  if (parsed.header.length < 2) {
    return failed(
      file,
      'not-csv',
      `Filen ${file} ser inte ut som en CSV-fil: rubrikraden har bara en kolumn. Inget har ändrats.`,
    );
  }
  const signature = headerSignature(parsed.header);
  const mapping = forced ?? mappings[signature];
  let dataset: DatasetKind;
  let columns: ColumnAssignment;
  if (mapping) {
    const applied = applyMapping(mapping, parsed.header);
    if (!applied)
      return failed(file, 'missing-mapping', `Kolumnmappningen för ${file} pekar på kolumner som saknas i filen.`);
    dataset = mapping.dataset;
    columns = applied;
  } else {
    const recognition = recognizeDataset(parsed.header);
    if (recognition.status === 'unknown') {
      const suggested: Record<string, string> = {};
      for (const [field, index] of Object.entries(recognition.columns)) suggested[field] = parsed.header[index];
      return { status: 'needs-mapping', file, header: parsed.header, signature, guess: recognition.guess, suggested };
    }
    dataset = recognition.dataset;
    columns = recognition.columns;
  }
  const result = validateRecords(parsed, dataset, columns, file, (fraction) => onProgress?.('kontrollerar', fraction));
  return { status: 'loaded', file, dataset, encoding: decoded.encoding, delimiter: parsed.delimiter, ...result };
}

/** Required fields of a dataset that a mapping leaves unassigned. */
export function missingRequiredFields(mapping: SavedMapping): string[] {
  return DATASETS[mapping.dataset].fields.filter((f) => f.required && !mapping.columns[f.key]).map((f) => f.label);
}
