/**
 * The CSV files that the download buttons give and `npm run report` writes: one definition,
 * so the two can never differ. Column names are documented in the README.
 */
import { delimiterName, type FileReconciliation, type Problem } from './importRecords';
import {
  isoDate,
  isoMonth,
  NO_DATE,
  quarterLabel,
  type DecisionCounts,
  type ConcernMonth,
  type InvestigationMonth,
  type PeriodRow,
  type ReasonRow,
  type YearOverYearRow,
  type DecisionMonth,
  type DecisionQuarter,
  type IvoEntry,
  type IvoSummaryRow,
} from '../kpi';
import { csvPercent, toCsv, type CsvColumn } from './csv';
import { roundHalfAwayFromZero } from './number';

export type InvestigationMonthRow = WithYearOverYear<InvestigationMonth>;

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
  { header: 'forandring_procentenheter', value: (r) => changePoints(r.yoy) },
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
  return toCsv(investigationMonthlyColumns, withYearOverYear(months, yoy));
}

/** `utredningar_period.csv`: the period comparison. */
export function periodCsv(rows: readonly PeriodRow[]): string {
  return toCsv(periodColumns, rows);
}

/** `problem.csv`: every problem with file, line, column, value, code, severity (`avvisad` | `varning`) and reason. */
export const problemColumns: CsvColumn<Problem>[] = [
  { header: 'fil', value: (p) => p.file },
  { header: 'rad', value: (p) => p.line },
  { header: 'kolumn', value: (p) => p.column },
  { header: 'varde', value: (p) => p.value },
  { header: 'kod', value: (p) => p.code },
  { header: 'allvarlighet', value: (p) => p.severity },
  { header: 'meddelande', value: (p) => p.message },
];

/** `avstamning.csv`: rows read = accepted + rejected per file; rows with a warning are among the accepted. */
export const reconciliationColumns: CsvColumn<FileReconciliation>[] = [
  { header: 'fil', value: (f) => f.file },
  { header: 'datamangd', value: (f) => f.dataset },
  { header: 'teckenkodning', value: (f) => f.encoding },
  { header: 'avgransare', value: (f) => delimiterName(f.delimiter) },
  { header: 'rader_lasta', value: (f) => f.rowsRead },
  { header: 'rader_godkanda', value: (f) => f.rowsAccepted },
  { header: 'rader_avvisade', value: (f) => f.rowsRejected },
  { header: 'rader_med_varning', value: (f) => f.rowsWithWarning },
];

/** A month of any monthly view joined with its year-over-year row. */
export type WithYearOverYear<Month> = Month & { yoy: YearOverYearRow | undefined };

/** Joins monthly rows with their year-over-year rows by month. */
export function withYearOverYear<Month extends { month: number }>(
  months: readonly Month[],
  yoy: readonly YearOverYearRow[],
): WithYearOverYear<Month>[] {
  const byMonth = new Map(yoy.map((row) => [row.month, row]));
  return months.map((m) => ({ ...m, yoy: byMonth.get(m.month) }));
}

export type ConcernMonthRow = WithYearOverYear<ConcernMonth>;

export const concernMonthlyColumns: CsvColumn<ConcernMonthRow>[] = [
  { header: 'manad', value: (r) => isoMonth(r.month) },
  { header: 'inkomna', value: (r) => r.received },
  { header: 'inom_14_dagar', value: (r) => r.inTime },
  { header: 'sena', value: (r) => r.late },
  { header: 'pagaende', value: (r) => r.pending },
  { header: 'andel_inom_14_dagar', value: (r) => csvPercent(r.inTimeShare) },
  { header: 'preliminar', value: (r) => r.preliminary },
  { header: 'pagaende_utredning', value: (r) => r.underInvestigation },
  { header: 'andel_inom_14_dagar_foregaende_ar', value: (r) => csvPercent(r.yoy?.previousShare ?? null) },
  { header: 'forandring_procentenheter', value: (r) => changePoints(r.yoy) },
  { header: 'skyddsbedomning_i_tid', value: (r) => r.protectiveInTime },
  { header: 'skyddsbedomning_sen', value: (r) => r.protectiveLate },
  { header: 'andel_skyddsbedomning_i_tid', value: (r) => csvPercent(r.protectiveShare) },
  { header: 'inleds', value: (r) => r.opened },
  { header: 'inleds_ej', value: (r) => r.notOpened },
  { header: 'andel_inleds', value: (r) => csvPercent(r.openedShare) },
];

