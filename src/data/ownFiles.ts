/**
 * The files the user loaded themselves (dropped or picked), as opposed to the published data: once
 * there are any, the published manifest's as-of date and metadata are never used. Kept in the page,
 * by file name, with when each was imported; the rows stay in the worker.
 */
import { useSyncExternalStore } from 'react';
import type { FileOutcome } from '../engine/protocol';
import type { MaskedColumn } from '../import/validate';

export interface OwnFile {
  file: string;
  rowsRead: number;
  /** When the user imported it (the page's clock: shown, never computed with). */
  importedAt: Date;
  /** Per column, values that held a personnummer. */
  masked: MaskedColumn[];
  /** Loaded at start from this browser's storage (the user opted in to remembering files). */
  fromBrowserMemory: boolean;
}

let ownFiles: ReadonlyMap<string, OwnFile> = new Map();
const listeners = new Set<() => void>();

function set(next: Map<string, OwnFile>) {
  ownFiles = next;
  for (const listener of listeners) listener();
}

/** Records the files a load of the user's own files brought in (a file of the same name is replaced). */
export function addOwnFiles(outcomes: readonly FileOutcome[], importedAt: Date): void {
  const next = new Map(ownFiles);
  for (const o of outcomes) {
    if (o.status !== 'loaded') continue;
    next.set(o.file, { file: o.file, rowsRead: o.rowsRead, importedAt, masked: o.masked, fromBrowserMemory: false });
  }
  set(next);
}

/** Marks a loaded file as loaded from this browser's storage, imported when it was first imported. */
export function markFromBrowserMemory(file: string, importedAt: Date): void {
  const own = ownFiles.get(file);
  if (own) set(new Map(ownFiles).set(file, { ...own, importedAt, fromBrowserMemory: true }));
}

/** Forgets one file, or every file (null). */
export function removeOwnFile(file: string | null): void {
  const next = new Map(file === null ? [] : ownFiles);
  if (file !== null) next.delete(file);
  set(next);
}

export function useOwnFiles(): ReadonlyMap<string, OwnFile> {
  return useSyncExternalStore(
    (callback) => {
      listeners.add(callback);
      return () => listeners.delete(callback);
    },
    () => ownFiles,
  );
}
