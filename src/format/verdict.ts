/** Plain-Swedish verdicts of statistical tests. */
import type { ChiSquareResult } from '../kpi';
import { formatNumber } from './number';

/** @example formatP(0.4321) // 'p = 0,43'; formatP(0.0004) // 'p < 0,001' */
export function formatP(p: number): string {
  if (p < 0.001) return 'p < 0,001';
  return `p = ${formatNumber(p, p < 0.01 ? 3 : 2)}`;
}

/**
 * The verdict at the 5 % level, as the nämnd reads it.
 * @example chiSquareVerdict({ statistic: 0.62, degreesOfFreedom: 1, p: 0.43, valid: true }) // 'ingen signifikant skillnad (p = 0,43)'
 */
export function chiSquareVerdict(result: ChiSquareResult | null): string {
  if (!result) return 'ingen skillnad att pröva';
  if (!result.valid) return 'för få ärenden för att pröva skillnaden';
  return result.p < 0.05
    ? `signifikant skillnad (${formatP(result.p)})`
    : `ingen signifikant skillnad (${formatP(result.p)})`;
}
