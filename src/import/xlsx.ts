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
import { Inflate } from 'fflate';
import { formatCount } from '../format/number';
import { isoDate } from '../kpi/calendar';
import type { ParsedCsv, ParsedRecord } from './parse';

/** What the bytes of a file are, as far as workbooks go. */
export type WorkbookKind = 'xlsx' | 'xls' | 'encrypted' | 'ods' | 'xlsb' | 'zip' | 'other';

/** Why a workbook could not be read; the message says it in Swedish. */
export type WorkbookFailureReason =
  | 'xls'
  | 'encrypted'
  | 'ods'
  | 'xlsb'
  | 'not-workbook'
  | 'corrupt'
  | 'too-large'
  | 'too-many-cells'
  | 'no-sheet'
  | 'unknown-sheet'
  | 'empty-sheet';

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
  encrypted: 'Filen är en lösenordsskyddad Excel-fil. Spara den utan lösenord som .xlsx eller CSV och försök igen.',
  ods: `Filen är ett OpenDocument-kalkylblad (.ods). ${AGAIN}`,
  xlsb: `Filen är en binär Excel-arbetsbok (.xlsb). ${AGAIN}`,
  'not-workbook':
    'Filen är en zip-fil men ingen Excel-arbetsbok (.xlsx). Spara uppgifterna som .xlsx eller CSV och försök igen.',
};

class WorkbookError extends Error {
  constructor(
    readonly reason: WorkbookFailureReason,
    message: string,
  ) {
    super(message);
  }
}

const corrupt = (what: string) =>
  new WorkbookError(
    'corrupt',
    `Excel-filen är skadad och kan inte läsas (${what}). Öppna den i Excel och spara den som .xlsx eller CSV igen.`,
  );

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
// Zip

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  size: number;
  offset: number;
}

/** Bytes unpacked so far and still allowed. */
interface Budget {
  used: number;
  left: number;
}

const u16 = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16)) + b[i + 3] * 0x1000000;

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return bytes.length >= magic.length && magic.every((byte, i) => bytes[i] === byte);
}

/** Whether the UTF-16LE form of an ASCII word occurs in the bytes (names in an OLE2 directory). */
function containsUtf16(bytes: Uint8Array, word: string): boolean {
  const first = word.charCodeAt(0);
  outer: for (let i = 0; i + word.length * 2 <= bytes.length; i++) {
    if (bytes[i] !== first) continue;
    for (let k = 0; k < word.length; k++)
      if (bytes[i + 2 * k] !== word.charCodeAt(k) || bytes[i + 2 * k + 1] !== 0) continue outer;
    return true;
  }
  return false;
}

/** The zip's parts by lower-case name (part names in a package are case-insensitive). */
function readZipDirectory(bytes: Uint8Array): Map<string, ZipEntry> {
  let end = -1;
  for (let i = bytes.length - 22; i >= 0 && i >= bytes.length - 22 - 0xffff; i--)
    if (u32(bytes, i) === 0x06054b50) {
      end = i;
      break;
    }
  if (end < 0) throw corrupt('zip-katalogen saknas');
  const count = u16(bytes, end + 10);
  let at = u32(bytes, end + 16);
  if (count === 0xffff || at === 0xffffffff) throw tooLarge(Infinity);
  const decoder = new TextDecoder();
  const entries = new Map<string, ZipEntry>();
  for (let k = 0; k < count; k++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) throw corrupt('zip-katalogen är trasig');
    const nameLength = u16(bytes, at + 28);
    const name = decoder
      .decode(bytes.subarray(at + 46, at + 46 + nameLength))
      .replaceAll('\\', '/')
      .replace(/^\//, '');
    entries.set(name.toLowerCase(), {
      name,
      flags: u16(bytes, at + 8),
      method: u16(bytes, at + 10),
      compressedSize: u32(bytes, at + 20),
      size: u32(bytes, at + 24),
      offset: u32(bytes, at + 42),
    });
    at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
  }
  return entries;
}

function tooLarge(bytes: number): WorkbookError {
  const size = Number.isFinite(bytes) ? `till ${formatCount(Math.ceil(bytes / 1e6))} MB` : 'till mer än 4 GB';
  return new WorkbookError(
    'too-large',
    `Excel-filen packas upp ${size}; så stora filer kan inte läsas. Spara bladet som CSV och försök igen.`,
  );
}

