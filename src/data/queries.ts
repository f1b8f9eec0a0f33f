/**
 * TanStack Query over the engine's worker: query keys and options in one place. Loaded tables are keyed
 * by the workspace version; derived results by (version, query).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useUrlState } from './urlState';
import type { FileInput, Request } from '../engine/protocol';
import type { ViewQuery } from '../engine/types';
import { NO_DATE, parseIsoDate, type DayNumber } from '../kpi';
import { loadMappings } from './mappings';
import { callWorker, type Progress } from './workerClient';

export interface Manifest {
  title?: string;
  demo?: boolean;
  source?: string;
  asOf?: string;
  files: string[];
}

export const queryKeys = {
  published: ['published'] as const,
  workspace: ['workspace'] as const,
  reconciliation: (version: number, asOf: DayNumber) => ['reconciliation', version, asOf] as const,
  view: (type: ViewType, version: number, query: unknown) => [type, version, query] as const,
  ivoList: (version: number, query: ViewQuery, quarter: number) => ['ivo', version, query, quarter] as const,
};

const dataUrl = (name: string) => `${import.meta.env.BASE_URL}data/${name}`;

/**
 * Loads the published data named by data/manifest.json (the demo data is served this way).
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
      const response = await fetch(dataUrl('manifest.json'), { cache: 'no-cache' });
      if (response.status === 404) return null;
      if (!response.ok) throw new Error(`Publicerade data kunde inte hämtas (manifest.json: HTTP ${response.status}).`);
      const manifest = (await response.json()) as Manifest;
      const files: FileInput[] = await Promise.all(
        manifest.files.map(async (name) => {
          const file = await fetch(dataUrl(name), { cache: 'no-cache' });
          if (!file.ok) throw new Error(`Publicerade data kunde inte hämtas (${name}: HTTP ${file.status}).`);
          return { name, bytes: await file.arrayBuffer() };
        }),
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

export function useWorkspace() {
  return useQuery({ queryKey: queryKeys.workspace, queryFn: () => callWorker({ type: 'state' }), staleTime: Infinity });
}

/** Loads dropped or picked files, with progress. */
export function useLoadFiles() {
  const client = useQueryClient();
  const [progress, setProgress] = useState<Progress | null>(null);
  const mutation = useMutation({
    mutationFn: async (files: FileInput[]) => {
      setProgress({ done: 0, total: files.length, label: '' });
      try {
        return await callWorker({ type: 'load', files, mappings: loadMappings(), demo: false }, setProgress);
      } finally {
        setProgress(null);
      }
    },
    onSuccess: ({ state }) => client.setQueryData(queryKeys.workspace, state),
  });
  return { ...mutation, progress };
}

export function useRemoveFile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (file: string | null) =>
      file === null ? callWorker({ type: 'clear' }) : callWorker({ type: 'remove', file }),
    onSuccess: (state) => client.setQueryData(queryKeys.workspace, state),
  });
}

export function useReconciliation(version: number | undefined, asOf: DayNumber | null) {
  return useQuery({
    queryKey: queryKeys.reconciliation(version ?? -1, asOf ?? 0),
    queryFn: () => callWorker({ type: 'reconciliation', asOf: asOf ?? 0 }),
    enabled: version !== undefined && asOf !== null,
    placeholderData: (previous) => previous,
  });
}

type ViewType = 'investigations' | 'concerns' | 'decisions' | 'watch' | 'overview';
type ViewRequest<T extends ViewType> = Extract<Request, { type: T }>;

/** A page's figures from the worker, keyed by (page, workspace version, query). */
export function useView<T extends ViewType>(
  type: T,
  version: number | undefined,
  query: ViewRequest<T>['query'] | null,
) {
  return useQuery({
    queryKey: queryKeys.view(type, version ?? -1, query ?? { asOf: 0 }),
    queryFn: () => callWorker({ type, query: query ?? { asOf: 0 } } as ViewRequest<T>),
    enabled: version !== undefined && query !== null,
    placeholderData: (previous) => previous,
  });
}

export function useIvoList(version: number | undefined, query: ViewQuery | null, quarter: number | null) {
  return useQuery({
    queryKey: queryKeys.ivoList(version ?? -1, query ?? { asOf: 0 }, quarter ?? 0),
    queryFn: () => callWorker({ type: 'ivoList', query: { ...(query ?? { asOf: 0 }), quarter: quarter ?? 0 } }),
    enabled: version !== undefined && query !== null && quarter !== null,
    placeholderData: (previous) => previous,
  });
}

export function fetchProblemsCsv(asOf: DayNumber): Promise<string> {
  return callWorker({ type: 'problemsCsv', asOf });
}

/** The published manifest, while every loaded file came from it (the user has loaded none of their own); else null. */
export function usePublishedOnly(): Manifest | null {
  const state = useWorkspace().data;
  const published = usePublishedData().data;
  const only =
    !!state &&
    !!published &&
    state.files.length > 0 &&
    state.files.every((f) => published.manifest.files.includes(f.file));
  return only ? published.manifest : null;
}

/**
 * The as-of date every page uses: the one chosen in the URL; else the published manifest's, while
 * only published files are loaded; else the latest event date in the accepted rows.
 */
export function useAsOf(): { asOf: DayNumber; source: string } {
  const [params] = useUrlState();
  const state = useWorkspace().data;
  const published = usePublishedData().data;
  const publishedOnly = usePublishedOnly();
  const chosen = parseIsoDate(params.get('uttag') ?? '');
  if (chosen !== null) return { asOf: chosen, source: 'valt' };
  if (publishedOnly && published?.asOf != null) return { asOf: published.asOf, source: 'enligt publicerade data' };
  return { asOf: state?.latestEventDate ?? NO_DATE, source: 'senaste händelsedatum i filerna' };
}
