/**
 * The user's own files remembered in this browser, only after they opted in ("Kom ihåg filerna i den
 * här webbläsaren", off by default). Each loaded file's bytes, name and confirmed column mapping are
 * kept unencrypted in IndexedDB (database `insyn-filer`) and loaded again when the app starts, through
 * the same load as a dropped file. The opt-in itself is a localStorage key, so the database is never
 * opened – never created – for a user who has not opted in.
 *
 * Turning the opt-in off deletes the database. "Glöm alla filer" deletes the database, the opt-in and
 * the saved column mappings too (they are the files' headers), and the page unloads the files: nothing
 * of ours is left in the browser's storage.
 */
import { useEffect, useSyncExternalStore } from 'react';
import type { FileInput, FileOutcome } from '../engine/protocol';
import type { SavedMapping } from '../import/datasets';
import { forgetMappings } from './mappings';
import { markFromBrowserMemory } from './ownFiles';
import { usePublishedData } from './published';
import { useLoadFiles } from './queries';

export const DATABASE = 'insyn-filer';
const STORE = 'filer';
const OPT_IN_KEY = 'insyn.kom-ihag-filer.v1';

/** One remembered file, as stored. */
export interface RememberedFile {
  /** The name the loaded file is known by (the key): its own, or "name (2)" beside another of that name. */
  file: string;
  /** The name it was loaded under. */
  name: string;
  /**
   * The file's bytes: a Blob (the dropped File itself, so the page never reads a large file into
   * memory to store it), or an ArrayBuffer as stored before.
   */
  bytes: Blob | ArrayBuffer;
  /** The column mapping the user confirmed for it, if any. */
  mapping?: SavedMapping;
  /** When the user imported it (ms since 1970; shown, never computed with). */
  importedAt: number;
  /** Loading order: the files load again in it, so the same file keeps the first of two equal ids. */
  order: number;
}

/** A file loaded in this session, kept by reference (a dropped file is not read again until stored). */
export interface SessionFile extends Omit<RememberedFile, 'bytes'> {
  blob: Blob;
}

/**
 * The files of one load that loaded, with the names the workspace gave them. `outcomes[i]` is the
 * outcome of `files[i]`.
 *
 * @example loadedFiles([a, b], [loaded 'a.csv', failed], undefined, t, 7) // [{ file: 'a.csv', blob: a, order: 7, … }]
 */
export function loadedFiles(
  files: readonly { name: string; blob: Blob }[],
  outcomes: readonly FileOutcome[],
  mapping: SavedMapping | undefined,
  importedAt: number,
  firstOrder: number,
): SessionFile[] {
  return files.flatMap(({ name, blob }, i) => {
    const outcome = outcomes[i];
    if (outcome?.status !== 'loaded') return [];
    return [{ file: outcome.file, name, blob, mapping, importedAt, order: firstOrder + i }];
  });
}

/** The stored files in the order they were loaded. */
export function inLoadingOrder<T extends { order: number; file: string }>(records: readonly T[]): T[] {
  return [...records].sort((a, b) => a.order - b.order || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/**
 * After loading the stored files again (`outcomes[i]` for `files[i]`): the files that loaded, under
 * the name the workspace gave them, and the names of those that did not.
 *
 * @example afterRestore([a, b], [loaded 'a.csv (2)', failed]) // { kept: [{ ...a, file: 'a.csv (2)' }], failed: ['b.csv'] }
 */
export function afterRestore<T extends { file: string }>(
  files: readonly T[],
  outcomes: readonly FileOutcome[],
): { kept: T[]; failed: string[] } {
  const kept: T[] = [];
  const failed: string[] = [];
  files.forEach((file, i) => {
    const outcome = outcomes[i];
    if (outcome?.status === 'loaded') kept.push({ ...file, file: outcome.file });
    else failed.push(file.file);
  });
  return { kept, failed };
}

// ---- IndexedDB, one short connection per operation (so deleting the database is never blocked) ----

function openDatabase(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'file' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB kunde inte öppnas.'));
    request.onblocked = () => reject(new Error('IndexedDB är låst av en annan flik.'));
  });
}

async function transaction<T>(
  mode: IDBTransactionMode,
  work: (store: IDBObjectStore) => IDBRequest<T> | void,
): Promise<T | undefined> {
  const db = await openDatabase();
  try {
    return await new Promise<T | undefined>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = work(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request ? request.result : undefined);
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB: transaktionen misslyckades.'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB: transaktionen avbröts.'));
    });
  } finally {
    db.close();
  }
}

const readAll = async () => (await transaction<RememberedFile[]>('readonly', (s) => s.getAll())) ?? [];

/** Replaces everything stored by `records`. */
const storeOnly = (records: readonly RememberedFile[]) =>
  transaction('readwrite', (s) => {
    s.clear();
    for (const record of records) s.put(record);
  });

function deleteDatabase(): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(DATABASE);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error('IndexedDB kunde inte tas bort.'));
  });
}

/** A session file as stored: the Blob itself (IndexedDB keeps Blobs), never read into memory here. */
function toRecord({ blob, ...rest }: SessionFile): RememberedFile {
  return { ...rest, bytes: blob };
}

// ---- the state the page shows ----

export interface RememberedState {
  optedIn: boolean;
  /** Names of the files stored now. */
  stored: ReadonlySet<string>;
  /** True while the stored files load at start. */
  restoring: boolean;
  /** A problem to tell the user (Swedish), or null. */
  problem: string | null;
}

function readOptIn(): boolean {
  try {
    return typeof localStorage !== 'undefined' && localStorage.getItem(OPT_IN_KEY) === '1';
  } catch {
    return false;
  }
}

