/**
 * Plain Swedish sentences generated from the figures, for the nämnd report. Computed from
 * unrounded shares; only the printed numbers are rounded.
 */
import type { PeriodRow } from '../kpi';
import { formatCount, formatNumber, formatPercent, roundHalfAwayFromZero } from './number';

export interface PeriodSentenceInput {
  /** Subject with article, e.g. "Andelen sena utredningar". */
  subject: string;
  /** e.g. "januari–juni" */
  span: string;
  year: number;
  current: PeriodRow | null | undefined;
  previous: PeriodRow | null | undefined;
}

/**
 * Why a figure from a published package is not shown: it is made from counts hidden there (NaN,
 * issue 13) – counts of 1–4, or counts hidden so that none of those can be worked out. Never
 * "färre än 5" for a sum or share: the hidden counts under it may add up to many more.
 */
export const HIDDEN_REASON = 'antal som döljs för att skydda få ärenden (färre än 5)';

const points = (n: number) => `${formatNumber(Math.abs(n))} ${Math.abs(n) === 1 ? 'procentenhet' : 'procentenheter'}`;

/**
 * The period's share beside the year before; no change is stated when either year is preliminary.
 * @example periodSentence({ subject: 'Andelen sena utredningar', span: 'januari–juni', year: 2025, current, previous })
 * // 'Andelen sena utredningar januari–juni 2025 var 23 % (medelvärde av månadsandelarna), 6 procentenheter lägre än samma period 2024.'
 */
export function periodSentence({ subject, span, year, current, previous }: PeriodSentenceInput): string {
  if (!current || current.meanOfMonthlyShares === null)
    return `${subject} ${span} ${year} kan inte beräknas: uppgifter saknas.`;
  if (Number.isNaN(current.meanOfMonthlyShares))
    return `${subject} ${span} ${year} kan inte visas: den bygger på ${HIDDEN_REASON}.`;
  const head = `${subject} ${span} ${year} var ${formatPercent(current.meanOfMonthlyShares)} (medelvärde av månadsandelarna)`;
  const tail = current.preliminary ? ' Siffran är preliminär.' : '';
  if (!previous || previous.meanOfMonthlyShares === null) return `${head}; jämförelse med ${year - 1} saknas.${tail}`;
  // A preliminary share still moves as pending cases close, so no change is stated against or from it.
  if (current.preliminary)
    return `${head}, prel. (hittills ${formatCount(current.numerator)} av ${formatCount(current.denominator)}); ingen förändring mot ${year - 1} redovisas förrän alla ärenden är avslutade.`;
  if (Number.isNaN(previous.meanOfMonthlyShares))
    return `${head}; ingen förändring redovisas: andelen ${year - 1} bygger på ${HIDDEN_REASON}.`;
  if (previous.preliminary) return `${head}; ingen förändring mot ${year - 1} redovisas eftersom ${year - 1} är prel.`;
  const change = roundHalfAwayFromZero((current.meanOfMonthlyShares - previous.meanOfMonthlyShares) * 100);
  if (change === 0) return `${head}, oförändrat jämfört med samma period ${year - 1}.${tail}`;
  return `${head}, ${points(change)} ${change < 0 ? 'lägre' : 'högre'} än samma period ${year - 1}.${tail}`;
}

/**
 * @example countSentence(['utredningar', 'inleddes'], 'januari–juni', 2025, 3365, 2941) // '3 365 utredningar inleddes januari–juni 2025, 424 fler än samma period 2024.'
 */
export function countSentence(
  [what, verb]: readonly [what: string, verb: string],
  span: string,
  year: number,
  count: number,
  previous: number | null,
): string {
  if (Number.isNaN(count))
    return `Hur många ${what} som ${verb} ${span} ${year} kan inte visas: det bygger på ${HIDDEN_REASON}.`;
  const head = `${formatNumber(count)} ${what} ${verb} ${span} ${year}`;
  if (previous === null || previous === 0) return `${head}.`;
  if (Number.isNaN(previous))
    return `${head}; ingen jämförelse redovisas: antalet ${year - 1} bygger på ${HIDDEN_REASON}.`;
  const diff = count - previous;
  if (diff === 0) return `${head}, lika många som samma period ${year - 1}.`;
  return `${head}, ${formatNumber(Math.abs(diff))} ${diff > 0 ? 'fler' : 'färre'} än samma period ${year - 1}.`;
}

/**
 * The months with the highest and lowest share in the span.
 * @example extremesSentence([{ label: 'januari', share: 0.2 }, { label: 'april', share: 0.24 }]) // 'Högst var andelen i april (24 %), lägst i januari (20 %).'
 */
export function extremesSentence(months: readonly { label: string; share: number | null }[]): string | null {
  // A share hidden in a published package (NaN) is neither highest nor lowest: it is left out.
  const known = months.filter((m): m is { label: string; share: number } => m.share !== null && !Number.isNaN(m.share));
  if (known.length < 2) return null;
  const high = known.reduce((a, b) => (b.share > a.share ? b : a));
  const low = known.reduce((a, b) => (b.share < a.share ? b : a));
  if (high.share === low.share) return `Andelen var densamma alla månader (${formatPercent(high.share)}).`;
  return `Högst var andelen i ${high.label} (${formatPercent(high.share)}), lägst i ${low.label} (${formatPercent(low.share)}).`;
}
