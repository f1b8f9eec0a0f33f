/**
 * Property test of the CSV reader over generated files: random line endings per line (LF, CRLF,
 * CR), quoted fields with embedded line breaks of any kind, delimiters and quotes, blank and
 * delimiter-only lines anywhere, optional BOM and `sep=` line, with or without a final line break.
 * The expected records and lines come from how the file was generated: a record's line is 1 + the
 * number of line breaks (CRLF, CR or LF) in the text before it.
 * Seeded for repeatable runs; set PROPERTY_SEED to explore other files.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SavedMapping } from '../../../src/import/datasets';
import { createCsvDecoder } from '../../../src/import/decode';
import { importFile, StreamImport, type FileImport } from '../../../src/import/importFile';
import { createCsvReader, parseCsv, type ParsedRecord } from '../../../src/import/parse';

const SEED = Number(process.env.PROPERTY_SEED ?? 20250901);
const RUNS = Number(process.env.PROPERTY_RUNS ?? 1000);

type Delimiter = ';' | ',' | '\t';
type Ending = '\n' | '\r\n' | '\r';
/** A field as generated: quoted ones may hold anything, unquoted ones no delimiter or line break. */
type FieldSpec = { quoted: boolean; pieces: string[] };
type LineSpec =
  | { kind: 'blank'; content: 'empty' | 'spaces' | 'delimiters'; ending: Ending }
  | { kind: 'record'; fields: FieldSpec[]; ending: Ending };
interface FileSpec {
  /** One line ending for the whole file, or any per line. */
  style: 'mixed' | Ending;
  delimiter: Delimiter;
  bom: boolean;
  sep: boolean;
  sepEnding: Ending;
  columns: number;
  headerEnding: Ending;
  leadingBlanks: LineSpec[];
  lines: LineSpec[];
  finalBreak: boolean;
}

const ending = fc.constantFrom<Ending>('\n', '\r\n', '\r');
const quotedPiece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('a', 'Ö', 'ä', '1', ' ', '-', ';', ',', '\t', '"', '""', 'sep=;') },
  { weight: 2, arbitrary: ending },
);
const unquotedPiece = fc.constantFrom('a', 'Z', 'å', 'Ö', '7', ' ', '-', '.', ';', ',', '\t', '"');
const field: fc.Arbitrary<FieldSpec> = fc.oneof(
  fc.record({ quoted: fc.constant(true), pieces: fc.array(quotedPiece, { maxLength: 6 }) }),
  fc.record({ quoted: fc.constant(false), pieces: fc.array(unquotedPiece, { maxLength: 6 }) }),
);
const blankLine: fc.Arbitrary<LineSpec> = fc.record({
  kind: fc.constant('blank' as const),
  content: fc.constantFrom('empty' as const, 'spaces' as const, 'delimiters' as const),
  ending,
});
const recordLine: fc.Arbitrary<LineSpec> = fc.record({
  kind: fc.constant('record' as const),
  fields: fc.array(field, { minLength: 1, maxLength: 5 }),
  ending,
});
const fileSpec: fc.Arbitrary<FileSpec> = fc.record({
  style: fc.constantFrom<'mixed' | Ending>('mixed', 'mixed', '\n', '\r\n', '\r'),
  delimiter: fc.constantFrom<Delimiter>(';', ',', '\t'),
  bom: fc.boolean(),
  sep: fc.boolean(),
  sepEnding: ending,
  columns: fc.integer({ min: 2, max: 4 }),
  headerEnding: ending,
  leadingBlanks: fc.array(blankLine, { maxLength: 2 }),
  lines: fc.array(fc.oneof({ weight: 4, arbitrary: recordLine }, { weight: 1, arbitrary: blankLine }), {
    maxLength: 25,
  }),
  finalBreak: fc.boolean(),
});

interface GeneratedFile {
  text: string;
  delimiter: Delimiter;
  header: string[];
  headerLine: number;
  records: ParsedRecord[];
}

