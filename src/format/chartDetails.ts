/**
 * The lines of the indicator charts' tooltips, in Swedish: a month's (or quarter's) counts, its
 * share and the same period a year earlier. Every figure comes from the view or from the kpi
 * function that defines it; the pages only hand the rows over.
 */
import { inTimeShareOf, lateExecutionShareOf, quarterLabel, type DecisionQuarter } from '../kpi';
import { formatMonth } from './date';
import type { ConcernMonthRow, InvestigationMonthRow } from './exports';
import { formatCount, formatNumber, formatPercent, formatPoints } from './number';

/** A number of days, or a dash when there is none (no decision executed). @example formatDays(null) // '–' */
export function formatDays(days: number | null): string {
  return days === null ? '–' : formatNumber(days);
}

/** The same month a year earlier, e.g. "jan 2024" for a row of jan 2025. */
const previousYearMonth = (month: number): string => formatMonth(month - 12);

/**
 * Utredningstid: late of started, pending when preliminary, the month a year earlier and the change.
 * @example investigationDetails(row)[0] // '31 av 138 sena (22 %)'
 */
export function investigationDetails(r: InvestigationMonthRow): string[] {
  return [
    `${formatCount(r.late)} av ${formatCount(r.started)} sena (${formatPercent(r.lateShare)})${r.preliminary ? `, ${formatCount(r.pending)} pågående – preliminär` : ''}`,
    r.yoy?.previousDenominator != null
      ? `${previousYearMonth(r.month)}: ${formatCount(r.yoy.previousNumerator)} av ${formatCount(r.yoy.previousDenominator)} (${formatPercent(r.yoy.previousShare)})`
      : `${previousYearMonth(r.month)}: inga uppgifter`,
    r.yoy?.changePoints == null && (r.preliminary || r.yoy?.previousPreliminary)
      ? 'Förändring: redovisas inte för en preliminär månad'
      : `Förändring: ${formatPoints(r.yoy?.changePoints ?? null)} procentenheter`,
  ];
}

/**
 * Orosanmälningar: in time of those to assess, received and already under investigation, pending or
 * late, and the month a year earlier.
 */
export function concernDetails(r: ConcernMonthRow): string[] {
  return [
    `${formatCount(r.inTime)} av ${formatCount(inTimeShareOf(r).denominator)} inom 14 dagar (${formatPercent(r.inTimeShare)})`,
    `${formatCount(r.received)} inkomna, varav ${formatCount(r.underInvestigation)} om barn som redan utreds`,
    r.preliminary
      ? `${formatCount(r.pending)} väntar på förhandsbedömning – preliminär`
      : `${formatCount(r.late)} sena`,
    r.yoy?.previousDenominator != null
      ? `${previousYearMonth(r.month)}: ${formatPercent(r.yoy.previousShare)} inom 14 dagar`
      : `${previousYearMonth(r.month)}: inga uppgifter`,
  ];
}

/** Verkställighet: not executed within three months of all decisions, days to execution, a year earlier. */
export function decisionQuarterDetails(q: DecisionQuarter): string[] {
  const previous = `${quarterLabel(q.quarter - 4)}: `;
  return [
    `${formatCount(lateExecutionShareOf(q).numerator)} av ${formatCount(q.decisions)} ej verkställda inom 3 månader (${formatPercent(q.lateShare)})`,
    `Median ${formatDays(q.median)} dagar, 90:e percentilen ${formatDays(q.p90)} dagar`,
    q.previousYear ? `${previous}${formatPercent(q.previousYear.lateShare)}` : `${previous}inga uppgifter`,
  ];
}

/**
 * Each year's total after "Totalt per år:", with the note that the current year runs to the as-of
 * date. @example yearTotalsText([2024, 2025], [10, 4]) // '2024: 10 · 2025: 4 (innevarande år till och med uttagsdatum)'
 */
export function yearTotalsText(years: readonly number[], totals: readonly number[]): string {
  if (years.length === 0) return '';
  return `${years.map((year, i) => `${year}: ${formatNumber(totals[i])}`).join(' · ')} (innevarande år till och med uttagsdatum)`;
}
