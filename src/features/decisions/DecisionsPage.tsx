/** Verkställighet: decisions not executed within three months, and the quarterly IVO report. */
import { ShareBarChart, type ShareBarRow } from '../../components/charts/ShareBarChart';
import { YearLinesChart, yearLinesRows } from '../../components/charts/YearLinesChart';
import { PrelMark } from '../../components/tables/cells';
import { DataTable, type Column } from '../../components/tables/DataTable';
import { Breakdowns } from '../../components/tables/Breakdowns';
import { ViewControls } from '../../components/ui/ViewControls';
import { viewStatus } from '../../components/ui/ViewStatus';
import { useIvoList, useView, useWorkspace } from '../../data/queries';
import { useViewFilters } from '../../data/viewFilters';
import { formatMonth } from '../../format/date';
import {
  decisionBreakdownColumns,
  decisionMonthColumns,
  decisionQuarterColumns,
  ivoColumns,
  ivoSummaryColumns,
} from '../../format/exports';
import { formatCount, formatNumber, formatPercent } from '../../format/number';
import {
  isoDate,
  lateExecutionShareOf,
  quarterLabel,
  type DecisionCounts,
  type DecisionMonth,
  type DecisionQuarter,
  type IvoEntry,
  type IvoSummaryRow,
} from '../../kpi';
import { NoRecordsNote, SuppressionNote } from '../../components/ui/PackageNotes';

const GROUP_LABELS: Record<IvoSummaryRow['group'], string> = {
  insats: 'Insats',
  dagar: 'Väntetid',
  kön: 'Kön',
  status: 'Status',
};

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

