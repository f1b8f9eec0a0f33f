/**
 * What the site publishes next to the app (data/manifest.json) and the as-of date every page uses:
 * chosen in the URL, the manifest's while only its files are loaded, else the files' own.
 */
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { FileInput, FileOutcome, ResponseMap, WorkspaceState } from '../engine/protocol';
import {
  PACKAGE_KIND,
  type AggregateTables,
  type PackageManifest,
  type PublishedPackage,
} from '../kpi/publishedPackage';
import { NO_DATE, parseIsoDate, type DayNumber } from '../kpi';
import { AS_OF_RULE_LABELS, type AsOfRule } from '../kpi/asOf';
import { loadMappings } from './mappings';
import { useOwnFiles } from './ownFiles';
import { dataUrl, EXAMPLE_MANIFEST, publishedManifest, queryKeys, useReconciliation, useWorkspace } from './queries';
import { readUrlParams } from './urlSchema';
import { useUrlState } from './urlState';
import { callWorker } from './workerClient';

export interface Manifest {
  /** `aggregat` for a published package of aggregates (issue 13); absent for record-level files. */
  kind?: string;
  title?: string;
  demo?: boolean;
  source?: string;
  asOf?: string;
  files: string[];
}

/**
 * Shows the record-level demo files (data/exempel.json) as the published data: the analyst's view
 * with lists, reconciliation and problems, still marked "Exempeldata" – until the page is reloaded
 * or every file is removed (then the site's own manifest is read again).
 */
export async function openExampleFiles(client: QueryClient): Promise<void> {
  publishedManifest.name = EXAMPLE_MANIFEST;
  await client.refetchQueries({ queryKey: queryKeys.published }, { throwOnError: true });
}

/**
 * Loads the published data named by data/manifest.json: a package of aggregates (`kind: "aggregat"`,
 * its tables as `<table>.json` beside it), or record-level files named in `files`.
 * Returns null when the site has no manifest.
 */
export function usePublishedData() {
  const client = useQueryClient();
  return useQuery({
    queryKey: queryKeys.published,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    retry: 1,
    queryFn: async () => {
      const response = await fetchPublished(publishedManifest.name, { missing: 'null' });
      if (!response) return null;
      const manifest = (await response.json()) as Manifest;
      if (manifest.kind === PACKAGE_KIND) {
        const pkg = await fetchPackage(manifest as unknown as PackageManifest);
        const state = await callWorker({ type: 'loadPackage', package: pkg, demo: manifest.demo === true });
        client.setQueryData(queryKeys.workspace, state);
        const asOf = parseIsoDate(pkg.manifest.asOf);
        const outcomes: FileOutcome[] = [];
        return {
          manifest: {
            ...manifest,
            source: manifest.source ?? `Publicerat paket med aggregat, uttag ${pkg.manifest.asOf}`,
            files: pkg.manifest.sources.map((s) => s.file),
          },
          asOf,
          outcomes,
        };
      }
      const files: FileInput[] = await Promise.all(
        manifest.files.map(async (name) => ({ name, bytes: await (await fetchPublished(name)).arrayBuffer() })),
      );
      const { outcomes, state } = await callWorker({
        type: 'load',
        files,
        mappings: loadMappings(),
        demo: manifest.demo === true,
      });
      client.setQueryData(queryKeys.workspace, state);
      return { manifest, asOf: manifest.asOf ? parseIsoDate(manifest.asOf) : null, outcomes };
    },
  });
}

/** A file published beside the app; a Swedish error naming it when it cannot be fetched (or null if missing, when asked). */
async function fetchPublished(name: string): Promise<Response>;
async function fetchPublished(name: string, options: { missing: 'null' }): Promise<Response | null>;
async function fetchPublished(name: string, options?: { missing: 'null' }): Promise<Response | null> {
  const response = await fetch(dataUrl(name), { cache: 'no-cache' });
  if (response.status === 404 && options?.missing === 'null') return null;
  if (!response.ok) throw new Error(`Publicerade data kunde inte hämtas (${name}: HTTP ${response.status}).`);
  return response;
}

/** A package's tables, fetched beside its manifest. */
async function fetchPackage(manifest: PackageManifest): Promise<PublishedPackage> {
  const tables: AggregateTables = {};
  await Promise.all(
    manifest.tables.map(async (name) => {
      Object.assign(tables, { [name]: await (await fetchPublished(`${name}.json`)).json() });
    }),
  );
  return { manifest, tables };
}

