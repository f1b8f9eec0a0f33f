/** Confirmed column mappings, remembered in this browser by header signature. */
import type { SavedMapping } from '../import/datasets';
import type { MappingStore } from '../import/importFile';

const KEY = 'insyn.kolumnmappningar.v1';

export function loadMappings(): MappingStore {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? '{}') as MappingStore;
  } catch {
    return {};
  }
}

export function saveMapping(signature: string, mapping: SavedMapping): MappingStore {
  const store = { ...loadMappings(), [signature]: mapping };
  localStorage.setItem(KEY, JSON.stringify(store));
  return store;
}

/** Whether any mapping is saved in this browser. */
export function hasMappings(): boolean {
  return Object.keys(loadMappings()).length > 0;
}

/** Deletes the saved mappings from this browser ("Glöm alla filer": they hold the files' headers). */
export function forgetMappings(): void {
  localStorage.removeItem(KEY);
}

/** The same JSON that `npm run report -- --mapping FILE` reads. */
export function mappingsFileText(): string {
  return JSON.stringify(loadMappings(), null, 2) + '\n';
}
