/**
 * Rapport för nämnden: a chosen period of one year for every loaded indicator – sentences, chart and
 * table in the nämnd's format, and the same period across all years – printable on A4.
 */
import { useMemo } from 'react';
import { PeriodComparison } from '../../components/charts/PeriodComparison';
import { ShareBarChart } from '../../components/charts/ShareBarChart';
import { monthColumn } from '../../components/layout/indicatorRows';
import { withPrevious } from '../../components/tables/cells';
import { DataTable, type Column } from '../../components/tables/DataTable';
import { AsOfInput } from '../../components/ui/AsOfInput';
import { PeriodControls } from '../../components/ui/ViewControls';
import { readUrlParams } from '../../data/urlSchema';
import { useOwnFiles } from '../../data/ownFiles';
import { useAsOfDescription, usePublishedOnly } from '../../data/published';
import { useReconciliation, useView, useWorkspace } from '../../data/queries';
import { useViewFilters } from '../../data/viewFilters';
import { formatDateTime, formatMonth, monthName, periodSpan } from '../../format/date';
import { concernPeriodColumns, periodColumns, withYearOverYear } from '../../format/exports';
import { formatCount, formatPercent } from '../../format/number';
import { countSentence, extremesSentence, periodSentence } from '../../format/sentences';
import type { DatasetKind, YearPeriod } from '../../data/types';
import {
  isoDate,
  monthOfYear,
  NO_DATE,
  periodMonths,
  ymdFromDay,
  type MonthIndex,
  type PeriodRow,
  type YearOverYearRow,
} from '../../kpi';
import { SuppressionNote } from '../../components/ui/PackageNotes';

interface ShareMonth {
  month: MonthIndex;
  preliminary: boolean;
  yoy: YearOverYearRow | undefined;
}

interface SectionProps {
  id: string;
  title: string;
  subject: string;
  /** What is counted and what happened to it: ['utredningar', 'inleddes']. */
  countWhat: readonly [string, string];
  denominatorLabel: string;
  numeratorLabel: string;
  shareLabel: string;
  preliminaryNote: string;
  months: ShareMonth[];
  periods: PeriodRow[];
  yearPeriod: YearPeriod;
  periodFrom: number;
  periodTo: number;
  periodCsv: typeof periodColumns;
}

/** Each figure of a month's row and the same figure a year earlier. */
const PREVIOUS = {
  denominator: 'previousDenominator',
  numerator: 'previousNumerator',
  share: 'previousShare',
} as const;

/** A month's count or share with the same month a year earlier in parentheses, under "label (2024)". */
function besidePreviousYear(label: string, previousYear: number, figure: keyof typeof PREVIOUS): Column<ShareMonth> {
  const format = figure === 'share' ? formatPercent : formatCount;
  return {
    header: withPrevious(label, String(previousYear)),
    cell: ({ yoy }) => {
      const before = yoy?.[PREVIOUS[figure]] ?? null;
      return withPrevious(format(yoy?.[figure] ?? null), before === null ? null : format(before));
    },
    numeric: true,
  };
}

