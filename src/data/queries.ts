/**
 * TanStack Query over the engine's worker: query keys and options in one place. Loaded tables are keyed
 * by the workspace version; derived results by (version, query).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FileInput, Request } from '../engine/protocol';
import type { ViewQuery } from '../engine/types';
import { NO_DATE, type DayNumber } from '../kpi';
import { loadMappings } from './mappings';
import { addOwnFiles, removeOwnFile } from './ownFiles';
import { callWorker, type Progress } from './workerClient';

export const queryKeys = {
  published: ['published'] as const,
  workspace: ['workspace'] as const,
  reconciliation: (version: number, asOf: DayNumber) => ['reconciliation', version, asOf] as const,
  view: (type: ViewType, version: number, query: unknown) => [type, version, query] as const,
  ivoList: (version: number, query: ViewQuery, quarter: number) => ['ivo', version, query, quarter] as const,
};

export const dataUrl = (name: string) => `${import.meta.env.BASE_URL}data/${name}`;

/** The site's manifest; the built demo's is a package made from the record-level demo files. */
export const SITE_MANIFEST = 'manifest.json';
/** The record-level demo files' manifest beside it (`npm run fixtures` writes both). */
export const EXAMPLE_MANIFEST = 'exempel.json';
/** Which manifest in data/ the published data is read from: the site's, until "Prova med exempelfilerna". */
export const publishedManifest = { name: SITE_MANIFEST };

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
    onSuccess: ({ outcomes, state }) => {
      addOwnFiles(outcomes, new Date());
      client.setQueryData(queryKeys.workspace, state);
    },
  });
  return { ...mutation, progress };
}

/**
 * Removes one file, or all (null). When nothing is left, the published data is loaded again, so
 * the app returns to what it showed before the user's own files.
 */
export function useRemoveFile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (file: string | null) =>
      file === null ? callWorker({ type: 'clear' }) : callWorker({ type: 'remove', file }),
    onSuccess: async (state, file) => {
      removeOwnFile(file);
      client.setQueryData(queryKeys.workspace, state);
      if (state.files.length === 0) {
        publishedManifest.name = SITE_MANIFEST;
        await client.invalidateQueries({ queryKey: queryKeys.published });
      }
    },
  });
}

/** Rows read = accepted + rejected per file at an as-of date; nothing to ask while there is no as-of date. */
export function useReconciliation(version: number | undefined, asOf: DayNumber | null) {
  const ready = version !== undefined && asOf !== null && asOf !== NO_DATE;
  return useQuery({
    queryKey: queryKeys.reconciliation(version ?? -1, asOf ?? 0),
    queryFn: () => callWorker({ type: 'reconciliation', asOf: asOf ?? 0 }),
    enabled: ready,
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
