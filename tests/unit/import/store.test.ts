/** FileStore.add: a file of a taken name gets "name (2)", unless its contents equal the loaded file's, which it replaces. */
import { describe, expect, it } from 'vitest';
import { importFile, type LoadedFile } from '../../../src/import/importFile';
import { FileStore } from '../../../src/import/store';

const load = (text: string): LoadedFile => {
  const result = importFile(new TextEncoder().encode(text), 'a.csv');
  if (result.status !== 'loaded') throw new Error(result.status);
  return result;
};
const A = 'utredning_id;startdatum\nU1;2025-01-10\n';
const B = 'utredning_id;startdatum\nU1;2025-01-11\n';

describe('FileStore.add', () => {
  it('names a file with other contents "a.csv (2)" and replaces a file with the same contents', () => {
    const store = new FileStore();
    expect(store.add(load(A))).toBe('a.csv');
    expect(store.add(load(B))).toBe('a.csv (2)');
    const before = store.fingerprint;
    expect(store.add(load(A))).toBe('a.csv');
    expect(store.loadedFiles.map((f) => f.file).sort()).toEqual(['a.csv', 'a.csv (2)']);
    expect(store.fingerprint).not.toBe(before);
  });

  it('tells files apart by every row and problem, not only their size', () => {
    const store = new FileStore();
    store.add(load(`${A}U2;2025-13-01\n`));
    expect(store.add(load(`${A}U2;2025-14-01\n`))).toBe('a.csv (2)');
    expect(store.add(load(`${A}U2;2025-13-01\n`))).toBe('a.csv');
    expect(store.loadedFiles.length).toBe(2);
  });
});
