/**
 * What an import reports, as records: one problem per odd value or file, and per file the rows read,
 * accepted and rejected. import/ makes them; the pages, the CLI and the CSV writers (exports.ts) read them.
 */
import type { DatasetName } from '../kpi/publishedPackage';

/** A text encoding a CSV is read in. */
export type Encoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

/** How a file was read: a text encoding, or `xlsx` for a workbook's sheet. */
export type FileFormat = Encoding | 'xlsx';

/** Problem codes of the date pairs that warn instead of rejecting (see `FieldSpec.ignoredBefore`). */
export type DateWarningCode = 'interruption-before-execution' | 'protective-before-receipt';

/** Stable problem codes, for tests and for grouping in the UI. */
export type ProblemCode =
  | 'invalid-date'
  | 'missing-value'
  | 'end-before-start'
  | 'duplicate-id'
  | 'after-as-of'
  | 'field-count'
  | 'quotes'
  | 'not-csv'
  // A workbook that is no readable .xlsx (.xls, .ods, damaged …).
  | 'not-workbook'
  // A file-level warning: the workbook has more sheets than the one read.
  | 'unread-sheets'
  | 'empty-file'
  | 'unknown-dataset'
  | 'missing-mapping'
  | 'too-many-columns'
  | 'duplicate-row'
  // A file-level warning: part of the text was not valid in the encoding it started in.
  | 'mixed-encoding'
  // The user cancelled the load (Avbryt): nothing of the file was kept.
  | 'cancelled'
  | 'unknown-investigation'
  // Warnings (severity `varning`): the row counts, the one value is ignored.
  | 'age-out-of-range'
  | 'age-not-a-number'
  | 'sex-unknown'
  | DateWarningCode;

/** `avvisad`: the row counts nowhere; `varning`: the row counts, one optional field is ignored. */
export type Severity = 'avvisad' | 'varning';

export interface Problem {
  file: string;
  /** 1-based line in the file; 0 for a problem with the whole file. */
  line: number;
  column: string;
  value: string;
  code: ProblemCode;
  severity: Severity;
  message: string;
}

/** Per file: rows read = accepted + rejected. */
export interface FileReconciliation {
  file: string;
  dataset: DatasetName;
  encoding: FileFormat;
  delimiter: string;
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
  /** Accepted rows with at least one `varning` (among `rowsAccepted`). */
  rowsWithWarning: number;
}

const DELIMITER_NAMES: Record<string, string> = { ';': 'semikolon', ',': 'komma', '\t': 'tabb', '': '–' };

/** Swedish name of a delimiter. @example delimiterName(';') // 'semikolon' */
export function delimiterName(delimiter: string): string {
  return DELIMITER_NAMES[delimiter] ?? delimiter;
}
