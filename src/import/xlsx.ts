/**
 * An Excel workbook (.xlsx, Office Open XML) → the header and records the CSV reader gives, so
 * validation, reconciliation and "rad N" messages work unchanged: a record's `line` is its row
 * number in the spreadsheet, and every field is text.
 *
 * Pure and DOM-free, for the worker and for Node: the zip's central directory is read here, the
 * few parts a sheet needs are inflated with fflate under a size cap (a zip that lies about its
 * sizes is stopped, not inflated), and a small byte-level XML scanner reads the elements a sheet
 * has. Number cells with a date style become `YYYY-MM-DD` (`YYYY-MM-DD HH:MM` with a time of day);
 * dates typed as text stay text, for the CSV date parser.
 */
import { formatCount } from '../format/number';
import { EMPTY_ZIP, OLE2, startsWith, ZIP } from './magic';
import { BUILT_IN_DATE_FORMATS, excelSerialText, isDateFormat } from './excelDates';
import type { ParsedCsv, ParsedRecord } from './parse';
import { CLOSE, EMPTY, OPEN, XmlScanner } from './xml';
import {
  containsUtf16,
  corrupt,
  ENCRYPTED_MESSAGE,
  part,
  readZipDirectory,
  unpack,
  WorkbookError,
  type Budget,
  type WorkbookFailureReason,
  type ZipEntry,
} from './workbookZip';

/** What the bytes of a file are, as far as workbooks go. */
export type WorkbookKind = 'xlsx' | 'xls' | 'encrypted' | 'ods' | 'xlsb' | 'zip' | 'other';

export type { WorkbookFailureReason } from './workbookZip';

export interface WorkbookFailure {
  ok: false;
  reason: WorkbookFailureReason;
  message: string;
}

export interface SheetInfo {
  name: string;
  hidden: boolean;
}

export interface SheetRead {
  ok: true;
  /** Every worksheet, in the workbook's tab order. */
  sheets: SheetInfo[];
  /** The sheet that was read. */
  sheet: string;
  parsed: ParsedCsv;
}

export interface SheetOptions {
  /** A sheet's name or 0-based position among the worksheets; by default the first visible one. */
  sheet?: string | number;
  /** Lower limits, for tests. */
  limits?: Partial<WorkbookLimits>;
}

export interface WorkbookLimits {
  /** Bytes the parts read (workbook, styles, shared strings, sheet) may unpack to together. */
  unpackedBytes: number;
  /** Cell elements the sheet may have, and fields the records may hold together (empty ones included). */
  cells: number;
}

/** Far beyond a real extract (Excel's own limit is 1 048 576 rows), far below what exhausts a browser. */
export const WORKBOOK_LIMITS: WorkbookLimits = { unpackedBytes: 400 * 1024 * 1024, cells: 20_000_000 };

const AGAIN = 'Spara den som .xlsx eller CSV och försök igen.';
const MESSAGES: Record<'xls' | 'encrypted' | 'ods' | 'xlsb' | 'not-workbook', string> = {
  xls: `Filen är en äldre Excel-fil (.xls). ${AGAIN}`,
  encrypted: ENCRYPTED_MESSAGE,
  ods: `Filen är ett OpenDocument-kalkylblad (.ods). ${AGAIN}`,
  xlsb: `Filen är en binär Excel-arbetsbok (.xlsb). ${AGAIN}`,
  'not-workbook':
    'Filen är en zip-fil men ingen Excel-arbetsbok (.xlsx). Spara uppgifterna som .xlsx eller CSV och försök igen.',
};

/**
 * What a file's bytes are: reads only the first bytes and, for a zip, the names of its parts.
 * @example sniffWorkbook(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) // 'xls'
 */
