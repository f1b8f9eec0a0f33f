import { describe, expect, it } from 'vitest';
import { delimiterName } from '../../../src/format/importRecords';

describe('delimiterName', () => {
  it('returns the Swedish name of each delimiter an export uses', () => {
    expect(delimiterName(';')).toBe('semikolon');
    expect(delimiterName(',')).toBe('komma');
    expect(delimiterName('\t')).toBe('tabb');
  });

  describe('edge cases', () => {
    it('returns a dash for a workbook (no delimiter) and any other delimiter as it is', () => {
      expect(delimiterName('')).toBe('–');
      expect(delimiterName('|')).toBe('|');
    });
  });
});
