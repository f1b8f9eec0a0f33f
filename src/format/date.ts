/** Dates and months for display, in Swedish (date-fns with the sv locale; never in the rules). */
import { format } from 'date-fns';
import { sv } from 'date-fns/locale';
import type { MonthIndex } from '../kpi';

/** @example formatMonth(2025 * 12) // 'jan 2025' */
export function formatMonth(month: MonthIndex): string {
  return format(new Date(Math.floor(month / 12), month % 12, 1), 'MMM yyyy', { locale: sv }).replace('.', '');
}

/** @example formatMonthLong(2025 * 12) // 'januari 2025' */
export function formatMonthLong(month: MonthIndex): string {
  return format(new Date(Math.floor(month / 12), month % 12, 1), 'LLLL yyyy', { locale: sv });
}

/** Name of a calendar month 1–12. @example monthName(6) // 'juni' */
export function monthName(month: number): string {
  return format(new Date(2001, month - 1, 1), 'LLLL', { locale: sv });
}

/** A span of months as the pages head it. @example formatMonthSpan(2025 * 12, 2025 * 12 + 5) // 'jan 2025–juni 2025' */
export function formatMonthSpan(from: MonthIndex, to: MonthIndex): string {
  return `${formatMonth(from)}–${formatMonth(to)}`;
}

/** Calendar months 1–12 of a period as the report names it. @example periodSpan(1, 6) // 'januari–juni' */
export function periodSpan(periodFrom: number, periodTo: number): string {
  return periodFrom === periodTo ? monthName(periodFrom) : `${monthName(periodFrom)}–${monthName(periodTo)}`;
}

/** A moment in local time, as the report prints when a file was imported. @example formatDateTime(new Date(2026, 11, 2, 3, 14)) // '2026-12-02 kl. 03:14' */
export function formatDateTime(date: Date): string {
  return format(date, "yyyy-MM-dd 'kl.' HH:mm");
}
