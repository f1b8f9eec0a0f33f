/** The page's side of the engine's worker: typed request/response with progress callbacks. */
import type { Progress, Request, ResponseMap, WorkerMessage } from '../engine/protocol';

export type { Progress };

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<
  number,
  { resolve: (value: unknown) => void; reject: (error: Error) => void; onProgress?: (p: Progress) => void }
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

/** Sends a request; ArrayBuffers in a load request are transferred, not copied. */
export function callWorker<T extends Request>(
  request: T,
  onProgress?: (p: Progress) => void,
): Promise<ResponseMap[T['type']]> {
  const id = nextId++;
  const transfer = request.type === 'load' ? request.files.map((f) => f.bytes) : [];
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve: resolve as (value: unknown) => void, reject, onProgress });
    getWorker().postMessage({ id, request }, transfer);
  });
}
