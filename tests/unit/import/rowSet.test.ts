/** RowSet: every earlier row is found again by its fields, across the table's growth; other rows are not. */
import { describe, expect, it } from 'vitest';
import { RowSet } from '../../../src/import/rowSet';

describe('RowSet', () => {
  it('finds the first line of each of 100 000 rows added again, and no row it has not seen', () => {
    const set = new RowSet();
    const row = (i: number) => [`U${i}`, '2025-01-10', i % 3 ? 'Norr' : ' Norr '];
    for (let i = 0; i < 100_000; i++) expect(set.addOrFind(row(i), 3, i + 2)).toBe(-1);
    const found: number[] = [];
    for (let i = 0; i < 100_000; i += 7) found.push(set.addOrFind(row(i), 3, 500_000 + i));
    expect(found).toEqual(Array.from({ length: found.length }, (_, k) => 7 * k + 2));
    // Fields are compared trimmed, and only the first `count` of them.
    expect(set.addOrFind(['U3', '2025-01-10', 'Norr', 'extra'], 3, 999_999)).toBe(5);
    expect(set.addOrFind(['U3', '2025-01-11', 'Norr'], 3, 999_998)).toBe(-1);
  });
});
