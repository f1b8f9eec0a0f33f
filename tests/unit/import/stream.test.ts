/** importFileStream: any chunking of a file's bytes gives exactly what importFile gives on the whole. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importFile, importFileStream, type FileImport, type StreamProgress } from '../../../src/import/importFile';

const root = new URL('../../../', import.meta.url);
const read = (path: string) => new Uint8Array(readFileSync(new URL(path, root)));
const filesIn = (dir: string) =>
  readdirSync(new URL(dir, root))
    .filter((name) => dir !== 'public/data' || name.endsWith('.csv'))
    .map((name) => `${dir}/${name}`);
const FILES = [...filesIn('fixtures/dialects'), ...filesIn('fixtures/problems'), ...filesIn('public/data')];

/** A seeded generator (LCG), so a failing chunking can be run again. */
function random(seed: number) {
  return (below: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return 1 + Math.floor((seed / 4294967296) * below);
  };
}

/** The bytes cut into chunks of 1 to `maxSize` bytes. */
function chunked(bytes: Uint8Array, maxSize: number, seed: number): Uint8Array[] {
  const size = random(seed);
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < bytes.length;) {
    const next = Math.min(bytes.length, at + size(maxSize));
    chunks.push(bytes.slice(at, next));
    at = next;
  }
  return chunks;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

/**
 * An import as one JSON text, typed arrays as their type and values: compared as strings, since a
 * deep comparison of columns of 40 000 rows takes vitest seconds.
 */
const asText = (result: FileImport | { status: 'cancelled' }) =>
  JSON.stringify(result, (_key, value: unknown) =>
    ArrayBuffer.isView(value) ? [value.constructor.name, ...Array.from(value as unknown as ArrayLike<number>)] : value,
  );

describe('importFileStream gives what importFile gives', () => {
  it('finds every fixture and demo file', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(11);
    expect(FILES).toContain('public/data/utredningar.csv');
    expect(FILES).toContain('fixtures/problems/inte_csv.pdf');
  });

  for (const path of FILES) {
    const bytes = read(path);
    const name = path.split('/').pop() ?? path;
    const whole = importFile(bytes, name);
    const small = bytes.length < 100_000;
    it(`${path}: in 1-byte${small ? '' : '-to-8 kB'} chunks and in random chunks`, async () => {
      const cuts = small
        ? [chunked(bytes, 1, 1), chunked(bytes, 7, 2), chunked(bytes, 4096, 3)]
        : [chunked(bytes, 8192, 4), chunked(bytes, 1 << 20, 5), [bytes]];
      for (const chunks of cuts) {
        expect(chunks.reduce((sum, c) => sum + c.length, 0)).toBe(bytes.length);
        expect(asText(await importFileStream(chunks, name, bytes.length))).toBe(asText(whole));
      }
    });
  }

  it('agrees on the outcomes that matter: demo files load, the PDF fails, unknown headers need a mapping', () => {
    const status = (path: string) => importFile(read(path), path).status;
    expect(status('public/data/utredningar.csv')).toBe('loaded');
    expect(status('fixtures/problems/inte_csv.pdf')).toBe('failed');
    expect(status('fixtures/dialects/utredningar_okanda_rubriker.csv')).toBe('needs-mapping');
  });

  it('reads rows with problems the same in 1-byte chunks, with CR, CRLF and LF mixed', async () => {
    const text =
      'sep=;\r\nutredning_id;startdatum;avslutsdatum;alder\r\n' +
      'U1;2025-01-10;;7\rU2;2025-13-01;;8\nU3;2025-02-01;2025-01-01;9\r\n' +
      'U1;2025-01-10;;7\nU4;"2025-03-01";;tjugo\nU5;"öppen;2025-03-01\nU6;2025-03-02;;5\n';
    const bytes = utf8(text);
    const whole = importFile(bytes, 'mix.csv');
    expect(whole.status).toBe('loaded');
    if (whole.status !== 'loaded') return;
    expect(whole.problems.map((p) => [p.line, p.code])).toEqual([
      [4, 'invalid-date'],
      [5, 'end-before-start'],
      [6, 'duplicate-row'],
      [7, 'age-not-a-number'],
      [8, 'quotes'],
    ]);
    expect(await importFileStream(chunked(bytes, 1, 9), 'mix.csv', bytes.length)).toEqual(whole);
  });

  it('fails an empty, a blank, a one-column and a too-wide file as importFile does', async () => {
    const cases = [
      '',
      ' \r\n\t\n',
      'bara_en_kolumn\nx\n',
      `${Array.from({ length: 1500 }, (_, i) => `k${i}`).join(';')}\n1;2\n`,
    ];
    const codes: string[] = [];
    for (const text of cases) {
      const bytes = utf8(text);
      const whole = importFile(bytes, 'x.csv');
      expect(await importFileStream(chunked(bytes, 3, 11), 'x.csv', bytes.length)).toEqual(whole);
      codes.push(whole.status === 'failed' ? whole.problem.code : whole.status);
    }
    expect(codes).toEqual(['empty-file', 'empty-file', 'not-csv', 'too-many-columns']);
  });
});