/** One part's bytes, within the budget; inflating stops as soon as it passes its stated size. */
function unpack(bytes: Uint8Array, entry: ZipEntry, budget: Budget): Uint8Array {
  if (entry.flags & 1) throw new WorkbookError('encrypted', MESSAGES.encrypted);
  if (entry.size === 0xffffffff || entry.size > budget.left) throw tooLarge(budget.used + entry.size);
  const at = entry.offset;
  if (at + 30 > bytes.length || u32(bytes, at) !== 0x04034b50) throw corrupt(`delen ${entry.name} saknas`);
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length !== entry.compressedSize) throw corrupt(`delen ${entry.name} är avkortad`);
  budget.left -= entry.size;
  budget.used += entry.size;
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size) throw corrupt(`delen ${entry.name} har fel storlek`);
    return data;
  }
  if (entry.method !== 8) throw corrupt(`delen ${entry.name} är packad på ett okänt sätt`);
  const out = new Uint8Array(entry.size);
  let length = 0;
  let overflow = false;
  const inflater = new Inflate((chunk) => {
    if (length + chunk.length > out.length) overflow = true;
    else out.set(chunk, length);
    length += chunk.length;
  });
  // Input steps of 64 kB bound what one step can unpack (deflate expands at most ~1 000 times: 66 MB).
  const STEP = 65536;
  try {
    for (let i = 0; i < data.length && !overflow; i += STEP)
      inflater.push(data.subarray(i, i + STEP), i + STEP >= data.length);
  } catch {
    throw corrupt(`delen ${entry.name} går inte att packa upp`);
  }
  if (overflow || length !== entry.size)
    throw corrupt(`delen ${entry.name} packas upp till en annan storlek än den anger`);
  return out;
}

