/**
 * Swedish number formats. Figures are computed unrounded and rounded only here, half away
 * from zero (Math.round rounds −2.5 to −2; the nämnd's tables round it to −3).
 */

/** U+202F, a non-breaking thin space: the thousands separator, and the space before `%`. */
export const THIN_SPACE = '\u202f';
const MINUS = '\u2212';

/**
 * A count hidden in a published package (NaN in a view, issue 13). Not "färre än 5": a count
 * hidden only so that a 1–4 cannot be worked out is often large (a month's 230 decisions), and a
 * view's sum over hidden counts may be larger still; the package cannot say which is which, and the
 * page's note explains both. The same word as the package's own CSV files.
 */
export const HIDDEN_COUNT_TEXT = 'dolt';
/** A share, change or figure made from a hidden count. */
export const HIDDEN_FIGURE_TEXT = 'dolt';

/** Rounds half away from zero. @example roundHalfAwayFromZero(-2.5) // -3 */
export function roundHalfAwayFromZero(value: number, decimals = 0): number {
  const factor = 10 ** decimals;
  // The epsilon absorbs binary noise such as 1.005 * 100 = 100.49999999999999.
  const scaled = Math.abs(value) * factor * (1 + Number.EPSILON);
  return (Math.sign(value) * Math.round(scaled)) / factor;
}

/**
 * Swedish number: decimal comma, thin space between thousands, real minus sign.
 * @example formatNumber(12345.678, 1) // '12 345,7'
 */
export function formatNumber(value: number, decimals = 0): string {
  if (Number.isNaN(value)) return HIDDEN_FIGURE_TEXT;
  const rounded = roundHalfAwayFromZero(value, decimals);
  const [whole, fraction] = Math.abs(rounded).toFixed(decimals).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, THIN_SPACE);
  const sign = rounded < 0 ? MINUS : '';
  return fraction ? `${sign}${grouped},${fraction}` : `${sign}${grouped}`;
}

/** A share (0–1) as a whole percent. @example formatPercent(0.2015) // '20 %' */
export function formatPercent(share: number | null, decimals = 0): string {
  if (share === null) return '–';
  return Number.isNaN(share) ? HIDDEN_FIGURE_TEXT : `${formatNumber(share * 100, decimals)}${THIN_SPACE}%`;
}

/** A change in percentage points with its sign. @example formatPoints(-6.2) // '−6' */
export function formatPoints(points: number | null, decimals = 0): string {
  if (points === null) return '–';
  if (Number.isNaN(points)) return HIDDEN_FIGURE_TEXT;
  const text = formatNumber(points, decimals);
  return roundHalfAwayFromZero(points, decimals) > 0 ? `+${text}` : text;
}

/** A count, or a dash when missing. */
export function formatCount(value: number | null): string {
  if (value === null) return '–';
  return Number.isNaN(value) ? HIDDEN_COUNT_TEXT : formatNumber(value);
}

/** How far a load has come, in whole percent. @example formatProgress(1, 3) // '33 %' */
export function formatProgress(done: number, total: number): string {
  return `${Math.round((100 * done) / Math.max(1, total))} %`;
}

/**
 * Decimals for a share shown beside last year's with their change in whole procentenheter, so that the
 * shares shown differ by what the change says: "1,6 % mot 1,4 % · 0 procentenheter", not "2 % mot 1 %".
 * @example comparisonDecimals(0.016, 0.014, 0.2) // 1
 */
export function comparisonDecimals(share: number | null, previous: number | null, points: number | null): number {
  if (share === null || previous === null || points === null || [share, previous, points].some(Number.isNaN)) return 0;
  const change = roundHalfAwayFromZero(points, 0);
  for (let decimals = 0; decimals < 2; decimals++) {
    const shown = roundHalfAwayFromZero(share * 100, decimals) - roundHalfAwayFromZero(previous * 100, decimals);
    if (roundHalfAwayFromZero(shown, 0) === change) return decimals;
  }
  return 2;
}
