/**
 * Text → header + records with their physical line numbers.
 *
 * A small state machine rather than PapaParse: PapaParse guesses one line ending for the whole
 * file, so a file whose endings switch from CRLF to LF part-way lost rows, and a CR-only file with
 * `sep=;` was misread. Here every line ends at its own CRLF, LF or CR, a quoted field keeps the
 * physical lines it spans, and text can arrive in chunks cut anywhere (`createCsvReader`).
 * Lines without a quote are split with `String.split`, which keeps the reader as fast as PapaParse, or
 * handed whole to `onLine` (the row validator reads them by spans, without a string per field).
 */

import { detectDelimiter } from './delimiters';

export interface ParsedRecord {
  /** 1-based physical line in the file where the record starts. */
  line: number;
  fields: string[];
}

export interface ParsedCsv {
  delimiter: string;
  header: string[];
  headerLine: number;
  records: ParsedRecord[];
  /** Records whose quotes are malformed (record index → Swedish message). */
  quoteErrors: Map<number, string>;
}

export interface CsvHandlers {
  /** The first non-blank record, fields trimmed; called once, before any `onRecord`. */
  onHeader?: (header: string[], line: number, delimiter: string) => void;
  /** Every later non-blank record; `quoteError` is set when its quotes cannot be read safely. */
  onRecord: (fields: string[], line: number, quoteError: string | undefined) => void;
  /**
   * A whole later line without quotes, `text[from, to)`, offered before it is split: return true
   * when taken (then no `onRecord` for it), false to have it split and given to `onRecord` as usual.
   * Saves a string per field and an array per row on the common line.
   */
  onLine?: (text: string, from: number, to: number, line: number) => boolean;
}

export interface CsvReader {
  /** Hands in the next piece of text; it may end anywhere (inside a quote, between CR and LF). */
  push(chunk: string): void;
  /** Ends the text: the last record is read even without a final line break. */
  finish(): void;
  /** The delimiter, once known (after `sep=` or the first non-blank line); `null` before. */
  readonly delimiter: string | null;
}

/** A quoted field that never closes: read as the rest of its line, later lines read anew. */
export const UNCLOSED_QUOTE = 'Ett citattecken stängs aldrig.';
/** A closing quote followed by something other than a delimiter or a line break. */
export const MALFORMED_QUOTE = 'Ett citattecken i ett citerat fält följs av annat än avgränsare eller radslut.';

/**
 * Parses CSV text. Records whose fields are all empty (blank lines, `;;;`) are dropped but
 * still counted for line numbers.
 * @example parseCsv('sep=;\r\na;b\r1;2\n').records // [{ line: 3, fields: ['1', '2'] }]
 */
export function parseCsv(text: string): ParsedCsv {
  let header: string[] = [];
  let headerLine = 1;
  const records: ParsedRecord[] = [];
  const quoteErrors = new Map<number, string>();
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
  reader.push(text);
  reader.finish();
  return { delimiter: reader.delimiter ?? ';', header, headerLine, records, quoteErrors };
}

/**
 * A reader for text that arrives in chunks: the same records and lines whatever the chunk
 * boundaries. A leading BOM and Excel's `sep=;` first line are handled; otherwise the first
 * non-blank line decides the delimiter.
 * @example
 * const reader = createCsvReader({ onRecord: (fields, line) => console.log(line, fields) });
 * reader.push('a;b\r'); reader.push('\n1;"x\ny"\r3;4'); reader.finish(); // 2 ['1', 'x\ny'], then 4 ['3', '4']
 */
export function createCsvReader(handlers: CsvHandlers): CsvReader {
  return new Reader(handlers);
}

const LF = 10;
const CR = 13;
const QUOTE = 34;
const SPACE = 32;
const TAB = 9;
const NONE = Number.MAX_SAFE_INTEGER;
/** A first line longer than this is not waited for in full: its start decides the delimiter. */
const HEADER_WAIT_LIMIT = 1 << 20;
const SEP_LINE = /^"?sep=([^"\r\n])"?$/i;
const LINE_BREAK = /\r\n?|\n/;
/** A line that is a blank record whatever the delimiter (Excel writes empty rows as `;;;`). */
const BLANK_LINE = /^[\s;,]*$/;

/** Where the reader stands between two characters. */
const enum At {
  /** Before the first character of a record. */
  RecordStart,
  /** Right after a delimiter. */
  FieldStart,
  Unquoted,
  Quoted,
  /** Right after a quote inside a quoted field: the closing one, or the first of `""`. */
  QuoteSeen,
  /** Spaces after a closing quote (dropped). */
  AfterQuote,
}

