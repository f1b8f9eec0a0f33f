/**
 * A loaded dataset as typed columns: dates as Int32Array day numbers (NO_DATE for empty),
 * categories as integer codes plus a dictionary, ids and free text as strings.
 */
import { NO_DATE, SEX_LABELS } from '../kpi';
import type { DatasetKind } from './datasets';

export const NO_INTEGER = -2147483648;

export interface CategoryColumn {
  /**
   * Code into `labels` per row. 32-bit, always: a unit column of an extract can hold more than
   * 65 535 distinct values, where 16-bit codes would wrap and merge units. The cost is 2 bytes per
   * row and category column (about 0.5 MB for the demo data's 67 000 rows).
   */
  codes: Uint32Array;
  labels: string[];
}

export interface Table {
  dataset: DatasetKind;
  count: number;
  /** Field keys that came from the file (absent optional fields are not listed). */
  present: string[];
  dates: Record<string, Int32Array>;
  categories: Record<string, CategoryColumn>;
  texts: Record<string, string[]>;
  integers: Record<string, Int32Array>;
  /** Where each row came from, for problems found after import (e.g. after the as-of date). */
  files: string[];
  fileIndex: Uint16Array;
  line: Int32Array;
  /**
   * One file's table of a dataset with ids: pairs (row, first row with the same id) for every row
   * whose id an earlier row has, [row, first, row, first, …], found while the file was read.
   * Absent on a table of several files or of chosen rows: there the ids are looked up again.
   */
  repeatedIds?: Int32Array;
}

/** An Int32Array or Uint32Array of the given length (by default twice the old), holding the old values. */
export function grown<T extends Int32Array | Uint32Array>(column: T, length = column.length * 2): T {
  const bigger = (column instanceof Int32Array ? new Int32Array(length) : new Uint32Array(length)) as T;
  bigger.set(column);
  return bigger;
}

/** Label used for rows without an enhet. */
export const NO_UNIT = '(ingen enhet)';

/** Reads a date column, or a column of NO_DATE when the field is absent. */
export function dateColumn(table: Table, key: string): Int32Array {
  return table.dates[key] ?? new Int32Array(table.count).fill(NO_DATE);
}

/** Reads a category column, or all-zero codes with one empty label when absent. */
export function categoryColumn(table: Table, key: string, emptyLabel = NO_UNIT): CategoryColumn {
  return (
    table.categories[key] ?? {
      codes: new Uint32Array(table.count),
      labels: [key === 'kon' ? SEX_LABELS[0] : emptyLabel],
    }
  );
}

/** Reads a text column, or empty strings when absent. */
export function textColumn(table: Table, key: string): string[] {
  return table.texts[key] ?? new Array<string>(table.count).fill('');
}

/** Builds a category dictionary incrementally; copies strings so the CSV text can be freed. */
export class CategoryBuilder {
  readonly labels: string[] = [];
  private readonly index = new Map<string, number>();

  /** `seed` fixes the first codes, e.g. SEX_LABELS so kön codes mean the same in every table. */
  constructor(seed: readonly string[] = []) {
    for (const label of seed) this.code(label);
  }

  code(label: string): number {
    let code = this.index.get(label);
    if (code === undefined) {
      code = this.labels.length;
      const copy = (' ' + label).slice(1);
      this.labels.push(copy);
      this.index.set(copy, code);
    }
    return code;
  }
}

/**
 * Concatenates tables of one dataset (several files), remapping category codes onto one
 * dictionary. Fields missing from some files read as empty there.
 */
export function concatTables(dataset: DatasetKind, tables: readonly Table[]): Table {
  // One file: its table as it is (a copy of 5 M rows cost some 150 MB). Its codes are already
  // what the concatenation would give, kön seeded with SEX_LABELS as everywhere.
  if (tables.length === 1 && tables[0].dataset === dataset && seededBySex(tables[0])) return tables[0];
  const count = tables.reduce((sum, t) => sum + t.count, 0);
  const present = [...new Set(tables.flatMap((t) => t.present))];
  const result: Table = {
    dataset,
    count,
    present,
    dates: {},
    categories: {},
    texts: {},
    integers: {},
    files: [],
    fileIndex: new Uint16Array(count),
    line: new Int32Array(count),
  };
  const keys = (pick: (t: Table) => Record<string, unknown>) => [
    ...new Set(tables.flatMap((t) => Object.keys(pick(t)))),
  ];
  for (const key of keys((t) => t.dates)) result.dates[key] = new Int32Array(count).fill(NO_DATE);
  for (const key of keys((t) => t.integers)) result.integers[key] = new Int32Array(count).fill(NO_INTEGER);
  for (const key of keys((t) => t.texts)) result.texts[key] = new Array<string>(count).fill('');
  const builders = new Map(
    keys((t) => t.categories).map((key) => [key, new CategoryBuilder(key === 'kon' ? SEX_LABELS : [])]),
  );
  for (const key of builders.keys()) result.categories[key] = { codes: new Uint32Array(count), labels: [] };
  let offset = 0;
  for (const table of tables) {
    for (const [key, column] of Object.entries(table.dates)) result.dates[key].set(column, offset);
    for (const [key, column] of Object.entries(table.integers)) result.integers[key].set(column, offset);
    for (const [key, column] of Object.entries(table.texts)) {
      const target = result.texts[key];
      for (let i = 0; i < table.count; i++) target[offset + i] = column[i];
    }
    for (const [key, builder] of builders) {
      const source = categoryColumn(table, key);
      const remap = source.labels.map((label) => builder.code(label));
      const target = result.categories[key].codes;
      for (let i = 0; i < table.count; i++) target[offset + i] = remap[source.codes[i]];
    }
    const fileOffset = result.files.length;
    result.files.push(...table.files);
    for (let i = 0; i < table.count; i++) result.fileIndex[offset + i] = table.fileIndex[i] + fileOffset;
    result.line.set(table.line, offset);
    offset += table.count;
  }
  for (const [key, builder] of builders) result.categories[key].labels = builder.labels;
  return result;
}

/** Whether a table's kön labels (if any) start with SEX_LABELS, so its codes mean what a concatenation's do. */
function seededBySex(table: Table): boolean {
  const labels = table.categories.kon?.labels;
  return !labels || SEX_LABELS.every((label, i) => labels[i] === label);
}
