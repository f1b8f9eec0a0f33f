/** Utredningstid: the four-month rule per start month, with year-over-year and period comparison. */
import { useMemo } from 'react';
import { PeriodChart, type PeriodBarRow } from '../../components/charts/PeriodChart';
import { ShareBarChart, type ShareBarRow } from '../../components/charts/ShareBarChart';
import { DataTable, type Column } from '../../components/tables/DataTable';
import { AsOfInput } from '../../components/ui/AsOfInput';
import { useAsOf, useInvestigations, useWorkspace } from '../../data/queries';
import { useUrlState } from '../../data/urlState';
import { formatMonth, monthName } from '../../format/date';
import {
  investigationMonthlyColumns,
  investigationMonthRows,
  periodColumns,
  type InvestigationMonthRow,
} from '../../format/exports';
import { formatCount, formatNumber, formatPercent, formatPoints } from '../../format/number';
import { isoDate, isoMonth, NO_DATE, parseIsoMonth, type PeriodRow } from '../../kpi';

/** Months shown by default: the latest twelve start months. */
const DEFAULT_SPAN = 12;

const withPrevious = (value: string, previous: string | null) => (
  <>
    {value} <span className="previous">({previous ?? '–'})</span>
  </>
);

export function InvestigationsPage() {
  const [params, setParams] = useUrlState();
  const state = useWorkspace().data;
  const { asOf, source: asOfSource } = useAsOf();
  const units = params.getAll('enhet');
  const unitsKey = units.join('\u0000');
  const [periodFrom, periodTo] = (params.get('period') ?? '1-6').split('-').map(Number);
  const shift = params.get('helgflytt') === '1';

  const query = useMemo(
    () =>
      asOf === NO_DATE
        ? null
        : {
            asOf,
            units: unitsKey ? unitsKey.split('\u0000') : [],
            periodFrom: periodFrom || 1,
            periodTo: periodTo || 6,
            deadline: { shiftToWorkingDay: shift },
          },
    [asOf, unitsKey, periodFrom, periodTo, shift],
  );
  const view = useInvestigations(state?.version, query);
  const data = view.data;

  if (!state || state.datasets.length === 0 || (view.isSuccess && data === null)) {
    return (
      <section>
        <h1>Utredningstid</h1>
        <p>
          Ingen utredningsfil är inläst. Läs in en export under <a href="?sida=data">Data och import</a>.
        </p>
      </section>
    );
  }
  if (view.isError) return <p role="alert">Beräkningen misslyckades: {view.error.message}</p>;
  if (!data) return <p aria-busy="true">Beräknar…</p>;

  const lastMonth = data.lastMonth ?? 0;
  const firstMonth = data.firstMonth ?? 0;
  const from = parseIsoMonth(params.get('fran') ?? '') ?? Math.max(firstMonth, lastMonth - DEFAULT_SPAN + 1);
  const to = parseIsoMonth(params.get('till') ?? '') ?? lastMonth;
  const rows = investigationMonthRows(data.months, data.yearOverYear).filter((r) => r.month >= from && r.month <= to);
  const prelMonths = rows.filter((r) => r.preliminary).map((r) => formatMonth(r.month));

  const chartRows: ShareBarRow[] = rows.map((r) => ({
    key: isoMonth(r.month),
    label: `${formatMonth(r.month)}${r.preliminary ? ' prel.' : ''}`,
    current: r.lateShare === null ? null : r.lateShare * 100,
    previous: r.yoy?.previousShare == null ? null : r.yoy.previousShare * 100,
    preliminary: r.preliminary,
    previousPreliminary: r.yoy?.previousPreliminary === true,
    details: [
      `${formatCount(r.late)} av ${formatCount(r.started)} sena (${formatPercent(r.lateShare)})${r.preliminary ? `, ${r.pending} pågående – preliminär` : ''}`,
      r.yoy?.previousDenominator != null
        ? `${formatMonth(r.month - 12)}: ${formatCount(r.yoy.previousNumerator)} av ${formatCount(r.yoy.previousDenominator)} (${formatPercent(r.yoy.previousShare)})`
        : `${formatMonth(r.month - 12)}: inga uppgifter`,
      `Förändring: ${formatPoints(r.yoy?.changePoints ?? null)} procentenheter`,
    ],
  }));

  const columns: Column<InvestigationMonthRow>[] = [
    {
      header: 'Startmånad',
      cell: (r) => (
        <>
          {formatMonth(r.month)}
          {r.preliminary && (
            <abbr className="prel" title="Preliminär: pågående utredningar kvar">
              {' '}
              prel.
            </abbr>
          )}
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
        withPrevious(
          formatCount(r.late),
          r.yoy?.previousNumerator == null ? null : formatCount(r.yoy.previousNumerator),
        ),
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
    { header: 'Förändring, procentenheter', cell: (r) => formatPoints(r.yoy?.changePoints ?? null), numeric: true },
    { header: 'I tid', cell: (r) => formatCount(r.inTime), numeric: true },
    { header: 'Förlängd', cell: (r) => formatCount(r.extended), numeric: true },
    { header: 'Sen', cell: (r) => formatCount(r.late), numeric: true },
    { header: 'Pågående', cell: (r) => formatCount(r.pending), numeric: true },
    { header: 'Förlängd, över förl. till', cell: (r) => formatCount(r.extendedOverdue), numeric: true },
  ];

  const span = `${monthName(periodFrom || 1)}–${monthName(periodTo || 6)}`;
  const periodRows: PeriodBarRow[] = data.periods.map((p) => ({
    label: `${p.year}${p.preliminary ? ' (prel.)' : ''}`,
    mean: p.meanOfMonthlyShares === null ? null : p.meanOfMonthlyShares * 100,
    pooled: p.pooledShare === null ? null : p.pooledShare * 100,
  }));
  const periodTableColumns: Column<PeriodRow>[] = [
    {
      header: 'År',
      cell: (p) => (
        <>
          {p.year}
          {p.preliminary && (
            <abbr className="prel" title="Preliminär: pågående utredningar kvar">
              {' '}
              prel.
            </abbr>
          )}
        </>
      ),
      rowHeader: true,
    },
    { header: 'Månader med data', cell: (p) => `${p.monthsWithData} av ${p.monthsInSpan}`, numeric: true },
    { header: 'Inledda', cell: (p) => formatCount(p.denominator), numeric: true },
    { header: 'Sena', cell: (p) => formatCount(p.numerator), numeric: true },
    { header: 'Medelvärde av månadsandelar', cell: (p) => formatPercent(p.meanOfMonthlyShares), numeric: true },
    { header: 'Sammanvägd andel', cell: (p) => formatPercent(p.pooledShare), numeric: true },
  ];
  const total = data.months.reduce((sum, m) => sum + m.started, 0);

  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">Utredningstid – fyramånadersfristen</h1>
      <p className="lead">
        Andel utredningar, inledda i respektive månad, som gått över 4 månader utan beslut om förlängning inom 4
        månader. Fristen är startdatum + 4 kalendermånader (sista dagen i månaden om dagen saknas); avslut på fristdagen
        är i tid.
      </p>

      <form className="controls" onSubmit={(e) => e.preventDefault()} aria-label="Urval">
        <AsOfInput asOf={asOf} />
        <label>
          Från månad
          <input
            type="month"
            value={isoMonth(from)}
            min={isoMonth(firstMonth)}
            max={isoMonth(lastMonth)}
            onChange={(e) => setParams({ fran: e.target.value || null })}
          />
        </label>
        <label>
          Till månad
          <input
            type="month"
            value={isoMonth(to)}
            min={isoMonth(firstMonth)}
            max={isoMonth(lastMonth)}
            onChange={(e) => setParams({ till: e.target.value || null })}
          />
        </label>
        <fieldset className="units">
          <legend>Enhet {units.length === 0 ? '(alla)' : `(${units.length} valda)`}</legend>
          {data.units.map((unit) => (
            <label key={unit} className="check">
              <input
                type="checkbox"
                checked={units.includes(unit)}
                onChange={(e) =>
                  setParams({ enhet: e.target.checked ? [...units, unit] : units.filter((u) => u !== unit) })
                }
              />
              {unit}
            </label>
          ))}
          {units.length > 0 && (
            <button type="button" className="link" onClick={() => setParams({ enhet: null })}>
              Visa alla enheter
            </button>
          )}
        </fieldset>
        <label className="check">
          <input
            type="checkbox"
            checked={shift}
            onChange={(e) => setParams({ helgflytt: e.target.checked ? '1' : null })}
          />
          Frist på lördag, söndag eller helgdag flyttas till nästa vardag (lag 1930:173 2 §)
        </label>
        {(params.has('uttag') || params.has('fran') || params.has('till')) && (
          <button
            type="button"
            className="secondary"
            onClick={() => setParams({ uttag: null, fran: null, till: null })}
          >
            Återställ datum
          </button>
        )}
      </form>

      <p className="meta" data-testid="investigations-meta">
        Uttagsdatum {isoDate(asOf)} ({asOfSource}) · {formatNumber(total)} utredningar
        {units.length > 0 ? ` i ${units.join(', ')}` : ''} · förlängningar:{' '}
        {data.extensionSource === 'fil'
          ? 'från förlängningsfil'
          : data.extensionSource === 'utredningsfilen'
            ? 'från utredningsfilen'
            : 'saknas – alla som gått över fristen räknas som sena'}
        {shift ? ' · helgflytt enligt 1930:173 2 § på' : ''}
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
          rows={chartRows}
          title="Andel sena utredningar per startmånad, jämfört med samma månad föregående år"
          currentName="Andel sena"
          previousName="Samma månad föregående år"
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

      <h2>Jämförelseperiod {span}, alla år</h2>
      <form className="controls" onSubmit={(e) => e.preventDefault()} aria-label="Jämförelseperiod">
        <label>
          Från
          <select value={periodFrom || 1} onChange={(e) => setParams({ period: `${e.target.value}-${periodTo || 6}` })}>
            {Array.from({ length: 12 }, (_, i) => (
              <option key={i} value={i + 1}>
                {monthName(i + 1)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Till
          <select value={periodTo || 6} onChange={(e) => setParams({ period: `${periodFrom || 1}-${e.target.value}` })}>
            {Array.from({ length: 12 }, (_, i) => (
              <option key={i} value={i + 1}>
                {monthName(i + 1)}
              </option>
            ))}
          </select>
        </label>
      </form>
      <p className="lead">
        Två sätt att räkna genomsnittet, båda redovisade: <strong>medelvärdet av månadsandelarna</strong> (som nämndens
        egna tabeller) och <strong>den sammanvägda andelen</strong> (alla sena delat med alla inledda under perioden).
      </p>
      <PeriodChart rows={periodRows} title={`Andel sena ${span} per år`} />
      <DataTable
        testId="period-table"
        caption={`Andel sena utredningar ${span}, per år`}
        columns={periodTableColumns}
        rows={data.periods}
        rowKey={(p) => p.year}
        preliminary={(p) => p.preliminary}
        csv={{ fileName: 'utredningar_period.csv', columns: periodColumns }}
      />
    </section>
  );
}