let state: RememberedState = { optedIn: readOptIn(), stored: new Set(), restoring: readOptIn(), problem: null };
const listeners = new Set<() => void>();
/** This session's loaded files by workspace name, kept so that opting in later stores them too. */
const session = new Map<string, SessionFile>();
let nextOrder = Date.now() * 1000;
let restoreStarted = false;

function update(change: Partial<RememberedState>) {
  state = { ...state, ...change };
  for (const listener of listeners) listener();
}

const failure = (what: string, error: unknown) =>
  update({ problem: `${what}: ${error instanceof Error ? error.message : String(error)}` });

export function useRemembered(): RememberedState {
  return useSyncExternalStore(
    (callback) => {
      listeners.add(callback);
      return () => listeners.delete(callback);
    },
    () => state,
  );
}

/** Notes the files one load brought in, and stores them if the user opted in. */
export async function rememberLoaded(
  files: readonly File[],
  outcomes: readonly FileOutcome[],
  mapping?: SavedMapping,
): Promise<void> {
  const loaded = loadedFiles(
    files.map((blob) => ({ name: blob.name, blob })),
    outcomes,
    mapping,
    Date.now(),
    nextOrder,
  );
  nextOrder += files.length;
  for (const file of loaded) session.set(file.file, file);
  if (state.optedIn && loaded.length > 0) await storeSessionFiles(loaded);
}

async function storeSessionFiles(files: readonly SessionFile[]): Promise<void> {
  try {
    const records = files.map(toRecord);
    await transaction('readwrite', (s) => {
      for (const record of records) s.put(record);
    });
    update({ stored: new Set([...state.stored, ...records.map((r) => r.file)]), problem: null });
  } catch (error) {
    failure('Filerna kunde inte sparas i webbläsaren', error);
  }
}

/**
 * Turns remembering on (the files loaded in this session are stored at once) or off (everything
 * stored is deleted; the loaded files stay loaded until the page is closed).
 */
export async function setRemember(on: boolean): Promise<void> {
  if (on) {
    try {
      localStorage.setItem(OPT_IN_KEY, '1');
    } catch (error) {
      return failure('Webbläsaren tillåter inte att filerna sparas', error);
    }
    update({ optedIn: true, problem: null });
    await storeSessionFiles([...session.values()]);
  } else {
    localStorage.removeItem(OPT_IN_KEY);
    update({ optedIn: false, stored: new Set(), problem: null });
    await deleteDatabase().catch((error: unknown) => failure('Filerna kunde inte tas bort ur webbläsaren', error));
  }
}

/** Forgets one loaded file (or all, null) that the user removed: it is no longer stored either. */
export async function forgetFile(file: string | null): Promise<void> {
  const names = file === null ? [...session.keys(), ...state.stored] : [file];
  const stored = names.filter((name) => state.stored.has(name));
  for (const name of names) session.delete(name);
  if (stored.length === 0) return;
  update({ stored: new Set([...state.stored].filter((name) => !stored.includes(name))) });
  await transaction('readwrite', (s) => {
    for (const name of stored) s.delete(name);
  }).catch((error: unknown) => failure('Filen kunde inte tas bort ur webbläsaren', error));
}

/**
 * "Glöm alla filer": deletes the database, the opt-in and the saved column mappings. The caller
 * unloads the files.
 */
export async function forgetAll(): Promise<void> {
  session.clear();
  localStorage.removeItem(OPT_IN_KEY);
  forgetMappings();
  update({ optedIn: false, stored: new Set(), problem: null });
  await deleteDatabase().catch((error: unknown) => failure('Filerna kunde inte tas bort ur webbläsaren', error));
}

/** Loads the stored files once at start (after the published data, which own files replace). */
async function restore(
  load: (inputs: FileInput[]) => Promise<{ outcomes: FileOutcome[]; cancelled: boolean }>,
): Promise<void> {
  try {
    const records = inLoadingOrder(await readAll());
    if (records.length === 0) return;
    // Kept as blobs like dropped files, and handed to the worker as such (it reads them in chunks).
    const loaded = records.map(({ bytes, ...rest }): SessionFile => ({
      ...rest,
      blob: bytes instanceof Blob ? bytes : new Blob([bytes]),
    }));
    const { outcomes, cancelled } = await load(
      loaded.map((f) => ({ name: f.name, bytes: f.blob, mapping: f.mapping })),
    );
    // Cancelled by the user (Avbryt): the stored files stay stored, to be loaded at the next start.
    if (cancelled) return update({ stored: new Set(records.map((r) => r.file)) });
    const { kept: files, failed } = afterRestore(loaded, outcomes);
    for (const file of files) {
      session.set(file.file, file);
      markFromBrowserMemory(file.file, new Date(file.importedAt));
    }
    // Stored again only when a file did not load or now has another name.
    if (failed.length > 0 || files.some((f, i) => f.file !== records[i].file)) await storeOnly(files.map(toRecord));
    update({
      stored: new Set(files.map((f) => f.file)),
      problem:
        failed.length === 0
          ? null
          : `${failed.join(', ')} kunde inte läsas in igen ur webbläsarens minne och har tagits bort därifrån.`,
    });
  } catch (error) {
    failure('De sparade filerna kunde inte läsas in', error);
  } finally {
    update({ restoring: false });
  }
}

/**
 * Loads the remembered files when the app starts, once the published data is in. Returns true
 * while they load (the page waits, so it never shows the published data first).
 */
export function useRestoreRememberedFiles(): boolean {
  const published = usePublishedData();
  const load = useLoadFiles();
  const { restoring } = useRemembered();
  const ready = !published.isPending;
  const { mutateAsync } = load;
  useEffect(() => {
    if (!ready || restoreStarted) return;
    restoreStarted = true;
    if (state.optedIn) void restore(mutateAsync);
  }, [ready, mutateAsync]);
  return restoring;
}