/** The published manifest, while every loaded file came from it (the user has loaded none of their own); else null. */
export function usePublishedOnly(): Manifest | null {
  const state = useWorkspace().data;
  const published = usePublishedData().data;
  const own = useOwnFiles();
  const only =
    !!state &&
    !!published &&
    state.files.length > 0 &&
    state.files.every((f) => !own.has(f.file) && published.manifest.files.includes(f.file));
  return only ? published.manifest : null;
}

/** The engine's default as-of date of the loaded files, when the engine gives it (`state.defaultAsOf`). */
interface FilesAsOf {
  asOf: DayNumber;
  rule: AsOfRule | null;
}

function filesAsOf(state: WorkspaceState | undefined): FilesAsOf | null {
  if (!state) return null;
  const found = (state as { defaultAsOf?: { asOf?: unknown; rule?: unknown } }).defaultAsOf;
  if (found && typeof found.asOf === 'number' && found.asOf !== NO_DATE) {
    const rule = typeof found.rule === 'string' && found.rule in AS_OF_RULE_LABELS ? (found.rule as AsOfRule) : null;
    return { asOf: found.asOf, rule };
  }
  return state.latestEventDate === NO_DATE ? null : { asOf: state.latestEventDate, rule: null };
}

/** Where the as-of date in use came from. */
export type AsOfOrigin = 'chosen' | 'published' | 'files' | 'none';

export interface AsOfInUse {
  asOf: DayNumber;
  origin: AsOfOrigin;
  /** "valt", "enligt publicerade data" or "från filerna: <rule>", for "Uttagsdatum 2025-11-30 (…)". */
  source: string;
}

/**
 * The as-of date every page uses: the one chosen in the URL; else the published manifest's, while
 * only published files are loaded; else the loaded files' own date (the engine's default rule).
 * NO_DATE while no file is loaded.
 */
export function useAsOf(): AsOfInUse {
  const [params] = useUrlState();
  const state = useWorkspace().data;
  const published = usePublishedData().data;
  const publishedOnly = usePublishedOnly();
  const chosen = readUrlParams(params).asOf;
  if (!state || state.files.length === 0) return { asOf: NO_DATE, origin: 'none', source: 'inga filer inlästa' };
  if (chosen !== null) return { asOf: chosen, origin: 'chosen', source: 'valt' };
  if (publishedOnly && published?.asOf != null)
    return { asOf: published.asOf, origin: 'published', source: 'enligt publicerade data' };
  const files = filesAsOf(state);
  if (!files) return { asOf: NO_DATE, origin: 'none', source: 'inga händelsedatum i filerna' };
  return {
    asOf: files.asOf,
    origin: 'files',
    source: `från filerna: ${files.rule ? AS_OF_RULE_LABELS[files.rule] : 'senaste händelsedatum'}`,
  };
}

/**
 * The as-of date in use with where it came from, for the import page and the report header:
 * "från filerna: sista dag med händelser; 4 rader med senare datum avvisade". The rows are those
 * rejected as after the as-of date (null while the reconciliation is on its way).
 */
export function useAsOfDescription(): AsOfInUse & { laterRows: number | null; text: string } {
  const inUse = useAsOf();
  const state = useWorkspace().data;
  const reconciliation = useReconciliation(state?.version, inUse.asOf).data;
  const laterRows = reconciliation ? rowsAfterAsOf(reconciliation) : null;
  const later =
    inUse.origin === 'files' && laterRows !== null
      ? `; ${laterRows} ${laterRows === 1 ? 'rad' : 'rader'} med senare datum avvisade`
      : '';
  const source = inUse.origin === 'chosen' ? 'valt av dig' : inUse.source;
  return { ...inUse, laterRows, text: `${source}${later}` };
}

/** Rows rejected as after the as-of date: the engine's count when it gives one, else counted in the problems. */
function rowsAfterAsOf(view: ResponseMap['reconciliation']): number | null {
  const given = (view.totals as { rowsAfterAsOf?: unknown }).rowsAfterAsOf;
  if (typeof given === 'number') return given;
  // Every row after the as-of date has one `after-as-of` problem; exact only while no problem was cut off.
  if (view.problems.length < view.problemCount) return null;
  return view.problems.filter((p) => p.code === 'after-as-of').length;
}
