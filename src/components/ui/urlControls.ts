/**
 * The URL state the page controls read and write. The app provides it (from data/urlState.ts), so
 * components never reach into data/ themselves.
 */
import { createContext, useContext } from 'react';

/** Applies updates to the URL's query; null or [] removes a key; `push` adds a history entry. */
export type UrlSetter = (updates: Record<string, string | string[] | null>, push?: boolean) => void;

export const UrlControlsContext = createContext<readonly [URLSearchParams, UrlSetter] | null>(null);

/** The URL's parameters and their setter, as provided by the app. */
export function useUrlControls(): readonly [URLSearchParams, UrlSetter] {
  const value = useContext(UrlControlsContext);
  if (!value) throw new Error('UrlControlsContext saknas: appen ska omge sidorna med den.');
  return value;
}
