/**
 * A file as the worker gets it – a File or Blob, or bytes already held – imported the way that
 * holds least: text is read in chunks (`Blob.stream()`) through `importFileStream`, so neither the
 * whole file, its text nor its rows are ever held; a workbook (zip or OLE2 magic) is read whole, as
 * its reader needs. The Node CLI gives its read stream's chunks to `importFileStream` directly.
 */
import {
  importAnyFile,
  importFileStream,
  type CancelledFile,
  type FileImport,
  type ImportStep,
  type MappingStore,
  type StreamProgress,
} from './importFile';
import type { SavedMapping } from './datasets';
import { looksLikeWorkbook } from './magic';

/** Progress of `importBlob`: bytes and rows while text streams, steps while a workbook is read. */
export type BlobProgress =
  ({ kind: 'stream' } & StreamProgress) | { kind: 'workbook'; step: ImportStep; fraction: number };

/** Bytes handed on at a time when the bytes are already held (a view, not a copy). */
const HELD_CHUNK = 1 << 20;
/**
 * Reading pauses for the event loop at least this often (ms), so a cancel message reaches the
 * worker while a file is read from memory or a fast disk.
 */
const YIELD_EVERY_MS = 25;

/**
 * A new task after the ones waiting (a message to oneself): unlike a nested `setTimeout(0)`,
 * which browsers hold back at least 4 ms, it costs nothing while the file is read.
 */
const nextTask = (): Promise<void> => {
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  const channel = new MessageChannel();
  return new Promise((resolve) => {
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
};

/** The chunks of a Blob's stream, or views of held bytes, with a pause for the event loop now and then. */
async function* chunksOf(source: Blob | Uint8Array): AsyncGenerator<Uint8Array> {
  let paused = performance.now();
  const pause = async () => {
    if (performance.now() - paused < YIELD_EVERY_MS) return;
    await nextTask();
    paused = performance.now();
  };
  if (source instanceof Uint8Array) {
    for (let at = 0; at < source.length; at += HELD_CHUNK) {
      yield source.subarray(at, at + HELD_CHUNK);
      await pause();
    }
    return;
  }
  const reader = source.stream().getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
      await pause();
    }
  } finally {
    // Reading stopped early (a header that needs a mapping, a cancel): the rest is never read.
    void reader.cancel().catch(() => undefined);
  }
}

/** The first bytes of a file, enough to tell a workbook. */
async function head(source: Blob | Uint8Array): Promise<Uint8Array> {
  return source instanceof Uint8Array ? source.subarray(0, 8) : new Uint8Array(await source.slice(0, 8).arrayBuffer());
}

/**
 * Imports one file given as a Blob (a dropped File, a remembered one) or as bytes: a CSV streams
 * through `importFileStream`, a workbook is read whole by `importAnyFile`. `signal` cancels.
 * @example (await importBlob(new Blob(['utredning_id;startdatum\nU1;2025-01-10\n']), 'u.csv')).status // 'loaded'
 */
export async function importBlob(
  source: Blob | Uint8Array,
  file: string,
  mappings: MappingStore = {},
  forced?: SavedMapping,
  onProgress?: (progress: BlobProgress) => void,
  signal?: AbortSignal,
): Promise<FileImport | CancelledFile> {
  if (signal?.aborted) return { status: 'cancelled', file };
  if (looksLikeWorkbook(await head(source))) {
    const bytes = source instanceof Uint8Array ? source : new Uint8Array(await source.arrayBuffer());
    if (signal?.aborted) return { status: 'cancelled', file };
    return importAnyFile(bytes, file, mappings, forced, (step, fraction) =>
      onProgress?.({ kind: 'workbook', step, fraction }),
    );
  }
  const size = source instanceof Uint8Array ? source.length : source.size;
  return importFileStream(
    chunksOf(source),
    file,
    size,
    mappings,
    forced,
    (progress) => onProgress?.({ kind: 'stream', ...progress }),
    signal,
  );
}
