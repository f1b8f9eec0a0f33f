/**
 * The breakdowns every indicator carries over the chosen months: pojkar against flickor with a
 * chi-square test, and each unit's monthly series with its pooled share and mean of monthly shares.
 * Linear in units: each unit's months come from its own cube cells, never from a scan of all units.
 */
import type { MonthIndex } from './calendar';
import { meanOfShares, pooledShare, shareOf, type MonthlyShare } from './shares';
import { chiSquareTest, type ChiSquareResult } from './stats';

/** Category codes of a column (enhet, kön, insats …): 16-bit, or 32-bit for very large dictionaries. */
export type CodeColumn = Uint16Array | Uint32Array;

/** Which cube cells to count: a set of unit codes and kön codes, or all when omitted. */
export interface CubeFilter {
  units?: readonly number[];
  sexes?: readonly number[];
}

/** The kön codes that are compared (SEX_LABELS order); `annat` and `okänt` count in totals only. */
export const COMPARED_SEXES = [
  ['pojke', 1],
  ['flicka', 2],
] as const;

/** One unit's monthly share over the chosen months, and its figures for the whole range. */
export interface UnitSeries {
  unit: string;
  months: { month: MonthIndex; share: number | null; preliminary: boolean }[];
  numerator: number;
  denominator: number;
  pooledShare: number | null;
  meanOfMonthlyShares: number | null;
  preliminary: boolean;
}

/**
 * Every unit's series, in order of the units' names. `monthsOf` gives the months of the unit at
 * position `index` of `codes`.
 * @example unitSeries(['Norr', 'Söder'], [1, 0], (_code, i) => months[i])[0].unit // 'Norr'
 */
export function unitSeries(
  labels: readonly string[],
  codes: readonly number[],
  monthsOf: (code: number, index: number) => MonthlyShare[],
): UnitSeries[] {
  return codes
    .map((code, index) => {
      const months = monthsOf(code, index);
      return {
        unit: labels[code],
        months: months.map((m) => ({
          month: m.month,
          share: shareOf(m.numerator, m.denominator),
          preliminary: m.preliminary,
        })),
        numerator: months.reduce((s, m) => s + m.numerator, 0),
        denominator: months.reduce((s, m) => s + m.denominator, 0),
        pooledShare: pooledShare(months),
        meanOfMonthlyShares: meanOfShares(months),
        preliminary: months.some((m) => m.preliminary),
      };
    })
    .sort((a, b) => a.unit.localeCompare(b.unit, 'sv'));
}

/** Pojkar and flickor side by side over the chosen months, with a chi-square test. */
export interface SexComparison {
  groups: { sex: 'pojke' | 'flicka'; numerator: number; denominator: number; share: number | null }[];
  test: ChiSquareResult | null;
  preliminary: boolean;
}

/**
 * Sums the monthly shares of pojkar and flickor and tests the difference (Pearson, 5 % level).
 * @example sexComparison((sex) => (sex === 1 ? boys : girls)).groups[0].share // boys' pooled share
 */
export function sexComparison(monthsOf: (sex: number) => MonthlyShare[]): SexComparison {
  let preliminary = false;
  const groups = COMPARED_SEXES.map(([sex, code]) => {
    const months = monthsOf(code);
    const numerator = months.reduce((s, m) => s + m.numerator, 0);
    const denominator = months.reduce((s, m) => s + m.denominator, 0);
    preliminary ||= months.some((m) => m.preliminary);
    return { sex, numerator, denominator, share: shareOf(numerator, denominator) };
  });
  return { groups, test: chiSquareTest(groups.map((g) => [g.numerator, g.denominator] as const)), preliminary };
}

/** How an indicator gives its monthly shares for the breakdowns. */
export interface BreakdownSource {
  /** The monthly shares of one kön within the chosen units. */
  sex: (sex: number) => MonthlyShare[];
  /** Each unit's monthly shares, in the order of `codes`; linear in the units asked for. */
  units: (codes: readonly number[]) => MonthlyShare[][];
}

/**
 * Both breakdowns of an indicator over the months `from`–`to`: kön within the chosen units, and
 * each chosen unit (every unit when none is chosen).
 * @example breakdowns(labels, undefined, source, { from, to }).byUnitSeries.length // labels.length
 */
export function breakdowns(
  labels: readonly string[],
  chosen: readonly number[] | undefined,
  source: BreakdownSource,
  range: { from: MonthIndex; to: MonthIndex },
): { bySex: SexComparison; byUnitSeries: UnitSeries[] } {
  const inRange = (rows: MonthlyShare[]) => rows.filter((m) => m.month >= range.from && m.month <= range.to);
  const codes = chosen ?? labels.map((_, i) => i);
  const byUnit = source.units(codes);
  return {
    bySex: sexComparison((sex) => inRange(source.sex(sex))),
    byUnitSeries: unitSeries(labels, codes, (_code, index) => inRange(byUnit[index])),
  };
}
