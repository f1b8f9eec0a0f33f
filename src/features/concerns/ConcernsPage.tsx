/** Orosanmälningar: the 14-day rule, skyddsbedömning, delay reasons, volumes and year-over-year. */
import { StackedShareChart } from '../../components/charts/StackedShareChart';
import { YearLinesChart, yearLinesRows } from '../../components/charts/YearLinesChart';
import { withPrevious } from '../../components/tables/cells';
import { DataTable, type Column } from '../../components/tables/DataTable';
import { IndicatorLayout } from '../../components/layout/IndicatorLayout';
import {
  byMonth,
  changeColumn,
  isPreliminary,
  monthColumn,
  monthShareBar,
  previousHeader,
  reasonBars,
  yearLinesColumns,
  yoyShareColumn,
} from '../../components/layout/indicatorRows';
import { viewStatus } from '../../components/ui/ViewStatus';
import { useIndicatorView } from '../../data/indicatorView';
import { toCsv } from '../../format/csv';
import { concernDetails, yearTotalsText } from '../../format/chartDetails';
import { concernMonthlyColumns, concernPeriodColumns, concernVolumeColumns, reasonColumns } from '../../format/exports';
import { formatCount, formatPercent } from '../../format/number';
import type { ConcernView } from '../../data/types';
import type { ReasonRow } from '../../kpi';

type ConcernRow = ConcernView['rows'][number];

const reasonTable: Column<ReasonRow>[] = [
  { header: 'År', cell: (r) => r.year, rowHeader: true },
  { header: 'Orsak', cell: (r) => r.reason },
  { header: 'Antal sena', cell: (r) => formatCount(r.count), numeric: true },
  { header: 'Andel av årets sena', cell: (r) => formatPercent(r.share), numeric: true },
];

/** The monthly table's columns; skyddsbedömning and inleds only when the file has them. */
function monthlyColumns(data: ConcernView): Column<ConcernRow>[] {
  return [
    monthColumn('Inkomstmånad'),
    {
      header: previousHeader('Inkomna'),
      cell: (r) =>
        withPrevious(formatCount(r.received), r.previousReceived === null ? null : formatCount(r.previousReceived)),
      numeric: true,
    },
    { header: 'Inom 14 dagar', cell: (r) => formatCount(r.inTime), numeric: true },
    { header: 'Sena', cell: (r) => formatCount(r.late), numeric: true },
    { header: 'Pågående', cell: (r) => formatCount(r.pending), numeric: true },
    yoyShareColumn('Andel i tid', (r) => r.inTimeShare),
    changeColumn(),
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
}

export function ConcernsPage() {
  const { filters, view, missing } = useIndicatorView('concerns', 'orosanmalningar');
  const data = view.data;
  const status = viewStatus('Orosanmälningar', 'Ingen fil med orosanmälningar är inläst.', missing, view);
  if (status || !data) return status;

  const volume = yearLinesRows(data.volume);
  const reasons = reasonBars(data.reasons);

  return (
    <IndicatorLayout
      view={data}
      filters={filters}
      title="Orosanmälningar – fjortondagarsregeln"
      lead={
        <>
          Andel orosanmälningar där förhandsbedömningen (inleda utredning eller inte) gjorts inom 14 dagar från att
          anmälan kom in. Dag 14 är i tid; saknas förhandsbedömning när dag 14 passerat räknas anmälan som sen.
          Anmälningar om barn som redan utreds räknas bland inkomna men inte i andelen.
        </>
      }
      meta={{
        noun: 'orosanmälningar',
        testId: 'concerns-meta',
        extra: `${data.hasProtective ? '' : ' · skyddsbedömning saknas i filen'}${data.hasDecision ? '' : ' · beslut saknas i filen'}`,
      }}
      preliminary={{
        rows: data.rows,
        text: 'har anmälningar som väntar på förhandsbedömning inom 14 dagar; andelen kan ändras.',
      }}
      chart={{
        heading: 'Andel förhandsbedömda inom 14 dagar per inkomstmånad',
        bars: {
          rows: data.rows.map((r) => monthShareBar(r, r.inTimeShare, concernDetails(r))),
          title: 'Andel orosanmälningar förhandsbedömda inom 14 dagar, jämfört med samma månad föregående år',
          currentName: 'Andel inom 14 dagar',
          previousName: 'Samma månad föregående år',
          preliminaryNote: 'anmälningar väntar på förhandsbedömning, andelen kan ändras',
        },
        table: (
          <DataTable
            testId="concern-monthly-table"
            caption="Orosanmälningar per inkomstmånad; inom parentes samma månad föregående år"
            columns={monthlyColumns(data)}
            rows={data.rows}
            rowKey={byMonth}
            preliminary={isPreliminary}
            csv={{ fileName: 'orosanmalningar_manad.csv', columns: concernMonthlyColumns }}
          />
        ),
      }}
      breakdowns={{
        shareLabel: 'Andel inom 14 dagar',
        numeratorLabel: 'Inom 14 dagar',
        denominatorLabel: 'Bedömningspliktiga',
        lowerIsBetter: false,
      }}
      afterBreakdowns={
        <>
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
          <p className="lead">Totalt per år: {yearTotalsText(volume.years, volume.totals)}.</p>
          <YearLinesChart
            rows={volume.rows}
            years={volume.years}
            title="Inkomna orosanmälningar per månad och år"
            unit="anmälningar"
          />
          <DataTable
            testId="volume-table"
            caption="Inkomna orosanmälningar per månad och år"
            columns={yearLinesColumns(volume.years)}
            rows={volume.rows}
            rowKey={(r) => r.label}
            csv={{ fileName: 'orosanmalningar_volym.csv', text: () => toCsv(concernVolumeColumns, data.volume) }}
          />
        </>
      }
      period={{
        testId: 'concern-period-table',
        subject: 'Andel förhandsbedömda inom 14 dagar',
        denominatorLabel: 'Bedömningspliktiga',
        numeratorLabel: 'Inom 14 dagar',
        csv: { fileName: 'orosanmalningar_period.csv', columns: concernPeriodColumns },
      }}
    />
  );
}
