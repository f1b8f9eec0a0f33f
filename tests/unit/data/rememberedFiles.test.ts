/** The pure part of remembering files: which files of a load are kept, their order, and a restore's outcome. */
import { describe, expect, it } from 'vitest';
import { afterRestore, inLoadingOrder, loadedFiles } from '../../../src/data/rememberedFiles';
import type { FileOutcome } from '../../../src/engine/protocol';
import type { SavedMapping } from '../../../src/import/datasets';

const loaded = (file: string): FileOutcome => ({
  status: 'loaded',
  file,
  dataset: 'utredningar',
  rowsRead: 3,
  rowsRejected: 0,
  rowsWithWarning: 0,
  masked: [],
});
const failed = (file: string): FileOutcome => ({
  status: 'failed',
  file,
  problem: { file, line: 0, column: '', value: '', code: 'not-csv', severity: 'avvisad', message: 'Inte CSV' },
});
const blob = (text: string) => new Blob([text]);

describe('loadedFiles', () => {
  it('returns the files that loaded, under the name the workspace gave them, in the order of the load', () => {
    const a = blob('a');
    const b = blob('b');
    const c = blob('c');
    const mapping: SavedMapping = { dataset: 'utredningar', columns: { utredning_id: 'Nr', startdatum: 'Start' } };
    const files = loadedFiles(
      [
        { name: 'export.csv', blob: a },
        { name: 'bild.png', blob: b },
        { name: 'export.csv', blob: c },
      ],
      [loaded('export.csv'), failed('bild.png'), loaded('export.csv (2)')],
      mapping,
      1_700_000_000_000,
      40,
    );
    expect(files).toEqual([
      { file: 'export.csv', name: 'export.csv', blob: a, mapping, importedAt: 1_700_000_000_000, order: 40 },
      { file: 'export.csv (2)', name: 'export.csv', blob: c, mapping, importedAt: 1_700_000_000_000, order: 42 },
    ]);
    expect(files[1].blob).toBe(c);
  });

  it('keeps nothing of a file that waits for a column mapping', () => {
    const needsMapping: FileOutcome = {
      status: 'needs-mapping',
      file: 'okand.csv',
      signature: 'a|b',
      header: ['a', 'b'],
      guess: null,
      suggested: {},
    };
    expect(loadedFiles([{ name: 'okand.csv', blob: blob('a;b') }], [needsMapping], undefined, 0, 0)).toEqual([]);
  });
});

describe('inLoadingOrder', () => {
  it('returns the stored files in the order they were loaded, whatever order the storage gives', () => {
    const stored = [
      { file: 'b.csv', order: 7 },
      { file: 'c.csv', order: 12 },
      { file: 'a.csv', order: 9 },
    ];
    expect(inLoadingOrder(stored).map((f) => f.file)).toEqual(['b.csv', 'a.csv', 'c.csv']);
    expect(stored.map((f) => f.file)).toEqual(['b.csv', 'c.csv', 'a.csv']);
  });
});

describe('afterRestore', () => {
  it('renames a file the workspace now knows by another name and names those that did not load', () => {
    const files = [
      { file: 'export.csv (2)', order: 1 },
      { file: 'trasig.csv', order: 2 },
      { file: 'beslut.csv', order: 3 },
    ];
    const result = afterRestore(files, [loaded('export.csv'), failed('trasig.csv'), loaded('beslut.csv')]);
    expect(result).toEqual({
      kept: [
        { file: 'export.csv', order: 1 },
        { file: 'beslut.csv', order: 3 },
      ],
      failed: ['trasig.csv'],
    });
  });
});
