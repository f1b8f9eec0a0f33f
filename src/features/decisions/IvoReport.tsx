/**
 * Verkställighet's quarterly report to IVO: the quarter picker, and for the chosen quarter the
 * de-identified summary and the individual reports (none from a published package).
 */
import { DataTable, type Column } from '../../components/tables/DataTable';
import { NoRecordsNote } from '../../components/ui/PackageNotes';
import { useIvoList } from '../../data/queries';
import type { ViewQuery } from '../../data/types';
import { useUrlState } from '../../data/urlState';
import { ivoColumns, ivoSummaryColumns } from '../../format/exports';
import { formatCount, formatNumber } from '../../format/number';
import { isoDate, quarterLabel, type DayNumber, type IvoEntry, type IvoSummaryRow, type QuarterIndex } from '../../kpi';

const GROUP_LABELS: Record<IvoSummaryRow['group'], string> = {
  insats: 'Insats',
  dagar: 'Väntetid',
  kön: 'Kön',
  status: 'Status',
};

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

interface Props {
  version: number | undefined;
  /** The page's query; null until the page has its view. */
  query: ViewQuery | null;
  /** The chosen quarter (or the default); null without an as-of date. */
  quarter: QuarterIndex | null;
  choices: { quarter: QuarterIndex; running: boolean }[];
  fromPackage: boolean;
  asOf: DayNumber;
}

export function IvoReport({ version, query, quarter, choices, fromPackage, asOf }: Props) {
  const [, setParams] = useUrlState();
  const list = useIvoList(version, query, quarter).data;
  const label = quarter === null ? '' : quarterLabel(quarter);
  return (
    <div className="print-section">
      <h2 id="ivo">Kvartalsrapport till IVO {label}</h2>
      {fromPackage && <NoRecordsNote what="IVO-listan över enskilda beslut" />}
      <form className="controls" onSubmit={(e) => e.preventDefault()} aria-label="Välj kvartal">
        <label>
          Kvartal
          <select value={label} onChange={(e) => setParams({ kvartal: e.target.value })}>
            {choices.map((q) => (
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
      {list && !fromPackage && (
        <>
          <p data-testid="ivo-summary">
            {formatNumber(list.entries.length)} ärenden att rapportera för {label}
            {list.running ? ` (kvartalet pågår; dagar räknade till uttagsdatum ${isoDate(asOf)})` : ''}:{' '}
            {list.statusCounts.ny} nya, {list.statusCounts['väntar fortfarande']} väntar fortfarande och{' '}
            {list.statusCounts['verkställt sedan förra kvartalet']} verkställda sedan förra kvartalet. Förra kvartalets
            lista hade {formatNumber(list.previousCount)}.
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
  );
}