function ReportSection(props: SectionProps) {
  const { months, periods, periodFrom, periodTo } = props;
  const { year, previousYear, current, previous } = props.yearPeriod;
  const span = periodSpan(periodFrom, periodTo);
  const sentences = [
    countSentence(props.countWhat, span, year, current?.denominator ?? 0, previous?.denominator ?? null),
    periodSentence({ subject: props.subject, span, year, current, previous }),
    extremesSentence(months.map((m) => ({ label: monthName(monthOfYear(m.month)), share: m.yoy?.share ?? null }))),
  ].filter((s): s is string => s !== null);
  const columns: Column<ShareMonth>[] = [
    monthColumn<ShareMonth>('Månad'),
    besidePreviousYear(props.denominatorLabel, previousYear, 'denominator'),
    besidePreviousYear(props.numeratorLabel, previousYear, 'numerator'),
    besidePreviousYear(props.shareLabel, previousYear, 'share'),
  ];
  return (
    <section className="report-section" aria-labelledby={`report-${props.id}`} data-testid={`report-${props.id}`}>
      <h2 id={`report-${props.id}`}>{props.title}</h2>
      {sentences.map((s) => (
        <p key={s} className="sentence">
          {s}
        </p>
      ))}
      <ShareBarChart
        rows={months.map((m) => ({
          key: String(m.month),
          label: formatMonth(m.month),
          current: m.yoy?.share ?? null,
          previous: m.yoy?.previousShare ?? null,
          preliminary: m.preliminary,
          previousPreliminary: m.yoy?.previousPreliminary === true,
          details: [
            `${formatCount(m.yoy?.numerator ?? null)} av ${formatCount(m.yoy?.denominator ?? null)} (${formatPercent(m.yoy?.share ?? null)})`,
          ],
        }))}
        title={`${props.subject} per månad ${span} ${year} och ${previousYear}`}
        currentName={`${props.shareLabel} ${year}`}
        previousName={`Samma månad ${previousYear}`}
        preliminaryNote={props.preliminaryNote}
      />
      <DataTable
        caption={`${props.subject} per månad ${span} ${year}, inom parentes ${previousYear}`}
        columns={columns}
        rows={months}
        rowKey={(m) => m.month}
        preliminary={(m) => m.preliminary}
        footer={
          current && (
            <tr>
              <td>
                Hela perioden: medelvärde av månadsandelarna {formatPercent(current.meanOfMonthlyShares)}
                {previous ? ` (${formatPercent(previous.meanOfMonthlyShares)})` : ''}; sammanvägd andel{' '}
                {formatPercent(current.pooledShare)}
                {previous ? ` (${formatPercent(previous.pooledShare)})` : ''}
              </td>
              <td className="num">
                {withPrevious(formatCount(current.denominator), previous ? formatCount(previous.denominator) : null)}
              </td>
              <td className="num">
                {withPrevious(formatCount(current.numerator), previous ? formatCount(previous.numerator) : null)}
              </td>
              <td />
            </tr>
          )
        }
      />
      <PeriodComparison
        testId={`report-${props.id}-period`}
        rows={periods}
        periodFrom={periodFrom}
        periodTo={periodTo}
        subject={props.subject}
        denominatorLabel={props.denominatorLabel}
        numeratorLabel={props.numeratorLabel}
        csv={{ fileName: `${props.id}_period.csv`, columns: props.periodCsv }}
        controls={false}
      />
    </section>
  );
}

