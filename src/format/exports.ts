/**
 * The CSV files that the download buttons give and `npm run report` writes: one definition,
 * so the two can never differ. Column names are documented in the README.
 */
import { delimiterName } from '../import/importFile';
import type { Problem } from '../import/validate';
import type { FileReconciliation } from '../import/workspace';
import { isoMonth, type InvestigationMonth, type PeriodRow, type YearOverYearRow } from '../kpi';
import { csvPercent, toCsv, type CsvColumn } from './csv';
import { roundHalfAwayFromZero } from './number';

export interface InvestigationMonthRow extends InvestigationMonth {
  yoy: YearOverYearRow | undefined;
}

/** Joins each month with its year-over-year row. */
export function investigationMonthRows(
  months: readonly InvestigationMonth[],
  yoy: readonly YearOverYearRow[],
): InvestigationMonthRow[] {
  const byMonth = new Map(yoy.map((row) => [row.month, row]));
  return months.map((m) => ({ ...m, yoy: byMonth.get(m.month) }));
}

export const investigationMonthlyColumns: CsvColumn<InvestigationMonthRow>[] = [
  { header: 'manad', value: (r) => isoMonth(r.month) },
  { header: 'inledda', value: (r) => r.started },
  { header: 'i_tid', value: (r) => r.inTime },
  { header: 'forlangd', value: (r) => r.extended },
  { header: 'sen', value: (r) => r.late },
  { header: 'pagaende', value: (r) => r.pending },
  { header: 'andel_sen', value: (r) => csvPercent(r.lateShare) },
  { header: 'preliminar', value: (r) => r.preliminary },
  { header: 'inledda_foregaende_ar', value: (r) => r.yoy?.previousDenominator ?? null },
  { header: 'sen_foregaende_ar', value: (r) => r.yoy?.previousNumerator ?? null },
  { header: 'andel_sen_foregaende_ar', value: (r) => csvPercent(r.yoy?.previousShare ?? null) },
  {
    header: 'forandring_procentenheter',
    value: (r) => (r.yoy?.changePoints == null ? null : roundHalfAwayFromZero(r.yoy.changePoints, 1)),
  },
  { header: 'forlangd_passerat_forlangd_till', value: (r) => r.extendedOverdue },
];

export const periodColumns: CsvColumn<PeriodRow>[] = [
  { header: 'ar', value: (r) => r.year },
  { header: 'manader_med_data', value: (r) => r.monthsWithData },
  { header: 'antal', value: (r) => r.denominator },
  { header: 'sena', value: (r) => r.numerator },
  { header: 'medel_av_manadsandelar', value: (r) => csvPercent(r.meanOfMonthlyShares) },
  { header: 'sammanvagd_andel', value: (r) => csvPercent(r.pooledShare) },
  { header: 'preliminar', value: (r) => r.preliminary },
];

/** `utredningar_manad.csv`: the monthly table of the Utredningstid page. */
export function investigationMonthlyCsv(
  months: readonly InvestigationMonth[],
  yoy: readonly YearOverYearRow[],
): string {
  return toCsv(investigationMonthlyColumns, investigationMonthRows(months, yoy));
}

/** `utredningar_period.csv`: the period comparison. */
export function periodCsv(rows: readonly PeriodRow[]): string {
  return toCsv(periodColumns, rows);
}

/** `problem.csv`: every rejected row with file, line, column, value and reason. */
export const problemColumns: CsvColumn<Problem>[] = [
  { header: 'fil', value: (p) => p.file },
  { header: 'rad', value: (p) => p.line },
  { header: 'kolumn', value: (p) => p.column },
  { header: 'varde', value: (p) => p.value },
  { header: 'kod', value: (p) => p.code },
  { header: 'meddelande', value: (p) => p.message },
];

/** `avstamning.csv`: rows read = accepted + rejected, per file. */
export const reconciliationColumns: CsvColumn<FileReconciliation>[] = [
  { header: 'fil', value: (f) => f.file },
  { header: 'datamangd', value: (f) => f.dataset },
  { header: 'teckenkodning', value: (f) => f.encoding },
  { header: 'avgransare', value: (f) => delimiterName(f.delimiter) },
  { header: 'rader_lasta', value: (f) => f.rowsRead },
  { header: 'rader_godkanda', value: (f) => f.rowsAccepted },
  { header: 'rader_avvisade', value: (f) => f.rowsRejected },
];
