/**
 * Rules across the loaded files, at an as-of date: which rows count. A row with an event date after
 * the as-of date is rejected (`after-as-of`) and counts nowhere; duplicates were rejected when the
 * dataset's files were merged (store.ts); an extension decision for an investigation in no loaded
 * file is rejected (`unknown-investigation`); the others join onto the accepted investigations.
 * The reconciliation says per file: rows read = accepted + rejected, warnings among the accepted.
 */
import { isoDate, joinExtensions, mergeRowExtensions, NO_DATE, rowsById, type DayNumber } from '../kpi';
import { DATASETS, type DatasetKind } from './datasets';
import type { FileReconciliation, Problem } from '../format/importRecords';
import type { LoadedFile } from './importFile';
import type { MergedDataset } from './store';
import { dateColumn, textColumn, type Table } from './table';
import { filterRows } from './keptRows';

/** Event dates of a dataset: every date field except planned ones (`forlangd_till`). */
export function eventDateFields(kind: DatasetKind): string[] {
  return DATASETS[kind].fields.filter((f) => f.kind === 'date' && !f.planned).map((f) => f.key);
}

/** Which rows of a merged dataset are kept by a rule, and a problem for each that is not. */
export interface Rejections {
  keep: Uint8Array;
  problems: Problem[];
}

/**
 * Extension decisions whose `utredning_id` is in no loaded investigation file, as `avvisad`
 * problems. Judged against every loaded investigation (before the as-of date), so the order the
 * files were loaded in does not matter; without any investigations nothing is judged.
 * @example unknownInvestigations(extensions, investigations) // { keep: [1, 0], problems: [{ line: 3, code: 'unknown-investigation', … }] }
 */
export function unknownInvestigations(
  extensions: MergedDataset | null,
  investigations: MergedDataset | null,
): Rejections {
  if (!extensions) return { keep: new Uint8Array(0), problems: [] };
  const { table } = extensions;
  const keep = new Uint8Array(table.count).fill(1);
  const problems: Problem[] = [];
  if (!investigations) return { keep, problems };
  // The extensions' ids indexed (the smaller side); each investigation marks the rows of its id.
  const ids = textColumn(table, 'utredning_id');
  const { index, next } = rowsById(ids, table.count);
  const known = new Uint8Array(table.count);
  for (const id of textColumn(investigations.table, 'utredning_id'))
    for (let row = index.find(id); row >= 0; row = next[row]) known[row] = 1;
  const label = DATASETS.forlangningar.fields.find((f) => f.key === 'utredning_id')?.label ?? 'utredning_id';
  for (let i = 0; i < table.count; i++) {
    if (known[i]) continue;
    keep[i] = 0;
    const file = table.files[table.fileIndex[i]];
    problems.push({
      file,
      line: table.line[i],
      column: label,
      value: ids[i],
      code: 'unknown-investigation',
      severity: 'avvisad',
      message: `Förlängningen på rad ${table.line[i]} i ${file} gäller utrednings-id ${ids[i]}, som inte finns i någon inläst utredningsfil; raden räknas inte.`,
    });
  }
  return { keep, problems };
}

/** Which rows of a merged dataset have no event date after the as-of date, and a problem for each that has. */
export interface AfterAsOf {
  keep: Uint8Array;
  problems: Problem[];
}

/**
 * Rows with an event date after the as-of date, as `avvisad` problems: they are excluded from every
 * figure computed at that as-of date and counted as rejected in the reconciliation. Rows already
 * rejected by another rule (`rejected.keep` 0) stay rejected and get no second problem.
 */
export function rowsAfterAsOf(
  kind: DatasetKind,
  merged: MergedDataset | null,
  asOf: DayNumber,
  rejected?: Rejections,
): AfterAsOf {
  if (!merged) return { keep: new Uint8Array(0), problems: [] };
  const { table } = merged;
  const keep = rejected ? Uint8Array.from(rejected.keep) : new Uint8Array(table.count).fill(1);
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
 * Per file: rows read, accepted and rejected, where rejected counts the file's lines with an
 * `avvisad` problem (its own, and the cross-file ones: duplicates, unknown investigations and rows
 * after the as-of date), and rows with warning its other lines with a `varning`; and every
 * problem, by file and line.
 * @example reconcile([file], []) // { files: [{ rowsRead: 10, rowsAccepted: 9, rowsRejected: 1, rowsWithWarning: 2, … }], problems }
 */
export function reconcile(
  files: readonly LoadedFile[],
  crossFileProblems: readonly Problem[],
): { files: FileReconciliation[]; problems: Problem[] } {
  // concat, not push(...): a file can hold hundreds of thousands of problems, more than a call's arguments.
  const problems = files.flatMap((file) => file.problems).concat(crossFileProblems);
  const linesOf = (map: Map<string, Set<number>>, file: string) => {
    let lines = map.get(file);
    if (!lines) map.set(file, (lines = new Set()));
    return lines;
  };
  const rejectedLines = new Map<string, Set<number>>();
  const warnedLines = new Map<string, Set<number>>();
  for (const p of problems) linesOf(p.severity === 'avvisad' ? rejectedLines : warnedLines, p.file).add(p.line);
  const reconciled = files.map((f) => {
    const rejectedSet = linesOf(rejectedLines, f.file);
    const rejected = rejectedSet.size;
    let withWarning = 0;
    for (const line of linesOf(warnedLines, f.file)) if (!rejectedSet.has(line)) withWarning++;
    return {
      file: f.file,
      dataset: f.dataset,
      encoding: f.encoding,
      delimiter: f.delimiter,
      rowsRead: f.rowsRead,
      rowsAccepted: f.rowsRead - rejected,
      rowsRejected: rejected,
      rowsWithWarning: withWarning,
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
  /** Extension decisions rejected because their investigation is in no loaded file (`unknown-investigation`). */
  orphans: number;
  /** A förlängningar file, extension columns on the investigation rows, or none. */
  source: 'fil' | 'utredningsfilen' | 'saknas';
}

/**
 * Joins the extensions that count at the as-of date onto the accepted investigations: the accepted
 * rows of a förlängningar file (`extensions`, null when none is loaded), and extension columns on
 * the investigation rows; both are merged when both exist. `unknown` is how many extension rows
 * were rejected for an unknown investigation (reported as `orphans`); decisions for an
 * investigation rejected at the as-of date simply join nothing.
 */
export function joinedExtensions(
  investigations: Table,
  extensions: Table | null,
  asOf: DayNumber,
  unknown = 0,
): JoinedExtensions {
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
      orphans: unknown,
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
