/**
 * Plain Swedish sentences generated from the figures, for the nämnd report. Computed from
 * unrounded shares; only the printed numbers are rounded.
 */
import type { PeriodRow } from '../kpi';
import { roundHalfAwayFromZero } from './number';
import { formatNumber, formatPercent } from './number';

export interface PeriodSentenceInput {
  /** Subject with article, e.g. "Andelen sena utredningar". */
  subject: string;
  /** e.g. "januari–juni" */
  span: string;
  year: number;
  current: PeriodRow | undefined;
  previous: PeriodRow | undefined;
}

const points = (n: number) => `${formatNumber(Math.abs(n))} ${Math.abs(n) === 1 ? 'procentenhet' : 'procentenheter'}`;

/**
 * The period's share beside the year before; no change is stated when either year is preliminary.
 * @example periodSentence({ subject: 'Andelen sena utredningar', span: 'januari–juni', year: 2025, current, previous })
 * // 'Andelen sena utredningar januari–juni 2025 var 23 % (medelvärde av månadsandelarna), 6 procentenheter lägre än samma period 2024.'
 */
export function periodSentence({ subject, span, year, current, previous }: PeriodSentenceInput): string {
  if (!current || current.meanOfMonthlyShares === null)
    return `${subject} ${span} ${year} kan inte beräknas: uppgifter saknas.`;
  const head = `${subject} ${span} ${year} var ${formatPercent(current.meanOfMonthlyShares)} (medelvärde av månadsandelarna)`;
  const tail = current.preliminary ? ' Siffran är preliminär.' : '';
  if (!previous || previous.meanOfMonthlyShares === null) return `${head}; jämförelse med ${year - 1} saknas.${tail}`;
  // A preliminary share still moves as pending cases close, so no change is stated against or from it.
  if (current.preliminary)
    return `${head}, prel. (hittills ${formatNumber(current.numerator)} av ${formatNumber(current.denominator)}); ingen förändring mot ${year - 1} redovisas förrän alla ärenden är avslutade.`;
  if (previous.preliminary) return `${head}; ingen förändring mot ${year - 1} redovisas eftersom ${year - 1} är prel.`;
  const change = roundHalfAwayFromZero((current.meanOfMonthlyShares - previous.meanOfMonthlyShares) * 100);
  if (change === 0) return `${head}, oförändrat jämfört med samma period ${year - 1}.${tail}`;
  return `${head}, ${points(change)} ${change < 0 ? 'lägre' : 'högre'} än samma period ${year - 1}.${tail}`;
}

/**
 * @example countSentence('utredningar inleddes', 'januari–juni', 2025, 3365, 2941) // '3 365 utredningar inleddes januari–juni 2025, 424 fler än samma period 2024.'
 */
export function countSentence(
  what: string,
  span: string,
  year: number,
  count: number,
  previous: number | null,
): string {
  const head = `${formatNumber(count)} ${what} ${span} ${year}`;
  if (previous === null || previous === 0) return `${head}.`;
  const diff = count - previous;
  if (diff === 0) return `${head}, lika många som samma period ${year - 1}.`;
  return `${head}, ${formatNumber(Math.abs(diff))} ${diff > 0 ? 'fler' : 'färre'} än samma period ${year - 1}.`;
}

/**
 * The months with the highest and lowest share in the span.
 * @example extremesSentence([{ label: 'januari', share: 0.2 }, { label: 'april', share: 0.24 }]) // 'Högst var andelen i april (24 %), lägst i januari (20 %).'
 */
export function extremesSentence(months: readonly { label: string; share: number | null }[]): string | null {
  const known = months.filter((m): m is { label: string; share: number } => m.share !== null);
  if (known.length < 2) return null;
  const high = known.reduce((a, b) => (b.share > a.share ? b : a));
  const low = known.reduce((a, b) => (b.share < a.share ? b : a));
  if (high.share === low.share) return `Andelen var densamma alla månader (${formatPercent(high.share)}).`;
  return `Högst var andelen i ${high.label} (${formatPercent(high.share)}), lägst i ${low.label} (${formatPercent(low.share)}).`;
}
