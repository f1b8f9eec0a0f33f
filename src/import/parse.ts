/**
 * Text → header + records with their physical line numbers, via PapaParse.
 * Handles `;`, `,` and tab delimiters, Excel's `sep=;` first line, quoted fields with
 * embedded delimiters and newlines, CRLF, and trailing empty lines.
 */
import Papa from 'papaparse';

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
  /** Lines with an unclosed quote, as PapaParse reports them (record index → message). */
  quoteErrors: Map<number, string>;
}

const DELIMITERS = [';', '\t', ','] as const;

/** Picks the delimiter that splits the header line into the most fields (quotes respected). */
export function detectDelimiter(headerLine: string): string {
  let best: string = ';';
  let bestCount = -1;
  for (const delimiter of DELIMITERS) {
    let count = 0;
    let quoted = false;
    for (const char of headerLine) {
      if (char === '"') quoted = !quoted;
      else if (char === delimiter && !quoted) count++;
    }
    if (count > bestCount) {
      best = delimiter;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Parses CSV text. Records whose fields are all empty (blank lines) are dropped but still
 * counted for line numbers.
 * @example parseCsv('sep=;\na;b\n1;2\n').records // [{ line: 3, fields: ['1', '2'] }]
 */
export function parseCsv(text: string): ParsedCsv {
  let body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let firstLine = 1;
  let forcedDelimiter: string | null = null;
  const sepMatch = /^"?sep=(.)"?\r?\n/i.exec(body);
  if (sepMatch) {
    forcedDelimiter = sepMatch[1];
    body = body.slice(sepMatch[0].length);
    firstLine = 2;
  }
  const headerEnd = body.search(/\r?\n/);
  const delimiter = forcedDelimiter ?? detectDelimiter(headerEnd < 0 ? body : body.slice(0, headerEnd));
  const result = Papa.parse<string[]>(body, { delimiter, header: false, skipEmptyLines: false });
  const rowsWithQuoteErrors = new Map<number, string>();
  for (const error of result.errors) {
    if (error.type === 'Quotes' && error.row !== undefined) rowsWithQuoteErrors.set(error.row, error.message);
  }
  // Without quotes no field can hold a line break, so line numbers need no scanning.
  const mayHaveBreaks = body.includes('"');
  let line = firstLine;
  let header: string[] = [];
  let headerLine = firstLine;
  const records: ParsedRecord[] = [];
  const quoteErrors = new Map<number, string>();
  result.data.forEach((fields, rowIndex) => {
    const startLine = line;
    if (mayHaveBreaks) for (const field of fields) line += countNewlines(field);
    line += 1;
    const blank = fields.every((field) => field.trim() === '');
    if (blank) return;
    if (header.length === 0) {
      header = fields.map((field) => field.trim());
      headerLine = startLine;
      return;
    }
    const message = rowsWithQuoteErrors.get(rowIndex);
    if (message !== undefined) quoteErrors.set(records.length, message);
    records.push({ line: startLine, fields });
  });
  return { delimiter, header, headerLine, records, quoteErrors };
}

function countNewlines(field: string): number {
  let count = 0;
  for (let i = field.indexOf('\n'); i >= 0; i = field.indexOf('\n', i + 1)) count++;
  // A lone CR as a line break inside a quoted field (old Mac files) counts too.
  for (let i = field.indexOf('\r'); i >= 0; i = field.indexOf('\r', i + 1)) if (field[i + 1] !== '\n') count++;
  return count;
}
