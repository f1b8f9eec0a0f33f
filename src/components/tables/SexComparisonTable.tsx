/** Pojkar and flickor side by side, with the chi-square verdict in words. */
import { formatCount, formatPercent } from '../../format/number';
import { chiSquareVerdict } from '../../format/verdict';
import type { SexComparison } from '../../kpi';
import { useId } from 'react';
import { PrelMark, TableScroll } from './cells';

interface Props {
  comparison: SexComparison;
  /** e.g. "Andel sena" */
  shareLabel: string;
  numeratorLabel: string;
  denominatorLabel: string;
  period: string;
}

const LABELS = { pojke: 'Pojkar', flicka: 'Flickor' } as const;

export function SexComparisonTable({ comparison, shareLabel, numeratorLabel, denominatorLabel, period }: Props) {
  const captionId = useId();
  // A share hidden in a published package (NaN) draws no bar.
  const shown = (share: number | null) => (share === null || Number.isNaN(share) ? 0 : share);
  const max = Math.max(...comparison.groups.map((g) => shown(g.share)), 0.01);
  return (
    <div className="table-block" data-testid="sex-comparison">
      <TableScroll captionId={captionId}>
        <table>
          <caption id={captionId}>
            {shareLabel} för pojkar och flickor, {period}
            {comparison.preliminary && <PrelMark />}
          </caption>
          <thead>
            <tr>
              <th scope="col">Kön</th>
              <th scope="col" className="num">
                {denominatorLabel}
              </th>
              <th scope="col" className="num">
                {numeratorLabel}
              </th>
              <th scope="col" className="num">
                {shareLabel}
              </th>
              <th scope="col">
                <span className="visually-hidden">Stapel</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {comparison.groups.map((g) => (
              <tr key={g.sex}>
                <th scope="row">{LABELS[g.sex]}</th>
                <td className="num">{formatCount(g.denominator)}</td>
                <td className="num">{formatCount(g.numerator)}</td>
                <td className="num">{formatPercent(g.share)}</td>
                <td aria-hidden="true" className="bar-cell">
                  <span className={`bar ${g.sex}`} style={{ width: `${(shown(g.share) / max) * 100}%` }} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <p className="verdict">
        Skillnad mellan pojkar och flickor: <strong>{chiSquareVerdict(comparison.test)}</strong>
        {comparison.test?.valid ? ' (chi-två-test, 5 % nivå)' : ''}.
      </p>
    </div>
  );
}
