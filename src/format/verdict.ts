/** Plain-Swedish verdicts of statistical tests. */
import type { ChiSquareResult } from '../kpi';
import { formatNumber, roundHalfAwayFromZero } from './number';

/** The significance level of every verdict. */
export const SIGNIFICANCE_LEVEL = 0.05;

/** Beyond this many decimals a p just below the level is shown as "p < 0,05". */
const MAX_P_DECIMALS = 6;

/**
 * p in Swedish, with the decimals needed for the shown number to lie on the same side of 0,05 as p
 * itself, so that a verdict never contradicts it (0.0499 rounds to 0,05 at two or three decimals).
 * @example formatP(0.4321) // 'p = 0,43'; formatP(0.047) // 'p = 0,047'; formatP(0.0499) // 'p = 0,0499'; formatP(0.0004) // 'p < 0,001'
 */
export function formatP(p: number): string {
  if (p < 0.001) return 'p < 0,001';
  const significant = p < SIGNIFICANCE_LEVEL;
  for (let decimals = p < 0.01 ? 3 : 2; decimals <= MAX_P_DECIMALS; decimals++) {
    if (roundHalfAwayFromZero(p, decimals) < SIGNIFICANCE_LEVEL === significant) {
      return `p = ${formatNumber(p, decimals)}`;
    }
  }
  return 'p < 0,05';
}

/**
 * The verdict at the 5 % level, as the nämnd reads it; the p shown always agrees with it.
 * @example chiSquareVerdict({ statistic: 0.62, degreesOfFreedom: 1, p: 0.43, valid: true }) // 'ingen signifikant skillnad (p = 0,43)'
 */
export function chiSquareVerdict(result: ChiSquareResult | null): string {
  if (!result) return 'ingen skillnad att pröva';
  if (!result.valid) return 'för få ärenden för att pröva skillnaden';
  return result.p < SIGNIFICANCE_LEVEL
    ? `signifikant skillnad (${formatP(result.p)})`
    : `ingen signifikant skillnad (${formatP(result.p)})`;
}
