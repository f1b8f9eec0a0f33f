/** RowSet: every earlier row is found again by its fields, across the table's growth; other rows are not. */
import { describe, expect, it } from 'vitest';
import { RowSet } from '../../../src/import/rowSet';

describe('RowSet', () => {
  it.each([
    ['growing as rows come', 0],
    ['room reserved ahead', 150_000],
    ['too little room reserved', 20_000],
  ])('finds the first line of each of 100 000 rows added again, and no row it has not seen (%s)', (_, reserve) => {
    const set = new RowSet();
    set.reserve(reserve);
    const row = (i: number) => [`U${i}`, '2025-01-10', i % 3 ? 'Norr' : ' Norr '];
    for (let i = 0; i < 100_000; i++) expect(set.addOrFind(row(i), 3, i + 2)).toBe(-1);
    const found: number[] = [];
    for (let i = 0; i < 100_000; i += 7) found.push(set.addOrFind(row(i), 3, 500_000 + i));
    expect(found).toEqual(Array.from({ length: found.length }, (_, k) => 7 * k + 2));
    // Fields are compared trimmed, and only the first `count` of them.
    expect(set.addOrFind(['U3', '2025-01-10', 'Norr', 'extra'], 3, 999_999)).toBe(5);
    expect(set.addOrFind(['U3', '2025-01-11', 'Norr'], 3, 999_998)).toBe(-1);
  });

  it('finds a row given as spans of a line as the same row given as fields', () => {
    const set = new RowSet();
    expect(set.addOrFind(['U1', '2025-01-10', 'Norr'], 3, 2)).toBe(-1);
    const line = 'x;U1 ; 2025-01-10;Norr;y';
    expect(set.addOrFindSpans(line, Int32Array.of(2, 6, 18), Int32Array.of(5, 17, 22), 3, 3)).toBe(2);
    expect(set.addOrFindSpans(line, Int32Array.of(2, 6, 18), Int32Array.of(5, 17, 24), 3, 4)).toBe(-1);
  });

  it('tells apart rows that differ only where a field ends, in one char of a pair, or in a missing field', () => {
    const set = new RowSet();
    // The fingerprint reads two chars per step: each of these differs from all others.
    const rows = [
      ['ab', 'c'],
      ['a', 'bc'],
      ['abc', ''],
      ['', 'abc'],
      ['abc'], // a missing field reads as empty: the same row as ['abc', '']
      ['ab', 'd'],
      ['ba', 'c'],
      ['ab', 'c\u00a0'],
      ['Öb', 'c'],
      ['ab', 'ć'],
      ['U12345678', 'x'],
      ['U12345679', 'x'],
      ['U1234567', '8x'],
    ];
    expect(rows.map((row, i) => set.addOrFind(row, 2, i + 2))).toEqual([
      -1, -1, -1, -1, 4, -1, -1, -1, -1, -1, -1, -1, -1,
    ]);
    // Each is found again, blanks around fields ignored.
    expect(
      rows.map((row, i) =>
        set.addOrFind(
          row.map((field) => ` ${field}\t`),
          2,
          100 + i,
        ),
      ),
    ).toEqual([2, 3, 4, 5, 4, 7, 8, 9, 10, 11, 12, 13, 14]);
  });
});
