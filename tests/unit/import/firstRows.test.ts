/** firstRowsById against a Map: the same first row for every id, with many repeats and long ids. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstRowsById } from '../../../src/import/keptRows';

function byMap(ids: readonly string[]): number[] {
  const seen = new Map<string, number>();
  return ids.map((id, i) => {
    const first = seen.get(id);
    if (first !== undefined) return first;
    seen.set(id, i);
    return i;
  });
}

describe('firstRowsById', () => {
  it('gives each row the first row with its id, as a Map would', () => {
    const id = fc.oneof(fc.constantFrom('U1', 'U2', 'u1', '', 'Ö', 'U1 '), fc.string({ maxLength: 12 }));
    fc.assert(
      fc.property(fc.array(id, { maxLength: 300 }), (ids) => {
        expect(Array.from(firstRowsById(ids, ids.length))).toEqual(byMap(ids));
      }),
      { seed: 12, numRuns: 500 },
    );
  });

  it('handles 200 000 ids, a tenth of them repeated', () => {
    const ids = Array.from({ length: 200_000 }, (_, i) => `U${i % 10 === 9 ? i - 9 : i}`);
    const first = firstRowsById(ids, ids.length);
    expect(Array.from(first)).toEqual(byMap(ids));
    expect(first.filter((row, i) => row !== i).length).toBe(20_000);
  });
});
