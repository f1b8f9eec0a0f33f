/**
 * Test-only: a CSV's rows written as a minimal .xlsx, as a spreadsheet program saves one, so the
 * import can be compared on the same data saved both ways. The CSV is split by papaparse (not
 * the app's reader), and each record goes to the spreadsheet row of the CSV line it starts on, so
 * "rad N" means the same line in both files. Date serials are counted here from the epochs Excel
 * documents, independently of the app's `excelDates.ts`.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import Papa from 'papaparse';

export interface XlsxOptions {
  /**
   * `serial`: ISO dates (and `YYYY-MM-DD HH:MM`) become number cells with a date format, as when a
   * spreadsheet recognises them; `text`: every field is a text cell (dates stay text).
   */
  dates: 'serial' | 'text';
  /** The 1904 date system (Excel for Mac before 2011). */
  date1904?: boolean;
  /** Whole numbers of up to 6 digits without a leading zero as number cells (as ages are saved). */
  numbers?: boolean;
  sheetName?: string;
  /** Sheets after the first, each a CSV text written the same way. */
  moreSheets?: { name: string; csv: string }[];
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30); // right for every serial from 61 (1900-03-01) on
const EPOCH_1904 = Date.UTC(1904, 0, 1);
/** Cell styles: 0 General, 1 a date (yyyy-mm-dd), 2 a date and time. */
const STYLES =
  '<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/><numFmt numFmtId="165" formatCode="yyyy\\-mm\\-dd\\ hh:mm"/></numFmts>' +
  '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="165" applyNumberFormat="1"/></cellXfs>';

/** XML text; a carriage return as Excel writes it (`_x000D_`), since XML reads it as a line feed. */
const escape = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r/g, '_x000D_');

function column(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** The serial of an ISO date (with an optional time), or null if it is no real day. */
export function dateSerial(text: string, date1904 = false): { serial: number; time: boolean } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?$/.exec(text);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map((v) => (v === undefined ? undefined : Number(v)));
  const ms = Date.UTC(year!, month! - 1, day!);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month! - 1 || back.getUTCDate() !== day) return null;
  const serial = (ms - (date1904 ? EPOCH_1904 : EPOCH_1900)) / DAY_MS;
  if (serial < (date1904 ? 0 : 61)) return null;
  const time = hour === undefined ? 0 : (hour * 60 + minute!) / 1440;
  return { serial: serial + time, time: hour !== undefined };
}

/** Records of a CSV with the 1-based line each starts on (LF, CRLF or CR line ends). */
export function csvRecords(csv: string): { line: number; fields: string[] }[] {
  const firstLine = /^[^\r\n]*/.exec(csv)![0];
  const count = (d: string) => firstLine.split(d).length;
  const delimiter = [';', ',', '\t'].reduce((best, d) => (count(d) > count(best) ? d : best));
  const records: { line: number; fields: string[] }[] = [];
  let line = 1;
  for (const fields of Papa.parse<string[]>(csv, { delimiter }).data) {
    records.push({ line, fields });
    // A record takes one line, plus one for each line break inside its quoted fields.
    line += 1 + fields.reduce((n, field) => n + (field.match(/\r\n|\r|\n/g) ?? []).length, 0);
  }
  return records;
}

function sheetXml(csv: string, options: XlsxOptions, shared: Map<string, number>): string {
  const rows: string[] = [];
  for (const { line, fields } of csvRecords(csv.replace(/^\uFEFF/, ''))) {
    if (line === 1 && /^sep=.(\r\n|\r|\n)/i.test(csv)) continue; // Excel reads it as the delimiter
    const cells: string[] = [];
    fields.forEach((field, i) => {
      if (field === '') return;
      const ref = `${column(i)}${line}`;
      const date = options.dates === 'serial' ? dateSerial(field, options.date1904) : null;
      if (date) cells.push(`<c r="${ref}" s="${date.time ? 2 : 1}"><v>${date.serial}</v></c>`);
      else if (options.numbers && /^(0|[1-9]\d{0,5})$/.test(field)) cells.push(`<c r="${ref}"><v>${field}</v></c>`);
      else {
        if (!shared.has(field)) shared.set(field, shared.size);
        cells.push(`<c r="${ref}" t="s"><v>${shared.get(field)}</v></c>`);
      }
    });
    if (cells.length > 0) rows.push(`<row r="${line}">${cells.join('')}</row>`);
  }
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}"><sheetData>${rows.join('')}</sheetData></worksheet>`;
}

/** The CSV text as a one-sheet (or more) .xlsx workbook. */
export function csvToXlsx(csv: string, options: XlsxOptions): Uint8Array {
  const sheets = [{ name: options.sheetName ?? 'Blad1', csv }, ...(options.moreSheets ?? [])];
  const shared = new Map<string, number>();
  const files: Zippable = {};
  sheets.forEach(
    (sheet, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml(sheet.csv, options, shared))),
  );
  const strings = [...shared.keys()].map((s) => `<si><t xml:space="preserve">${escape(s)}</t></si>`).join('');
  files['xl/sharedStrings.xml'] = strToU8(`<sst xmlns="${MAIN}" uniqueCount="${shared.size}">${strings}</sst>`);
  files['xl/styles.xml'] = strToU8(`<styleSheet xmlns="${MAIN}">${STYLES}</styleSheet>`);
  files['xl/workbook.xml'] = strToU8(
    `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><workbookPr${options.date1904 ? ' date1904="1"' : ''}/><sheets>` +
      sheets.map((s, i) => `<sheet name="${escape(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
      '</sheets></workbook>',
  );
  files['xl/_rels/workbook.xml.rels'] = strToU8(
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      sheets
        .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
        .join('') +
      `<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` +
      `<Relationship Id="rIdT" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
  );
  files['_rels/.rels'] = strToU8(
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  files['[Content_Types].xml'] = strToU8(
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  );
  return zipSync(files);
}
