/** Orosanmälningar: the 14-day rule, skyddsbedömning, delay reasons, volumes and year-over-year. */
import { PeriodComparison } from '../../components/charts/PeriodComparison';
import { ShareBarChart, type ShareBarRow } from '../../components/charts/ShareBarChart';
import { StackedShareChart, stackedShareRows } from '../../components/charts/StackedShareChart';
import { YearLinesChart, yearLinesRows, type YearLinesRow } from '../../components/charts/YearLinesChart';
import { ChangeCell, PrelMark, withPrevious } from '../../components/tables/cells';
import { DataTable, type Column } from '../../components/tables/DataTable';
import { Breakdowns } from '../../components/tables/Breakdowns';
import { ViewControls } from '../../components/ui/ViewControls';
import { viewStatus } from '../../components/ui/ViewStatus';
import { useView, useWorkspace } from '../../data/queries';
import { useViewFilters } from '../../data/viewFilters';
import { toCsv } from '../../format/csv';
import { formatMonth } from '../../format/date';
import {
  concernMonthlyColumns,
  concernPeriodColumns,
  concernVolumeColumns,
  reasonColumns,
  type ConcernMonthRow,
} from '../../format/exports';
import { formatCount, formatNumber, formatPercent } from '../../format/number';
import type { ConcernView } from '../../data/types';
import { inTimeShareOf, isoDate, isoMonth, type ReasonRow } from '../../kpi';
import { SuppressionNote } from '../../components/ui/PackageNotes';

type ConcernRow = ConcernView['rows'][number];

function chartRow(r: ConcernMonthRow): ShareBarRow {
  return {
    key: isoMonth(r.month),
    label: formatMonth(r.month),
    current: r.inTimeShare,
    previous: r.yoy?.previousShare ?? null,
    preliminary: r.preliminary,
    previousPreliminary: r.yoy?.previousPreliminary === true,
    details: [
      `${formatCount(r.inTime)} av ${formatCount(inTimeShareOf(r).denominator)} inom 14 dagar (${formatPercent(r.inTimeShare)})`,
      `${formatCount(r.received)} inkomna, varav ${formatCount(r.underInvestigation)} om barn som redan utreds`,
      r.preliminary
        ? `${formatCount(r.pending)} väntar på förhandsbedömning – preliminär`
        : `${formatCount(r.late)} sena`,
      r.yoy?.previousDenominator != null
        ? `${formatMonth(r.month - 12)}: ${formatPercent(r.yoy.previousShare)} inom 14 dagar`
        : `${formatMonth(r.month - 12)}: inga uppgifter`,
    ],
  };
}