function part(bytes: Uint8Array, entries: Map<string, ZipEntry>, path: string, budget: Budget): Uint8Array | null {
  const entry = entries.get(path.toLowerCase());
  return entry ? unpack(bytes, entry, budget) : null;
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

/** Built-in number formats that show a date or a time (ECMA-376 18.8.30). */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/**
 * Whether a number format shows a date: a d, m or y outside quoted text, `[...]` (colours,
 * locales, elapsed time) and escaped or padding characters.
 * @example isDateFormat('yyyy\\-mm\\-dd') // true; isDateFormat('0" dagar"') // false
 */
export function isDateFormat(formatCode: string): boolean {
  const bare = formatCode.replace(/"[^"]*"|\[[^\]]*\]|[\\_*]./g, '');
  return !/^general$/i.test(bare.trim()) && /[dmy]/i.test(bare);
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

/** Day numbers (days since 1970-01-01) of the day before serial 1 in each date system. */
const DAY_BEFORE_SERIAL_1_IN_1900 = -25568; // 1899-12-31: serial 1 = 1900-01-01
const DAY_OF_SERIAL_0_FROM_61 = -25569; // 1899-12-30: serial 61 = 1900-03-01 (Excel counts a 1900-02-29)
const DAY_OF_SERIAL_0_IN_1904 = -24107; // 1904-01-01
/** Serial of 9999-12-31 + 1: Excel has no later date. */
const END_OF_SERIALS = 2958466;

/**
 * An Excel date serial as `YYYY-MM-DD`, or `YYYY-MM-DD HH:MM` when it has a time of day (rounded
 * to the second, then cut to the minute, so 23:59:59.6 is the next day and 23:59:40 stays 23:59).
 * In the 1900 system serial 60 is Excel's nonexistent 1900-02-29 and serials below it are one day
 * off from the days since 1899-12-30. Null for a serial that is no date.
 * @example excelSerialText(45688, false) // "2025-01-31"; excelSerialText(60, false) // "1900-02-29"
 */
export function excelSerialText(serial: number, date1904: boolean): string | null {
  if (!(serial >= 0 && serial < END_OF_SERIALS)) return null;
  let whole = Math.floor(serial);
  let seconds = Math.round((serial - whole) * 86400);
  if (seconds === 86400) {
    whole++;
    seconds = 0;
  }
  let date: string;
  if (date1904) date = isoDate(DAY_OF_SERIAL_0_IN_1904 + whole);
  else if (whole === 60) date = '1900-02-29';
  else date = isoDate(whole < 60 ? DAY_BEFORE_SERIAL_1_IN_1900 + whole : DAY_OF_SERIAL_0_FROM_61 + whole);
  if (seconds === 0) return date;
  const minutes = Math.floor(seconds / 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date} ${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

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

// ---------------------------------------------------------------------------------------------
// XML: a tolerant scanner for the few elements a workbook needs, over the part's text decoded once
// (as the CSV path holds its whole text). Names are matched without their namespace prefix (`x:c`
// is `c`); no DTD is read and no entity but the five predefined ones and character references is
// expanded.

const OPEN = 0;
const CLOSE = 1;
const EMPTY = 2;
const GT = 62;
const SLASH = 47;
const COLON = 58;

class XmlScanner {
  kind = OPEN;
  private readonly xml: string;
  private pos = 0;
  /** The current tag's local name, and its attributes as [name start, name end, value start, value end]. */
  private nameStart = 0;
  private nameEnd = 0;
  private readonly attributes: number[] = [];
  private attributeCount = 0;

  constructor(bytes: Uint8Array) {
    this.xml = new TextDecoder().decode(bytes);
  }

  /** Moves to the next start, end or empty-element tag; false at the end of the text. */
  next(): boolean {
    const x = this.xml;
    for (;;) {
      const lt = x.indexOf('<', this.pos);
      if (lt < 0 || lt + 1 >= x.length) return false;
      const c = x.charCodeAt(lt + 1);
      if (c === 33 /* ! */ || c === 63 /* ? */) {
        this.pos = this.skipSpecial(lt);
        continue;
      }
      this.kind = c === SLASH ? CLOSE : OPEN;
      let i = this.kind === CLOSE ? lt + 2 : lt + 1;
      this.nameStart = i;
      for (; i < x.length; i++) {
        const d = x.charCodeAt(i);
        if (d === COLON) this.nameStart = i + 1;
        else if (d <= 32 || d === GT || d === SLASH) break;
      }
      this.nameEnd = i;
      this.attributeCount = 0;
      this.pos = this.readAttributes(i);
      return true;
    }
  }

  /** Whether the current tag's local name is `name`. */
  is(name: string): boolean {
    return this.nameEnd - this.nameStart === name.length && this.xml.startsWith(name, this.nameStart);
  }

  /** An attribute of the current tag by local name, entities decoded. */
  attr(name: string): string | undefined {
    const a = this.attributes;
    for (let k = 0; k < this.attributeCount; k += 4) {
      const start = a[k + 1] - name.length;
      if (start < a[k] || !this.xml.startsWith(name, start)) continue;
      if (start === a[k] || this.xml.charCodeAt(start - 1) === COLON) return this.decode(a[k + 2], a[k + 3]);
    }
    return undefined;
  }

  /** Text content of the start tag just read, up to its end tag (CDATA kept, comments and child tags dropped). */
  text(): string {
    if (this.kind !== OPEN) return '';
    const x = this.xml;
    let text = '';
    let depth = 0;
    for (;;) {
      const lt = x.indexOf('<', this.pos);
      text += this.decode(this.pos, lt < 0 ? x.length : lt);
      if (lt < 0) {
        this.pos = x.length;
        return text;
      }
      this.pos = lt;
      if (x.startsWith('<![CDATA[', lt)) {
        const end = x.indexOf(']]>', lt);
        text += x.slice(lt + 9, end < 0 ? x.length : end);
        this.pos = end < 0 ? x.length : end + 3;
        continue;
      }
      if (!this.next()) return text;
      if (this.kind === OPEN) depth++;
      else if (this.kind === CLOSE && depth-- === 0) return text;
    }
  }

  /** Past a comment, processing instruction, CDATA section or DOCTYPE starting at `lt`. */
  private skipSpecial(lt: number): number {
    const x = this.xml;
    const endOf = (close: string) => {
      const end = x.indexOf(close, lt + 2);
      return end < 0 ? x.length : end + close.length;
    };
    if (x.startsWith('<!--', lt)) return endOf('-->');
    if (x.startsWith('<![CDATA[', lt)) return endOf(']]>');
    if (x.charCodeAt(lt + 1) === 63) return endOf('?>');
    // <!DOCTYPE …>, possibly with an internal subset in brackets.
    let brackets = 0;
    let i = lt + 2;
    for (; i < x.length; i++) {
      const c = x.charCodeAt(i);
      if (c === 91) brackets++;
      else if (c === 93) brackets--;
      else if (c === GT && brackets <= 0) break;
    }
    return i + 1;
  }

  /** Reads attributes from i to the tag's end; returns the position after `>`. */
  private readAttributes(i: number): number {
    const x = this.xml;
    const n = x.length;
    for (;;) {
      while (i < n && x.charCodeAt(i) <= 32) i++;
      if (i >= n) return i;
      const c = x.charCodeAt(i);
      if (c === GT) return i + 1;
      if (c === SLASH) {
        if (this.kind === OPEN) this.kind = EMPTY;
        i++;
        continue;
      }
      const nameStart = i;
      for (; i < n; i++) {
        const d = x.charCodeAt(i);
        if (d === 61 /* = */ || d === GT || d <= 32) break;
      }
      const nameEnd = i;
      while (i < n && x.charCodeAt(i) <= 32) i++;
      if (x.charCodeAt(i) !== 61) continue; // an attribute without value: ignored
      i++;
      while (i < n && x.charCodeAt(i) <= 32) i++;
      const quote = x[i];
      if (quote !== '"' && quote !== "'") continue;
      const end = x.indexOf(quote, i + 1);
      const valueEnd = end < 0 ? n : end;
      const a = this.attributes;
      const k = this.attributeCount;
      a[k] = nameStart;
      a[k + 1] = nameEnd;
      a[k + 2] = i + 1;
      a[k + 3] = valueEnd;
      this.attributeCount += 4;
      i = valueEnd + 1;
    }
  }

  /** Text between two positions, entities decoded. */
  private decode(from: number, to: number): string {
    if (to <= from) return '';
    const text = this.xml.slice(from, to);
    return text.includes('&') ? decodeEntities(text) : text;
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * The five predefined XML entities and character references; anything else is left as written.
 * @example decodeEntities('A &amp; B &#x2013; &#246;') // "A & B – ö"
 */
export function decodeEntities(text: string): string {
  return text.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, name: string) => {
    if (name[0] !== '#') return ENTITIES[name] ?? whole;
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
  });
}
