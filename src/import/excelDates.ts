/** Excel's dates: which number formats show a date, and date serials in the 1900 and 1904 systems. */
import { isoDate } from '../kpi/calendar';

/** Built-in number formats that show a date or a time (ECMA-376 18.8.30). */
export const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/**
 * Whether a number format shows a date: a d, m or y outside quoted text, `[...]` (colours,
 * locales, elapsed time) and escaped or padding characters.
 * @example isDateFormat('yyyy\\-mm\\-dd') // true; isDateFormat('0" dagar"') // false
 */
export function isDateFormat(formatCode: string): boolean {
  const bare = formatCode.replace(/"[^"]*"|\[[^\]]*\]|[\\_*]./g, '');
  return !/^general$/i.test(bare.trim()) && /[dmy]/i.test(bare);
}

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
