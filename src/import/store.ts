/**
 * The loaded files, and per dataset its files concatenated with duplicates rejected (the first
 * occurrence, by file order and line, is kept): duplicate ids where the dataset has an id, exact
 * copies of a row across files where it has none (förlängningar). Holds tables only; figures are
 * computed elsewhere.
 *
 * Two files with the same name are kept apart: a file whose name is taken gets the first free
 * "name (2)", "name (3)" … in reconciliation and problems, unless its contents equal the loaded
 * file's of that name, which it then replaces (dropping the same file twice changes nothing).
 */
import { DATASETS, type DatasetKind } from './datasets';
import type { LoadedFile } from './importFile';
import { concatTables, type Table } from './table';
import { filterRows, findDuplicateIds } from './keptRows';
import type { Problem } from '../format/importRecords';

/** A dataset's files as one table, duplicates removed, and the problems of the duplicates. */
export interface MergedDataset {
  table: Table;
  duplicateProblems: Problem[];
}

/** A row's values, every column, as one string: equal exactly when the rows are copies. */
function rowKey(table: Table, i: number): string {
  const parts: (string | number)[] = [];
  for (const key of Object.keys(table.dates).sort()) parts.push(table.dates[key][i]);
  for (const key of Object.keys(table.integers).sort()) parts.push(table.integers[key][i]);
  for (const key of Object.keys(table.texts).sort()) parts.push(table.texts[key][i]);
  for (const key of Object.keys(table.categories).sort()) {
    const column = table.categories[key];
    parts.push(column.labels[column.codes[i]]);
  }
  return parts.join('\u0000');
}

/** A 53-bit hash of a string (cyrb53): equal contents give equal hashes. */
function hash(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** What a loaded file holds, as a hash: its dataset, rows (with their lines) and problems. */
function contentHash(file: LoadedFile): string {
  const { table } = file;
  let h = hash(`${file.dataset}\u0000${file.rowsRead}`);
  for (let i = 0; i < table.count; i++) h = hash(`${h}\u0000${table.line[i]}\u0000${rowKey(table, i)}`);
  for (const p of file.problems) h = hash(`${h}\u0000${p.line}\u0000${p.code}\u0000${p.column}\u0000${p.value}`);
  return String(h);
}

/** The file under another name: its problems and rows name it so. */
function renamed(file: LoadedFile, name: string): LoadedFile {
  return {
    ...file,
    file: name,
    table: { ...file.table, files: file.table.files.map(() => name) },
    problems: file.problems.map((p) => ({ ...p, file: name })),
  };
}

/**
 * Exact copies of a row across a dataset's files (copies inside one file were rejected when it
 * was read): the first kept, each later one a `duplicate-row` problem.
 */
function findDuplicateRows(table: Table): { keep: Uint8Array; problems: Problem[] } {
  const seen = new Map<string, number>();
  const keep = new Uint8Array(table.count).fill(1);
  const problems: Problem[] = [];
  for (let i = 0; i < table.count; i++) {
    const key = rowKey(table, i);
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, i);
      continue;
    }
    keep[i] = 0;
    const file = table.files[table.fileIndex[i]];
    problems.push({
      file,
      line: table.line[i],
      column: '',
      value: '',
      code: 'duplicate-row',
      severity: 'avvisad',
      message: `Raden är en exakt kopia av rad ${table.line[first]} i ${table.files[table.fileIndex[first]]}; den räknas bara en gång.`,
    });
  }
  return { keep, problems };
}

export class FileStore {
  private files: LoadedFile[] = [];
  /** Each file's contentHash, computed when first needed. */
  private hashes: (string | null)[] = [];
  private serials: number[] = [];
  private nextSerial = 1;
  private merged = new Map<DatasetKind, MergedDataset>();

  /**
   * Adds a loaded file and returns the name it is known by: its own, or "name (2)" … when a
   * loaded file with other contents has that name. A file with the same name and contents replaces it.
   * @example store.add(exportA) // 'export.csv'; store.add(exportB) // 'export.csv (2)'; store.add(exportA) // 'export.csv'
   */
  add(file: LoadedFile): string {
    // Hashed only when a loaded file has the same name (hashing every row of 1 M took a tenth of the import).
    let content: string | null = null;
    const same = this.files.findIndex(
      (f, i) => f.file === file.file && (content ??= contentHash(file)) === (this.hashes[i] ??= contentHash(f)),
    );
    if (same >= 0) this.drop(same);
    const taken = new Set(this.files.map((f) => f.file));
    let name = file.file;
    for (let n = 2; taken.has(name); n++) name = `${file.file} (${n})`;
    this.files.push(name === file.file ? file : renamed(file, name));
    this.hashes.push(content);
    this.serials.push(this.nextSerial++);
    this.merged.delete(file.dataset);
    return name;
  }

  /** Removes the loaded file of that name (as `add` returned it). */
  remove(fileName: string): void {
    const index = this.files.findIndex((f) => f.file === fileName);
    if (index >= 0) this.drop(index);
  }

  clear(): void {
    this.files = [];
    this.hashes = [];
    this.serials = [];
    this.merged.clear();
  }

  get loadedFiles(): readonly LoadedFile[] {
    return this.files;
  }

  /**
   * Names the loaded files as they are now: it changes whenever a file is added, replaced or
   * removed, so results derived from the files can be keyed by it.
   */
  get fingerprint(): string {
    return this.serials.join(',');
  }

  /** The dataset's files merged, duplicates removed; null when none is loaded. */
  dataset(kind: DatasetKind): MergedDataset | null {
    const cached = this.merged.get(kind);
    if (cached) return cached;
    const tables = this.files.filter((f) => f.dataset === kind).map((f) => f.table);
    if (tables.length === 0) return null;
    const all = concatTables(kind, tables);
    const idField = DATASETS[kind].fields.find((f) => f.kind === 'id');
    const { keep, problems } = idField ? findDuplicateIds(all, idField.key) : findDuplicateRows(all);
    const result = { table: filterRows(all, keep), duplicateProblems: problems };
    this.merged.set(kind, result);
    return result;
  }

  private drop(index: number): void {
    this.merged.delete(this.files[index].dataset);
    this.files.splice(index, 1);
    this.hashes.splice(index, 1);
    this.serials.splice(index, 1);
  }
}
