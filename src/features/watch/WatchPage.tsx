/** Bevakning: open cases by time left to their deadline, counts per unit, and reopened investigations. */
import { useMemo, useState } from 'react';
import { DataTable, type Column } from '../../components/tables/DataTable';
import { ViewControls } from '../../components/ui/ViewControls';
import { viewStatus } from '../../components/ui/ViewStatus';
import { useView, useWorkspace } from '../../data/queries';
import { useViewFilters } from '../../data/viewFilters';
import { formatCount, formatNumber } from '../../format/number';
import type { WatchConcern, WatchCounts, WatchDecision, WatchInvestigation, WatchReopening } from '../../data/types';
import { isoDate, NO_DATE, WATCH_BUCKET_LABELS, type WatchBucket } from '../../kpi';
import { NoRecordsNote } from '../../components/ui/PackageNotes';

const URGENT: WatchBucket[] = ['overdue', 'within14', 'within30'];
const LISTS: [keyof WatchCounts, string][] = [
  ['investigations', 'Utredningar'],
  ['concerns', 'Orosanmälningar'],
  ['decisions', 'Beslut'],
];

function daysLeftText(daysLeft: number): string {
  if (daysLeft < 0) return `${formatNumber(-daysLeft)} dagar sedan`;
  if (daysLeft === 0) return 'i dag';
  return `om ${formatNumber(daysLeft)} dagar`;
}

type WatchRow = { id: string; unit: string; bucket: WatchBucket; daysLeft: number };

/** A watch list's columns: Läge, the case, Enhet, the list's own dates, and the time left (Frist). */
function watchColumns<Row extends WatchRow>(caseHeader: string, own: Column<Row>[]): Column<Row>[] {
  return [
    {
      header: 'Läge',
      cell: (r) => <span className={`bucket ${r.bucket}`}>{WATCH_BUCKET_LABELS[r.bucket]}</span>,
      // A listed row's bucket follows from its days left (none is 'later'), so they sort alike.
      sortValue: (r) => r.daysLeft,
    },
    { header: caseHeader, cell: (r) => r.id, rowHeader: true, sortValue: (r) => r.id },
    { header: 'Enhet', cell: (r) => r.unit, sortValue: (r) => r.unit },
    ...own,
    { header: 'Frist', cell: (r) => daysLeftText(r.daysLeft), numeric: true, sortValue: (r) => r.daysLeft },
  ];
}

const investigationColumns = watchColumns<WatchInvestigation>('Utredning', [
  { header: 'Inledd', cell: (r) => isoDate(r.start), sortValue: (r) => r.start },
  { header: 'Fyramånadersfrist', cell: (r) => isoDate(r.deadline), sortValue: (r) => r.deadline },
  {
    header: 'Förlängning',
    cell: (r) =>
      r.extended ? (r.extendedTo === NO_DATE ? 'ja, slutdatum saknas' : `ja, till ${isoDate(r.extendedTo)}`) : 'nej',
    sortValue: (r) => (r.extended ? 1 : 0),
  },
]);
const concernColumns = watchColumns<WatchConcern>('Anmälan', [
  { header: 'Inkom', cell: (r) => isoDate(r.received), sortValue: (r) => r.received },
  { header: 'Dag 14', cell: (r) => isoDate(r.deadline), sortValue: (r) => r.deadline },
]);
const decisionColumns = watchColumns<WatchDecision>('Beslut', [
  { header: 'Insats', cell: (r) => r.intervention, sortValue: (r) => r.intervention },
  { header: 'Beslutsdatum', cell: (r) => isoDate(r.decided), sortValue: (r) => r.decided },
  { header: 'Tremånadersfrist', cell: (r) => isoDate(r.deadline), sortValue: (r) => r.deadline },
]);
const reopenColumns: Column<WatchReopening>[] = [
  { header: 'Avslutad utredning', cell: (r) => r.closedId, rowHeader: true },
  { header: 'Inledd', cell: (r) => isoDate(r.closedStart) },
  { header: 'Avslutad', cell: (r) => isoDate(r.closedEnd) },
  { header: 'Dess frist', cell: (r) => isoDate(r.closedDeadline) },
  { header: 'Ny utredning', cell: (r) => r.reopenedId },
  { header: 'Inledd', cell: (r) => isoDate(r.reopenedStart), sortValue: (r) => r.reopenedStart },
  { header: 'Dagar emellan', cell: (r) => formatNumber(r.gapDays), numeric: true, sortValue: (r) => r.gapDays },
  { header: 'Enhet', cell: (r) => r.unit, sortValue: (r) => r.unit },
];

type CountRow = { unit: string } & WatchCounts;
const countCell = (list: keyof WatchCounts, group: string, bucket: WatchBucket): Column<CountRow> => ({
  header: (
    <>
      {group}: {WATCH_BUCKET_LABELS[bucket]}
    </>
  ),
  cell: (r) => formatCount(r[list][bucket]),
  numeric: true,
  sortValue: (r) => r[list][bucket],
});

