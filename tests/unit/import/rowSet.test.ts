/**
 * RowSet: every earlier row is found again by its fields, across the table's growth; rows that
 * share a key but differ elsewhere are not copies; the rows whose key repeats are listed.
 */
import { describe, expect, it } from 'vitest';
import { RowSet } from '../../../src/import/rowSet';

/** A RowSet keyed by the first field, trimmed, as the validator keys it by the id column. */
function rowSet(reserve = 0) {
  const keys: string[] = [];
  const set = new RowSet(keys);
  set.reserve(reserve);
  return {
    set,
    /** The line of the copy, or -1 (then the row is added). */
    add(cells: string[], count: number, line: number): number {
      const key = cells[0].trim();
      const found = set.findCopyOfFields(key, cells, count);
      if (found < 0) {
        keys.push(key);
        set.add(line);
      }
      return found;
    },
  };
}

describe('RowSet', () => {
  it.each([
    ['growing as rows come', 0],
    ['room reserved ahead', 150_000],
    ['too little room reserved', 20_000],
  ])('finds the first line of each of 100 000 rows added again, and no row it has not seen (%s)', (_, reserve) => {
    const { set, add } = rowSet(reserve);
    const row = (i: number) => [`U${i}`, '2025-01-10', i % 3 ? 'Norr' : ' Norr '];
    for (let i = 0; i < 100_000; i++) expect(add(row(i), 3, i + 2)).toBe(-1);
    const found: number[] = [];
    for (let i = 0; i < 100_000; i += 7) found.push(add(row(i), 3, 500_000 + i));
    expect(found).toEqual(Array.from({ length: found.length }, (_, k) => 7 * k + 2));
    // Fields are compared trimmed, and only the first `count` of them.
    expect(add(['U3', '2025-01-10', 'Norr', 'extra'], 3, 999_999)).toBe(5);
    expect(add(['U3', '2025-01-11', 'Norr'], 3, 999_998)).toBe(-1);
    // The one row whose key came again without being a copy, with the first row of its key.
    expect([...set.repeats()]).toEqual([100_000, 3]);
  });

  it('tells apart rows of one key that differ only where a field ends, in one char of a pair, or in a missing field', () => {
    const { set, add } = rowSet();
    // The fingerprint reads two chars per step: each of these differs from all others.
    const rows = [
      ['K', 'ab', 'c'],
      ['K', 'a', 'bc'],
      ['K', 'abc', ''],
      ['K', '', 'abc'],
      ['K', 'abc'], // a missing field reads as empty: the same row as ['K', 'abc', '']
      ['K', 'ab', 'd'],
      ['K', 'ba', 'c'],
      ['K', 'ab', 'c\u00a0'],
      ['K', 'Öb', 'c'],
      ['K', 'ab', 'ć'],
      ['K', 'U12345678', 'x'],
      ['K', 'U12345679', 'x'],
      ['K', 'U1234567', '8x'],
    ];
    expect(rows.map((row, i) => add(row, 3, i + 2))).toEqual([-1, -1, -1, -1, 4, -1, -1, -1, -1, -1, -1, -1, -1]);
    // Each is found again, blanks around fields ignored.
    expect(
      rows.map((row, i) =>
        add(
          row.map((field) => ` ${field}\t`),
          3,
          100 + i,
        ),
      ),
    ).toEqual([2, 3, 4, 5, 4, 7, 8, 9, 10, 11, 12, 13, 14]);
    // Rows 1 … 11 share the key of row 0 (the copy on line 6 was not added).
    expect([...set.repeats()]).toEqual([1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7, 0, 8, 0, 9, 0, 10, 0, 11, 0]);
  });

  it('finds a row given as spans of a line as the same row given as fields, only under its own key', () => {
    const { set, add } = rowSet();
    expect(add(['U1', '2025-01-10', 'Norr'], 3, 2)).toBe(-1);
    const line = 'x;U1 ; 2025-01-10;Norr;y';
    expect(set.findCopy('U1', line, Int32Array.of(2, 6, 18), Int32Array.of(5, 17, 22), 3)).toBe(2);
    expect(set.findCopy('U1', line, Int32Array.of(2, 6, 18), Int32Array.of(5, 17, 24), 3)).toBe(-1);
    // The same fields under another key (an id mistyped in the key column only) are no copy.
    expect(set.findCopy('U2', line, Int32Array.of(2, 6, 18), Int32Array.of(5, 17, 22), 3)).toBe(-1);
  });
});
