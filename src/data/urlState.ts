/**
 * The URL keeps the page and its controls (`?sida=utredningstid&uttag=2025-11-30&enhet=Norr`),
 * so a link shows the same view. Page changes push history; control changes replace it.
 */
import { useCallback, useSyncExternalStore } from 'react';

const EVENT = 'insyn:url';

function subscribe(callback: () => void): () => void {
  window.addEventListener('popstate', callback);
  window.addEventListener(EVENT, callback);
  return () => {
    window.removeEventListener('popstate', callback);
    window.removeEventListener(EVENT, callback);
  };
}

export type UrlUpdate = Record<string, string | string[] | null>;

/** Applies updates to a query string; null or [] removes a key. */
export function updateSearch(search: string, updates: UrlUpdate): string {
  const params = new URLSearchParams(search);
  for (const [key, value] of Object.entries(updates)) {
    params.delete(key);
    if (value === null) continue;
    for (const v of Array.isArray(value) ? value : [value]) params.append(key, v);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function useUrlState(): [URLSearchParams, (updates: UrlUpdate, push?: boolean) => void] {
  const search = useSyncExternalStore(subscribe, () => window.location.search);
  const set = useCallback((updates: UrlUpdate, push = false) => {
    const next = updateSearch(window.location.search, updates);
    const url = `${window.location.pathname}${next}${window.location.hash}`;
    if (push) window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
    window.dispatchEvent(new Event(EVENT));
  }, []);
  return [new URLSearchParams(search), set];
}
