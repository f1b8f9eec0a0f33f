import { describe, expect, it } from 'vitest';
import { chiSquareP, chiSquareTest } from '../../../src/kpi';

describe('chiSquareP', () => {
  it('matches tabulated critical values', () => {
    expect(chiSquareP(3.841459, 1)).toBeCloseTo(0.05, 5);
    expect(chiSquareP(6.634897, 1)).toBeCloseTo(0.01, 5);
    expect(chiSquareP(5.991465, 2)).toBeCloseTo(0.05, 6);
    expect(chiSquareP(11.0705, 5)).toBeCloseTo(0.05, 5);
    expect(chiSquareP(0, 1)).toBeCloseTo(1, 6);
  });
});

describe('chiSquareTest', () => {
  // Reference values computed independently with Python's math.erfc (chi-square, 1 df, no correction).
  it('returns Pearson’s statistic and p for a 2 × 2 table', () => {
    const result = chiSquareTest([
      [10, 30],
      [30, 70],
    ]);
    expect(result?.statistic).toBeCloseTo(0.7936508, 6);
    expect(result?.p).toBeCloseTo(0.3729985, 6);
    expect(result?.degreesOfFreedom).toBe(1);
    expect(result?.valid).toBe(true);
  });
  it('finds a clear difference significant', () => {
    // pojkar 107 of 531 late, flickor 155 of 529: chi2 = 11.922994, p = 0.00055445
    const result = chiSquareTest([
      [107, 531],
      [155, 529],
    ]);
    expect(result?.statistic).toBeCloseTo(11.922994, 5);
    expect(result?.p).toBeCloseTo(0.00055445, 7);
  });
  it('marks a table with an expected count below 5 as not valid, and returns null without variation', () => {
    expect(
      chiSquareTest([
        [1, 4],
        [2, 6],
      ])?.valid,
    ).toBe(false);
    expect(
      chiSquareTest([
        [0, 10],
        [0, 12],
      ]),
    ).toBeNull();
    expect(chiSquareTest([[3, 10]])).toBeNull();
  });
});
