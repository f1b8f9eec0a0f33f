import { describe, expect, it } from 'vitest';
import { sparklineGeometry } from '../../../src/components/charts/Sparkline';

const final = (share: number | null) => ({ share, preliminary: false });
const prel = (share: number | null) => ({ share, preliminary: true });

// 5 points over 100 px inside a 6 px margin: x = 6, 31, 56, 81, 106; y runs from 50 (0 %) to 6 (the largest share).
describe('sparklineGeometry', () => {
  it('returns one solid line through final months, the largest share at the top and 0 at the bottom', () => {
    const g = sparklineGeometry([final(0), final(0.1), final(0.2), final(0.4), final(0.2)], 112, 56, 6);
    expect(g).toEqual({ final: 'M6,50L31,39L56,28L81,6L106,28', preliminary: '', dots: [] });
  });

  it('returns a dashed line into and through preliminary months, with a hollow point on each', () => {
    const g = sparklineGeometry([final(0.1), final(0.2), final(0.4), prel(0.2), prel(0.1)], 112, 56, 6);
    expect(g.final).toBe('M6,39L31,28L56,6');
    expect(g.preliminary).toBe('M56,6L81,28L106,39');
    expect(g.dots).toEqual([
      { x: 81, y: 28 },
      { x: 106, y: 39 },
    ]);
  });

  describe('edge cases', () => {
    it('leaves a gap for a month without a share instead of falling to 0', () => {
      const g = sparklineGeometry([final(0.2), final(0.4), final(null), final(0.4), final(0.2)], 112, 56, 6);
      expect(g.final).toBe('M6,28L31,6M81,6L106,28');
      expect(g.final).not.toContain(',50');
    });

    it('draws nothing for a month alone between gaps, and no point for a preliminary month without a share', () => {
      const g = sparklineGeometry([final(null), final(0.4), final(null), prel(null), prel(0.4)], 112, 56, 6);
      expect(g).toEqual({ final: '', preliminary: '', dots: [{ x: 106, y: 6 }] });
    });

    it('keeps every share 0 on the bottom line, without dividing by zero', () => {
      const g = sparklineGeometry([final(0), final(0), prel(0)], 112, 56, 6);
      expect(g).toEqual({ final: 'M6,50L56,50', preliminary: 'M56,50L106,50', dots: [{ x: 106, y: 50 }] });
    });

    it('centres a single month', () => {
      expect(sparklineGeometry([prel(0.3)], 112, 56, 6)).toEqual({
        final: '',
        preliminary: '',
        dots: [{ x: 56, y: 6 }],
      });
    });
  });
});