export function WatchPage() {
  const state = useWorkspace().data;
  const { setParams, asOf, asOfSource, units, baseQuery, reopenWindow } = useViewFilters();
  const [show, setShow] = useState<WatchBucket | 'all'>('all');
  const query = useMemo(() => (baseQuery ? { ...baseQuery, reopenWindow } : null), [baseQuery, reopenWindow]);
  const view = useView('watch', state?.version, query);
  const data = view.data;

  if (state?.package)
    return (
      <section aria-labelledby="page-title">
        <h1 id="page-title">Bevakning av frister</h1>
        <NoRecordsNote what="de öppna ärendena och återöppnade utredningar" />
      </section>
    );
  const status = viewStatus('Bevakning', 'Inga filer är inlästa.', !state || state.files.length === 0, view);
  if (status || !data) return status;

  const filter = <Row extends { bucket: WatchBucket }>(rows: Row[]) =>
    show === 'all' ? rows : rows.filter((r) => r.bucket === show);
  const groups = LISTS.filter(([list]) => data[list]);
  const countColumns: Column<CountRow>[] = [
    { header: 'Enhet', cell: (r) => r.unit, rowHeader: true, sortValue: (r) => r.unit },
    ...groups.flatMap(([list, group]) => URGENT.map((b) => countCell(list, group, b))),
  ];
  const more = (list: { total: number; rows: unknown[] }) =>
    list.total > list.rows.length
      ? ` (visar de ${formatNumber(list.rows.length)} mest brådskande av ${formatNumber(list.total)})`
      : '';

  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">Bevakning av frister</h1>
      <p className="lead">
        Öppna ärenden efter tid kvar till fristen vid uttagsdatum: passerad, inom 14 dagar (fristdagen inräknad) och
        inom 30 dagar. För förlängda utredningar gäller datumet för förlängningen.
      </p>
      <ViewControls asOf={asOf} unitOptions={data.units} units={units}>
        <label>
          Visa
          <select value={show} onChange={(e) => setShow(e.target.value as WatchBucket | 'all')}>
            <option value="all">alla brådskande</option>
            {URGENT.map((b) => (
              <option key={b} value={b}>
                {WATCH_BUCKET_LABELS[b].toLowerCase()}
              </option>
            ))}
          </select>
        </label>
        <label>
          Återöppnad inom (dagar)
          <input
            type="number"
            min={0}
            max={365}
            value={reopenWindow}
            onChange={(e) => setParams({ aterinom: e.target.value || null })}
            className="short"
          />
        </label>
      </ViewControls>
      <p className="meta">
        Uttagsdatum {isoDate(asOf)} ({asOfSource})
      </p>

      <h2>Per enhet</h2>
      <DataTable
        testId="watch-counts"
        caption={`Antal öppna ärenden per enhet och läge: ${groups.map(([, group]) => group.toLowerCase()).join(', ')}`}
        columns={countColumns}
        rows={data.countsByUnit}
        rowKey={(r) => r.unit}
      />

      {data.investigations && (
        <>
          <h2>Utredningar</h2>
          <DataTable
            testId="watch-investigations"
            caption={`Öppna utredningar med fristen passerad eller inom 30 dagar${more(data.investigations)}`}
            columns={investigationColumns}
            rows={filter(data.investigations.rows)}
            rowKey={(r) => r.id}
          />
          <h3>Avslutade och direkt återöppnade</h3>
          {!data.hasPersonKey ? (
            <p>Utredningsfilen saknar personnyckel (person_id); återöppnade utredningar kan inte sökas.</p>
          ) : data.reopened.length === 0 ? (
            <p>Inga utredningar avslutades och öppnades igen för samma barn inom {reopenWindow} dagar.</p>
          ) : (
            <>
              <p className="notice">
                {formatNumber(data.reopened.length)} utredningar avslutades och en ny inleddes för samma barn inom{' '}
                {reopenWindow} dagar. Att avsluta och genast öppna en ny utredning för att starta om fristen har
                kritiserats av JO (t.ex. JO 2565-2016) – granska om det finns skäl.
              </p>
              <DataTable
                testId="watch-reopened"
                caption={`Utredningar avslutade och återöppnade för samma barn inom ${reopenWindow} dagar`}
                columns={reopenColumns}
                rows={data.reopened}
                rowKey={(r) => `${r.closedId}:${r.reopenedId}`}
              />
            </>
          )}
        </>
      )}
      {data.concerns && (
        <>
          <h2>Orosanmälningar utan förhandsbedömning</h2>
          <DataTable
            testId="watch-concerns"
            caption={`Orosanmälningar med dag 14 passerad eller inom 30 dagar${more(data.concerns)}`}
            columns={concernColumns}
            rows={filter(data.concerns.rows)}
            rowKey={(r) => r.id}
          />
        </>
      )}
      {data.decisions && (
        <>
          <h2>Beslut som inte verkställts</h2>
          <DataTable
            testId="watch-decisions"
            caption={`Ej verkställda beslut med tremånadersfristen passerad eller inom 30 dagar${more(data.decisions)}`}
            columns={decisionColumns}
            rows={filter(data.decisions.rows)}
            rowKey={(r) => r.id}
          />
        </>
      )}
    </section>
  );
}