/** Line breaks as a text editor counts them: CRLF, a lone CR and a lone LF each end one line. */
const lineBreaksIn = (text: string) => (text.match(/\r\n|\r|\n/g) ?? []).length;

/** Writes the file and what a correct reader must return for it. */
function render(spec: FileSpec): GeneratedFile {
  const d = spec.delimiter;
  const end = (ending: string) => (spec.style === 'mixed' ? ending : spec.style);
  const header = Array.from({ length: spec.columns }, (_, c) => `kolumn${c + 1}`);
  const lines: { text: string; ending: string; values: string[] | null }[] = [];
  const blankText = { empty: '', spaces: ' \t ', delimiters: d + d };
  const writeBlank = (line: Extract<LineSpec, { kind: 'blank' }>) =>
    lines.push({ text: blankText[line.content], ending: end(line.ending), values: null });
  spec.leadingBlanks.forEach((line) => writeBlank(line as Extract<LineSpec, { kind: 'blank' }>));
  lines.push({ text: header.join(d), ending: end(spec.headerEnding), values: header });
  for (const line of spec.lines) {
    if (line.kind === 'blank') {
      writeBlank(line);
      continue;
    }
    const values: string[] = [];
    const texts: string[] = [];
    for (const f of line.fields) {
      if (f.quoted) {
        const value = f.pieces.map((piece) => (/^[\r\n]+$/.test(piece) ? end(piece) : piece)).join('');
        values.push(value);
        texts.push('"' + value.replaceAll('"', '""') + '"');
      } else {
        // An unquoted field holds no delimiter and does not start with a quote.
        const value = f.pieces
          .filter((piece) => piece !== d)
          .join('')
          .replace(/^"+/, '');
        values.push(value);
        texts.push(value);
      }
    }
    lines.push({ text: texts.join(d), ending: end(line.ending), values });
  }
  if (!spec.finalBreak) lines[lines.length - 1].ending = '';

  let text = (spec.bom ? '\ufeff' : '') + (spec.sep ? `sep=${d}${end(spec.sepEnding)}` : '');
  const records: ParsedRecord[] = [];
  let headerLine = 0;
  for (const line of lines) {
    const lineNumber = 1 + lineBreaksIn(text);
    if (line.values === header) headerLine = lineNumber;
    else if (line.values && !line.values.every((value) => value.trim() === '')) {
      records.push({ line: lineNumber, fields: line.values });
    }
    text += line.text + line.ending;
  }
  return { text, delimiter: d, header, headerLine, records };
}

function readInChunks(text: string, cuts: number[]) {
  const records: ParsedRecord[] = [];
  const quoteErrors = new Map<number, string>();
  let header: string[] = [];
  let headerLine = 0;
  const reader = createCsvReader({
    onHeader(fields, line) {
      header = fields;
      headerLine = line;
    },
    onRecord(fields, line, quoteError) {
      if (quoteError !== undefined) quoteErrors.set(records.length, quoteError);
      records.push({ line, fields });
    },
  });
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    const at = Math.min(cut, text.length);
    reader.push(text.slice(from, Math.max(from, at)));
    from = Math.max(from, at);
  }
  reader.push(text.slice(from));
  reader.finish();
  return { delimiter: reader.delimiter, header, headerLine, records, quoteErrors };
}

const counts = { files: 0, records: 0, quotedBreaks: 0, mixedEndings: 0, crOnlyWithSep: 0 };

