/** What an indicator page starts from: the URL's choices, its view for them, and whether its file is loaded. */
import type { DatasetKind } from '../import/datasets';
import { useView, useWorkspace } from './queries';
import { useViewFilters } from './viewFilters';

/**
 * @returns the filters, the view query and `missing` (the page's file is not loaded, or the view has
 * none of its rows) for `viewStatus`.
 * @example const { filters, view, missing } = useIndicatorView('investigations', 'utredningar');
 */
export function useIndicatorView<T extends 'investigations' | 'concerns' | 'decisions'>(type: T, dataset: DatasetKind) {
  const state = useWorkspace().data;
  const filters = useViewFilters();
  // The three indicator views take the same query (ViewQuery); TypeScript cannot see that through T.
  const view = useView(type, state?.version, filters.query as Parameters<typeof useView<T>>[2]);
  const missing = !state?.datasets.includes(dataset) || view.data === null;
  return { filters, view, missing, version: state?.version };
}
