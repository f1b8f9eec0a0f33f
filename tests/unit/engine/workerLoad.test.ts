/**
 * The worker's load, run in Node with a stand-in for the worker global: files given as Blobs or
 * bytes load; a load cancelled before it starts, or mid-way through its second file, keeps none of
 * its files and leaves the files loaded before exactly as they were.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type {
  FileInput,
  Progress,
  Request,
  ResponseMap,
  WorkerCall,
  WorkerMessage,
} from '../../../src/engine/protocol';

const root = new URL('../../../', import.meta.url);
const bytes = (path: string) => new Uint8Array(readFileSync(new URL(path, root)));

type Listener = (message: WorkerMessage) => void;
const worker: { onmessage: ((event: { data: WorkerCall }) => void) | null; postMessage: Listener } = {
  onmessage: null,
  postMessage: () => undefined,
};
let nextId = 1;

/** Sends a request; `onProgress` may send more calls (a cancel) while the request runs. */
function call<T extends Request>(
  request: T,
  onProgress?: (progress: Progress, id: number) => void,
): { id: number; done: Promise<ResponseMap[T['type']]> } {
  const id = nextId++;
  const done = new Promise<ResponseMap[T['type']]>((resolve, reject) => {
    const previous = worker.postMessage;
    worker.postMessage = (message) => {
      if (message.id !== id) return previous(message);
      if ('progress' in message) return onProgress?.(message.progress, id);
      worker.postMessage = previous;
      if (message.ok) resolve(message.result as ResponseMap[T['type']]);
      else reject(new Error(message.error));
    };
  });
  worker.onmessage?.({ data: { id, request } });
  return { id, done };
}
const cancel = (id: number) => worker.onmessage?.({ data: { cancel: id } });
const load = (files: FileInput[]): Extract<Request, { type: 'load' }> => ({
  type: 'load',
  files,
  mappings: {},
  demo: false,
});

beforeAll(async () => {
  (globalThis as unknown as { self: typeof worker }).self = worker;
  await import('../../../src/engine/worker');
});

describe('the worker loads files in chunks and cancels a load', () => {
  const investigations = bytes('public/data/utredningar.csv');
  const concerns = bytes('public/data/orosanmalningar.csv');

  it('loads a Blob (a File) and bytes alike, reporting rows and MB', async () => {
    const labels: string[] = [];
    const { done } = call(
      load([
        { name: 'utredningar.csv', bytes: new Blob([investigations]) },
        { name: 'oro.csv', bytes: concerns.slice().buffer },
      ]),
      (p) => labels.push(p.label),
    );
    const { outcomes, state, cancelled } = await done;
    expect(cancelled).toBe(false);
    expect(outcomes.map((o) => [o.file, o.status])).toEqual([
      ['utredningar.csv', 'loaded'],
      ['oro.csv', 'loaded'],
    ]);
    expect(state.files.map((f) => f.file)).toEqual(['utredningar.csv', 'oro.csv']);
    expect(labels.some((l) => /^oro\.csv \(2 av 2\) – [\d\u202f ]+ rader, [\d,]+ av 3,3 MB$/.test(l))).toBe(true);
  });

  it('keeps nothing of a load cancelled before it starts', async () => {
    const before = await call({ type: 'state' }).done;
    const { id, done } = call(load([{ name: 'b.csv', bytes: new Blob([investigations]) }]));
    cancel(id);
    const result = await done;
    expect(result.cancelled).toBe(true);
    expect(result.outcomes).toMatchObject([{ status: 'failed', file: 'b.csv', problem: { code: 'cancelled' } }]);
    expect(result.state).toEqual(before);
  });

  it('keeps none of the files of a load cancelled in its second file; the files before stay', async () => {
    const before = await call({ type: 'state' }).done;
    let cancelledAt = '';
    const { done } = call(
      load([
        { name: 'ny_utredningar.csv', bytes: investigations.slice().buffer },
        { name: 'ny_oro.csv', bytes: concerns.slice().buffer },
      ]),
      (p, id) => {
        if (!cancelledAt && p.label.includes('(2 av 2)') && (p.rows ?? 0) > 0) {
          cancelledAt = p.label;
          cancel(id);
        }
      },
    );
    const result = await done;
    expect(cancelledAt).toMatch(/^ny_oro\.csv/);
    expect(result.cancelled).toBe(true);
    expect(result.outcomes.map((o) => o.status === 'failed' && o.problem.code)).toEqual(['cancelled', 'cancelled']);
    expect(result.outcomes[0].status === 'failed' && result.outcomes[0].problem.message).toContain(
      'Filerna som var inlästa innan är kvar',
    );
    expect(result.state).toEqual(before);
    expect(before.files.map((f) => f.file)).toEqual(['utredningar.csv', 'oro.csv']);
  });
});
