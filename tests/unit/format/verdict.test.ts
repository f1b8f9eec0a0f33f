import fc from 'fast-check';
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

  describe('the shown p agrees with the verdict at the 5 % boundary', () => {
    const verdict = (p: number) => chiSquareVerdict({ statistic: 4, degreesOfFreedom: 1, p, valid: true });
    it.each([
      [0.0499, 'signifikant skillnad (p = 0,0499)'],
      [0.049, 'signifikant skillnad (p = 0,049)'],
      [0.047, 'signifikant skillnad (p = 0,047)'],
      [0.05, 'ingen signifikant skillnad (p = 0,05)'],
      [0.0501, 'ingen signifikant skillnad (p = 0,05)'],
      [0.00099, 'signifikant skillnad (p < 0,001)'],
      [0.001, 'signifikant skillnad (p = 0,001)'],
      [0.43, 'ingen signifikant skillnad (p = 0,43)'],
      [0.0449, 'signifikant skillnad (p = 0,04)'],
    ])('p = %s → %s', (p, text) => {
      expect(verdict(p)).toBe(text);
    });
    it('says "p < 0,05" when even six decimals would round up to 0,05', () => {
      expect(formatP(0.04999999)).toBe('p < 0,05');
      expect(verdict(0.04999999)).toBe('signifikant skillnad (p < 0,05)');
    });
    it('never shows a number on the other side of 0,05 (property)', () => {
      // Reads the shown text back as a number: independent of how formatP chose the decimals.
      const shownSide = (text: string): boolean => {
        const match = /^p ([=<]) (\d+),(\d+)$/.exec(text);
        if (!match) throw new Error(text);
        const value = Number(`${match[2]}.${match[3]}`);
        return match[1] === '<' ? value <= 0.05 : value < 0.05;
      };
      fc.assert(
        fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (p) => {
          expect(shownSide(formatP(p))).toBe(p < 0.05);
        }),
        { numRuns: 5000 },
      );
      for (let k = -200; k <= 200; k++) {
        const p = 0.05 + k * 1e-7;
        expect(shownSide(formatP(p))).toBe(p < 0.05);
      }
    });
  });
});