/** Chunks of `bytes`, counting how many were taken. */
function counted(chunks: Uint8Array[]) {
  const taken = { count: 0 };
  function* generate() {
    for (const chunk of chunks) {
      taken.count++;
      yield chunk;
    }
  }
  return { chunks: generate(), taken };
}

describe('importFileStream: stopping early, progress and cancel', () => {
  const demo = read('public/data/orosanmalningar.csv');
  const demoRows = (() => {
    const result = importFile(demo, 'o.csv');
    return result.status === 'loaded' ? result.rowsRead : -1;
  })();

  it('stops reading after the header when the file needs a mapping', async () => {
    const header = 'nr;datum_in;vem\n';
    const rows = Array.from({ length: 20_000 }, (_, i) => `N${i};2025-01-10;x\n`).join('');
    const bytes = utf8(header + rows);
    const all = chunked(bytes, 1024, 13);
    const { chunks, taken } = counted(all);
    const result = await importFileStream(chunks, 'okand.csv', bytes.length);
    expect(result).toEqual(importFile(bytes, 'okand.csv'));
    expect(result.status).toBe('needs-mapping');
    // The decoder holds its first 64 kB before it gives out text; reading stops right after.
    const bytesTaken = all.slice(0, taken.count).reduce((sum, c) => sum + c.length, 0);
    expect(bytesTaken).toBeGreaterThanOrEqual(65536);
    expect(bytesTaken).toBeLessThan(65536 + 3 + 1024);
    expect(bytes.length).toBeGreaterThan(4 * 65536);
  });

  it('reports bytes and rows that only grow, ending at the whole file', async () => {
    const seen: StreamProgress[] = [];
    const result = await importFileStream(chunked(demo, 65536, 17), 'o.csv', demo.length, {}, undefined, (p) =>
      seen.push(p),
    );
    expect(result.status).toBe('loaded');
    expect(seen.length).toBeGreaterThan(10);
    for (let i = 1; i < seen.length; i++) {
      expect(seen[i].bytesRead).toBeGreaterThan(seen[i - 1].bytesRead);
      expect(seen[i].rows).toBeGreaterThanOrEqual(seen[i - 1].rows);
    }
    expect(seen.every((p) => p.totalBytes === demo.length)).toBe(true);
    expect(seen.at(-1)?.bytesRead).toBe(demo.length);
    expect(seen.at(-1)?.rows).toBeGreaterThan(demoRows * 0.9);
  });

  it('returns cancelled when aborted mid-way and reads no further', async () => {
    const controller = new AbortController();
    const { chunks, taken } = counted(chunked(demo, 65536, 19));
    const total = chunked(demo, 65536, 19).length;
    let rowsAtAbort = 0;
    const result = await importFileStream(
      chunks,
      'o.csv',
      demo.length,
      {},
      undefined,
      (p) => {
        if (p.rows > 5000 && !controller.signal.aborted) {
          rowsAtAbort = p.rows;
          controller.abort();
        }
      },
      controller.signal,
    );
    expect(result).toEqual({ status: 'cancelled', file: 'o.csv' });
    expect(rowsAtAbort).toBeGreaterThan(5000);
    expect(rowsAtAbort).toBeLessThan(demoRows);
    expect(taken.count).toBeLessThan(total);
  });

  it('returns cancelled at once for a signal aborted before the start', async () => {
    const { chunks, taken } = counted([demo]);
    const result = await importFileStream(chunks, 'o.csv', demo.length, {}, undefined, undefined, AbortSignal.abort());
    expect(result.status).toBe('cancelled');
    expect(taken.count).toBe(0);
  });

  it('reads async chunks (as File.stream() gives them)', async () => {
    async function* generate() {
      for (const chunk of chunked(demo, 30000, 23)) yield chunk;
    }
    expect(asText(await importFileStream(generate(), 'o.csv', demo.length))).toBe(asText(importFile(demo, 'o.csv')));
  });
});

describe('importFileStream: a file whose encoding changes late', () => {
  it('keeps UTF-8 and warns once, where importFile reads the whole as Windows-1252', async () => {
    const head = utf8(
      'utredning_id;startdatum;enhet\n' + Array.from({ length: 4000 }, (_, i) => `U${i};2025-01-10;Söder\n`).join(''),
    );
    const tail = new Uint8Array([...utf8('U9999;2025-01-10;'), 0xd6, 0x73, 0x74, 0x65, 0x72, 0x0a]); // "Öster" in Windows-1252
    const bytes = new Uint8Array([...head, ...tail]);
    expect(head.length).toBeGreaterThan(70_000); // beyond the 64 kB the decoder judges
    const whole = importFile(bytes, 'blandad.csv');
    const streamed = await importFileStream(chunked(bytes, 4096, 29), 'blandad.csv', bytes.length);
    if (whole.status !== 'loaded' || streamed.status !== 'loaded') throw new Error('not loaded');
    expect(whole.encoding).toBe('windows-1252');
    expect(whole.problems).toEqual([]);
    expect(streamed.encoding).toBe('utf-8');
    expect(streamed.table.categories.enhet.labels).toEqual(['Söder', '\uFFFDster']);
    expect(streamed.problems.map((p) => [p.line, p.code, p.severity])).toEqual([[0, 'mixed-encoding', 'varning']]);
    expect(streamed.problems[0].message).toContain('blandad.csv');
  });
});
