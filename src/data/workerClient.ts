/** The page's side of the engine's worker: typed request/response with progress callbacks, and cancel. */
import type { Progress, Request, ResponseMap, WorkerCall, WorkerMessage } from '../engine/protocol';

export type { Progress };

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<
  number,
  {
    type: Request['type'];
    resolve: (value: unknown) => void;
    reject: (error: Error) => void;
    onProgress?: (p: Progress) => void;
  }
>();

function getWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('../engine/worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
    const message = event.data;
    const entry = pending.get(message.id);
    if (!entry) return;
    if ('progress' in message) {
      entry.onProgress?.(message.progress);
      return;
    }
    pending.delete(message.id);
    if (message.ok) entry.resolve(message.result);
    else entry.reject(new Error(message.error));
  };
  worker.onerror = (event) => {
    for (const entry of pending.values()) entry.reject(new Error(event.message || 'Beräkningen avbröts oväntat.'));
    pending.clear();
  };
  return worker;
}

const post = (call: WorkerCall, transfer: Transferable[] = []) => getWorker().postMessage(call, transfer);

/**
 * Sends a request. Files in a load request go as they are: a File or Blob is passed by reference
 * (the worker reads it in chunks), an ArrayBuffer is transferred, not copied.
 */
export function callWorker<T extends Request>(
  request: T,
  onProgress?: (p: Progress) => void,
): Promise<ResponseMap[T['type']]> {
  const id = nextId++;
  const transfer =
    request.type === 'load' ? request.files.flatMap((f) => (f.bytes instanceof ArrayBuffer ? [f.bytes] : [])) : [];
  return new Promise((resolve, reject) => {
    pending.set(id, { type: request.type, resolve: resolve as (value: unknown) => void, reject, onProgress });
    post({ id, request }, transfer);
  });
}

/**
 * "Avbryt": cancels every load waiting or running. Each resolves with its files `failed` (code
 * 'cancelled') and `cancelled: true`; the files loaded before stay as they were.
 */
export function cancelLoads(): void {
  for (const [id, entry] of pending) if (entry.type === 'load') post({ cancel: id });
}
