/// <reference lib="webworker" />
/** The engine's worker: imports files, holds the tables, and answers each page with the rows it draws. */
import { toCsv } from '../format/csv';
import { problemColumns } from '../format/exports';
import { importAnyFile, importFraction } from '../import/importFile';
import { NO_DATE, parseIsoDate } from '../kpi';
import { Engine } from './engine';
import { PackageViews } from './views/fromPackage';
import { publishView } from './views/publish';
import type { FileOutcome, Request, ResponseMap, WorkerMessage, WorkspaceState } from './protocol';

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

async function handle(
  request: Request,
  progress: (done: number, total: number, label: string) => void,
): Promise<ResponseMap[Request['type']]> {
  switch (request.type) {
    case 'load': {
      const outcomes: FileOutcome[] = [];
      let cleared = false;
      for (const [index, input] of request.files.entries()) {
        const total = request.files.length;
        const result = await importAnyFile(
          new Uint8Array(input.bytes),
          input.name,
          request.mappings,
          input.mapping,
          (step, fraction) =>
            progress(
              index + importFraction(step, fraction),
              total,
              `${input.name} (${index + 1} av ${total}) – ${step}`,
            ),
        );
        if (result.status === 'loaded') {
          // Files replace a published package.
          published = null;
          // The user's own data replaces the demo data; the two are never mixed.
          if (!request.demo && !cleared && demoFiles.size > 0) {
            workspace.clear();
            demoFiles.clear();
            cleared = true;
          }
          const name = workspace.add(result);
          if (request.demo) demoFiles.add(name);
          outcomes.push({
            status: 'loaded',
            file: name,
            dataset: result.dataset,
            rowsRead: result.rowsRead,
            rowsRejected: result.rowsRejected,
            rowsWithWarning: result.rowsWithWarning,
            masked: result.masked,
          });
        } else {
          outcomes.push(result);
        }
      }
      progress(request.files.length, request.files.length, '');
      if (outcomes.some((o) => o.status === 'loaded')) version++;
      return { outcomes, state: state() };
    }
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

/** Requests are answered one at a time, in order, even while a load waits for the workbook reader. */
let queue = Promise.resolve();
self.onmessage = (event: MessageEvent<{ id: number; request: Request }>) => {
  const { id, request } = event.data;
  const post = (message: WorkerMessage) => self.postMessage(message);
  queue = queue.then(async () => {
    try {
      const result = await handle(request, (done, total, label) => post({ id, progress: { done, total, label } }));
      post({ id, ok: true, result });
    } catch (error) {
      post({ id, ok: false, error: error instanceof Error ? error.message : String(error) });
    }
  });
};
