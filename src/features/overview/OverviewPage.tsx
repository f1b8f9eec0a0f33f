/** Översikt: one card per indicator – latest complete month and the year so far against last year. */
import { Sparkline } from '../../components/charts/Sparkline';
import { PrelMark } from '../../components/tables/cells';
import { ViewControls } from '../../components/ui/ViewControls';
import { viewStatus } from '../../components/ui/ViewStatus';
import { useView, useWorkspace } from '../../data/queries';
import { useViewFilters } from '../../data/viewFilters';
import { formatMonth, formatMonthLong, monthName } from '../../format/date';
import { comparisonDecimals, formatPercent, formatPoints } from '../../format/number';
import type { OverviewCard } from '../../data/types';
import { isoDate, monthOfYear, yearOfMonth, type Direction } from '../../kpi';
import { SuppressionNote } from '../../components/ui/PackageNotes';
import { HIDDEN_REASON } from '../../format/sentences';

const DIRECTION_TEXT: Record<Direction, string> = { better: 'bättre', worse: 'sämre', same: 'oförändrat' };

/**
 * The change with its arrow and verdict. Both shares present but no change means the KPI core
 * withheld it because a month is preliminary: say so rather than "ingen jämförelse".
 */
function Change({
  points,
  direction,
  shares,
}: {
  points: number | null;
  direction: Direction | null;
  shares: [number | null, number | null];
}) {
  // A share hidden in a published package (NaN): no change can be stated, for that reason.
  if (shares.some((share) => share !== null && Number.isNaN(share)))
    return <span className="change">ingen jämförelse: en av andelarna bygger på dolda antal</span>;
  if (points === null || direction === null)
    return (
      <span className="change">
        {shares[0] !== null && shares[1] !== null ? (
          <>
            <PrelMark />, ingen förändring redovisas förrän alla ärenden är avslutade
          </>
        ) : (
          'ingen jämförelse'
        )}
      </span>
    );
  return (
    <span className={`change ${direction}`}>
      <span aria-hidden="true">{direction === 'same' ? '●' : points > 0 ? '▲' : '▼'} </span>
      {formatPoints(points)} procentenheter, {DIRECTION_TEXT[direction]}
    </span>
  );
}

function Card({ card, onOpen }: { card: OverviewCard; onOpen: () => void }) {
  const h = card.headline;
  const monthDecimals = h ? comparisonDecimals(h.share, h.previousShare, h.changePoints) : 0;
  const yearDecimals = h
    ? comparisonDecimals(h.yearToDate.share, h.yearToDate.previousShare, h.yearToDate.changePoints)
    : 0;
  return (
    <article className="card" aria-labelledby={`card-${card.id}`} data-testid={`card-${card.id}`}>
      <h2 id={`card-${card.id}`}>
        <a
          href={`?sida=${card.id}`}
          onClick={(e) => {
            e.preventDefault();
            onOpen();
          }}
        >
          {card.title}
        </a>
      </h2>
      {!h ? (
        <p>Ingen avslutad månad ännu.</p>
      ) : (
        <>
          <p className="card-value">
            <span className="big">{formatPercent(h.share, monthDecimals)}</span> {card.shareLabel}{' '}
            {formatMonthLong(h.month)}
          </p>
          {Number.isNaN(h.share) && (
            <p className="hint" data-testid="hidden-share">
              Andelen kan inte visas: den bygger på {HIDDEN_REASON}.
            </p>
          )}
          <p>
            Samma månad {h.previousYear}: {formatPercent(h.previousShare, monthDecimals)} ·{' '}
            <Change points={h.changePoints} direction={h.direction} shares={[h.share, h.previousShare]} />
          </p>
          <p>
            Hittills i år ({monthName(1).slice(0, 3)}–{monthName(monthOfYear(h.month)).slice(0, 3)}{' '}
            {yearOfMonth(h.month)}): <strong>{formatPercent(h.yearToDate.share, yearDecimals)}</strong> mot{' '}
            {formatPercent(h.yearToDate.previousShare, yearDecimals)} året före ·{' '}
            <Change
              points={h.yearToDate.changePoints}
              direction={h.yearToDate.direction}
              shares={[h.yearToDate.share, h.yearToDate.previousShare]}
            />
          </p>
          {h.preliminaryMonths.length > 0 && (
            <p className="hint">
              Senare månader är preliminära
              <PrelMark />: {h.preliminaryMonths.map(formatMonth).join(', ')}.
            </p>
          )}
          <Sparkline points={h.trend} label={`Trend 24 månader för ${card.title.toLowerCase()}`} />
          <details>
            <summary>Siffror för 24 månader</summary>
            <table>
              <caption className="visually-hidden">{card.title}, senaste 24 månaderna</caption>
              <thead>
                <tr>
                  <th scope="col">Månad</th>
                  <th scope="col" className="num">
                    Andel
                  </th>
                </tr>
              </thead>
              <tbody>
                {h.trend.map((t) => (
                  <tr key={t.month}>
                    <th scope="row">
                      {formatMonth(t.month)}
                      {t.preliminary && <PrelMark />}
                    </th>
                    <td className="num">{formatPercent(t.share)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </article>
  );
}

export function OverviewPage() {
  const state = useWorkspace().data;
  const { setParams, asOf, asOfSource, units, baseQuery: query } = useViewFilters();
  const view = useView('overview', state?.version, query);

  const status = viewStatus('Översikt', 'Inga filer är inlästa.', !state || state.files.length === 0, view);
  if (status || !view.data) return status;
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">Översikt</h1>
      <p className="lead">
        Senaste avslutade månad och året hittills, jämfört med samma period föregående år. Pilen och ordet säger om
        förändringen är en förbättring eller en försämring.
      </p>
      {view.data.fromPackage && <SuppressionNote />}
      <ViewControls asOf={asOf} unitOptions={view.data.units} units={units} />
      <p className="meta">
        Uttagsdatum {isoDate(asOf)} ({asOfSource})
      </p>
      <div className="cards">
        {view.data.cards.map((card) => (
          <Card key={card.id} card={card} onOpen={() => setParams({ sida: card.id }, true)} />
        ))}
      </div>
    </section>
  );
}
