/**
 * The rows a merged dataset keeps: the first of every id (later repeats dropped with a problem each),
 * and a table narrowed to the kept rows.
 */
import { IdIndex } from '../kpi';
import { displayValue } from './pseudonyms';
import type { Table } from './table';
import type { Problem } from '../format/importRecords';

/**
 * Drops rows whose id repeats an earlier row of the dataset (earlier files first); the first
 * occurrence is kept. Returns the indexes to keep and a problem per dropped row.
 */
export function findDuplicateIds(table: Table, idKey: string): { keep: Uint8Array; problems: Problem[] } {
  const ids = table.texts[idKey] ?? [];
  const keep = new Uint8Array(table.count).fill(1);
  const problems: Problem[] = [];
  const firstRow = table.repeatedIds
    ? firstRowsFromRepeats(table.repeatedIds, table.count)
    : firstRowsById(ids, table.count);
  for (let i = 0; i < table.count; i++) {
    const first = firstRow[i];
    if (first === i) continue;
    keep[i] = 0;
    const firstWhere = `rad ${table.line[first]} i ${table.files[table.fileIndex[first]]}`;
    problems.push({
      file: table.files[table.fileIndex[i]],
      line: table.line[i],
      column: idKey,
      value: displayValue(ids[i]),
      code: 'duplicate-id',
      severity: 'avvisad',
      message: `Id ${displayValue(ids[i])} finns redan (${firstWhere}); raden räknas inte två gånger.`,
    });
  }
  return { keep, problems };
}

/**
 * For each row, the first row with the same id (the row itself when it is the first).
 * @example firstRowsById(['a', 'b', 'a'], 3) // Int32Array [0, 1, 0]
 */
export function firstRowsById(ids: readonly string[], count: number): Int32Array {
  const index = new IdIndex(ids, count);
  const first = new Int32Array(count);
  for (let i = 0; i < count; i++) first[i] = index.findOrAdd(i);
  return first;
}

/** `firstRowsById` from a file's repeated ids, found while it was read (`Table.repeatedIds`). */
function firstRowsFromRepeats(repeats: Int32Array, count: number): Int32Array {
  const first = new Int32Array(count);
  for (let i = 0; i < count; i++) first[i] = i;
  for (let k = 0; k < repeats.length; k += 2) first[repeats[k]] = repeats[k + 1];
  return first;
}

/** A table with only the rows where `keep[i]` is 1. */
export function filterRows(table: Table, keep: Uint8Array): Table {
  if (keep.indexOf(0) < 0) return table;
  const index: number[] = [];
  for (let i = 0; i < table.count; i++) if (keep[i]) index.push(i);
  const pickInt = (column: Int32Array) => Int32Array.from(index, (i) => column[i]);
  const map = <T>(record: Record<string, T>, f: (v: T) => T) =>
    Object.fromEntries(Object.entries(record).map(([k, v]) => [k, f(v)]));
  return {
    ...table,
    count: index.length,
    dates: map(table.dates, pickInt),
    integers: map(table.integers, pickInt),
    texts: map(table.texts, (column) => index.map((i) => column[i])),
    categories: map(table.categories, (c) => ({ codes: Uint32Array.from(index, (i) => c.codes[i]), labels: c.labels })),
    fileIndex: Uint16Array.from(index, (i) => table.fileIndex[i]),
    line: pickInt(table.line),
    repeatedIds: undefined,
  };
}
