/**
 * A share and its two averages: the one place a share, its preliminary flag, the pooled share and
 * the mean of monthly shares are computed. Each indicator says once which counts make its share
 * (`lateShareOf`, `inTimeShareOf`, `lateExecutionShareOf`); everything else goes through here.
 * Shares are unrounded fractions 0–1; rounding is for display only (format/number.ts).
 */
import type { MonthIndex } from './calendar';

/** A numerator over a denominator, and whether the figure can still change. */
export interface ShareCounts {
  numerator: number;
  denominator: number;
  /** Something counted is still pending (not yet judgeable): the share can change. */
  preliminary: boolean;
}

/** A share with its counts. */
export interface Share extends ShareCounts {
  /** numerator / denominator; null for an empty denominator. */
  share: number | null;
}

/** A month's share counts. */
export interface MonthlyShare extends ShareCounts {
  month: MonthIndex;
}

/**
 * A month's share counts, without the share itself (what year-over-year and period comparisons read).
 * @example monthlyShare(2025 * 12, share(1, 4, 0)) // { month: 2025 * 12, numerator: 1, denominator: 4, preliminary: false }
 */
export function monthlyShare(month: MonthIndex, counts: ShareCounts): MonthlyShare {
  return { month, numerator: counts.numerator, denominator: counts.denominator, preliminary: counts.preliminary };
}

/** share = numerator / denominator, null for an empty denominator. @example shareOf(1, 4) // 0.25 */
export function shareOf(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

/**
 * A share with its preliminary flag: preliminary while any counted case is pending.
 * @example share(1, 4, 2) // { numerator: 1, denominator: 4, share: 0.25, preliminary: true }
 */
export function share(numerator: number, denominator: number, pending: number): Share {
  return { numerator, denominator, share: shareOf(numerator, denominator), preliminary: pending > 0 };
}

/**
 * All numerators over all denominators ("sammanvägd andel").
 * @example pooledShare([{ numerator: 1, denominator: 4, preliminary: false }, { numerator: 3, denominator: 4, preliminary: false }]) // 0.5
 */
export function pooledShare(rows: readonly ShareCounts[]): number | null {
  let numerator = 0;
  let denominator = 0;
  for (const row of rows) {
    numerator += row.numerator;
    denominator += row.denominator;
  }
  return shareOf(numerator, denominator);
}

/**
 * The mean of the shares of the rows with a denominator, as the nämnd's own tables average months
 * ("medelvärde av månadsandelarna"); null when no row has one.
 * @example meanOfShares([{ numerator: 1, denominator: 2, preliminary: false }, { numerator: 1, denominator: 8, preliminary: false }]) // 0.3125
 */
export function meanOfShares(rows: readonly ShareCounts[]): number | null {
  const withData = rows.filter((row) => row.denominator > 0);
  return withData.length > 0
    ? withData.reduce((sum, row) => sum + row.numerator / row.denominator, 0) / withData.length
    : null;
}

/**
 * The difference of two shares in percentage points, unrounded; null when either is missing.
 * @example percentagePoints(0.2, 0.25) // -5 (up to binary noise)
 */
export function percentagePoints(share: number | null, previous: number | null): number | null {
  return share !== null && previous !== null ? (share - previous) * 100 : null;
}

/**
 * A share as percent 0–100 for a chart axis, unrounded; null (a gap) when missing or hidden (NaN).
 * @example toPercent(0.25) // 25
 */
export function toPercent(share: number | null): number | null {
  return share === null || Number.isNaN(share) ? null : share * 100;
}
