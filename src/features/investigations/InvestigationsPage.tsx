/** Utredningstid: the four-month rule per start month, with year-over-year and period comparison. */
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
  yoyShareColumn,
} from '../../components/layout/indicatorRows';
import { viewStatus } from '../../components/ui/ViewStatus';
import { useIndicatorView } from '../../data/indicatorView';
import { investigationDetails } from '../../format/chartDetails';
import { investigationMonthlyColumns, periodColumns, type InvestigationMonthRow } from '../../format/exports';
import { formatCount, formatNumber } from '../../format/number';

const columns: Column<InvestigationMonthRow>[] = [
  monthColumn('Startmånad'),
  {
    header: previousHeader('Inledda'),
    cell: (r) =>
      withPrevious(
        formatCount(r.started),
        r.yoy?.previousDenominator == null ? null : formatCount(r.yoy.previousDenominator),
      ),
    numeric: true,
  },
  {
    header: previousHeader('Sena'),
    cell: (r) =>
      withPrevious(formatCount(r.late), r.yoy?.previousNumerator == null ? null : formatCount(r.yoy.previousNumerator)),
    numeric: true,
  },
  yoyShareColumn('Andel sena', (r) => r.lateShare),
  changeColumn(),
  { header: 'I tid', cell: (r) => formatCount(r.inTime), numeric: true },
  { header: 'Förlängd', cell: (r) => formatCount(r.extended), numeric: true },
  { header: 'Sen', cell: (r) => formatCount(r.late), numeric: true },
  { header: 'Pågående', cell: (r) => formatCount(r.pending), numeric: true },
  { header: 'Förlängd, över förl. till', cell: (r) => formatCount(r.extendedOverdue), numeric: true },
];

const EXTENSION_SOURCE = {
  fil: 'från förlängningsfil',
  utredningsfilen: 'från utredningsfilen',
  saknas: 'saknas – alla som gått över fristen räknas som sena',
} as const;

export function InvestigationsPage() {
  const { filters, view, missing } = useIndicatorView('investigations', 'utredningar');
  const data = view.data;
  const status = viewStatus('Utredningstid', 'Ingen utredningsfil är inläst.', missing, view);
  if (status || !data) return status;

  return (
    <IndicatorLayout
      view={data}
      filters={filters}
      title="Utredningstid – fyramånadersfristen"
      lead={
        <>
          Andel utredningar, inledda i respektive månad, som gått över 4 månader utan beslut om förlängning inom 4
          månader. Fristen är startdatum + 4 kalendermånader (sista dagen i månaden om dagen saknas); avslut på
          fristdagen är i tid.
        </>
      }
      meta={{
        noun: 'utredningar',
        testId: 'investigations-meta',
        extra: ` · förlängningar: ${EXTENSION_SOURCE[data.extensionSource]}${filters.shiftToWorkingDay ? ' · helgflytt enligt 1930:173 2 § på' : ''}`,
      }}
      notices={
        data.orphanExtensions > 0 && (
          <p className="notice" role="status">
            {formatNumber(data.orphanExtensions)} förlängningsbeslut gäller utrednings-id som inte finns i
            utredningsfilen och räknas inte.
          </p>
        )
      }
      preliminary={{
        rows: data.rows,
        text: 'har pågående utredningar vars frist inte passerat; andelen sena kan stiga.',
      }}
      chart={{
        heading: 'Andel sena per startmånad',
        emptyText: 'Inga utredningar i valt intervall.',
        bars: {
          rows: data.rows.map((r) => monthShareBar(r, r.lateShare, investigationDetails(r))),
          title: 'Andel sena utredningar per startmånad, jämfört med samma månad föregående år',
          currentName: 'Andel sena',
          previousName: 'Samma månad föregående år',
          preliminaryNote: 'pågående utredningar kvar, andelen kan stiga',
        },
        table: (
          <DataTable
            testId="monthly-table"
            caption="Utredningar per startmånad: antal, sena och andel sena, inom parentes samma månad föregående år"
            columns={columns}
            rows={data.rows}
            rowKey={byMonth}
            preliminary={isPreliminary}
            csv={{ fileName: 'utredningar_manad.csv', columns: investigationMonthlyColumns }}
          />
        ),
      }}
      breakdowns={{
        shareLabel: 'Andel sena',
        numeratorLabel: 'Sena',
        denominatorLabel: 'Inledda',
        lowerIsBetter: true,
      }}
      period={{
        testId: 'period-table',
        subject: 'Andel sena utredningar',
        denominatorLabel: 'Inledda',
        numeratorLabel: 'Sena',
        csv: { fileName: 'utredningar_period.csv', columns: periodColumns },
      }}
    />
  );
}
