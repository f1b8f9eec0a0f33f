/**
 * The loaded files, and per dataset its files concatenated with duplicate ids rejected (the first
 * occurrence, by file order and line, is kept). Holds tables only; figures are computed elsewhere.
 */
import { DATASETS, type DatasetKind } from './datasets';
import type { LoadedFile } from './importFile';
import { concatTables, type Table } from './table';
import { filterRows, findDuplicateIds, type Problem } from './validate';

/** A dataset's files as one table, duplicates removed, and the problems of the duplicates. */
export interface MergedDataset {
  table: Table;
  duplicateProblems: Problem[];
}

export class FileStore {
  private files: LoadedFile[] = [];
  private serials: number[] = [];
  private nextSerial = 1;
  private merged = new Map<DatasetKind, MergedDataset>();

  /** Adds a loaded file; a file with the same name and dataset replaces the earlier one. */
  add(file: LoadedFile): void {
    const keep = this.files.map((f) => !(f.file === file.file && f.dataset === file.dataset));
    this.files = this.files.filter((_, i) => keep[i]);
    this.serials = this.serials.filter((_, i) => keep[i]);
    this.files.push(file);
    this.serials.push(this.nextSerial++);
    this.merged.delete(file.dataset);
  }

  /** Removes every loaded file of that name. */
  remove(fileName: string): void {
    const keep = this.files.map((f) => f.file !== fileName);
    for (const f of this.files.filter((_, i) => !keep[i])) this.merged.delete(f.dataset);
    this.files = this.files.filter((_, i) => keep[i]);
    this.serials = this.serials.filter((_, i) => keep[i]);
  }

  clear(): void {
    this.files = [];
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

  /** The dataset's files merged, duplicates (by id, first occurrence kept) removed; null when none is loaded. */
  dataset(kind: DatasetKind): MergedDataset | null {
    const cached = this.merged.get(kind);
    if (cached) return cached;
    const tables = this.files.filter((f) => f.dataset === kind).map((f) => f.table);
    if (tables.length === 0) return null;
    const all = concatTables(kind, tables);
    const idField = DATASETS[kind].fields.find((f) => f.kind === 'id');
    const { keep, problems } = idField
      ? findDuplicateIds(all, idField.key)
      : { keep: new Uint8Array(all.count).fill(1), problems: [] };
    const result = { table: filterRows(all, keep), duplicateProblems: problems };
    this.merged.set(kind, result);
    return result;
  }
}
