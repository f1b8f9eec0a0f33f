/** Table cells in the nämnd's format. */
import type { ReactNode } from 'react';
import { formatPoints } from '../../format/number';

/** `531 (406)`: this period, the same period a year earlier in parentheses. */
export function withPrevious(value: string, previous: string | null): ReactNode {
  return (
    <>
      {value} <span className="previous">({previous ?? '–'})</span>
    </>
  );
}

/** The word that marks a preliminary figure (colour is never the only cue). */
export function PrelMark({ title = 'Preliminär: kan ändras när pågående ärenden avgörs' }: { title?: string }) {
  return (
    <abbr className="prel" title={title}>
      {' '}
      prel.
    </abbr>
  );
}

/**
 * A year-over-year change in procentenheter, or "prel." when either month is preliminary: the change
 * is withheld then (kpi/periods.ts `comparableChange`), and a dash would read as "no data".
 */
export function ChangeCell({ points, preliminary }: { points: number | null; preliminary: boolean }): ReactNode {
  if (points === null && preliminary)
    return <PrelMark title="Ingen förändring redovisas: månaden eller jämförelsemånaden är preliminär" />;
  return formatPoints(points);
}

/**
 * A wide table's own scroll region, so the page never scrolls sideways (WCAG 1.4.10): focusable to
 * scroll by keyboard and named by the table's caption (give the caption `id={captionId}`).
 */
export function TableScroll({ captionId, children }: { captionId: string; children: ReactNode }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={captionId}>
      {children}
    </div>
  );
}