export function sniffWorkbook(bytes: Uint8Array): WorkbookKind {
  if (startsWith(bytes, OLE2)) return containsUtf16(bytes, 'EncryptedPackage') ? 'encrypted' : 'xls';
  if (!startsWith(bytes, ZIP) && !startsWith(bytes, EMPTY_ZIP)) return 'other';
  try {
    const entries = readZipDirectory(bytes);
    if (entries.has('xl/workbook.bin')) return 'xlsb';
    if (entries.has('content.xml') && entries.has('mimetype')) {
      const mimetype = new TextDecoder().decode(unpack(bytes, entries.get('mimetype')!, { used: 0, left: 1024 }));
      return mimetype.includes('opendocument.spreadsheet') ? 'ods' : 'zip';
    }
    return entries.has('[content_types].xml') && entries.has(workbookPath(bytes, entries)) ? 'xlsx' : 'zip';
  } catch {
    return 'zip';
  }
}

/** Whether the bytes are an .xlsx (or .xlsm) workbook. @example isXlsx(new TextEncoder().encode('a;b')) // false */
export function isXlsx(bytes: Uint8Array): boolean {
  return sniffWorkbook(bytes) === 'xlsx';
}

/**
 * The worksheets of a workbook, in tab order.
 * @example listSheets(bytes) // { ok: true, sheets: [{ name: 'Blad1', hidden: false }] }
 */
export function listSheets(bytes: Uint8Array): { ok: true; sheets: SheetInfo[] } | WorkbookFailure {
  return attempt(() => {
    const book = openWorkbook(bytes, { used: 0, left: WORKBOOK_LIMITS.unpackedBytes });
    return { ok: true, sheets: book.sheets.map(({ name, hidden }) => ({ name, hidden })) };
  });
}

/**
 * Reads one worksheet — by default the first visible one — into the CSV reader's shape: the first
 * non-blank row is the header (trimmed, up to its last filled cell), later non-blank rows are
 * records padded with empty fields to the header's width; `line` is the spreadsheet row.
 * @example readSheet(bytes).parsed.records[0] // { line: 2, fields: ['U-1', '2025-01-31', ''] }
 */
export function readSheet(bytes: Uint8Array, options: SheetOptions = {}): SheetRead | WorkbookFailure {
  const limits = { ...WORKBOOK_LIMITS, ...options.limits };
  return attempt(() => {
    const budget = { used: 0, left: limits.unpackedBytes };
    const book = openWorkbook(bytes, budget);
    const sheet = chooseSheet(book.sheets, options.sheet);
    const sheetEntry = book.entries.get(sheet.path.toLowerCase());
    if (!sheetEntry) throw corrupt(`bladet ${sheet.name} saknas`);
    const styles = part(bytes, book.entries, book.stylesPath, budget);
    const strings = part(bytes, book.entries, book.sharedStringsPath, budget);
    const sheetXml = unpack(bytes, sheetEntry, budget);
    const parsed = readRows(sheetXml, {
      shared: strings ? readSharedStrings(strings) : [],
      dateStyles: styles ? readDateStyles(styles) : [],
      date1904: book.date1904,
      maxCells: limits.cells,
      dates: new Map(),
    });
    if (parsed.header.length === 0) throw new WorkbookError('empty-sheet', `Bladet ”${sheet.name}” är tomt.`);
    return { ok: true, sheets: book.sheets.map(({ name, hidden }) => ({ name, hidden })), sheet: sheet.name, parsed };
  });
}

