/** The CLI reads files in 1 MB chunks (importPath): the same import as importFile on the whole bytes. */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPath } from '../../../src/cli/load';
import { importAnyFile, importFile, type FileImport } from '../../../src/import/importFile';

const root = new URL('../../../', import.meta.url).pathname;
const filesIn = (dir: string) => readdirSync(join(root, dir)).map((name) => join(root, dir, name));

/** An import as one JSON text (typed arrays as their type and values), for a quick exact comparison. */
const asText = (result: FileImport | null) =>
  JSON.stringify(result, (_key, value: unknown) =>
    ArrayBuffer.isView(value) ? [value.constructor.name, ...Array.from(value as unknown as ArrayLike<number>)] : value,
  );

describe('importPath', () => {
  const csv = [
    ...filesIn('fixtures/dialects'),
    ...filesIn('fixtures/problems'),
    ...filesIn('public/data').filter((p) => p.endsWith('.csv')),
  ];

  it('reads a file of several chunks', () => {
    expect(readFileSync(join(root, 'public/data/orosanmalningar.csv')).length).toBeGreaterThan(3 << 20);
  });

  for (const path of csv) {
    it(`${path.slice(root.length)}: as importFile`, () => {
      const name = path.split('/').pop()!;
      expect(asText(importPath(path, {}))).toBe(asText(importFile(new Uint8Array(readFileSync(path)), name)));
    });
  }

  it('reads a workbook whole, as importAnyFile', async () => {
    const path = join(root, 'fixtures/xlsx/utredningar_300.xlsx');
    const result = importPath(path, {});
    expect(result?.status).toBe('loaded');
    expect(asText(result)).toBe(
      asText(await importAnyFile(new Uint8Array(readFileSync(path)), 'utredningar_300.xlsx')),
    );
  });

  it('gives null for a file that cannot be opened or read', () => {
    expect(importPath(join(root, 'finns-inte.csv'), {})).toBeNull();
    expect(importPath(mkdtempSync(join(tmpdir(), 'insyn-dir-')), {})).toBeNull();
  });
});
