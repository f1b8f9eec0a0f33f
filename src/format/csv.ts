/**
 * CSV for Swedish Excel: `;` between fields, decimal comma, UTF-8 with BOM (so Excel reads å, ä, ö),
 * CRLF line ends, fields quoted when they hold `;`, `"` or a newline.
 */

export interface CsvColumn<Row> {
  header: string;
  value: (row: Row) => string | number | boolean | null;
}

import { roundHalfAwayFromZero } from './number';

const BOM = '\ufeff';

function cell(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'ja' : 'nej';
  const text = typeof value === 'number' ? String(value).replace('.', ',') : value;
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** @example toCsv([{ header: 'a', value: (r) => r }], [1.5]) // '\ufeffa\r\n1,5\r\n' */
export function toCsv<Row>(columns: readonly CsvColumn<Row>[], rows: readonly Row[]): string {
  const lines = [columns.map((c) => cell(c.header)).join(';')];
  for (const row of rows) lines.push(columns.map((c) => cell(c.value(row))).join(';'));
  return BOM + lines.join('\r\n') + '\r\n';
}

/** A share as a percent with one decimal, for CSV. @example csvPercent(0.20151) // 20.2 */
export function csvPercent(share: number | null): number | null {
  return share === null ? null : roundHalfAwayFromZero(share * 100, 1);
}
