/**
 * One file's way in: decode → parse → recognise the dataset (or apply a remembered mapping)
 * → validate into a typed table. A file that cannot be read at all yields one problem and no table.
 * An Excel workbook (.xlsx) takes the same way from its first visible sheet: `importAnyFile` sees
 * its bytes and loads the workbook reader (`xlsx.ts`, a chunk of its own) only then.
 */
import { formatCount } from '../format/number';
import { maskPersonnummer } from '../format/personnummer';
import type { Encoding, FileFormat, Problem } from '../format/importRecords';
import { createCsvDecoder, decodeCsvBytes } from './decode';
import {
  applyMapping,
  DATASETS,
  headerSignature,
  recognizeDataset,
  type ColumnAssignment,
  type DatasetKind,
  type SavedMapping,
} from './datasets';
import { headerColumnCount } from './delimiters';
import { looksLikeWorkbook } from './magic';
import { createCsvReader, type CsvReader, type ParsedCsv } from './parse';
import { createRowValidator, type RowValidator, type ValidationResult } from './validate';
import type { SheetRead, WorkbookFailure } from './xlsx';

/** A file read: its table of accepted rows, every problem, and the counts (see `ValidationResult`). */
export interface LoadedFile extends ValidationResult {
  status: 'loaded';
  file: string;
  dataset: DatasetKind;
  encoding: FileFormat;
  /** The CSV's delimiter; empty for a workbook. */
  delimiter: string;
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

/** More columns than any extract has; a wider header is refused before parsing (100 000 columns took 7 s). */
export const MAX_COLUMNS = 1000;

function failed(file: string, code: Problem['code'], message: string): FailedFile {
  return {
    status: 'failed',
    file,
    problem: { file, line: 0, column: '', value: '', code, severity: 'avvisad', message },
  };
}

function notText(file: string): FailedFile {
  return failed(
    file,
    'not-csv',
    `Filen ${file} är ingen textfil (CSV). Spara den som "CSV (semikolonavgränsad)" och försök igen. Inget har ändrats.`,
  );
}

/** Rows between two progress reports of `importFile`. */
const ROWS_PER_REPORT = 0x10000;
/** Text handed to the CSV reader at a time by `importFile`, so its progress can say how far it is. */
const TEXT_SLICE = 1 << 22;

/**
 * Reads one file's decoded text as it arrives: the header decides the dataset (or that the file
 * needs a mapping, or cannot be read), then every record goes straight to the row validator, so
 * no row is held. `outcome` is set as soon as reading should stop early.
 */
class FileReading {
  outcome: FailedFile | FileNeedingMapping | null = null;
  /** Text before the header, to refuse a too-wide header before the reader splits it. */
  private head: string | null = '';
  private sawText = false;
  private rows: RowValidator | null = null;
  private dataset: DatasetKind | null = null;
  private readonly reader: CsvReader;

  constructor(
    private readonly file: string,
    private readonly mappings: MappingStore,
    private readonly forced: SavedMapping | undefined,
    /** Called before the first row and every ROWS_PER_REPORT rows after it. */
    private readonly onRows?: (rowsRead: number) => void,
  ) {
    this.reader = createCsvReader({
      onHeader: (header, _line, delimiter) => this.start(header, delimiter),
      onRecord: (fields, line, quoteError) => this.add(fields, line, quoteError),
      onLine: (text, from, to, line) => this.addLine(text, from, to, line),
    });
  }

  private addLine(text: string, from: number, to: number, line: number): boolean {
    const rows = this.rows;
    if (!rows) return false;
    if (this.onRows && (rows.rowsRead & (ROWS_PER_REPORT - 1)) === 0) this.onRows(rows.rowsRead);
    return rows.addLine(text, from, to, line);
  }

  private add(fields: string[], line: number, quoteError: string | undefined): void {
    const rows = this.rows;
    if (!rows) return;
    if (this.onRows && (rows.rowsRead & (ROWS_PER_REPORT - 1)) === 0) this.onRows(rows.rowsRead);
    rows.add(fields, line, quoteError);
  }

  get rowsRead(): number {
    return this.rows?.rowsRead ?? 0;
  }

  /** Prepares the validator for about this many rows in all. */
  reserve(rows: number): void {
    this.rows?.reserve(rows);
  }