function attempt<T>(read: () => T): T | WorkbookFailure {
  try {
    return read();
  } catch (error) {
    if (error instanceof WorkbookError) return { ok: false, reason: error.reason, message: error.message };
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Workbook structure: package relationships → workbook.xml → sheets, styles, shared strings

interface SheetEntry extends SheetInfo {
  path: string;
}

interface Workbook {
  entries: Map<string, ZipEntry>;
  sheets: SheetEntry[];
  date1904: boolean;
  stylesPath: string;
  sharedStringsPath: string;
}

/** Relationships of a part: id → type and the target's path in the package. */
function readRelationships(xml: Uint8Array, fromPath: string): Map<string, { type: string; path: string }> {
  const relationships = new Map<string, { type: string; path: string }>();
  const scanner = new XmlScanner(xml);
  while (scanner.next())
    if (scanner.kind !== CLOSE && scanner.is('Relationship') && scanner.attr('TargetMode') !== 'External')
      relationships.set(scanner.attr('Id') ?? '', {
        type: scanner.attr('Type') ?? '',
        path: resolvePath(fromPath, scanner.attr('Target') ?? ''),
      });
  return relationships;
}

/** A relationship target relative to the part it comes from (`worksheets/sheet1.xml` from `xl/workbook.xml`). */
function resolvePath(fromPath: string, target: string): string {
  const segments = target.startsWith('/') ? [] : fromPath.split('/').slice(0, -1);
  for (const segment of target.split('/')) {
    if (segment === '..') segments.pop();
    else if (segment !== '.' && segment !== '') segments.push(segment);
  }
  return segments.join('/');
}

function relationshipsPath(path: string): string {
  const slash = path.lastIndexOf('/');
  return `${path.slice(0, slash + 1)}_rels/${path.slice(slash + 1)}.rels`;
}

/** The workbook part named by the package's officeDocument relationship, else the usual place. */
function workbookPath(bytes: Uint8Array, entries: Map<string, ZipEntry>): string {
  const rels = entries.get('_rels/.rels');
  if (rels && rels.size < 1e6)
    for (const { type, path } of readRelationships(unpack(bytes, rels, { used: 0, left: 1e6 }), '').values())
      if (type.endsWith('/officeDocument')) return path.toLowerCase();
  return 'xl/workbook.xml';
}

function openWorkbook(bytes: Uint8Array, budget: Budget): Workbook {
  const kind = sniffWorkbook(bytes);
  if (kind === 'other' || kind === 'zip') {
    // A text file would never get here; whatever it is, it is no workbook.
    throw new WorkbookError('not-workbook', MESSAGES['not-workbook']);
  }
  if (kind !== 'xlsx') throw new WorkbookError(kind, MESSAGES[kind]);
  const entries = readZipDirectory(bytes);
  const path = workbookPath(bytes, entries);
  const relations = part(bytes, entries, relationshipsPath(path), budget);
  const targets = relations ? readRelationships(relations, path) : new Map<string, { type: string; path: string }>();
  const targetOfType = (suffix: string, fallback: string) =>
    [...targets.values()].find((t) => t.type.endsWith(suffix))?.path ?? fallback;
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  const scanner = new XmlScanner(part(bytes, entries, path, budget)!);
  while (scanner.next()) {
    if (scanner.kind === CLOSE) continue;
    if (scanner.is('workbookPr')) date1904 = /^(1|true)$/i.test(scanner.attr('date1904') ?? '');
    else if (scanner.is('sheet')) {
      const target = targets.get(scanner.attr('id') ?? '');
      // Chart sheets and dialog sheets hold no cells.
      if (target && !target.type.endsWith('/worksheet')) continue;
      const state = scanner.attr('state') ?? 'visible';
      sheets.push({
        name: scanner.attr('name') ?? `Blad${sheets.length + 1}`,
        hidden: state !== 'visible',
        path: target?.path ?? `xl/worksheets/sheet${sheets.length + 1}.xml`,
      });
    }
  }
  return {
    entries,
    sheets,
    date1904,
    stylesPath: targetOfType('/styles', 'xl/styles.xml'),
    sharedStringsPath: targetOfType('/sharedStrings', 'xl/sharedStrings.xml'),
  };
}

function chooseSheet(sheets: SheetEntry[], wanted: string | number | undefined): SheetEntry {
  if (sheets.length === 0) throw new WorkbookError('no-sheet', 'Arbetsboken har inget kalkylblad.');
  if (wanted === undefined) return sheets.find((s) => !s.hidden) ?? sheets[0];
  const sheet = typeof wanted === 'number' ? sheets[wanted] : sheets.find((s) => s.name === wanted);
  if (sheet) return sheet;
  const names = sheets.map((s) => `”${s.name}”`).join(', ');
  const asked = typeof wanted === 'number' ? `nummer ${wanted + 1}` : `som heter ”${wanted}”`;
  throw new WorkbookError('unknown-sheet', `Arbetsboken har inget blad ${asked}. Bladen är: ${names}.`);
}

/** The texts of sharedStrings.xml by index; rich-text runs joined, phonetic guides (`rPh`) left out. */
function readSharedStrings(xml: Uint8Array): string[] {
  const strings: string[] = [];
  const scanner = new XmlScanner(xml);
  while (scanner.next())
    if (scanner.is('si')) {
      if (scanner.kind === OPEN) strings.push(readStringItem(scanner, 'si'));
      else if (scanner.kind === EMPTY) strings.push('');
    }
  return strings;
}

/** Text of a string item (`<si>`, `<is>`) the scanner has just opened, up to its end tag. */
function readStringItem(scanner: XmlScanner, element: string): string {
  let text = '';
  let phonetic = 0;
  while (scanner.next()) {
    if (scanner.kind === CLOSE) {
      if (scanner.is(element)) break;
      if (scanner.is('rPh')) phonetic--;
    } else if (scanner.kind === OPEN) {
      if (scanner.is('rPh')) phonetic++;
      else if (scanner.is('t')) {
        const run = scanner.text();
        if (phonetic === 0) text += run;
      }
    }
  }
  return unescapeOoxml(text);
}

/** `_x000D_` style escapes of Office Open XML strings (`_x005F_` is a literal `_`). */
function unescapeOoxml(text: string): string {
  return text.includes('_x')
    ? text.replace(/_x([0-9a-fA-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : text;
}

/** For each cell style (`cellXfs` in styles.xml, by index) whether its number format is a date. */
function readDateStyles(xml: Uint8Array): boolean[] {
  const customFormats = new Map<number, string>();
  const styleFormats: number[] = [];
  const scanner = new XmlScanner(xml);
  let inCellXfs = false;
  let inNumFmts = false;
  while (scanner.next()) {
    // Only these two lists count: `cellStyleXfs` and the `dxfs` of conditional formats have `xf` and `numFmt` too.
    if (scanner.is('cellXfs')) inCellXfs = scanner.kind === OPEN;
    else if (scanner.is('numFmts')) inNumFmts = scanner.kind === OPEN;
    else if (scanner.kind === CLOSE) continue;
    else if (inNumFmts && scanner.is('numFmt'))
      customFormats.set(Number(scanner.attr('numFmtId')), scanner.attr('formatCode') ?? '');
    else if (inCellXfs && scanner.is('xf')) styleFormats.push(Number(scanner.attr('numFmtId') ?? 0));
  }
  return styleFormats.map((id) => {
    const custom = customFormats.get(id);
    return custom !== undefined ? isDateFormat(custom) : BUILT_IN_DATE_FORMATS.has(id);
  });
}

// ---------------------------------------------------------------------------------------------
// Cells

/** A number cell's text: integers in full, others to Excel's 15 significant digits. */
function numberText(raw: string): string {
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value)) return raw.trim();
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(15)));
}

interface CellContext {
  shared: string[];
  dateStyles: boolean[];
  date1904: boolean;
  maxCells: number;
  /** Serial → its text, as met. */
  dates: Map<number, string>;
}

/** `C7` → column index 2 (A = 0), or -1. Columns past XFD (16 384) do not exist in Excel. */
function columnOf(ref: string): number {
  let column = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 0x61 || c > 0x7a) break;
    column = column * 26 + (c - 0x60);
  }
  return i === 0 || i > 3 || column > 16384 ? -1 : column - 1;
}

