/** Utredningstid: the four-month rule per start month, with year-over-year and period comparison. */
import { PeriodComparison } from '../../components/charts/PeriodComparison';
import { ShareBarChart, type ShareBarRow } from '../../components/charts/ShareBarChart';
import { ChangeCell, PrelMark, withPrevious } from '../../components/tables/cells';
import { DataTable, type Column } from '../../components/tables/DataTable';
import { Breakdowns } from '../../components/tables/Breakdowns';
import { ViewControls } from '../../components/ui/ViewControls';
import { viewStatus } from '../../components/ui/ViewStatus';
import { useView, useWorkspace } from '../../data/queries';
import { useViewFilters } from '../../data/viewFilters';
import { formatMonth } from '../../format/date';
import { investigationMonthlyColumns, periodColumns, type InvestigationMonthRow } from '../../format/exports';
import { formatCount, formatNumber, formatPercent, formatPoints } from '../../format/number';
import { isoDate, isoMonth } from '../../kpi';
import { SuppressionNote } from '../../components/ui/PackageNotes';

const columns: Column<InvestigationMonthRow>[] = [
  {
    header: 'Startmånad',
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
        Inledda <span className="previous">(fg. år)</span>
      </>
    ),
    cell: (r) =>
      withPrevious(
        formatCount(r.started),
        r.yoy?.previousDenominator == null ? null : formatCount(r.yoy.previousDenominator),
      ),
    numeric: true,
  },
  {
    header: (
      <>
        Sena <span className="previous">(fg. år)</span>
      </>
    ),
    cell: (r) =>
      withPrevious(formatCount(r.late), r.yoy?.previousNumerator == null ? null : formatCount(r.yoy.previousNumerator)),
    numeric: true,
  },
  {
    header: (
      <>
        Andel sena <span className="previous">(fg. år)</span>
      </>
    ),
    cell: (r) =>
      withPrevious(
        formatPercent(r.lateShare),
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
  { header: 'I tid', cell: (r) => formatCount(r.inTime), numeric: true },
  { header: 'Förlängd', cell: (r) => formatCount(r.extended), numeric: true },
  { header: 'Sen', cell: (r) => formatCount(r.late), numeric: true },
  { header: 'Pågående', cell: (r) => formatCount(r.pending), numeric: true },
  { header: 'Förlängd, över förl. till', cell: (r) => formatCount(r.extendedOverdue), numeric: true },
];

function chartRow(r: InvestigationMonthRow): ShareBarRow {
  return {
    key: isoMonth(r.month),
    label: formatMonth(r.month),
    current: r.lateShare,
    previous: r.yoy?.previousShare ?? null,
    preliminary: r.preliminary,
    previousPreliminary: r.yoy?.previousPreliminary === true,
    details: [
      `${formatCount(r.late)} av ${formatCount(r.started)} sena (${formatPercent(r.lateShare)})${r.preliminary ? `, ${r.pending} pågående – preliminär` : ''}`,
      r.yoy?.previousDenominator != null
        ? `${formatMonth(r.month - 12)}: ${formatCount(r.yoy.previousNumerator)} av ${formatCount(r.yoy.previousDenominator)} (${formatPercent(r.yoy.previousShare)})`
        : `${formatMonth(r.month - 12)}: inga uppgifter`,
      r.yoy?.changePoints == null && (r.preliminary || r.yoy?.previousPreliminary)
        ? 'Förändring: redovisas inte för en preliminär månad'
        : `Förändring: ${formatPoints(r.yoy?.changePoints ?? null)} procentenheter`,
    ],
  };
}

export function InvestigationsPage() {
  const state = useWorkspace().data;
  const { asOf, asOfSource, units, periodFrom, periodTo, shiftToWorkingDay, query } = useViewFilters();
  const view = useView('investigations', state?.version, query);
  const data = view.data;

  const status = viewStatus(
    'Utredningstid',
    'Ingen utredningsfil är inläst.',
    !state?.datasets.includes('utredningar') || data === null,
    view,
  );
  if (status || !data) return status;

  const { rows, range } = data;
  const prelMonths = rows.filter((r) => r.preliminary).map((r) => formatMonth(r.month));

  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">Utredningstid – fyramånadersfristen</h1>
      <p className="lead">
        Andel utredningar, inledda i respektive månad, som gått över 4 månader utan beslut om förlängning inom 4
        månader. Fristen är startdatum + 4 kalendermånader (sista dagen i månaden om dagen saknas); avslut på fristdagen
        är i tid.
      </p>
      {data.fromPackage && <SuppressionNote />}

      <ViewControls asOf={asOf} range={range} unitOptions={data.units} units={units} />

      <p className="meta" data-testid="investigations-meta">
        Uttagsdatum {isoDate(asOf)} ({asOfSource}) · {formatNumber(data.total)} utredningar
        {units.length > 0 ? ` i ${units.join(', ')}` : ''} · förlängningar:{' '}
        {data.extensionSource === 'fil'
          ? 'från förlängningsfil'
          : data.extensionSource === 'utredningsfilen'
            ? 'från utredningsfilen'
            : 'saknas – alla som gått över fristen räknas som sena'}
        {shiftToWorkingDay ? ' · helgflytt enligt 1930:173 2 § på' : ''}
      </p>
      {data.orphanExtensions > 0 && (
        <p className="notice" role="status">
          {formatNumber(data.orphanExtensions)} förlängningsbeslut gäller utrednings-id som inte finns i utredningsfilen
          och räknas inte.
        </p>
      )}
      {prelMonths.length > 0 && (
        <p className="notice">
          <strong>Preliminärt:</strong> {prelMonths.join(', ')} har pågående utredningar vars frist inte passerat;
          andelen sena kan stiga.
        </p>
      )}

      <h2>Andel sena per startmånad</h2>
      {rows.length === 0 ? (
        <p>Inga utredningar i valt intervall.</p>
      ) : (
        <ShareBarChart
          rows={rows.map(chartRow)}
          title="Andel sena utredningar per startmånad, jämfört med samma månad föregående år"
          currentName="Andel sena"
          previousName="Samma månad föregående år"
          preliminaryNote="pågående utredningar kvar, andelen kan stiga"
        />
      )}
      <DataTable
        testId="monthly-table"
        caption="Utredningar per startmånad: antal, sena och andel sena, inom parentes samma månad föregående år"
        columns={columns}
        rows={rows}
        rowKey={(r) => r.month}
        preliminary={(r) => r.preliminary}
        csv={{ fileName: 'utredningar_manad.csv', columns: investigationMonthlyColumns }}
      />

      <Breakdowns
        bySex={data.bySex}
        byUnit={data.byUnitSeries}
        shareLabel="Andel sena"
        numeratorLabel="Sena"
        denominatorLabel="Inledda"
        lowerIsBetter
        period={`${formatMonth(range.from)}–${formatMonth(range.to)}`}
      />

      <PeriodComparison
        testId="period-table"
        rows={data.periods}
        periodFrom={periodFrom}
        periodTo={periodTo}
        subject="Andel sena utredningar"
        denominatorLabel="Inledda"
        numeratorLabel="Sena"
        csv={{ fileName: 'utredningar_period.csv', columns: periodColumns }}
      />
    </section>
  );
}
