import { describe, expect, it } from 'vitest';
import {
  inTimeShareOf,
  lateExecutionShareOf,
  lateShareOf,
  meanOfShares,
  percentagePoints,
  pooledShare,
  share,
  shareOf,
  toPercent,
} from '../../../src/kpi';

const row = (numerator: number, denominator: number, preliminary = false) => ({ numerator, denominator, preliminary });

describe('shareOf', () => {
  it('returns numerator over denominator', () => {
    expect(shareOf(1, 4)).toBe(0.25);
    expect(shareOf(0, 5)).toBe(0);
  });
  describe('edge cases', () => {
    it('returns null, not 0, for an empty denominator', () => {
      expect(shareOf(0, 0)).toBeNull();
    });
  });
});

describe('share', () => {
  it('returns the share with its counts, preliminary while anything is pending', () => {
    expect(share(1, 4, 0)).toEqual({ numerator: 1, denominator: 4, share: 0.25, preliminary: false });
    expect(share(1, 4, 2)).toEqual({ numerator: 1, denominator: 4, share: 0.25, preliminary: true });
  });
  describe('edge cases', () => {
    it('an empty month is not preliminary and has no share', () => {
      expect(share(0, 0, 0)).toEqual({ numerator: 0, denominator: 0, share: null, preliminary: false });
    });
  });
});

describe('the share of each indicator, defined once', () => {
  it('lateShareOf: late of started, preliminary with any pending', () => {
    expect(lateShareOf({ late: 107, started: 531, pending: 0 })).toEqual({
      numerator: 107,
      denominator: 531,
      share: 107 / 531,
      preliminary: false,
    });
    expect(lateShareOf({ late: 1, started: 4, pending: 1 }).preliminary).toBe(true);
  });
  it('inTimeShareOf: in time of in time + late + pending; pending makes it preliminary', () => {
    expect(inTimeShareOf({ inTime: 9, late: 1, pending: 0 })).toEqual({
      numerator: 9,
      denominator: 10,
      share: 0.9,
      preliminary: false,
    });
    expect(inTimeShareOf({ inTime: 6, late: 1, pending: 1 })).toEqual({
      numerator: 6,
      denominator: 8,
      share: 0.75,
      preliminary: true,
    });
  });
  it('lateExecutionShareOf: executed late + overdue of all decisions; not yet due makes it preliminary', () => {
    expect(lateExecutionShareOf({ executedLate: 1, overdue: 2, decisions: 10, notYetDue: 0 })).toEqual({
      numerator: 3,
      denominator: 10,
      share: 0.3,
      preliminary: false,
    });
    expect(lateExecutionShareOf({ executedLate: 0, overdue: 0, decisions: 2, notYetDue: 1 }).preliminary).toBe(true);
  });
});

describe('pooledShare and meanOfShares', () => {
  it('returns the two averages, which differ when the months differ in size', () => {
    const months = [row(1, 4), row(1, 2)];
    expect(pooledShare(months)).toBeCloseTo(2 / 6, 12);
    expect(meanOfShares(months)).toBeCloseTo((0.25 + 0.5) / 2, 12);
  });
  describe('edge cases', () => {
    it('leaves months without a denominator out of the mean, and gives null with none', () => {
      expect(meanOfShares([row(1, 2), row(0, 0)])).toBe(0.5);
      expect(pooledShare([row(1, 2), row(0, 0)])).toBe(0.5);
      expect(meanOfShares([row(0, 0)])).toBeNull();
      expect(pooledShare([])).toBeNull();
      expect(meanOfShares([])).toBeNull();
    });
  });
});

describe('percentagePoints', () => {
  it('returns the difference × 100, unrounded', () => {
    expect(percentagePoints(0.2, 0.25)).toBeCloseTo(-5, 12);
    expect(percentagePoints(0.31, 0.3)).toBeCloseTo(1, 12);
  });
  describe('edge cases', () => {
    it('returns null when either share is missing', () => {
      expect(percentagePoints(null, 0.2)).toBeNull();
      expect(percentagePoints(0.2, null)).toBeNull();
    });
  });
});

describe('toPercent', () => {
  it('returns the share in percent, null for none', () => {
    expect(toPercent(0.25)).toBe(25);
    expect(toPercent(0)).toBe(0);
    expect(toPercent(null)).toBeNull();
  });
});