  /** Reads the next piece of text, unless reading has stopped. */
  push(text: string): void {
    if (this.outcome || text === '') return;
    if (!this.sawText) this.sawText = /\S/.test(text);
    if (this.head !== null) {
      this.head += text;
      const columnCount = headerColumnCount(this.head);
      if (columnCount > MAX_COLUMNS) {
        this.outcome = tooManyColumns(this.file, columnCount);
        return;
      }
    }
    this.reader.push(text);
  }

  /**
   * Reads a worksheet's rows instead of text (`readSheet` gives them as the CSV reader would,
   * each with its spreadsheet row number); the file's outcome. The validator echoes rows
   * joined by `;`, as in a semicolon CSV.
   */
  readSheet(parsed: ParsedCsv): FileImport {
    this.head = null;
    if (parsed.header.length > MAX_COLUMNS) return tooManyColumns(this.file, parsed.header.length);
    this.start(parsed.header, parsed.delimiter);
    if (this.outcome) return this.outcome;
    for (const record of parsed.records) this.add(record.fields, record.line, undefined);
    if (!this.rows || !this.dataset) return oneColumn(this.file);
    return {
      status: 'loaded',
      file: this.file,
      dataset: this.dataset,
      encoding: 'xlsx',
      delimiter: '',
      ...this.rows.finish(),
    };
  }

  /** Ends the text; the file's outcome. */
  finish(encoding: Encoding): FileImport {
    if (!this.outcome) this.reader.finish();
    if (this.outcome) return this.outcome;
    if (!this.sawText) return failed(this.file, 'empty-file', `Filen ${this.file} är tom. Inget har ändrats.`);
    if (!this.rows || !this.dataset) return oneColumn(this.file);
    const result = this.rows.finish();
    const delimiter = this.reader.delimiter ?? ';';
    return { status: 'loaded', file: this.file, dataset: this.dataset, encoding, delimiter, ...result };
  }