export const reasonColumns: CsvColumn<ReasonRow>[] = [
  { header: 'ar', value: (r) => r.year },
  { header: 'orsak', value: (r) => r.reason },
  { header: 'antal', value: (r) => r.count },
  { header: 'andel', value: (r) => csvPercent(r.share) },
];

/** Period comparison columns for a share of reports assessed in time (numerator = inom 14 dagar). */
export const concernPeriodColumns: CsvColumn<PeriodRow>[] = periodColumns.map((c) =>
  c.header === 'sena' ? { header: 'inom_14_dagar', value: c.value } : c,
);

function changePoints(yoy: YearOverYearRow | undefined): number | null {
  return yoy?.changePoints == null ? null : roundHalfAwayFromZero(yoy.changePoints, 1);
}

/** `orosanmalningar_volym.csv`: received per month, every month in the data. */
export const concernVolumeColumns: CsvColumn<{ month: number; value: number }>[] = [
  { header: 'manad', value: (v) => isoMonth(v.month) },
  { header: 'inkomna', value: (v) => v.value },
];

const decisionCountColumns: CsvColumn<DecisionCounts>[] = [
  { header: 'beslut', value: (r) => r.decisions },
  { header: 'verkstallda_i_tid', value: (r) => r.executedInTime },
  { header: 'verkstallda_sent', value: (r) => r.executedLate },
  { header: 'ej_verkstallda_frist_passerad', value: (r) => r.overdue },
  { header: 'ej_verkstallda_inom_frist', value: (r) => r.notYetDue },
  { header: 'andel_ej_inom_3_manader', value: (r) => csvPercent(r.lateShare) },
  { header: 'preliminar', value: (r) => r.preliminary },
];

/** `beslut_manad.csv`: per month of decision. */
export const decisionMonthColumns: CsvColumn<DecisionMonth>[] = [
  { header: 'manad', value: (r) => isoMonth(r.month) },
  ...decisionCountColumns,
];

/** `beslut_kvartal.csv`: per quarter of decision, with days to execution. */
export const decisionQuarterColumns: CsvColumn<DecisionQuarter>[] = [
  { header: 'kvartal', value: (r) => quarterLabel(r.quarter) },
  ...decisionCountColumns,
  {
    header: 'median_dagar_till_verkstallighet',
    value: (r) => (r.median === null ? null : roundHalfAwayFromZero(r.median, 1)),
  },
  { header: 'p90_dagar_till_verkstallighet', value: (r) => (r.p90 === null ? null : roundHalfAwayFromZero(r.p90, 1)) },
];

/** `beslut_insats.csv` / `beslut_enhet.csv`: the chosen months broken down. */
export const decisionBreakdownColumns = (name: string): CsvColumn<DecisionCounts & { label: string }>[] => [
  { header: name, value: (r) => r.label },
  ...decisionCountColumns,
];

/** `ivo_2025Q3.csv`: one row per individual report to IVO. */
export const ivoColumns: CsvColumn<IvoEntry>[] = [
  { header: 'kvartal', value: (e) => e.quarter },
  { header: 'beslut_id', value: (e) => e.id },
  { header: 'beslutsdatum', value: (e) => isoDate(e.decided) },
  { header: 'insats', value: (e) => e.intervention },
  { header: 'typ', value: (e) => (e.kind === 'avbrott' ? 'avbrott' : 'beslut') },
  { header: 'avbrottsdatum', value: (e) => (e.kind === 'avbrott' ? isoDate(e.start) : '') },
  { header: 'frist', value: (e) => isoDate(e.deadline) },
  { header: 'status', value: (e) => (e.executed ? 'verkställt' : 'ej verkställt') },
  { header: 'verkstalldatum', value: (e) => (e.executedOn === NO_DATE ? '' : isoDate(e.executedOn)) },
  { header: 'dagar', value: (e) => e.days },
  { header: 'orsak', value: (e) => e.reason },
  { header: 'kon', value: (e) => e.sex },
  { header: 'enhet', value: (e) => e.unit },
  { header: 'jamfort_med_foregaende_kvartal', value: (e) => e.status },
];

/** `ivo_2025Q3_sammanstallning.csv`: the de-identified counts. */
export const ivoSummaryColumns: CsvColumn<IvoSummaryRow>[] = [
  { header: 'grupp', value: (r) => r.group },
  { header: 'kategori', value: (r) => r.label },
  { header: 'antal', value: (r) => r.count },
];
