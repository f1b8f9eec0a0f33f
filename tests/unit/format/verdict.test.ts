import { describe, expect, it } from 'vitest';
import { chiSquareVerdict, formatP } from '../../../src/format/verdict';
import { chiSquareTest } from '../../../src/kpi';

describe('chiSquareVerdict', () => {
  it('says "ingen signifikant skillnad" with p in Swedish format at p ≥ 0.05', () => {
    expect(chiSquareVerdict({ statistic: 0.62, degreesOfFreedom: 1, p: 0.4312, valid: true })).toBe(
      'ingen signifikant skillnad (p = 0,43)',
    );
  });
  it('says "signifikant skillnad" below 0.05', () => {
    expect(
      chiSquareVerdict(
        chiSquareTest([
          [107, 531],
          [155, 529],
        ]),
      ),
    ).toBe('signifikant skillnad (p < 0,001)');
    expect(chiSquareVerdict({ statistic: 6, degreesOfFreedom: 1, p: 0.0143, valid: true })).toBe(
      'signifikant skillnad (p = 0,01)',
    );
    expect(chiSquareVerdict({ statistic: 8, degreesOfFreedom: 1, p: 0.0043, valid: true })).toBe(
      'signifikant skillnad (p = 0,004)',
    );
  });
  it('refuses to judge small or empty tables', () => {
    expect(chiSquareVerdict({ statistic: 6, degreesOfFreedom: 1, p: 0.01, valid: false })).toBe(
      'för få ärenden för att pröva skillnaden',
    );
    expect(chiSquareVerdict(null)).toBe('ingen skillnad att pröva');
  });
  it('formats p', () => {
    expect(formatP(0.05)).toBe('p = 0,05');
    expect(formatP(0.0004)).toBe('p < 0,001');
  });
});