  private start(header: string[], delimiter: string): void {
    this.head = null;
    if (this.outcome) return;
    if (header.length < 2) {
      this.outcome = oneColumn(this.file);
      return;
    }
    const signature = headerSignature(header);
    const mapping = this.forced ?? this.mappings[signature];
    let columns: ColumnAssignment;
    if (mapping) {
      const applied = applyMapping(mapping, header);
      if (!applied) {
        this.outcome = failed(
          this.file,
          'missing-mapping',
          `Kolumnmappningen för ${this.file} pekar på kolumner som saknas i filen.`,
        );
        return;
      }
      this.dataset = mapping.dataset;
      columns = applied;
    } else {
      const recognition = recognizeDataset(header);
      if (recognition.status === 'unknown') {
        const suggested: Record<string, string> = {};
        for (const [field, index] of Object.entries(recognition.columns)) suggested[field] = header[index];
        this.outcome = {
          status: 'needs-mapping',
          file: this.file,
          header,
          signature,
          guess: recognition.guess,
          suggested,
        };
        return;
      }
      this.dataset = recognition.dataset;
      columns = recognition.columns;
    }
    this.rows = createRowValidator(header, delimiter, this.dataset, columns, this.file);
  }
}

function tooManyColumns(file: string, columnCount: number): FailedFile {
  return failed(
    file,
    'too-many-columns',
    `Filen ${file} har ${formatCount(columnCount)} kolumner i rubrikraden; högst ${formatCount(MAX_COLUMNS)} kan läsas. ` +
      'Kontrollera att det är rätt fil och att den är sparad som CSV. Inget har ändrats.',
  );
}

function oneColumn(file: string): FailedFile {
  return failed(
    file,
    'not-csv',
    `Filen ${file} ser inte ut som en CSV-fil: rubrikraden har bara en kolumn. Inget har ändrats.`,
  );
}

/**
 * Imports one file held whole. `mappings` are the user's confirmed mappings; `forced` applies a
 * mapping to this file even if its header is recognised (used right after the user confirms one).
 * Records go from the reader straight to the validator (see `importFileStream`).
 * @example importFile(new TextEncoder().encode('utredning_id;startdatum\nU1;2025-01-10\n'), 'a.csv').status // 'loaded'
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
  if (!decoded.ok)
    return decoded.reason === 'empty'
      ? failed(file, 'empty-file', `Filen ${file} är tom. Inget har ändrats.`)
      : notText(file);
  const text = decoded.text;
  onProgress?.('tolkar', 0);
  let at = 0;
  const reading = new FileReading(file, mappings, forced, () => onProgress?.('kontrollerar', at / text.length));
  for (; at < text.length && !reading.outcome; at += TEXT_SLICE) {
    reading.push(text.slice(at, at + TEXT_SLICE));
    // The first slice's rows tell about how many the whole text holds (see `StreamImport`).
    if (at === 0 && text.length > TEXT_SLICE)
      reading.reserve(Math.ceil((1.05 * reading.rowsRead * text.length) / TEXT_SLICE));
  }
  return reading.finish(decoded.encoding);
}

/**
 * Imports one worksheet as `importFile` imports a CSV: `read` is what `readSheet` (xlsx.ts) gave
 * for the file's bytes. A workbook that cannot be read (an .xls, .ods, a damaged file …) yields its
 * reader's message, naming the file. When the workbook has more sheets than the one read, a
 * file-level warning (line 0) says which one was read.
 * @example importSheet(readSheet(bytes), 'utredningar.xlsx').status // 'loaded'
 */
export function importSheet(
  read: SheetRead | WorkbookFailure,
  file: string,
  mappings: MappingStore = {},
  forced?: SavedMapping,
  onProgress?: (step: ImportStep, fraction: number) => void,
): FileImport {
  if (!read.ok) {
    // Sheet names in the reader's message are the user's text: a personnummer there is masked.
    const text = maskPersonnummer(read.message);
    const message = text.startsWith('Filen ')
      ? `Filen ${file} ${text.slice('Filen '.length)}`
      : `Filen ${file}: ${text}`;
    return failed(file, read.reason === 'empty-sheet' ? 'empty-file' : 'not-workbook', `${message} Inget har ändrats.`);
  }
  const total = read.parsed.records.length;
  onProgress?.('kontrollerar', 0);
  const reading = new FileReading(file, mappings, forced, (rows) => onProgress?.('kontrollerar', rows / total));
  const result = reading.readSheet(read.parsed);
  if (result.status !== 'loaded' || read.sheets.length < 2) return result;
  const others = read.sheets.length - 1;
  const sheet = maskPersonnummer(read.sheet);
  const message =
    `Arbetsboken ${file} har ${formatCount(read.sheets.length)} blad; bara bladet ”${sheet}” lästes ` +
    `(${others === 1 ? 'det andra bladet' : `de ${formatCount(others)} andra bladen`} lästes inte). ` +
    'Spara ett blad som egen fil för att läsa det.';
  return {
    ...result,
    problems: [
      { file, line: 0, column: '', value: sheet, code: 'unread-sheets', severity: 'varning', message },
      ...result.problems,
    ],
  };
}

/**
 * `importFile` for any file the user gives: a CSV is imported at once; bytes that start as a zip
 * or an OLE2 file load the workbook reader (a chunk of its own, fetched once) and import the
 * first visible sheet of an .xlsx, or say clearly what else the file is (.xls, .ods …).
 * @example (await importAnyFile(xlsxBytes, 'utredningar.xlsx')).status // 'loaded'
 */
export async function importAnyFile(
  bytes: Uint8Array,
  file: string,
  mappings: MappingStore = {},
  forced?: SavedMapping,
  onProgress?: (step: ImportStep, fraction: number) => void,
): Promise<FileImport> {
  if (!looksLikeWorkbook(bytes)) return importFile(bytes, file, mappings, forced, onProgress);
  onProgress?.('avkodar', 0);
  const { readSheet } = await import('./xlsx');
  onProgress?.('tolkar', 0);
  return importSheet(readSheet(bytes), file, mappings, forced, onProgress);
}

/** How far `importFileStream` has read. */
export interface StreamProgress {
  bytesRead: number;
  totalBytes: number;
  /** Records read after the header (accepted and rejected). */
  rows: number;
}

/** An import stopped by its AbortSignal: nothing of it is kept. */
export interface CancelledFile {
  status: 'cancelled';
  file: string;
}

/**
 * Imports one file read in chunks (`File.stream()` in the worker, a Node read stream in the CLI):
 * bytes → streaming decoder → chunked CSV reader → row validator, so neither the file's text nor
 * its rows are ever held, only the growing typed columns. Reading stops as soon as the header shows
 * the file needs a mapping or cannot be read. Progress is reported after every chunk. When
 * `signal` aborts, reading stops after the chunk in hand and the result is `cancelled`; the import
 * never touches files loaded before, so they stay as they were.
 * Gives the same result as `importFile` on the same bytes, except that a file whose encoding
 * changes after its first 64 kB of non-ASCII text keeps its encoding, with a warning (line 0).
 * @example await importFileStream([bytes.subarray(0, 10), bytes.subarray(10)], 'a.csv', bytes.length) // as importFile(bytes, 'a.csv')
 */
export async function importFileStream(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  file: string,
  totalBytes: number,
  mappings: MappingStore = {},
  forced?: SavedMapping,
  onProgress?: (progress: StreamProgress) => void,
  signal?: AbortSignal,
): Promise<FileImport | CancelledFile> {
  const cancelled: CancelledFile = { status: 'cancelled', file };
  if (signal?.aborted) return cancelled;
  const reading = new StreamImport(file, mappings, forced, totalBytes);
  let bytesRead = 0;
  for await (const chunk of chunks) {
    if (signal?.aborted) return cancelled;
    bytesRead += chunk.length;
    const outcome = reading.push(chunk);
    if (outcome) return outcome;
    onProgress?.({ bytesRead, totalBytes, rows: reading.rowsRead });
  }
  if (signal?.aborted) return cancelled;
  return reading.finish();
}

/**
 * One file's import fed chunk by chunk, synchronously (`importFileStream` is the async loop over
 * it; the CLI feeds it from `readSync`): bytes → streaming decoder → chunked CSV reader → row
 * validator. `push` returns the outcome as soon as reading should stop early, else null.
 * @example const s = new StreamImport('a.csv'); s.push(bytes) ?? s.finish() // as importFile(bytes, 'a.csv')
 */
export class StreamImport {
  private readonly decoder = createCsvDecoder();
  private readonly reading: FileReading;
  private bytesRead = 0;
  private reserved = false;

