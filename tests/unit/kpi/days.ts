/** Test helpers: a day or a quarter written as text, failing loudly on a typo. */
import { parseIsoDate, parseQuarter, type DayNumber, type QuarterIndex } from '../../../src/kpi';

/** @example d('2025-01-31') */
export function d(text: string): DayNumber {
  const day = parseIsoDate(text);
  if (day === null) throw new Error(`not a date: ${text}`);
  return day;
}

/** @example q('2025Q3') */
export function q(text: string): QuarterIndex {
  const quarter = parseQuarter(text);
  if (quarter === null) throw new Error(`not a quarter: ${text}`);
  return quarter;
}