export function DecisionsPage() {
  const state = useWorkspace().data;
  const { setParams, asOf, asOfSource, units, query, quarter } = useViewFilters();
  const view = useView('decisions', state?.version, query);
  const data = view.data;
  const ivo = useIvoList(state?.version, data ? query : null, quarter);

  const status = viewStatus(
    'Verkställighet',
    'Ingen fil med beslut om insats är inläst.',
    !state?.datasets.includes('beslut') || data === null,
    view,
  );
  if (status || !data) return status;

  const { range, rows: months, quarters: quarterRows } = data;
  const shares = !data.onlyNotExecuted;
  const summer = yearLinesRows(data.lateByMonth);

  const chartRows: ShareBarRow[] = quarterRows.map((q) => {
    const previous = q.previousYear;
    return {
      key: quarterLabel(q.quarter),
      label: quarterLabel(q.quarter),
      current: q.lateShare,
      previous: previous?.lateShare ?? null,
      preliminary: q.preliminary,
      previousPreliminary: previous?.preliminary === true,
      details: [
        `${formatCount(lateExecutionShareOf(q).numerator)} av ${formatCount(q.decisions)} ej verkställda inom 3 månader (${formatPercent(q.lateShare)})`,
        `Median ${q.median === null ? '–' : formatNumber(q.median)} dagar, 90:e percentilen ${q.p90 === null ? '–' : formatNumber(q.p90)} dagar`,
        previous
          ? `${quarterLabel(q.quarter - 4)}: ${formatPercent(previous.lateShare)}`
          : `${quarterLabel(q.quarter - 4)}: inga uppgifter`,
      ],
    };
  });

  const quarterColumns: Column<DecisionQuarter>[] = [
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
    {
      header: 'Median dagar till verkställighet',
      cell: (q) => (q.median === null ? '–' : formatNumber(q.median)),
      numeric: true,
    },
    { header: '90:e percentilen, dagar', cell: (q) => (q.p90 === null ? '–' : formatNumber(q.p90)), numeric: true },
  ];
  const monthColumns: Column<DecisionMonth>[] = [
    {
      header: 'Beslutsmånad',
      cell: (m) => (
        <>
          {formatMonth(m.month)}
          {m.preliminary && <PrelMark />}
        </>
      ),
      rowHeader: true,
    },
    ...countColumns<DecisionMonth>(shares),
  ];
  const breakdownColumns = (name: string): Column<DecisionCounts & { label: string }>[] => [
    { header: name, cell: (r) => r.label, rowHeader: true },
    ...countColumns<DecisionCounts & { label: string }>(shares),
  ];
  const ivoTable: Column<IvoEntry>[] = [
    { header: 'Beslut', cell: (e) => e.id, rowHeader: true },
    { header: 'Beslutsdatum', cell: (e) => isoDate(e.decided) },
    { header: 'Insats', cell: (e) => e.intervention },
    { header: 'Typ', cell: (e) => (e.kind === 'avbrott' ? `avbrott ${isoDate(e.start)}` : 'beslut') },
    { header: 'Status', cell: (e) => (e.executed ? `verkställt ${isoDate(e.executedOn)}` : 'ej verkställt') },
    { header: 'Dagar', cell: (e) => formatNumber(e.days), numeric: true },
    { header: 'Orsak', cell: (e) => e.reason || '–' },
    { header: 'Kön', cell: (e) => e.sex },
    { header: 'Enhet', cell: (e) => e.unit },
    { header: 'Jämfört med förra kvartalet', cell: (e) => e.status },
  ];
  const summaryColumns: Column<IvoSummaryRow>[] = [
    { header: 'Grupp', cell: (r) => GROUP_LABELS[r.group], rowHeader: true },
    { header: 'Kategori', cell: (r) => r.label },
    { header: 'Antal', cell: (r) => formatCount(r.count), numeric: true },
  ];
  const list = ivo.data;
  const label = quarter === null ? '' : quarterLabel(quarter);

  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">Verkställighet – tremånadersregeln</h1>
      <p className="lead">
        Gynnande beslut om insats ska verkställas inom tre månader (beslutsdatum + 3 kalendermånader; verkställt på
        fristdagen är i tid). Beslut som inte verkställts i tid rapporteras till IVO varje kvartal tills de verkställts,
        liksom verkställighet som avbrutits och inte återupptagits inom tre månader.
      </p>
      {data.fromPackage && <SuppressionNote />}
      <ViewControls asOf={asOf} range={range} unitOptions={data.units} units={units} />
      <p className="meta">
        Uttagsdatum {isoDate(asOf)} ({asOfSource}) · {formatNumber(data.total)} beslut
        {units.length > 0 ? ` i ${units.join(', ')}` : ''}
        {data.hasInterruptions || data.fromPackage ? '' : ' · avbrott saknas i filen'}
      </p>
      {!shares && (
        <p className="notice" role="status">
          Filen innehåller bara ej verkställda eller sent verkställda beslut. Antal och listor visas; andelar kräver
          hela uttaget med alla beslut.
        </p>
      )}

      <h2>Per beslutskvartal</h2>
      {shares && chartRows.length > 0 && (
        <ShareBarChart
          rows={chartRows}
          title="Andel beslut ej verkställda inom tre månader per beslutskvartal, jämfört med samma kvartal föregående år"
          currentName="Andel ej verkställda inom 3 månader"
          previousName="Samma kvartal föregående år"
          preliminaryNote="beslut inom frist kvar, andelen kan stiga"
        />
      )}
      <DataTable
        testId="decision-quarter-table"
        caption="Beslut per beslutskvartal, verkställighet och dagar från beslut till verkställighet"
        columns={quarterColumns}
        rows={quarterRows}
        rowKey={(q) => q.quarter}
        preliminary={(q) => q.preliminary}
        csv={{ fileName: 'beslut_kvartal.csv', columns: decisionQuarterColumns }}
      />
      <details>
        <summary>Per beslutsmånad</summary>
        <DataTable
          caption="Beslut per beslutsmånad"
          columns={monthColumns}
          rows={months}
          rowKey={(m) => m.month}
          preliminary={(m) => m.preliminary}
          csv={{ fileName: 'beslut_manad.csv', columns: decisionMonthColumns }}
        />
      </details>

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
        columns={[
          { header: 'Månad', cell: (r) => r.label, rowHeader: true },
          ...summer.years.map((year) => ({
            header: String(year),
            cell: (r: (typeof summer.rows)[number]) => formatCount((r[String(year)] as number | undefined) ?? null),
            numeric: true,
          })),
        ]}
        rows={summer.rows}
        rowKey={(r) => r.label}
      />

      <h2>
        Per insats och enhet, {formatMonth(range.from)}–{formatMonth(range.to)}
      </h2>
      <DataTable
        testId="decision-intervention-table"
        caption="Beslut per insats"
        columns={breakdownColumns('Insats')}
        rows={data.byIntervention}
        rowKey={(r) => r.label}
        csv={{ fileName: 'beslut_insats.csv', columns: decisionBreakdownColumns('insats') }}
      />
      <DataTable
        caption="Beslut per enhet"
        columns={breakdownColumns('Enhet')}
        rows={data.byUnit}
        rowKey={(r) => r.label}
        csv={{ fileName: 'beslut_enhet.csv', columns: decisionBreakdownColumns('enhet') }}
      />

      {shares && (
        <Breakdowns
          bySex={data.bySex}
          byUnit={data.byUnitSeries}
          shareLabel="Andel ej verkställda inom 3 månader"
          numeratorLabel="Ej inom 3 månader"
          denominatorLabel="Beslut"
          lowerIsBetter
          period={`${formatMonth(range.from)}–${formatMonth(range.to)}`}
        />
      )}

      <div className="print-section">
        <h2 id="ivo">Kvartalsrapport till IVO {label}</h2>
        {data.fromPackage && <NoRecordsNote what="IVO-listan över enskilda beslut" />}
        <form className="controls" onSubmit={(e) => e.preventDefault()} aria-label="Välj kvartal">
          <label>
            Kvartal
            <select value={label} onChange={(e) => setParams({ kvartal: e.target.value })}>
              {data.quarterChoices.map((q) => (
                <option key={q.quarter} value={quarterLabel(q.quarter)}>
                  {quarterLabel(q.quarter)}
                  {q.running ? ' (pågår)' : ''}
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={() => window.print()}>
            Skriv ut
          </button>
        </form>
        {list && !data.fromPackage && (
          <>
            <p data-testid="ivo-summary">
              {formatNumber(list.entries.length)} ärenden att rapportera för {label}
              {list.running ? ` (kvartalet pågår; dagar räknade till uttagsdatum ${isoDate(asOf)})` : ''}:{' '}
              {list.statusCounts.ny} nya, {list.statusCounts['väntar fortfarande']} väntar fortfarande och{' '}
              {list.statusCounts['verkställt sedan förra kvartalet']} verkställda sedan förra kvartalet. Förra
              kvartalets lista hade {formatNumber(list.previousCount)}.
            </p>
            <h3>Sammanställning utan personuppgifter (nämnd, kommunfullmäktige, revisorer)</h3>
            <DataTable
              testId="ivo-summary-table"
              caption={`Sammanställning ${label}: antal per insats, väntetid, kön och status`}
              columns={summaryColumns}
              rows={list.summary}
              rowKey={(r) => `${r.group}:${r.label}`}
              csv={{ fileName: `ivo_${label}_sammanstallning.csv`, columns: ivoSummaryColumns }}
            />
            <h3>Individuella rapporter</h3>
            <DataTable
              testId="ivo-table"
              caption={`Beslut och avbrott att rapportera till IVO för ${label}`}
              columns={ivoTable}
              rows={list.entries}
              rowKey={(e) => `${e.kind}:${e.id}`}
              csv={{ fileName: `ivo_${label}.csv`, columns: ivoColumns }}
            />
          </>
        )}
      </div>
    </section>
  );
}