  constructor(
    private readonly file: string,
    mappings: MappingStore = {},
    forced?: SavedMapping,
    /** The file's size, when known: once rows have been read, it tells about how many will come. */
    private readonly totalBytes = 0,
  ) {
    this.reading = new FileReading(file, mappings, forced);
  }

  /** Records read so far after the header. */
  get rowsRead(): number {
    return this.reading.rowsRead;
  }

  /** Reads the next bytes (the caller may reuse its buffer afterwards); the outcome if reading stops here. */
  push(chunk: Uint8Array): FileImport | null {
    this.reading.push(this.decoder.push(chunk));
    if (this.decoder.binary) return notText(this.file);
    this.bytesRead += chunk.length;
    if (!this.reserved && this.totalBytes > this.bytesRead && this.rowsRead > 0) {
      this.reserved = true;
      // A twentieth more: one row too few would double every column at the very end.
      this.reading.reserve(Math.ceil((1.05 * this.rowsRead * this.totalBytes) / this.bytesRead));
    }
    return this.reading.outcome;
  }

  /** Ends the file: its outcome. */
  finish(): FileImport {
    const { decoder, reading, file } = this;
    reading.push(decoder.finish());
    if (decoder.binary) return notText(file);
    const result = reading.finish(decoder.encoding ?? 'utf-8');
    if (result.status !== 'loaded' || !decoder.lossy) return result;
    const message =
      `Filen ${file} byter teckenkodning efter början; tecken som inte kunde läsas visas som "\uFFFD". ` +
      'Spara filen som CSV UTF-8 och läs in den igen för att få dem rätt.';
    return {
      ...result,
      problems: [
        ...result.problems,
        { file, line: 0, column: '', value: '', code: 'mixed-encoding', severity: 'varning', message },
      ],
    };
  }
}

/** Required fields of a dataset that a mapping leaves unassigned. */
export function missingRequiredFields(mapping: SavedMapping): string[] {
  return DATASETS[mapping.dataset].fields.filter((f) => f.required && !mapping.columns[f.key]).map((f) => f.label);
}
