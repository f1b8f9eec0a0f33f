import { describe, expect, it } from 'vitest';
import { formatDateTime, periodSpan } from '../../../src/format/date';

describe('periodSpan', () => {
  it('returns the first and last month of the period, in Swedish', () => {
    expect(periodSpan(1, 6)).toBe('januari–juni');
    expect(periodSpan(7, 12)).toBe('juli–december');
  });

  describe('edge cases', () => {
    it('returns one month name for a period of one month', () => {
      expect(periodSpan(3, 3)).toBe('mars');
    });
  });
});

describe('formatDateTime', () => {
  it('returns the local date and the time of day in hours and minutes', () => {
    expect(formatDateTime(new Date(2026, 11, 2, 3, 14))).toBe('2026-12-02 kl. 03:14');
    expect(formatDateTime(new Date(2025, 0, 5, 23, 5, 59))).toBe('2025-01-05 kl. 23:05');
  });
});
