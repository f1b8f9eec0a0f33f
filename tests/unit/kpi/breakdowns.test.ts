import { describe, expect, it } from 'vitest';
import {
  breakdowns,
  buildDecisionCube,
  decisionMonthsByUnit,
  sexComparison,
  unitSeries,
  type MonthlyShare,
} from '../../../src/kpi';
import { d } from './days';

const jan = 2025 * 12;
const m = (month: number, numerator: number, denominator: number, preliminary = false): MonthlyShare => ({
  month,
  numerator,
  denominator,
  preliminary,
});

describe('unitSeries', () => {
  it('returns each unit’s monthly shares, pooled share and mean of monthly shares', () => {
    const [series] = unitSeries(['Norr'], [0], () => [m(jan, 1, 4), m(jan + 1, 1, 2), m(jan + 2, 0, 0)]);
    expect(series).toEqual({
      unit: 'Norr',
      months: [
        { month: jan, share: 0.25, preliminary: false },
        { month: jan + 1, share: 0.5, preliminary: false },
        { month: jan + 2, share: null, preliminary: false },
      ],
      numerator: 2,
      denominator: 6,
      pooledShare: 2 / 6,
      meanOfMonthlyShares: (0.25 + 0.5) / 2,
      preliminary: false,
    });
  });
  it('orders units by their Swedish names (Å, Ä, Ö last) and gives each its own months', () => {
    const labels = ['Öster', 'Väster', 'Norr', 'Älvsjö', 'Åkersberga'];
    const series = unitSeries(labels, [0, 1, 2, 3, 4], (code) => [m(jan, code, 10)]);
    expect(series.map((s) => [s.unit, s.numerator])).toEqual([
      ['Norr', 2],
      ['Väster', 1],
      ['Åkersberga', 4],
      ['Älvsjö', 3],
      ['Öster', 0],
    ]);
  });
  describe('edge cases', () => {
    it('is preliminary when any month is, and has no shares without data', () => {
      const [series] = unitSeries(['Norr'], [0], () => [m(jan, 0, 0), m(jan + 1, 1, 3, true)]);
      expect(series.preliminary).toBe(true);
      const [empty] = unitSeries(['Söder'], [0], () => []);
      expect(empty).toMatchObject({ numerator: 0, denominator: 0, pooledShare: null, meanOfMonthlyShares: null });
    });
  });
});

describe('sexComparison', () => {
  it('returns pojkar (kön code 1) and flickor (code 2) with a Pearson chi-square test', () => {
    const asked: number[] = [];
    const result = sexComparison((sex) => {
      asked.push(sex);
      return sex === 1 ? [m(jan, 10, 100), m(jan + 1, 20, 100)] : [m(jan, 5, 100), m(jan + 1, 5, 100)];
    });
    expect(asked).toEqual([1, 2]);
    expect(result.groups).toEqual([
      { sex: 'pojke', numerator: 30, denominator: 200, share: 0.15 },
      { sex: 'flicka', numerator: 10, denominator: 200, share: 0.05 },
    ]);
    // 2 × 2 table 30/170 and 10/190: expected 20/180 in each row, so χ² = 2 · (10²/20 + 10²/180) = 100/9.
    expect(result.test?.statistic).toBeCloseTo(100 / 9, 10);
    expect(result.test?.degreesOfFreedom).toBe(1);
    expect(result.test?.valid).toBe(true);
    expect(result.test?.p).toBeLessThan(0.001);
    expect(result.preliminary).toBe(false);
  });
  describe('edge cases', () => {
    it('has no test when one group is empty, and is preliminary when either group is', () => {
      const result = sexComparison((sex) => (sex === 1 ? [m(jan, 3, 10, true)] : []));
      expect(result.groups[1]).toEqual({ sex: 'flicka', numerator: 0, denominator: 0, share: null });
      expect(result.test).toBeNull();
      expect(result.preliminary).toBe(true);
    });
  });
});

describe('breakdowns', () => {
  it('keeps only the months of the range and asks for all units at once', () => {
    const calls: (readonly number[])[] = [];
    const result = breakdowns(
      ['Norr', 'Söder'],
      undefined,
      {
        sex: () => [m(jan, 1, 2), m(jan + 1, 1, 4)],
        units: (codes) => {
          calls.push(codes);
          return codes.map((code) => [m(jan, code, 2), m(jan + 1, 1, 4)]);
        },
      },
      { from: jan + 1, to: jan + 1 },
    );
    expect(calls).toEqual([[0, 1]]);
    expect(result.byUnitSeries.map((s) => [s.unit, s.months.length, s.numerator, s.denominator])).toEqual([
      ['Norr', 1, 1, 4],
      ['Söder', 1, 1, 4],
    ]);
    expect(result.bySex.groups.map((g) => [g.numerator, g.denominator])).toEqual([
      [1, 4],
      [1, 4],
    ]);
  });
  it('breaks down only the chosen units', () => {
    const result = breakdowns(
      ['Norr', 'Söder', 'Öster'],
      [2],
      { sex: () => [], units: (codes) => codes.map(() => [m(jan, 1, 1)]) },
      { from: jan, to: jan },
    );
    expect(result.byUnitSeries.map((s) => s.unit)).toEqual(['Öster']);
  });
});

describe('decisionMonthsByUnit with many units', () => {
  // 5 000 units, three decisions each in two months: unit u has one executed in time in January,
  // one still waiting past its deadline in January when u is even, and one not yet due in March.
  const UNITS = 5000;
  const decided: number[] = [];
  const executed: number[] = [];
  const unit: number[] = [];
  for (let u = 0; u < UNITS; u++) {
    decided.push(d('2025-01-10'), d('2025-03-20'));
    executed.push(d('2025-02-01'), -2147483648);
    unit.push(u, u);
    if (u % 2 === 0) {
      decided.push(d('2025-01-05'));
      executed.push(-2147483648);
      unit.push(u);
    }
  }
  const cube = buildDecisionCube(
    {
      count: decided.length,
      decided: Int32Array.from(decided),
      executed: Int32Array.from(executed),
      unit: Uint32Array.from(unit),
      sex: new Uint16Array(decided.length),
      intervention: new Uint16Array(decided.length),
      unitCount: UNITS,
      interventionCount: 1,
    },
    d('2025-05-31'),
  );

  it('returns every unit’s own counts per month', () => {
    const codes = Array.from({ length: UNITS }, (_, u) => UNITS - 1 - u);
    const byUnit = decisionMonthsByUnit(cube, codes);
    expect(byUnit.length).toBe(UNITS);
    let checked = 0;
    byUnit.forEach((months, i) => {
      const u = codes[i];
      const even = u % 2 === 0;
      expect(months.map((x) => x.month)).toEqual([2025 * 12, 2025 * 12 + 1, 2025 * 12 + 2]);
      expect([months[0].decisions, months[0].executedInTime, months[0].overdue]).toEqual([
        even ? 2 : 1,
        1,
        even ? 1 : 0,
      ]);
      expect(months[1].decisions).toBe(0);
      expect([months[2].decisions, months[2].notYetDue, months[2].preliminary]).toEqual([1, 1, true]);
      checked++;
    });
    expect(checked).toBe(UNITS);
  });
});