export function ConcernsPage() {
  const state = useWorkspace().data;
  const { asOf, asOfSource, units, periodFrom, periodTo, query } = useViewFilters();
  const view = useView('concerns', state?.version, query);
  const data = view.data;

  const status = viewStatus(
    'Orosanmälningar',
    'Ingen fil med orosanmälningar är inläst.',
    !state?.datasets.includes('orosanmalningar') || data === null,
    view,
  );
  if (status || !data) return status;

  const { rows, range } = data;
  const prelMonths = rows.filter((r) => r.preliminary).map((r) => formatMonth(r.month));
  const volume = yearLinesRows(data.volume);
  // The late reports' reasons as one 100 % bar per year (the reasons come ordered by year).
  const reasons = stackedShareRows(
    data.reasons.map((r) => ({ group: String(r.year), category: r.reason, share: r.share })),
  );

  const columns: Column<ConcernRow>[] = [
    {
      header: 'Inkomstmånad',
      cell: (r) => (
        <>
          {formatMonth(r.month)}
          {r.preliminary && <PrelMark />}
        </>
      ),
      rowHeader: true,
    },
    {
      header: (
        <>
          Inkomna <span className="previous">(fg. år)</span>
        </>
      ),
      cell: (r) =>
        withPrevious(formatCount(r.received), r.previousReceived === null ? null : formatCount(r.previousReceived)),
      numeric: true,
    },
    { header: 'Inom 14 dagar', cell: (r) => formatCount(r.inTime), numeric: true },
    { header: 'Sena', cell: (r) => formatCount(r.late), numeric: true },
    { header: 'Pågående', cell: (r) => formatCount(r.pending), numeric: true },
    {
      header: (
        <>
          Andel i tid <span className="previous">(fg. år)</span>
        </>
      ),
      cell: (r) =>
        withPrevious(
          formatPercent(r.inTimeShare),
          r.yoy?.previousShare == null ? null : formatPercent(r.yoy.previousShare),
        ),
      numeric: true,
    },
    {
      header: (
        <>
          Förändr. (<abbr title="procentenheter">p.e.</abbr>)
        </>
      ),
      cell: (r) => (
        <ChangeCell
          points={r.yoy?.changePoints ?? null}
          preliminary={r.preliminary || r.yoy?.previousPreliminary === true}
        />
      ),
      numeric: true,
    },
    {
      header: <abbr title="Anmälan om barn som redan utreds: räknas inte i andelen">Redan utreds</abbr>,
      cell: (r) => formatCount(r.underInvestigation),
      numeric: true,
    },
    ...(data.hasProtective
      ? [
          {
            header: <abbr title="Andel med skyddsbedömning samma dag eller nästa dag">Skyddsbed. i tid</abbr>,
            cell: (r: ConcernRow) => formatPercent(r.protectiveShare),
            numeric: true,
          },
        ]
      : []),
    ...(data.hasDecision
      ? [
          {
            header: <abbr title="Andel av förhandsbedömningarna som ledde till att utredning inleddes">Inleds</abbr>,
            cell: (r: ConcernRow) => formatPercent(r.openedShare),
            numeric: true,
          },
        ]
      : []),
  ];
  const reasonTable: Column<ReasonRow>[] = [
    { header: 'År', cell: (r) => r.year, rowHeader: true },
    { header: 'Orsak', cell: (r) => r.reason },
    { header: 'Antal sena', cell: (r) => formatCount(r.count), numeric: true },
    { header: 'Andel av årets sena', cell: (r) => formatPercent(r.share), numeric: true },
  ];
  const volumeTable: Column<YearLinesRow>[] = [
    { header: 'Månad', cell: (r) => r.label, rowHeader: true },
    ...volume.years.map((year) => ({
      header: String(year),
      cell: (r: YearLinesRow) => formatCount((r[String(year)] as number | undefined) ?? null),
      numeric: true,
    })),
  ];

  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">Orosanmälningar – fjortondagarsregeln</h1>
      <p className="lead">
        Andel orosanmälningar där förhandsbedömningen (inleda utredning eller inte) gjorts inom 14 dagar från att
        anmälan kom in. Dag 14 är i tid; saknas förhandsbedömning när dag 14 passerat räknas anmälan som sen.
        Anmälningar om barn som redan utreds räknas bland inkomna men inte i andelen.
      </p>
      {data.fromPackage && <SuppressionNote />}
      <ViewControls asOf={asOf} range={range} unitOptions={data.units} units={units} />
      <p className="meta" data-testid="concerns-meta">
        Uttagsdatum {isoDate(asOf)} ({asOfSource}) · {formatNumber(data.total)} orosanmälningar
        {units.length > 0 ? ` i ${units.join(', ')}` : ''}
        {data.hasProtective ? '' : ' · skyddsbedömning saknas i filen'}
        {data.hasDecision ? '' : ' · beslut saknas i filen'}
      </p>
      {prelMonths.length > 0 && (
        <p className="notice">
          <strong>Preliminärt:</strong> {prelMonths.join(', ')} har anmälningar som väntar på förhandsbedömning inom 14
          dagar; andelen kan ändras.
        </p>
      )}

      <h2>Andel förhandsbedömda inom 14 dagar per inkomstmånad</h2>
      {rows.length > 0 && (
        <ShareBarChart
          rows={rows.map(chartRow)}
          title="Andel orosanmälningar förhandsbedömda inom 14 dagar, jämfört med samma månad föregående år"
          currentName="Andel inom 14 dagar"
          previousName="Samma månad föregående år"
          preliminaryNote="anmälningar väntar på förhandsbedömning, andelen kan ändras"
        />
      )}
      <DataTable
        testId="concern-monthly-table"
        caption="Orosanmälningar per inkomstmånad; inom parentes samma månad föregående år"
        columns={columns}
        rows={rows}
        rowKey={(r) => r.month}
        preliminary={(r) => r.preliminary}
        csv={{ fileName: 'orosanmalningar_manad.csv', columns: concernMonthlyColumns }}
      />

      <Breakdowns
        bySex={data.bySex}
        byUnit={data.byUnitSeries}
        shareLabel="Andel inom 14 dagar"
        numeratorLabel="Inom 14 dagar"
        denominatorLabel="Bedömningspliktiga"
        lowerIsBetter={false}
        period={`${formatMonth(range.from)}–${formatMonth(range.to)}`}
      />

      <h2>Orsaker till försening, per år</h2>
      {!data.hasReasons ? (
        <p>Filen saknar kolumnen för orsak till försening.</p>
      ) : data.reasons.length === 0 ? (
        <p>Inga sena orosanmälningar.</p>
      ) : (
        <>
          <StackedShareChart
            rows={reasons.rows}
            categories={reasons.categories}
            title="Orsaker till försening, andel av årets sena"
          />
          <DataTable
            testId="reason-table"
            caption="Sena orosanmälningar per orsak och år"
            columns={reasonTable}
            rows={data.reasons}
            rowKey={(r) => `${r.year}:${r.reason}`}
            csv={{ fileName: 'orosanmalningar_orsaker.csv', columns: reasonColumns }}
          />
        </>
      )}

      <h2>Antal inkomna per månad, alla år</h2>
      <p className="lead">
        Totalt per år: {volume.years.map((year, i) => `${year}: ${formatNumber(volume.totals[i])}`).join(' · ')}
        {volume.years.length > 0 && ' (innevarande år till och med uttagsdatum)'}.
      </p>
      <YearLinesChart
        rows={volume.rows}
        years={volume.years}
        title="Inkomna orosanmälningar per månad och år"
        unit="anmälningar"
      />
      <DataTable
        testId="volume-table"
        caption="Inkomna orosanmälningar per månad och år"
        columns={volumeTable}
        rows={volume.rows}
        rowKey={(r) => r.label}
        csv={{ fileName: 'orosanmalningar_volym.csv', text: () => toCsv(concernVolumeColumns, data.volume) }}
      />

      <PeriodComparison
        testId="concern-period-table"
        rows={data.periods}
        periodFrom={periodFrom}
        periodTo={periodTo}
        subject="Andel förhandsbedömda inom 14 dagar"
        denominatorLabel="Bedömningspliktiga"
        numeratorLabel="Inom 14 dagar"
        csv={{ fileName: 'orosanmalningar_period.csv', columns: concernPeriodColumns }}
      />
    </section>
  );
}