function readCell(scanner: XmlScanner, type: string, style: number, context: CellContext): string {
  let value: string | null = null;
  let inline: string | null = null;
  if (scanner.kind !== EMPTY)
    while (scanner.next()) {
      if (scanner.kind === CLOSE) {
        if (scanner.is('c')) break;
      } else if (scanner.kind === OPEN) {
        if (scanner.is('v')) value = scanner.text();
        else if (scanner.is('is')) inline = readStringItem(scanner, 'is');
        else scanner.text(); // a formula (`f`) or an extension: its text is not the value
      }
    }
  if (inline !== null) return inline;
  if (value === null) return '';
  switch (type) {
    case 's':
      return context.shared[Number(value)] ?? '';
    case 'str':
    case 'inlineStr':
      return unescapeOoxml(value);
    case 'b':
      return value.trim() === '1' || value.trim().toLowerCase() === 'true' ? 'SANT' : 'FALSKT';
    case 'e':
    case 'd':
      return value.trim();
    default: {
      if (context.dateStyles[style] && value.trim() !== '') {
        const serial = Number(value);
        // Extracts repeat a few thousand days over and over.
        const known = context.dates.get(serial);
        if (known !== undefined) return known;
        const date = excelSerialText(serial, context.date1904);
        if (date !== null) {
          context.dates.set(serial, date);
          return date;
        }
      }
      return numberText(value);
    }
  }
}