class Reader implements CsvReader {
  delimiter: string | null = null;
  private delimiterCode = 0;
  /** Text held until the delimiter is known; `null` afterwards. */
  private preamble: string | null = '';
  private bomChecked = false;
  /** Start of the first held line not known to be blank; the held text up to `preambleScanned` has no line break after it. */
  private preambleLineStart = 0;
  private preambleScanned = 0;
  private headerSeen = false;
  /** Physical line of the next character. */
  private line = 1;
  /** The last character handed in was a CR (its LF may start the next chunk). */
  private afterCR = false;
  private at = At.RecordStart;
  private fields: string[] = [];
  private recordLine = 1;
  private quoteError: string | undefined = undefined;
  /**
   * Raw text of the record in progress from earlier chunks. Positions below are offsets into
   * the record's raw text (carry + the chunk being read), so they survive chunk edges.
   */
  private carry = '';
  /** Position of the chunk's first character. */
  private base = 0;
  /** Start of the current field's text (after its opening quote, if quoted). */
  private fieldStart = 0;
  /** The current quoted field's closing quote, and the line its opening quote is on. */
  private closeQuote = 0;
  private quoteLine = 0;
  /** A quoted field's value while spaces after its closing quote are skipped. */
  private quotedValue = '';
  /** Text the current unquoted field starts with (after a malformed closing quote). */
  private prefix = '';

  constructor(private readonly handlers: CsvHandlers) {}

  push(chunk: string): void {
    if (this.preamble === null) return this.read(chunk);
    this.preamble += chunk;
    const text = this.takePreamble(false);
    if (text !== null) this.read(text);
  }

  finish(): void {
    if (this.preamble !== null) this.read(this.takePreamble(true) ?? '');
    while (this.at !== At.RecordStart) this.endAtEof();
  }

  private setDelimiter(delimiter: string): void {
    this.delimiter = delimiter;
    this.delimiterCode = delimiter.charCodeAt(0);
    this.preamble = null;
  }

