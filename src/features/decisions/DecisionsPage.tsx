/** Verkställighet: decisions not executed within three months, and the quarterly IVO report. */
import { YearLinesChart, yearLinesRows } from '../../components/charts/YearLinesChart';
import { PrelMark } from '../../components/tables/cells';
import { DataTable, type Column } from '../../components/tables/DataTable';
import { IndicatorLayout } from '../../components/layout/IndicatorLayout';
import { monthColumn, quarterShareBar, yearLinesColumns } from '../../components/layout/indicatorRows';
import { viewStatus } from '../../components/ui/ViewStatus';
import { useIndicatorView } from '../../data/indicatorView';
import { decisionQuarterDetails, formatDays } from '../../format/chartDetails';
import { formatMonthSpan } from '../../format/date';
import { decisionBreakdownColumns, decisionMonthColumns, decisionQuarterColumns } from '../../format/exports';
import { formatCount, formatPercent } from '../../format/number';
import { quarterLabel, type DecisionCounts, type DecisionMonth, type DecisionQuarter } from '../../kpi';
import { IvoReport } from './IvoReport';

function countColumns<Row extends DecisionCounts>(shares: boolean): Column<Row>[] {
  return [
    { header: 'Beslut', cell: (r) => formatCount(r.decisions), numeric: true },
    { header: 'Verkställda i tid', cell: (r) => formatCount(r.executedInTime), numeric: true },
    { header: 'Verkställda sent', cell: (r) => formatCount(r.executedLate), numeric: true },
    { header: 'Ej verkställda, frist passerad', cell: (r) => formatCount(r.overdue), numeric: true },
    { header: 'Inom frist', cell: (r) => formatCount(r.notYetDue), numeric: true },
    ...(shares
      ? [{ header: 'Andel ej inom 3 månader', cell: (r: Row) => formatPercent(r.lateShare), numeric: true }]
      : []),
  ];
}

function quarterColumns(shares: boolean): Column<DecisionQuarter>[] {
  return [
    {
      header: 'Beslutskvartal',
      cell: (q) => (
        <>
          {quarterLabel(q.quarter)}
          {q.preliminary && <PrelMark />}
        </>
      ),
      rowHeader: true,
    },
    ...countColumns<DecisionQuarter>(shares),
    { header: 'Median dagar till verkställighet', cell: (q) => formatDays(q.median), numeric: true },
    { header: '90:e percentilen, dagar', cell: (q) => formatDays(q.p90), numeric: true },
  ];
}

const breakdownColumns = (name: string, shares: boolean): Column<DecisionCounts & { label: string }>[] => [
  { header: name, cell: (r) => r.label, rowHeader: true },
  ...countColumns<DecisionCounts & { label: string }>(shares),
];

export function DecisionsPage() {
  const { filters, view, missing, version } = useIndicatorView('decisions', 'beslut');
  const { asOf, query, quarter } = filters;
  const data = view.data;
  const status = viewStatus('Verkställighet', 'Ingen fil med beslut om insats är inläst.', missing, view);
  if (status || !data) return status;

  const shares = !data.onlyNotExecuted;
  const summer = yearLinesRows(data.lateByMonth);

  return (
    <IndicatorLayout
      view={data}
      filters={filters}
      title="Verkställighet – tremånadersregeln"
      lead={
        <>
          Gynnande beslut om insats ska verkställas inom tre månader (beslutsdatum + 3 kalendermånader; verkställt på
          fristdagen är i tid). Beslut som inte verkställts i tid rapporteras till IVO varje kvartal tills de
          verkställts, liksom verkställighet som avbrutits och inte återupptagits inom tre månader.
        </>
      }
      meta={{
        noun: 'beslut',
        extra: data.hasInterruptions || data.fromPackage ? '' : ' · avbrott saknas i filen',
      }}
      notices={
        !shares && (
          <p className="notice" role="status">
            Filen innehåller bara ej verkställda eller sent verkställda beslut. Antal och listor visas; andelar kräver
            hela uttaget med alla beslut.
          </p>
        )
      }
      chart={{
        heading: 'Per beslutskvartal',
        bars: shares
          ? {
              rows: data.quarters.map((q) => quarterShareBar(q, decisionQuarterDetails(q))),
              title:
                'Andel beslut ej verkställda inom tre månader per beslutskvartal, jämfört med samma kvartal föregående år',
              currentName: 'Andel ej verkställda inom 3 månader',
              previousName: 'Samma kvartal föregående år',
              preliminaryNote: 'beslut inom frist kvar, andelen kan stiga',
            }
          : null,
        table: (
          <>
            <DataTable
              testId="decision-quarter-table"
              caption="Beslut per beslutskvartal, verkställighet och dagar från beslut till verkställighet"
              columns={quarterColumns(shares)}
              rows={data.quarters}
              rowKey={(q) => q.quarter}
              preliminary={(q) => q.preliminary}
              csv={{ fileName: 'beslut_kvartal.csv', columns: decisionQuarterColumns }}
            />
            <details>
              <summary>Per beslutsmånad</summary>
              <DataTable
                caption="Beslut per beslutsmånad"
                columns={[monthColumn<DecisionMonth>('Beslutsmånad'), ...countColumns<DecisionMonth>(shares)]}
                rows={data.rows}
                rowKey={(m) => m.month}
                preliminary={(m) => m.preliminary}
                csv={{ fileName: 'beslut_manad.csv', columns: decisionMonthColumns }}
              />
            </details>
          </>
        ),
      }}
      beforeBreakdowns={
        <>
          <h2>Sommarmönstret: beslut som gått över tre månader, per beslutsmånad</h2>
          <p className="lead">
            Beslut som verkställts sent eller ännu inte verkställts, efter den månad beslutet fattades. Beslut som ska
            starta under sommaren blir oftare sena.
          </p>
          <YearLinesChart
            rows={summer.rows}
            years={summer.years}
            title="Sena beslut per beslutsmånad och år"
            unit="beslut"
          />
          <DataTable
            caption="Beslut som gått över tre månader per beslutsmånad och år"
            columns={yearLinesColumns(summer.years)}
            rows={summer.rows}
            rowKey={(r) => r.label}
          />

          <h2>Per insats och enhet, {formatMonthSpan(data.range.from, data.range.to)}</h2>
          <DataTable
            testId="decision-intervention-table"
            caption="Beslut per insats"
            columns={breakdownColumns('Insats', shares)}
            rows={data.byIntervention}
            rowKey={(r) => r.label}
            csv={{ fileName: 'beslut_insats.csv', columns: decisionBreakdownColumns('insats') }}
          />
          <DataTable
            caption="Beslut per enhet"
            columns={breakdownColumns('Enhet', shares)}
            rows={data.byUnit}
            rowKey={(r) => r.label}
            csv={{ fileName: 'beslut_enhet.csv', columns: decisionBreakdownColumns('enhet') }}
          />
        </>
      }
      breakdowns={
        shares
          ? {
              shareLabel: 'Andel ej verkställda inom 3 månader',
              numeratorLabel: 'Ej inom 3 månader',
              denominatorLabel: 'Beslut',
              lowerIsBetter: true,
            }
          : undefined
      }
      afterBreakdowns={
        <IvoReport
          version={version}
          query={query}
          quarter={quarter}
          choices={data.quarterChoices}
          fromPackage={data.fromPackage === true}
          asOf={asOf}
        />
      }
    />
  );
}