function isBlank(text: string): boolean {
  return text.length === 0 || text.trim() === '';
}

/** sheetData → header and records, as `parseCsv` gives them. */
function readRows(xml: Uint8Array, context: CellContext): ParsedCsv {
  let header: string[] = [];
  let headerLine = 0;
  const records: ParsedRecord[] = [];
  let cellsLeft = context.maxCells;
  let fieldsLeft = context.maxCells;
  const tooManyCells = () =>
    new WorkbookError(
      'too-many-cells',
      `Bladet har fler än ${formatCount(context.maxCells)} celler; så stora blad kan inte läsas. Spara bladet som CSV och försök igen.`,
    );
  let rowNumber = 0;
  const columns: number[] = [];
  const values: string[] = [];
  const endRow = () => {
    let last = -1;
    for (let k = 0; k < columns.length; k++) if (columns[k] > last && !isBlank(values[k])) last = columns[k];
    if (last < 0) return;
    const width = Math.max(last + 1, headerLine > 0 ? header.length : 0);
    fieldsLeft -= width;
    if (fieldsLeft < 0) throw tooManyCells();
    const fields = new Array<string>(width).fill('');
    for (let k = 0; k < columns.length; k++) if (columns[k] < width) fields[columns[k]] = values[k];
    if (headerLine > 0) records.push({ line: rowNumber, fields });
    else {
      header = fields.map((field) => field.trim());
      headerLine = rowNumber;
    }
  };
  const scanner = new XmlScanner(xml);
  let column = -1;
  let inSheetData = false;
  while (scanner.next()) {
    if (scanner.is('sheetData')) {
      if (scanner.kind !== OPEN) break;
      inSheetData = true;
    } else if (!inSheetData) continue;
    else if (scanner.is('row')) {
      if (scanner.kind === CLOSE) {
        endRow();
        continue;
      }
      const r = Number(scanner.attr('r'));
      rowNumber = Number.isInteger(r) && r > 0 ? r : rowNumber + 1;
      columns.length = 0;
      values.length = 0;
      column = -1;
      if (scanner.kind === EMPTY) endRow();
    } else if (scanner.is('c') && scanner.kind !== CLOSE) {
      const ref = scanner.attr('r');
      const fromRef = ref === undefined ? -1 : columnOf(ref);
      if (ref !== undefined && fromRef < 0) throw corrupt(`cellreferensen ${ref} finns inte i Excel`);
      column = ref === undefined ? column + 1 : fromRef;
      if (--cellsLeft < 0) throw tooManyCells();
      const text = readCell(scanner, scanner.attr('t') ?? 'n', Number(scanner.attr('s') ?? 0), context);
      columns.push(column);
      values.push(text);
    }
  }
  return { delimiter: ';', header, headerLine: headerLine || 1, records, quoteErrors: new Map() };
}
