/// <reference lib="webworker" />
/** The engine's worker: imports files, holds the tables, and answers each page with the rows it draws. */
import { toCsv } from '../format/csv';
import { problemColumns } from '../format/exports';
import { formatCount, formatNumber } from '../format/number';
import { importBlob } from '../import/importBlob';
import { importFraction, type FileImport } from '../import/importFile';
import { NO_DATE, parseIsoDate } from '../kpi';
import { Engine } from './engine';
import { PackageViews } from './views/fromPackage';
import { publishView } from './views/publish';
import type {
  FileOutcome,
  Progress,
  Request,
  ResponseMap,
  WorkerCall,
  WorkerMessage,
  WorkspaceState,
} from './protocol';

const workspace = new Engine();
const demoFiles = new Set<string>();
let version = 0;
/** A published package of aggregates, shown while no file is loaded (issue 13). */
let published: { views: PackageViews; demo: boolean } | null = null;
const fromPackage = () => (workspace.loadedFiles.length === 0 ? published?.views : undefined);
/** Problems sent to the page at most; the full list is in the CSV download. */
const PROBLEM_LIMIT = 2000;

function state(): WorkspaceState {
  const views = fromPackage();
  if (views && published) return packageState(views, published.demo);
  const files = workspace.loadedFiles.map((f) => ({ file: f.file, dataset: f.dataset, demo: demoFiles.has(f.file) }));
  return {
    version,
    files,
    datasets: [...new Set(files.map((f) => f.dataset))],
    latestEventDate: workspace.latestEventDate(),
    defaultAsOf: workspace.defaultAsOf(),
    demo: files.length > 0 && files.every((f) => f.demo),
    package: null,
  };
}

/** The state while a package is shown: its source files, as-of date and title, no records. */
function packageState(views: PackageViews, demo: boolean): WorkspaceState {
  const { manifest } = views.pkg;
  const asOf = parseIsoDate(manifest.asOf) ?? NO_DATE;
  const files = manifest.sources.map((s) => ({ file: s.file, dataset: s.dataset, demo }));
  return {
    version,
    files,
    datasets: [...new Set(files.map((f) => f.dataset))],
    latestEventDate: asOf,
    defaultAsOf: { asOf, rule: 'last-event', laterEvents: 0, laterRows: 0, source: 'enligt det publicerade paketet' },
    demo,
    package: { title: manifest.title, asOf: manifest.asOf, created: manifest.created },
  };
}

/** Progress messages at most this often (ms) while a file streams: each one re-renders the page. */
const PROGRESS_EVERY_MS = 100;
const megabytes = (bytes: number) => formatNumber(bytes / 1e6, 1);

/**
 * Imports the files one by one, each read in chunks (a workbook whole), and only then adds them:
 * a cancelled load (`signal`) keeps none of its files and leaves what was loaded before as it was.
 */
async function load(
  request: Extract<Request, { type: 'load' }>,
  progress: (p: Progress) => void,
  signal: AbortSignal,
): Promise<ResponseMap['load']> {
  const total = request.files.length;
  const results: FileImport[] = [];
  for (const [index, input] of request.files.entries()) {
    const name = `${input.name} (${index + 1} av ${total})`;
    let reported = 0;
    const source = input.bytes instanceof ArrayBuffer ? new Uint8Array(input.bytes) : input.bytes;
    const result = await importBlob(
      source,
      input.name,
      request.mappings,
      input.mapping,
      (p) => {
        if (p.kind === 'workbook') {
          progress({ done: index + importFraction(p.step, p.fraction), total, label: `${name} – ${p.step}` });
          return;
        }
        const now = performance.now();
        if (now - reported < PROGRESS_EVERY_MS && p.bytesRead < p.totalBytes) return;
        reported = now;
        progress({
          done: index + p.bytesRead / Math.max(1, p.totalBytes),
          total,
          label: `${name} – ${formatCount(p.rows)} rader, ${megabytes(p.bytesRead)} av ${megabytes(p.totalBytes)} MB`,
          rows: p.rows,
          bytesRead: p.bytesRead,
          totalBytes: p.totalBytes,
        });
      },
      signal,
    );
    if (result.status === 'cancelled' || signal.aborted) return cancelled(request);
    results.push(result);
  }
  progress({ done: total, total, label: '' });
  let cleared = false;
  const outcomes = results.map((result): FileOutcome => {
    if (result.status !== 'loaded') return result;
    // Files replace a published package.
    published = null;
    // The user's own data replaces the demo data; the two are never mixed.
    if (!request.demo && !cleared && demoFiles.size > 0) {
      workspace.clear();
      demoFiles.clear();
      cleared = true;
    }
    const file = workspace.add(result);
    if (request.demo) demoFiles.add(file);
    const { dataset, rowsRead, rowsRejected, rowsWithWarning, masked } = result;
    return { status: 'loaded', file, dataset, rowsRead, rowsRejected, rowsWithWarning, masked };
  });
  if (outcomes.some((o) => o.status === 'loaded')) version++;
  return { outcomes, state: state(), cancelled: false };
}

