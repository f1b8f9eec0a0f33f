/**
 * Rules across the loaded files, at an as-of date: which rows count. A row with an event date after
 * the as-of date is rejected (`after-as-of`) and counts nowhere; duplicates were rejected when the
 * dataset's files were merged (store.ts); extension decisions join onto the accepted
 * investigations. The reconciliation says per file: rows read = accepted + rejected.
 */
import { isoDate, joinExtensions, mergeRowExtensions, NO_DATE, type DayNumber } from '../kpi';
import { DATASETS, type DatasetKind } from './datasets';
import type { Encoding } from './decode';
import type { LoadedFile } from './importFile';
import type { MergedDataset } from './store';
import { dateColumn, textColumn, type Table } from './table';
import { filterRows, type Problem } from './validate';

/** Per file: rows read = accepted + rejected. */
export interface FileReconciliation {
  file: string;
  dataset: DatasetKind;
  encoding: Encoding;
  delimiter: string;
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
}

/** Event dates of a dataset: every date field except planned ones (`forlangd_till`). */
export function eventDateFields(kind: DatasetKind): string[] {
  return DATASETS[kind].fields.filter((f) => f.kind === 'date' && !f.planned).map((f) => f.key);
}

/** The latest event date of a merged dataset's rows; NO_DATE when it has none. */
export function latestEventDate(kind: DatasetKind, merged: MergedDataset): DayNumber {
  let latest = NO_DATE;
  for (const key of eventDateFields(kind)) {
    const column = merged.table.dates[key];
    if (!column) continue;
    for (let i = 0; i < column.length; i++) if (column[i] > latest) latest = column[i];
  }
  return latest;
}

/** Which rows of a merged dataset have no event date after the as-of date, and a problem for each that has. */
export interface AfterAsOf {
  keep: Uint8Array;
  problems: Problem[];
}

/**
 * Rows with an event date after the as-of date, as `avvisad` problems: they are excluded from every
 * figure computed at that as-of date and counted as rejected in the reconciliation.
 */
export function rowsAfterAsOf(kind: DatasetKind, merged: MergedDataset | null, asOf: DayNumber): AfterAsOf {
  if (!merged) return { keep: new Uint8Array(0), problems: [] };
  const { table } = merged;
  const keep = new Uint8Array(table.count).fill(1);
  const problems: Problem[] = [];
  for (const key of eventDateFields(kind)) {
    const column = table.dates[key];
    if (!column) continue;
    const field = DATASETS[kind].fields.find((f) => f.key === key);
    for (let i = 0; i < table.count; i++) {
      if (keep[i] && column[i] !== NO_DATE && column[i] > asOf) {
        keep[i] = 0;
        problems.push({
          file: table.files[table.fileIndex[i]],
          line: table.line[i],
          column: field?.label ?? key,
          value: isoDate(column[i]),
          code: 'after-as-of',
          severity: 'avvisad',
          message: `${field?.label ?? key} ${isoDate(column[i])} ligger efter uttagsdatum ${isoDate(asOf)}; raden räknas inte.`,
        });
      }
    }
  }
  return { keep, problems };
}

/** The rows of a merged dataset that count at the as-of date. */
export function acceptedRows(merged: MergedDataset, afterAsOf: AfterAsOf): Table {
  return filterRows(merged.table, afterAsOf.keep);
}

/**
 * Per file: rows read, accepted and rejected, where rejected counts the file's `avvisad` problems
 * (its own, and the cross-file ones: duplicates and rows after the as-of date); and every problem,
 * by file and line. Warnings (`varning`) are among the accepted rows.
 */
export function reconcile(
  files: readonly LoadedFile[],
  crossFileProblems: readonly Problem[],
): { files: FileReconciliation[]; problems: Problem[] } {
  const problems: Problem[] = [];
  for (const file of files) problems.push(...file.problems);
  problems.push(...crossFileProblems);
  const rejectedByFile = new Map<string, number>();
  for (const p of problems)
    if (p.severity === 'avvisad') rejectedByFile.set(p.file, (rejectedByFile.get(p.file) ?? 0) + 1);
  const reconciled = files.map((f) => {
    const rejected = rejectedByFile.get(f.file) ?? 0;
    return {
      file: f.file,
      dataset: f.dataset,
      encoding: f.encoding,
      delimiter: f.delimiter,
      rowsRead: f.rowsRead,
      rowsAccepted: f.rowsRead - rejected,
      rowsRejected: rejected,
    };
  });
  problems.sort((a, b) => a.file.localeCompare(b.file, 'sv') || a.line - b.line);
  return { files: reconciled, problems };
}

/** Extension decisions joined onto the accepted investigations, and where they came from. */
export interface JoinedExtensions {
  /** Per investigation the earliest extension decision, NO_DATE when none. */
  firstExtension: Int32Array;
  /** Per investigation the latest `forlangd_till`, NO_DATE when none. */
  extendedTo: Int32Array;
  /** Extension decisions whose investigation id is not in the file. */
  orphans: number;
  /** A förlängningar file, extension columns on the investigation rows, or none. */
  source: 'fil' | 'utredningsfilen' | 'saknas';
}

/**
 * Joins the extensions that count at the as-of date onto the accepted investigations: the accepted
 * rows of a förlängningar file (`extensions`, null when none is loaded), and extension columns on
 * the investigation rows; both are merged when both exist.
 */
export function joinedExtensions(investigations: Table, extensions: Table | null, asOf: DayNumber): JoinedExtensions {
  const inline = investigations.dates.forlangning_beslutsdatum;
  if (extensions) {
    const joined = joinExtensions(
      textColumn(investigations, 'utredning_id'),
      {
        count: extensions.count,
        investigationId: textColumn(extensions, 'utredning_id'),
        decided: dateColumn(extensions, 'beslutsdatum'),
        extendedTo: dateColumn(extensions, 'forlangd_till'),
      },
      asOf,
    );
    if (inline) mergeRowExtensions(joined, inline, dateColumn(investigations, 'forlangd_till'));
    return {
      firstExtension: joined.firstExtension,
      extendedTo: joined.extendedTo,
      orphans: joined.orphanRows.length,
      source: 'fil',
    };
  }
  if (inline)
    return {
      firstExtension: inline,
      extendedTo: dateColumn(investigations, 'forlangd_till'),
      orphans: 0,
      source: 'utredningsfilen',
    };
  return {
    firstExtension: new Int32Array(investigations.count).fill(NO_DATE),
    extendedTo: new Int32Array(investigations.count).fill(NO_DATE),
    orphans: 0,
    source: 'saknas',
  };
}