// Generous: the property runs scale with PROPERTY_RUNS and the machine may be busy.
describe('reading generated files with random line endings', { timeout: 120_000 }, () => {
  it('reports every record on its physical line and never merges two records (parseCsv)', () => {
    fc.assert(
      fc.property(fileSpec, (spec) => {
        const file = render(spec);
        const parsed = parseCsv(file.text);
        counts.files++;
        counts.records += file.records.length;
        if (/"[^"]*[\r\n]/.test(file.text)) counts.quotedBreaks++;
        if (new Set(file.text.match(/\r\n|\r|\n/g)).size > 1) counts.mixedEndings++;
        if (spec.sep && !/\n/.test(file.text)) counts.crOnlyWithSep++;
        expect(parsed.delimiter).toBe(file.delimiter);
        expect(parsed.header).toEqual(file.header);
        expect(parsed.headerLine).toBe(file.headerLine);
        expect(parsed.records).toEqual(file.records);
        expect(parsed.quoteErrors.size).toBe(0);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // The generator must actually produce the hard cases, or the property proves little.
    expect(counts.quotedBreaks).toBeGreaterThan(RUNS / 4);
    expect(counts.mixedEndings).toBeGreaterThan(RUNS / 4);
    expect(counts.crOnlyWithSep).toBeGreaterThan(RUNS / 50);
  });

  it('gives the same records and lines whatever the chunk boundaries (createCsvReader)', () => {
    fc.assert(
      fc.property(fileSpec, fc.array(fc.nat({ max: 400 }), { maxLength: 12 }), (spec, cuts) => {
        const file = render(spec);
        const read = readInChunks(file.text, cuts);
        expect(read.delimiter).toBe(file.delimiter);
        expect(read.header).toEqual(file.header);
        expect(read.headerLine).toBe(file.headerLine);
        expect(read.records).toEqual(file.records);
      }),
      { seed: SEED + 1, numRuns: RUNS },
    );
  });

  it('gives the same records from bytes in any encoding cut anywhere (createCsvDecoder + createCsvReader)', () => {
    const encodings = ['utf-8', 'windows-1252', 'utf-16le', 'utf-16be'] as const;
    fc.assert(
      fc.property(
        fileSpec,
        fc.constantFrom(...encodings),
        fc.array(fc.nat({ max: 800 }), { maxLength: 12 }),
        (spec, encoding, cuts) => {
          const file = render(spec);
          const bytes = encode(file.text, encoding);
          const decoder = createCsvDecoder();
          const records: ParsedRecord[] = [];
          const reader = createCsvReader({ onRecord: (fields, line) => records.push({ line, fields }) });
          let from = 0;
          for (const cut of [...cuts, bytes.length].sort((a, b) => a - b)) {
            const at = Math.min(Math.max(cut, from), bytes.length);
            reader.push(decoder.push(bytes.subarray(from, at)));
            from = at;
          }
          reader.push(decoder.finish());
          reader.finish();
          expect(records).toEqual(file.records);
          // A file without å, ä, ö is ASCII, and ASCII is read as UTF-8.
          const ascii = !/[^\x00-\x7f]/.test(file.text.replace(/^\ufeff/, ''));
          expect(decoder.encoding).toBe(ascii && encoding === 'windows-1252' ? 'utf-8' : encoding);
        },
      ),
      { seed: SEED + 2, numRuns: Math.ceil(RUNS / 2) },
    );
  });

  it('imports the same rows, lines and problems from bytes in random chunk sizes through one reused buffer (StreamImport)', () => {
    // The generated header is kolumn1…kolumnN: a mapping makes it an utredningar file, so every
    // record goes through the validator (most get problems: their dates are text).
    const mapping: SavedMapping = {
      dataset: 'utredningar',
      columns: { utredning_id: 'kolumn1', startdatum: 'kolumn2' },
    };
    const encodings = ['utf-8', 'windows-1252', 'utf-16le', 'utf-16be'] as const;
    let loadedWithRows = 0;
    fc.assert(
      fc.property(
        fileSpec,
        fc.constantFrom(...encodings),
        fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 1, maxLength: 8 }),
        (spec, encoding, sizes) => {
          const file = render(spec);
          const bytes = encode(file.text, encoding);
          const whole = importFile(bytes, 'f.csv', {}, mapping);
          // One buffer for every chunk, scribbled over after each push, as a Node read loop reuses it.
          const buffer = new Uint8Array(200);
          const reading = new StreamImport('f.csv', {}, mapping);
          let outcome: FileImport | null = null;
          for (let at = 0, k = 0; at < bytes.length && !outcome; k++) {
            const size = Math.min(sizes[k % sizes.length], bytes.length - at);
            buffer.set(bytes.subarray(at, at + size));
            outcome = reading.push(buffer.subarray(0, size));
            buffer.fill(0x3b);
            at += size;
          }
          const streamed = outcome ?? reading.finish();
          expect(streamed).toEqual(whole);
          expect(whole.status).toBe('loaded');
          // Never a merged or a lost row: every generated record is read, on its own line.
          if (whole.status === 'loaded') {
            expect(whole.rowsRead).toBe(file.records.length);
            const lines = new Set(file.records.map((r) => r.line));
            expect(whole.problems.every((p) => lines.has(p.line))).toBe(true);
            if (file.records.length > 0) loadedWithRows++;
          }
        },
      ),
      { seed: SEED + 4, numRuns: Math.ceil(RUNS / 2) },
    );
    expect(loadedWithRows).toBeGreaterThan(RUNS / 4);
  });

  it('reads any text, broken quotes included, the same in chunks as whole, one record per line at most', () => {
    // Quotes are frequent, and a header line usually comes first, so most texts have broken
    // quotes in records (a quote error in the header line is not reported).
    const piece = fc.constantFrom('a', 'ö', ' ', ';', ',', '"', '"', ';"', '""', '\r', '\n', '\r\n', 'sep=;', '\ufeff');
    const anyText = fc
      .tuple(fc.constantFrom('', 'h1;h2\n', 'h1;h2\r', 'h1;h2\r\n'), fc.array(piece, { maxLength: 60 }))
      .map(([header, pieces]) => header + pieces.join(''));
    fc.assert(
      fc.property(anyText, fc.array(fc.nat({ max: 100 }), { maxLength: 20 }), (text, cuts) => {
        const whole = parseCsv(text);
        const chunked = readInChunks(text, cuts);
        expect(chunked.records).toEqual(whole.records);
        expect(chunked.quoteErrors).toEqual(whole.quoteErrors);
        expect(chunked.header).toEqual(whole.header);
        const lines = [whole.headerLine, ...whole.records.map((record) => record.line)];
        const lastLine = 1 + lineBreaksIn(text);
        lines.forEach((line, k) => {
          expect(line).toBeLessThanOrEqual(lastLine);
          if (k > 0) expect(line).toBeGreaterThan(lines[k - 1]);
        });
      }),
      { seed: SEED + 3, numRuns: RUNS },
    );
  });

  it('covered enough generated files', () => {
    // Printed so the run shows what was generated (figures for the closing note).
    console.log(
      `lineEndings property: ${counts.files} files, ${counts.records} records; ` +
        `${counts.quotedBreaks} with line breaks inside quotes, ${counts.mixedEndings} with mixed line endings, ` +
        `${counts.crOnlyWithSep} CR-only with sep=`,
    );
    expect(counts.files).toBe(RUNS);
  });
});

/** Encodes text as a file would hold it; a leading U+FEFF becomes the encoding's BOM. */
function encode(text: string, encoding: 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be'): Uint8Array {
  if (encoding === 'utf-8') return new TextEncoder().encode(text);
  if (encoding === 'windows-1252') {
    const latin: Record<string, number> = { å: 0xe5, ä: 0xe4, ö: 0xf6, Å: 0xc5, Ä: 0xc4, Ö: 0xd6 };
    const body = text.replace(/^\ufeff/, ''); // Windows-1252 has no BOM
    return Uint8Array.from([...body], (char) => latin[char] ?? char.charCodeAt(0));
  }
  const units = text.startsWith('\ufeff') ? text : '\ufeff' + text; // UTF-16 is only recognised by its BOM
  const bytes = new Uint8Array(units.length * 2);
  for (let k = 0; k < units.length; k++) {
    const unit = units.charCodeAt(k);
    const [first, second] = encoding === 'utf-16le' ? [unit & 0xff, unit >> 8] : [unit >> 8, unit & 0xff];
    bytes[2 * k] = first;
    bytes[2 * k + 1] = second;
  }
  return bytes;
}
