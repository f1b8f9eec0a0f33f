/**
 * importBlob: a File or Blob (as the page hands it to the worker) streams through importFileStream
 * and gives what importFile gives on the whole bytes; a workbook is read whole and gives what
 * importAnyFile gives; a cancel keeps nothing.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importBlob, type BlobProgress } from '../../../src/import/importBlob';
import { importAnyFile, importFile, type FileImport } from '../../../src/import/importFile';

const root = new URL('../../../', import.meta.url);
const read = (path: string) => new Uint8Array(readFileSync(new URL(path, root)));

/** An import as one JSON text (typed arrays as their type and values), for a quick exact comparison. */
const asText = (result: FileImport | { status: 'cancelled' }) =>
  JSON.stringify(result, (_key, value: unknown) =>
    ArrayBuffer.isView(value) ? [value.constructor.name, ...Array.from(value as unknown as ArrayLike<number>)] : value,
  );

const CSV = [
  'public/data/utredningar.csv',
  'public/data/orosanmalningar.csv',
  'fixtures/dialects/utredningar_excel_win1252.csv',
  'fixtures/dialects/utredningar_okanda_rubriker.csv',
  'fixtures/problems/utredningar_fel.csv',
  'fixtures/problems/inte_csv.pdf',
];

describe('importBlob', () => {
  for (const path of CSV) {
    it(`${path}: as a Blob and as held bytes, the same as importFile`, async () => {
      const bytes = read(path);
      const name = path.split('/').pop()!;
      const whole = asText(importFile(bytes, name));
      expect(asText(await importBlob(new Blob([bytes]), name))).toBe(whole);
      expect(asText(await importBlob(bytes, name))).toBe(whole);
    });
  }

  it('streams a CSV: progress in bytes and rows, ending at the whole file', async () => {
    // Held bytes go on in 1 MB views (Node's Blob streams a small blob in one chunk; browsers in 64 kB).
    const bytes = read('public/data/orosanmalningar.csv');
    const seen: BlobProgress[] = [];
    const result = await importBlob(bytes, 'o.csv', {}, undefined, (p) => seen.push(p));
    expect(result.status).toBe('loaded');
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.every((p) => p.kind === 'stream' && p.totalBytes === bytes.length)).toBe(true);
    const last = seen.at(-1);
    expect(last?.kind === 'stream' && last.bytesRead).toBe(bytes.length);
    expect(last?.kind === 'stream' && result.status === 'loaded' && last.rows).toBeGreaterThan(0);
  });

  it('reads a workbook whole, as importAnyFile does', async () => {
    const bytes = read('fixtures/xlsx/utredningar_300.xlsx');
    const seen: BlobProgress['kind'][] = [];
    const result = await importBlob(new Blob([bytes]), 'u.xlsx', {}, undefined, (p) => seen.push(p.kind));
    expect(result.status).toBe('loaded');
    expect(asText(result)).toBe(asText(await importAnyFile(bytes, 'u.xlsx')));
    expect(new Set(seen)).toEqual(new Set(['workbook']));
  });

  it('stops when cancelled mid-way and keeps nothing', async () => {
    const bytes = read('public/data/orosanmalningar.csv');
    const controller = new AbortController();
    let reports = 0;
    const result = await importBlob(
      bytes,
      'o.csv',
      {},
      undefined,
      () => {
        if (++reports === 1) controller.abort();
      },
      controller.signal,
    );
    expect(bytes.length).toBeGreaterThan(2 << 20); // more than one 1 MB chunk
    expect(result).toEqual({ status: 'cancelled', file: 'o.csv' });
    expect(reports).toBe(1);
    expect(await importBlob(new Blob([bytes]), 'o.csv', {}, undefined, undefined, AbortSignal.abort())).toEqual({
      status: 'cancelled',
      file: 'o.csv',
    });
  });
});
