/** rowsById: the rows of every id, in row order, as a plain search would list them. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rowsById } from '../../../src/kpi';

describe('rowsById', () => {
  it('lists every row of an id in row order, and nothing for an id it has not seen', () => {
    const id = fc.oneof(fc.constantFrom('U1', 'U2', 'u1', '', 'Ö', 'U1 '), fc.string({ maxLength: 12 }));
    fc.assert(
      fc.property(fc.array(id, { maxLength: 200 }), id, (ids, other) => {
        const { index, next } = rowsById(ids, ids.length);
        for (const probe of [...new Set([...ids, other])]) {
          const rows: number[] = [];
          for (let row = index.find(probe); row >= 0; row = next[row]) rows.push(row);
          expect(rows).toEqual(ids.flatMap((x, row) => (x === probe ? [row] : [])));
        }
      }),
      { seed: 5, numRuns: 400 },
    );
  });
});
