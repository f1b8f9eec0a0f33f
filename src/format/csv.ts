/**
 * The one writer of text that leaves the app as a spreadsheet: CSV for Swedish Excel (`;` between
 * fields, decimal comma, UTF-8 with BOM so Excel reads å, ä, ö, CRLF line ends, fields quoted when
 * they hold `;`, `"` or a line break), and the cells of a table copied for Word or Excel
 * (copyTable.ts uses `safeCellText`). Every cell, header included:
 * - has each personnummer masked (DOMAIN.md "Privacy"), wherever in the text it is;
 * - cannot run as a formula (OWASP "CSV injection"): text that starts with `=`, `+`, `-`, `@`, tab
 *   or carriage return gets a leading `'`. A number stays a number: JS numbers are written with a
 *   decimal comma, and a text that is a number as written (`-4`, `−4,5`, `-4.5`, `+6`, `−1 234`,
 *   `−3 %`) is left as it is: digits and a sign cannot call anything;
 * - a figure hidden in a published package (NaN) reads `dolt`, never `NaN` or 0.
 */

import { maskPersonnummer } from './personnummer';
import { HIDDEN_FIGURE_TEXT, roundHalfAwayFromZero } from './number';

export interface CsvColumn<Row> {
  header: string;
  value: (row: Row) => string | number | boolean | null;
}

const BOM = '\ufeff';

const FORMULA_START = /^[=+\-@\t\r]/;
// A sign, digits with optional thousands spaces, optional decimals, optional percent sign.
const NUMBER_AS_WRITTEN = /^[-+\u2212]?\d+(?:[ \u00a0\u202f]\d{3})*(?:[.,]\d+)?(?:[ \u00a0\u202f]?%)?$/;

/**
 * A text as it may leave the app in a cell: personnummer masked, and a leading `'` when it would
 * otherwise start a formula.
 * @example safeCellText('=HYPERLINK("http://x","y")') // '\'=HYPERLINK("http://x","y")'
 * @example safeCellText('-4,5') // '-4,5'
 * @example safeCellText('ring 121212-1212') // 'ring ÅÅMMDD-XXXX'
 */
export function safeCellText(text: string): string {
  const masked = maskPersonnummer(text);
  return FORMULA_START.test(masked) && !NUMBER_AS_WRITTEN.test(masked) ? `'${masked}` : masked;
}

function cell(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'ja' : 'nej';
  // A figure hidden in a published package (NaN, issue 13) reads as in the package's own CSV files:
  // not "färre än 5", since a count hidden to protect another one may be 5 or more.
  if (Number.isNaN(value)) return HIDDEN_FIGURE_TEXT;
  // A JS number is never text, whatever its sign or exponent (`-1e+21`): it is only masked.
  const text = typeof value === 'number' ? maskPersonnummer(String(value).replace('.', ',')) : safeCellText(value);
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The CSV text of rows, one line per row after a header line.
 * @example toCsv([{ header: 'a', value: (r) => r }], [1.5]) // '\ufeffa\r\n1,5\r\n'
 * @example toCsv([{ header: 'enhet', value: (r) => r }], ['=1+1']) // "\ufeffenhet\r\n'=1+1\r\n"
 */
export function toCsv<Row>(columns: readonly CsvColumn<Row>[], rows: readonly Row[]): string {
  const lines = [columns.map((c) => cell(c.header)).join(';')];
  for (const row of rows) lines.push(columns.map((c) => cell(c.value(row))).join(';'));
  return BOM + lines.join('\r\n') + '\r\n';
}

/** A share as a percent with one decimal, for CSV. @example csvPercent(0.20151) // 20.2 */
export function csvPercent(share: number | null): number | null {
  return share === null ? null : roundHalfAwayFromZero(share * 100, 1);
}