/** A cancelled load: every file of it is reported as not loaded, and nothing changed. */
function cancelled(request: Extract<Request, { type: 'load' }>): ResponseMap['load'] {
  const outcomes = request.files.map(({ name }): FileOutcome => ({
    status: 'failed',
    file: name,
    problem: {
      file: name,
      line: 0,
      column: '',
      value: '',
      code: 'cancelled',
      severity: 'avvisad',
      message: `Inläsningen av ${name} avbröts. Filerna som var inlästa innan är kvar som de var.`,
    },
  }));
  return { outcomes, state: state(), cancelled: true };
}

async function handle(
  request: Request,
  progress: (p: Progress) => void,
  signal: AbortSignal,
): Promise<ResponseMap[Request['type']]> {
  switch (request.type) {
    case 'load':
      return load(request, progress, signal);
    case 'loadPackage':
      workspace.clear();
      demoFiles.clear();
      published = { views: new PackageViews(request.package), demo: request.demo };
      version++;
      return state();
    case 'remove':
      if (fromPackage()) published = null;
      workspace.remove(request.file);
      demoFiles.delete(request.file);
      version++;
      return state();
    case 'clear':
      published = null;
      workspace.clear();
      demoFiles.clear();
      version++;
      return state();
    case 'state':
      return state();
    case 'reconciliation': {
      const { problems, ...rest } = workspace.reconciliation(request.asOf);
      return { ...rest, problems: problems.slice(0, PROBLEM_LIMIT), problemCount: problems.length };
    }
    case 'problemsCsv':
      return toCsv(problemColumns, workspace.reconciliation(request.asOf).problems);
    case 'investigations':
      return (fromPackage() ?? workspace).investigations(request.query);
    case 'concerns':
      return (fromPackage() ?? workspace).concerns(request.query);
    case 'decisions':
      return (fromPackage() ?? workspace).decisions(request.query);
    case 'overview':
      return (fromPackage() ?? workspace).overview(request.query);
    case 'watch':
      return workspace.watch(request.query);
    case 'ivoList':
      // A package holds no list of decisions.
      return fromPackage() ? null : workspace.ivoList(request.query);
    case 'publish':
      return publishView(workspace, request.query);
  }
}

/** Requests are answered one at a time, in order, even while a load waits for a file's next chunk. */
let queue = Promise.resolve();
/** The loads waiting or running, by request id, so a cancel reaches them even while they wait their turn. */
const running = new Map<number, AbortController>();
self.onmessage = (event: MessageEvent<WorkerCall>) => {
  const call = event.data;
  if ('cancel' in call) {
    running.get(call.cancel)?.abort();
    return;
  }
  const { id, request } = call;
  const post = (message: WorkerMessage) => self.postMessage(message);
  const controller = new AbortController();
  running.set(id, controller);
  queue = queue.then(async () => {
    try {
      const result = await handle(request, (progress) => post({ id, progress }), controller.signal);
      post({ id, ok: true, result });
    } catch (error) {
      post({ id, ok: false, error: error instanceof Error ? error.message : String(error) });
    } finally {
      running.delete(id);
    }
  });
};
