/**
 * Parsed records → typed columnar table + problems. Valid rows are always kept; a row with an
 * `avvisad` problem is rejected, a row with only `varning` problems is kept with the odd value
 * ignored. Every problem says file, line, column, value and why, in Swedish.
 * Rows read = rows accepted + rows rejected; rows with a warning are among the accepted.
 */
import { isoDate, NO_DATE, type DayNumber } from '../kpi';
import { maskPersonnummer } from '../format/personnummer';
import { parseDate, parseIsoAt } from './dates';
import { displayValue, mayHoldPersonnummer, pseudonymize } from './pseudonyms';
import { RowSet } from './rowSet';
import { SpanCodes } from './spanCodes';
import type { Problem, ProblemCode, Severity } from '../format/importRecords';
import { DATASETS, parseSex, type ColumnAssignment, type DatasetKind, type FieldSpec } from './datasets';
import type { ParsedCsv } from './parse';
import { GrowingTable } from './growingTable';
import { CategoryBuilder, NO_INTEGER, NO_UNIT, type Table } from './table';

export interface ValidationResult {
  table: Table;
  problems: Problem[];
  rowsRead: number;
  /** Rows with an `avvisad` problem: they count nowhere. */
  rowsRejected: number;
  /** Accepted rows with at least one `varning`: they count everywhere. */
  rowsWithWarning: number;
  /** Per column, how many stored values held a personnummer, and how it was hidden. */
  masked: MaskedColumn[];
}

/**
 * Values of one column that held a personnummer: `pseudonym` in key columns (ids, person key),
 * where the number became a salted pseudonym that still links rows; `maskerad` elsewhere, where
 * it became `ÅÅMMDD-` inside the text. Counts stored values, i.e. of accepted rows.
 */
export interface MaskedColumn {
  column: string;
  count: number;
  how: 'pseudonym' | 'maskerad';
}

/** NO_DATE bound once here: read per cell, and under tsx every use of an import is a getter call. */
const NO_DAY: DayNumber = NO_DATE;

/** Key columns: a personnummer there becomes a pseudonym, so rows of one person stay linked. */
const KEY_KINDS: ReadonlySet<FieldSpec['kind']> = new Set(['id', 'ref', 'person']);

/** Validates one file's records as they are read, into typed columns (see `createRowValidator`). */
export interface RowValidator {
  /** Checks one record (after the header) and stores it if accepted; `line` is its 1-based line. */
  add(fields: string[], line: number, quoteError: string | undefined): void;
  /**
   * `add` for a whole line without quotes, `text[from, to)`, read without splitting it: true when
   * the row was accepted without any problem; false (nothing done) when it needs `add` (a problem,
   * a warning, an unusual field), which the caller then calls with the line split.
   */
  addLine(text: string, from: number, to: number, line: number): boolean;
  /** Records added so far. */
  readonly rowsRead: number;
  /** Prepares for about this many rows in all (an estimate from the file's size). */
  reserve(rows: number): void;
  /** The table of accepted rows and every problem; call once, after the last `add`. */
  finish(): ValidationResult;
}

/** Whitespace String.trim takes away among ASCII: tab, line breaks, vertical tab, form feed, space. */
const isAsciiSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);
/** Whitespace String.trim takes away beyond ASCII (no-break and other Unicode spaces, BOM). */
const isOtherSpace = (c: number) =>
  c > 127 &&
  (c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff);

/**
 * Validates records of a file one at a time against a dataset, given which column holds which
 * field, appending accepted rows straight into typed columns that double as they fill (cut to
 * size by `finish`), so neither the file's text nor its rows need be held.
 * A row is rejected (`avvisad`) for a wrong field count, an unclosed quote, a missing required
 * value, an impossible date, an end before its start, or for repeating an earlier accepted row of
 * the file exactly. It is accepted with a warning (`varning`) when an optional value is unusable:
 * age not a whole number in 0–20, kön empty or unknown (→ okänt), avbrott before verkställd,
 * skyddsbedömning before inkomst; that value is then stored empty.
 * @example
 * const rows = createRowValidator(['utredning_id', 'startdatum', 'alder'], ';', 'utredningar',
 *   { utredning_id: 0, startdatum: 1, alder: 2 }, 'a.csv');
 * rows.add(['U1', '2025-01-10', '142'], 2, undefined);
 * rows.finish() // 1 row accepted, 1 'age-out-of-range' warning
 */