export function ReportPage() {
  const state = useWorkspace().data;
  const publishedOnly = usePublishedOnly();
  const { params, setParams, asOf, units, periodFrom, periodTo, baseQuery } = useViewFilters();
  const asOfDescription = useAsOfDescription();
  const ownFiles = useOwnFiles();
  const reconciliation = useReconciliation(state?.version, asOf).data;
  const year = readUrlParams(params).year ?? (asOf === NO_DATE ? 0 : ymdFromDay(asOf).year);
  const query = useMemo(
    () =>
      baseQuery ? { ...baseQuery, ...periodMonths(year, periodFrom, periodTo), periodFrom, periodTo, year } : null,
    [baseQuery, year, periodFrom, periodTo],
  );
  const has = (kind: DatasetKind) => !!state?.datasets.includes(kind);
  const investigations = useView('investigations', state?.version, has('utredningar') ? query : null).data;
  const concerns = useView('concerns', state?.version, has('orosanmalningar') ? query : null).data;
  const decisions = useView('decisions', state?.version, has('beslut') ? query : null).data;

  if (!state || state.files.length === 0) {
    return (
      <section>
        <h1>Rapport för nämnden</h1>
        <p>
          Inga filer är inlästa. Läs in exporter under <a href="?sida=data">Data och import</a>.
        </p>
      </section>
    );
  }
  const span = periodSpan(periodFrom, periodTo);
  // The published manifest describes the data only while nothing of the user's own is loaded.
  const published = publishedOnly?.source;
  const accepted = new Map(reconciliation?.files.map((f) => [f.file, f]) ?? []);
  const common = { periodFrom, periodTo };
  const prelMonths = [
    ...(investigations?.months ?? []).filter((m) => m.preliminary).map((m) => `${formatMonth(m.month)} (utredningar)`),
    ...(concerns?.months ?? []).filter((m) => m.preliminary).map((m) => `${formatMonth(m.month)} (orosanmälningar)`),
    ...(decisions?.months ?? []).filter((m) => m.preliminary).map((m) => `${formatMonth(m.month)} (beslut)`),
  ];
  const years = [
    ...new Set(
      [...(investigations?.periods ?? []), ...(concerns?.periods ?? []), ...(decisions?.periods ?? [])].map(
        (p) => p.year,
      ),
    ),
  ].sort();

  return (
    <section aria-labelledby="page-title" className="report">
      <form className="controls" onSubmit={(e) => e.preventDefault()} aria-label="Rapportens period">
        <label>
          År
          <select value={year} onChange={(e) => setParams({ ar: e.target.value })}>
            {(years.length > 0 ? years : [year]).map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <AsOfInput asOf={asOf} />
        <button type="button" onClick={() => window.print()}>
          Skriv ut
        </button>
      </form>
      <PeriodControls periodFrom={periodFrom} periodTo={periodTo} />

      <header className="report-header">
        <h1 id="page-title">
          Uppföljning av lagstadgade tidsfrister, {span} {year}
        </h1>
        <p>Rapport till socialnämnden{units.length > 0 ? ` – ${units.join(', ')}` : ''}.</p>
        {state.package && <SuppressionNote />}
        <dl>
          <dt>Uttagsdatum</dt>
          <dd data-testid="report-as-of">
            {asOf === NO_DATE ? '–' : isoDate(asOf)} ({asOfDescription.text})
          </dd>
          <dt>Datakälla</dt>
          <dd data-testid="report-source">
            {published ?? (
              <ul className="report-files">
                {state.files.map((f) => {
                  const counts = accepted.get(f.file);
                  const own = ownFiles.get(f.file);
                  return (
                    <li key={f.file}>
                      {f.file}:{' '}
                      {counts
                        ? `${formatCount(counts.rowsRead)} rader, varav ${formatCount(counts.rowsAccepted)} godkända`
                        : own
                          ? `${formatCount(own.rowsRead)} rader`
                          : ''}
                      , uttagsdatum {asOf === NO_DATE ? '–' : isoDate(asOf)}
                      {own && `, inläst ${formatDateTime(own.importedAt)}`}
                    </li>
                  );
                })}
              </ul>
            )}
          </dd>
          <dt>Preliminära månader</dt>
          <dd>
            {prelMonths.length > 0
              ? `${prelMonths.join(', ')} – ärenden pågår ännu inom fristen; andelarna kan ändras.`
              : 'inga'}
          </dd>
          <dt>Beräkning</dt>
          <dd>
            Andelar räknas per månad; för perioden redovisas både medelvärdet av månadsandelarna (som nämndens tabeller)
            och den sammanvägda andelen. Inom parentes: samma period föregående år.
          </dd>
        </dl>
      </header>

      {investigations?.yearPeriod && (
        <ReportSection
          id="utredningar"
          title="Utredningstid – fyramånadersfristen"
          subject="Andelen sena utredningar"
          countWhat={['utredningar', 'inleddes']}
          denominatorLabel="Inledda"
          numeratorLabel="Sena"
          shareLabel="Andel sena"
          preliminaryNote="pågående utredningar kvar"
          months={investigations.rows}
          periods={investigations.periods}
          yearPeriod={investigations.yearPeriod}
          periodCsv={periodColumns}
          {...common}
        />
      )}
      {concerns?.yearPeriod && (
        <ReportSection
          id="orosanmalningar"
          title="Orosanmälningar – förhandsbedömning inom 14 dagar"
          subject="Andelen orosanmälningar förhandsbedömda inom 14 dagar"
          countWhat={['bedömningspliktiga orosanmälningar', 'kom in']}
          denominatorLabel="Bedömningspliktiga"
          numeratorLabel="Inom 14 dagar"
          shareLabel="Andel i tid"
          preliminaryNote="anmälningar väntar på förhandsbedömning"
          months={concerns.rows}
          periods={concerns.periods}
          yearPeriod={concerns.yearPeriod}
          periodCsv={concernPeriodColumns}
          {...common}
        />
      )}
      {decisions?.yearPeriod && !decisions.onlyNotExecuted && (
        <ReportSection
          id="verkstallighet"
          title="Verkställighet – beslut om insats inom tre månader"
          subject="Andelen beslut ej verkställda inom tre månader"
          countWhat={['beslut om insats', 'fattades']}
          denominatorLabel="Beslut"
          numeratorLabel="Ej inom 3 månader"
          shareLabel="Andel ej i tid"
          preliminaryNote="beslut inom frist kvar"
          months={withYearOverYear(decisions.rows, decisions.yearOverYear)}
          periods={decisions.periods}
          yearPeriod={decisions.yearPeriod}
          periodCsv={periodColumns}
          {...common}
        />
      )}
    </section>
  );
}
