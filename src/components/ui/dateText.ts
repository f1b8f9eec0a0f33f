/**
 * Reading a date (ÅÅÅÅ-MM-DD) or a month (ÅÅÅÅ-MM) typed into a text field, whatever the browser's
 * language. Whitespace around the text is trimmed, and a one-digit month or day is padded
 * ("2025-3-1" → "2025-03-01"): it cannot be misread. Anything else (other separators, two-digit
 * years, day before month) is refused with a Swedish message rather than guessed.
 */
import { isoDate, isoMonth, parseIsoDate, parseIsoMonth } from '../../kpi';

export type DateKind = 'date' | 'month';

/** The format hint shown beside the field. */
export const DATE_FORMAT: Record<DateKind, string> = { date: 'ÅÅÅÅ-MM-DD', month: 'ÅÅÅÅ-MM' };

/** A value to commit (`null` for an empty field: use the default), or the reason it cannot be used. */
export type DateTextResult = { ok: true; value: string | null } | { ok: false; error: string };

/**
 * Reads `text` as a date or a month; `min`/`max` (ISO strings of the same kind) bound it.
 * @example readDateText(' 2025-3-31 ', 'date') // { ok: true, value: '2025-03-31' }
 * @example readDateText('2025-02-30', 'date') // { ok: false, error: '2025-02-30 finns inte i kalendern.' }
 */
export function readDateText(text: string, kind: DateKind, min?: string, max?: string): DateTextResult {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: null };
  const pattern = kind === 'date' ? /^(\d{4})-(\d{1,2})-(\d{1,2})$/ : /^(\d{4})-(\d{1,2})$/;
  const match = pattern.exec(trimmed);
  const example = kind === 'date' ? '2025-03-31' : '2025-03';
  const what = kind === 'date' ? 'datumet' : 'månaden';
  if (!match) return { ok: false, error: `Skriv ${what} som ${DATE_FORMAT[kind]}, t.ex. ${example}.` };
  const padded = [match[1], ...match.slice(2).map((part) => part.padStart(2, '0'))].join('-');
  const parsed = kind === 'date' ? parseIsoDate(padded) : parseIsoMonth(padded);
  if (parsed === null) return { ok: false, error: `${padded} finns inte i kalendern.` };
  const value = kind === 'date' ? isoDate(parsed) : isoMonth(parsed);
  // ISO strings of one kind sort as their dates do.
  if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
    const span = [min && `från ${min}`, max && `till ${max}`].filter(Boolean).join(' ');
    return { ok: false, error: `${padded} ligger utanför uppgifterna: välj ${what} ${span}.` };
  }
  return { ok: true, value };
}