  /**
   * Decides the delimiter once the held text shows it: a `sep=` first line, else the first
   * non-blank line. Returns the text to read from, or null to wait for more.
   */
  private takePreamble(final: boolean): string | null {
    let text = this.preamble ?? '';
    if (!this.bomChecked && text !== '') {
      this.bomChecked = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    this.preamble = text;
    for (;;) {
      const end = firstLineBreak(text, this.preambleScanned);
      if (end < 0 && !final && text.length - this.preambleLineStart < HEADER_WAIT_LIMIT) {
        this.preambleScanned = text.length;
        return null;
      }
      const lineEnd = end < 0 ? text.length : end;
      const line = text.slice(this.preambleLineStart, lineEnd);
      const sep = this.preambleLineStart === 0 ? SEP_LINE.exec(line) : null;
      if (sep) {
        this.setDelimiter(sep[1]);
        this.line = 2;
        if (end < 0) return '';
        const crlf = text.charCodeAt(end) === CR && text.charCodeAt(end + 1) === LF;
        const rest = text.slice(end + (crlf ? 2 : 1));
        // A CR ending the held text: its LF may come with the next chunk.
        this.afterCR = rest === '' && !crlf && text.charCodeAt(end) === CR;
        return rest;
      }
      if (!BLANK_LINE.test(line) || end < 0) {
        this.setDelimiter(detectDelimiter(line));
        return text;
      }
      this.preambleLineStart = this.preambleScanned = end + 1;
    }
  }

  /** Reads a chunk of text with the delimiter known. */
  private read(s: string): void {
    for (let from = 0; from >= 0;) from = this.readFrom(s, from);
  }

  /**
   * Reads s from `from` on. Returns -1 when done, or where to read s again after a stray quote
   * ended a record early (see `recover`).
   */
  private readFrom(s: string, from: number): number {
    const n = s.length;
    const delimiter = this.delimiter ?? ';';
    const delimiterCode = this.delimiterCode;
    let i = from;
    if (this.at !== At.RecordStart) this.base = this.carry.length - from;
    else if (s.charCodeAt(from) === LF && (from === 0 ? this.afterCR : s.charCodeAt(from - 1) === CR)) i++;
    // Next LF, CR and quote at or after i (NONE: none in s); searched again once passed.
    let nextLF = -1;
    let nextCR = -1;
    let nextQuote = -1;
    while (i < n) {
      if (nextLF < i) nextLF = indexOrNone(s, '\n', i);
      if (nextCR < i) nextCR = indexOrNone(s, '\r', i);
      switch (this.at) {
        case At.RecordStart: {
          const end = nextLF < nextCR ? nextLF : nextCR;
          if (end !== NONE) {
            if (nextQuote < i) nextQuote = indexOrNone(s, '"', i);
            if (nextQuote > end) {
              // The common case: a whole line without quotes.
              if (end > i && !(this.headerSeen && this.handlers.onLine?.(s, i, end, this.line)))
                this.emit(s.slice(i, end).split(delimiter), this.line, undefined);
              this.line++;
              i = end + 1;
              if (end === nextCR && s.charCodeAt(i) === LF) i++;
              continue;
            }
          }
          this.carry = '';
          this.base = -i;
          this.recordLine = this.line;
          this.at = At.FieldStart;
          continue;
        }
        case At.FieldStart:
          this.prefix = '';
          if (s.charCodeAt(i) === QUOTE) {
            this.at = At.Quoted;
            this.quoteLine = this.line;
            i++;
          } else this.at = At.Unquoted;
          this.fieldStart = this.base + i;
          continue;
        case At.Unquoted: {
          const end = Math.min(indexOrNone(s, delimiter, i), nextLF, nextCR);
          if (end === NONE) {
            i = n;
            continue;
          }
          this.fields.push(this.prefix + this.slice(s, this.fieldStart, this.base + end));
          i = this.endField(s, end);
          continue;
        }
        case At.Quoted: {
          if (nextQuote < i) nextQuote = indexOrNone(s, '"', i);
          const stop = nextQuote === NONE ? n : nextQuote;
          if (nextLF < stop || nextCR < stop) this.line += countLineBreaks(s, i, stop, this.afterCR);
          if (stop < n) {
            this.closeQuote = this.base + stop;
            this.at = At.QuoteSeen;
          }
          i = stop + 1;
          continue;
        }
        case At.QuoteSeen: {
          const c = s.charCodeAt(i);
          if (c === QUOTE) {
            this.at = At.Quoted;
            i++;
          } else if (c === delimiterCode || c === CR || c === LF) {
            this.fields.push(unescapeQuotes(this.slice(s, this.fieldStart, this.closeQuote)));
            i = this.endField(s, i);
          } else if (c === SPACE || c === TAB) {
            this.quotedValue = unescapeQuotes(this.slice(s, this.fieldStart, this.closeQuote));
            this.at = At.AfterQuote;
            i++;
          } else {
            const resume = this.malformed(s, i);
            if (resume >= 0) return resume;
          }
          continue;
        }
        case At.AfterQuote: {
          const c = s.charCodeAt(i);
          if (c === SPACE || c === TAB) i++;
          else if (c === delimiterCode || c === CR || c === LF) {
            this.fields.push(this.quotedValue);
            i = this.endField(s, i);
          } else {
            const resume = this.malformed(s, i);
            if (resume >= 0) return resume;
          }
          continue;
        }
      }
    }
    if (this.at !== At.RecordStart) this.carry += s.slice(this.carry.length - this.base);
    if (n > 0) this.afterCR = s.charCodeAt(n - 1) === CR;
    return -1;
  }

  /** The record's raw text between two positions (see `carry`). */
  private slice(s: string, from: number, to: number): string {
    const carried = this.carry.length;
    if (from >= carried) return s.slice(from - this.base, to - this.base);
    if (to <= carried) return this.carry.slice(from, to);
    return this.carry.slice(from) + s.slice(carried - this.base, to - this.base);
  }

  /** After a field ended at s[end] (a delimiter or a line break): returns where reading goes on. */
  private endField(s: string, end: number): number {
    const c = s.charCodeAt(end);
    if (c !== CR && c !== LF) {
      this.at = At.FieldStart;
      return end + 1;
    }
    this.endRecord();
    this.line++;
    return c === CR && s.charCodeAt(end + 1) === LF ? end + 2 : end + 1;
  }

  private endRecord(): void {
    this.emit(this.fields, this.recordLine, this.quoteError);
    this.fields = [];
    this.quoteError = undefined;
    this.carry = '';
    this.at = At.RecordStart;
  }

  /**
   * A closing quote followed by s[i], which is neither delimiter nor line break. If the quoted
   * text spans lines, its opening quote was most likely a stray one and swallowed the lines after
   * it: `recover`. Otherwise the record is marked and the field read on as it stands.
   * Returns -1 to read on from i, or where to read s again.
   */
  private malformed(s: string, i: number): number {
    if (this.line > this.quoteLine) return this.recover(s, MALFORMED_QUOTE);
    this.quoteError = MALFORMED_QUOTE;
    this.prefix =
      unescapeQuotes(this.slice(s, this.fieldStart, this.closeQuote)) +
      this.slice(s, this.closeQuote + 1, this.base + i);
    this.fieldStart = this.base + i;
    this.at = At.Unquoted;
    return -1;
  }

  /**
   * Ends the record in progress with the line its current quoted field opened on (the field is
   * kept raw, from its quote to the end of that line) and reads the text after that line again,
   * so a stray quote costs one rejected record, never the records after it.
   * Returns where to read s again (text held from earlier chunks is read first).
   */
  private recover(s: string, message: string): number {
    const carried = this.carry.length;
    const sStart = carried - this.base;
    let lineEnd = -1;
    let resume = s.length;
    let replay = '';
    if (this.fieldStart < carried) {
      const found = LINE_BREAK.exec(this.carry.slice(this.fieldStart));
      if (found) {
        lineEnd = this.fieldStart + found.index;
        const after = lineEnd + found[0].length;
        if (after === carried && found[0] === '\r' && s.charCodeAt(sStart) === LF) resume = sStart + 1;
        else {
          replay = this.carry.slice(after);
          resume = sStart;
        }
      }
    }
    if (lineEnd < 0) {
      const k = firstLineBreak(s, Math.max(sStart, this.fieldStart - this.base));
      if (k >= 0) {
        lineEnd = this.base + k;
        resume = s.charCodeAt(k) === CR && s.charCodeAt(k + 1) === LF ? k + 2 : k + 1;
      }
    }
    const brokenLine = this.slice(s, this.fieldStart, lineEnd < 0 ? this.base + s.length : lineEnd);
    this.fields.push('"' + brokenLine);
    this.quoteError = message;
    this.endRecord();
    if (lineEnd < 0) return s.length;
    this.line = this.quoteLine + 1;
    this.afterCR = false;
    if (replay !== '') this.read(replay);
    return resume;
  }

  /** Ends the record in progress at the end of the text. */
  private endAtEof(): void {
    this.base = this.carry.length;
    switch (this.at) {
      case At.RecordStart:
        return;
      case At.FieldStart:
        this.fields.push('');
        break;
      case At.Unquoted:
        this.fields.push(this.prefix + this.slice('', this.fieldStart, this.base));
        break;
      case At.Quoted:
        this.recover('', UNCLOSED_QUOTE);
        return;
      case At.QuoteSeen:
        this.fields.push(unescapeQuotes(this.slice('', this.fieldStart, this.closeQuote)));
        break;
      case At.AfterQuote:
        this.fields.push(this.quotedValue);
        break;
    }
    this.endRecord();
  }

  private emit(fields: string[], line: number, quoteError: string | undefined): void {
    if (quoteError === undefined && isBlank(fields)) return;
    if (this.headerSeen) return this.handlers.onRecord(fields, line, quoteError);
    // Before the header, a line of only delimiters of any kind is blank, as for the delimiter's detection.
    if (fields.every((field) => BLANK_LINE.test(field))) return;
    this.headerSeen = true;
    this.handlers.onHeader?.(
      fields.map((field) => field.trim()),
      line,
      this.delimiter ?? ';',
    );
  }
}

/** Index of the first CR or LF in s at or after `from`, or -1. */
function firstLineBreak(s: string, from: number): number {
  for (let k = from; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c === CR || c === LF) return k;
  }
  return -1;
}

function indexOrNone(s: string, search: string, from: number): number {
  const index = s.indexOf(search, from);
  return index < 0 ? NONE : index;
}

/** Line breaks in s[from, to): CR, LF, and CRLF once (a CR ending the chunk before counts there). */
function countLineBreaks(s: string, from: number, to: number, chunkAfterCR: boolean): number {
  let count = 0;
  for (let k = from; k < to; k++) {
    const c = s.charCodeAt(k);
    if (c === CR) count++;
    else if (c === LF && !(k > 0 ? s.charCodeAt(k - 1) === CR : chunkAfterCR)) count++;
  }
  return count;
}

function unescapeQuotes(raw: string): string {
  return raw.includes('"') ? raw.replaceAll('""', '"') : raw;
}

function isBlank(fields: string[]): boolean {
  for (const field of fields) if (field.length > 0 && field.trim() !== '') return false;
  return true;
}