export function createRowValidator(
  header: readonly string[],
  delimiter: string,
  dataset: DatasetKind,
  columns: ColumnAssignment,
  fileName: string,
  /** Rows expected, when known: the columns start that long. */
  expectedRows = 1024,
): RowValidator {
  const spec = DATASETS[dataset];
  const fields = spec.fields.filter((field) => field.key in columns);
  const problems: Problem[] = [];
  const rows = new GrowingTable(fields, Math.max(16, expectedRows));
  // The columns by field index, replaced in these arrays as they grow.
  const { dateOf, integerOf, codeOf, textOf, builderOf } = rows;
  const headerCount = header.length;
  const problem = (
    lineNo: number,
    field: FieldSpec | null,
    value: string,
    code: ProblemCode,
    severity: Severity,
    message: string,
  ): Problem => ({
    file: fileName,
    line: lineNo,
    column: field ? displayValue(header[columns[field.key]]) : '',
    value: displayValue(value),
    code,
    severity,
    message,
  });
  const reject = (lineNo: number, field: FieldSpec | null, value: string, code: ProblemCode, message: string) =>
    problems.push(problem(lineNo, field, value, code, 'avvisad', message));
  const maskedCounts: Record<string, number> = Object.fromEntries(fields.map((f) => [f.key, 0]));
  let n = 0;
  let kept = 0;
  let rowsWithWarning = 0;
  // The key column (the id, or the investigation an extension belongs to): exact copies share it.
  const keyField = fields.findIndex((field) => KEY_KINDS.has(field.kind) && field.required);
  if (keyField < 0) throw new Error(`${dataset}: ingen obligatorisk nyckelkolumn`);
  const acceptedRows = new RowSet(textOf[keyField]);
  const warnings: Problem[] = [];
  // Per field, in `fields` order: its column, and (dates) the day read from the current row.
  const at = fields.map((field) => columns[field.key]);
  const rowDay = new Int32Array(fields.length);
  const dateIndex = (key: string | undefined) => fields.findIndex((f) => f.key === key && f.kind === 'date');
  // Date pairs, a field and the date field it may not precede: rejecting (`notBefore`), warning (`ignoredBefore`).
  const notBefore = fields.flatMap((field, f) => {
    const e = dateIndex(field.notBefore);
    return field.kind === 'date' && e >= 0 ? [{ f, e }] : [];
  });
  const ignoredBefore = fields.flatMap((field, f) => {
    const e = dateIndex(field.ignoredBefore?.field);
    return field.kind === 'date' && field.ignoredBefore && e >= 0 ? [{ f, e, code: field.ignoredBefore.code }] : [];
  });

  // The line path (`addLine`): the row's field spans (as read, and per field trimmed), the kön and
  // category values already read per field, and the row's codes and ages before they are stored.
  const starts = new Int32Array(headerCount);
  const ends = new Int32Array(headerCount);
  const trimmedStart = new Int32Array(fields.length);
  const trimmedEnd = new Int32Array(fields.length);
  const spanCodes = fields.map(() => new SpanCodes());
  const rowCode = new Uint32Array(fields.length);
  const rowInteger = new Int32Array(fields.length);

  function add(cells: string[], recordLine: number, quoteError: string | undefined): void {
    n++;
    if (quoteError !== undefined) {
      reject(
        recordLine,
        null,
        cells.join(delimiter),
        'quotes',
        'Ett citattecken stängs aldrig; raden kan inte läsas säkert.',
      );
      return;
    }
    let extraFilled = false;
    for (let c = headerCount; c < cells.length && !extraFilled; c++) extraFilled = cells[c].trim() !== '';
    if (cells.length < headerCount || extraFilled) {
      reject(
        recordLine,
        null,
        cells.join(delimiter),
        'field-count',
        `Raden har ${cells.length} fält men rubrikraden har ${headerCount}.`,
      );
      return;
    }
    for (let f = 0; f < fields.length; f++) {
      const field = fields[f];
      const raw = cells[at[f]] ?? '';
      if (field.required && raw.trim() === '') {
        reject(recordLine, field, raw, 'missing-value', `Obligatoriskt värde saknas i kolumnen ${field.label}.`);
        return;
      }
      if (field.kind === 'date') {
        const day = parseDate(raw);
        if (Number.isNaN(day)) {
          reject(
            recordLine,
            field,
            raw,
            'invalid-date',
            `Ogiltigt datum "${displayValue(raw)}" i kolumnen ${field.label}.`,
          );
          return;
        }
        rowDay[f] = day;
      }
    }
    for (const { f, e } of notBefore) {
      const day = rowDay[f];
      const earlier = rowDay[e];
      if (day !== NO_DAY && earlier !== NO_DAY && day < earlier) {
        const field = fields[f];
        reject(
          recordLine,
          field,
          cells[at[f]],
          'end-before-start',
          `${field.label} ${isoDate(day)} ligger före ${fields[e].label} ${isoDate(earlier)}.`,
        );
        return;
      }
    }
    const rawKey = (cells[at[keyField]] ?? '').trim();
    const key = storedText(keyField, rawKey);
    const firstLine = acceptedRows.findCopyOfFields(key, cells, headerCount);
    if (firstLine >= 0) {
      reject(
        recordLine,
        null,
        cells.slice(0, headerCount).join(delimiter),
        'duplicate-row',
        `Raden är en exakt kopia av rad ${firstLine}; den räknas bara en gång.`,
      );
      return;
    }
    if (kept === rows.capacity) rows.grow();
    warnings.length = 0;
    for (const { f, e, code } of ignoredBefore) {
      const day = rowDay[f];
      const earlier = rowDay[e];
      if (day !== NO_DAY && earlier !== NO_DAY && day < earlier) {
        rowDay[f] = NO_DAY;
        const field = fields[f];
        warnings.push(
          problem(
            recordLine,
            field,
            cells[at[f]],
            code,
            'varning',
            `${field.label} ${isoDate(day)} ligger före ${fields[e].label} ${isoDate(earlier)}; ` +
              `datumet i kolumnen ${field.label} räknas inte, raden räknas.`,
          ),
        );
      }
    }
    for (let f = 0; f < fields.length; f++) {
      const field = fields[f];
      const raw = cells[at[f]] ?? '';
      switch (field.kind) {
        case 'date':
          dateOf[f][kept] = rowDay[f];
          break;
        case 'integer': {
          const text = raw.trim();
          const value = Number(text.replace(',', '.'));
          const range = field.range;
          const warning: ProblemCode | null =
            text === ''
              ? null
              : !Number.isInteger(value)
                ? 'age-not-a-number'
                : range && (value < range.min || value > range.max)
                  ? 'age-out-of-range'
                  : null;
          integerOf[f][kept] = text === '' || warning ? NO_INTEGER : value;
          if (warning)
            warnings.push(
              problem(
                recordLine,
                field,
                raw,
                warning,
                'varning',
                `Värdet "${displayValue(text)}" i kolumnen ${field.label} ` +
                  (warning === 'age-not-a-number' ? 'är inget heltal' : `ligger utanför ${range?.min}–${range?.max}`) +
                  '; värdet räknas som okänt, raden räknas.',
              ),
            );
          break;
        }
        case 'sex': {
          const code = parseSex(raw);
          if (code !== 0) spanCodes[f].set(raw.trim(), code);
          if (code === 0)
            warnings.push(
              problem(
                recordLine,
                field,
                raw,
                'sex-unknown',
                'varning',
                raw.trim() === ''
                  ? `${field.label} saknas i kolumnen ${field.label}; raden räknas med okänt kön.`
                  : `Okänt kön "${displayValue(raw.trim())}" i kolumnen ${field.label}; raden räknas med okänt kön.`,
              ),
            );
          codeOf[f][kept] = code;
          break;
        }
        case 'category': {
          const text = raw.trim();
          const label = mayHoldPersonnummer(text) ? maskPersonnummer(text) : text;
          if (label !== text) maskedCounts[field.key]++;
          const code = (builderOf[f] ?? new CategoryBuilder()).code(
            text === '' ? (field.emptyLabel ?? NO_UNIT) : label,
          );
          if (label === text) spanCodes[f].set(text, code);
          codeOf[f][kept] = code;
          break;
        }
        default:
          if (f === keyField) storeText(f, rawKey, key);
          else storeText(f, raw.trim());
      }
    }
    if (warnings.length > 0) {
      rowsWithWarning++;
      problems.push(...warnings);
    }
    rows.line[kept] = recordLine;
    acceptedRows.add(recordLine);
    kept++;
  }

  /** An id or free text as stored: a personnummer in it pseudonymised (key columns) or masked. */
  function storedText(f: number, text: string): string {
    const stored = !mayHoldPersonnummer(text)
      ? text
      : KEY_KINDS.has(fields[f].kind)
        ? pseudonymize(text)
        : maskPersonnummer(text);
    // A slice of 13 chars or more shares the chunk's text and would keep it alive: copy it. V8
    // copies a shorter slice anyway (SlicedString::kMinLength), so ids are not copied twice.
    return stored.length < 13 ? stored : (' ' + stored).slice(1);
  }

  /** Stores the value read as `text` (stored as `stored`), counting a hidden personnummer. */
  function storeText(f: number, text: string, stored = storedText(f, text)): void {
    if (stored !== text) maskedCounts[fields[f].key]++;
    textOf[f].push(stored);
  }

  function addLine(s: string, from: number, to: number, recordLine: number): boolean {
    let count = 0;
    for (let p = from; ; p++) {
      if (count === headerCount) return false;
      let end = s.indexOf(delimiter, p);
      if (end < 0 || end > to) end = to;
      starts[count] = p;
      ends[count++] = end;
      if (end === to) break;
      p = end;
    }
    if (count !== headerCount) return false;
    for (let f = 0; f < fields.length; f++) {
      const field = fields[f];
      let a = starts[at[f]];
      let b = ends[at[f]];
      while (a < b && isAsciiSpace(s.charCodeAt(a))) a++;
      while (b > a && isAsciiSpace(s.charCodeAt(b - 1))) b--;
      // What String.trim would also take away: left to `add`.
      if (a < b && (isOtherSpace(s.charCodeAt(a)) || isOtherSpace(s.charCodeAt(b - 1)))) return false;
      if (a === b && field.required) return false;
      trimmedStart[f] = a;
      trimmedEnd[f] = b;
      switch (field.kind) {
        case 'date': {
          const day = a === b ? NO_DAY : b - a === 10 ? parseIsoAt(s, a) : null;
          if (day === null || Number.isNaN(day)) return false;
          rowDay[f] = day;
          break;
        }
        case 'integer': {
          if (b - a > 6) return false;
          let value = 0;
          for (let k = a; k < b; k++) {
            const digit = s.charCodeAt(k) - 48;
            if (digit < 0 || digit > 9) return false;
            value = value * 10 + digit;
          }
          if (a < b && field.range && (value < field.range.min || value > field.range.max)) return false;
          rowInteger[f] = a === b ? NO_INTEGER : value;
          break;
        }
        case 'sex':
        case 'category': {
          const code = spanCodes[f].get(s, a, b);
          if (code < 0) return false;
          rowCode[f] = code;
          break;
        }
      }
    }
    for (const { f, e } of notBefore)
      if (rowDay[f] !== NO_DAY && rowDay[e] !== NO_DAY && rowDay[f] < rowDay[e]) return false;
    for (const { f, e } of ignoredBefore)
      if (rowDay[f] !== NO_DAY && rowDay[e] !== NO_DAY && rowDay[f] < rowDay[e]) return false;
    const rawKey = s.slice(trimmedStart[keyField], trimmedEnd[keyField]);
    const key = storedText(keyField, rawKey);
    if (acceptedRows.findCopy(key, s, starts, ends, headerCount) >= 0) return false;
    n++;
    if (kept === rows.capacity) rows.grow();
    for (let f = 0; f < fields.length; f++) {
      switch (fields[f].kind) {
        case 'date':
          dateOf[f][kept] = rowDay[f];
          break;
        case 'integer':
          integerOf[f][kept] = rowInteger[f];
          break;
        case 'sex':
        case 'category':
          codeOf[f][kept] = rowCode[f];
          break;
        default:
          if (f === keyField) storeText(f, rawKey, key);
          else storeText(f, s.slice(trimmedStart[f], trimmedEnd[f]));
      }
    }
    rows.line[kept] = recordLine;
    acceptedRows.add(recordLine);
    kept++;
    return true;
  }

  function finish(): ValidationResult {
    const table = rows.table(
      dataset,
      kept,
      fileName,
      fields[keyField].kind === 'id' ? acceptedRows.repeats() : undefined,
    );
    const masked = fields
      .filter((f) => maskedCounts[f.key] > 0)
      .map((f) => ({
        column: displayValue(header[columns[f.key]]),
        count: maskedCounts[f.key],
        how: KEY_KINDS.has(f.kind) ? ('pseudonym' as const) : ('maskerad' as const),
      }));
    return { table, problems, rowsRead: n, rowsRejected: n - kept, rowsWithWarning, masked };
  }

  return {
    add,
    addLine,
    finish,
    reserve(expected: number) {
      // Columns of their final size at once: each doubling allocated and copied them again.
      if (expected > rows.capacity) rows.grow(expected);
      acceptedRows.reserve(expected);
    },
    get rowsRead() {
      return n;
    },
  };
}

/**
 * Validates all parsed records of a file (see `createRowValidator` for the rules).
 * @example validateRecords(parseCsv('utredning_id;startdatum;alder\nU1;2025-01-10;142\n'), 'utredningar',
 *   { utredning_id: 0, startdatum: 1, alder: 2 }, 'a.csv') // 1 row accepted, 1 'age-out-of-range' warning
 */
export function validateRecords(
  parsed: ParsedCsv,
  dataset: DatasetKind,
  columns: ColumnAssignment,
  fileName: string,
  onProgress?: (fraction: number) => void,
): ValidationResult {
  const n = parsed.records.length;
  const rows = createRowValidator(parsed.header, parsed.delimiter, dataset, columns, fileName, n);
  for (let r = 0; r < n; r++) {
    if (onProgress && (r & 0xffff) === 0) onProgress(r / n);
    const record = parsed.records[r];
    rows.add(record.fields, record.line, parsed.quoteErrors.get(r));
  }
  return rows.finish();
}
