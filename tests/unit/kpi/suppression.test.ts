import { describe, expect, it } from 'vitest';
import {
  isSmallCount,
  publishableShare,
  suppressCounts,
  suppressTable,
  tableRelations,
  type AdditiveRelation,
  type Count,
  type TableLayout,
} from '../../../src/kpi/suppression';
import { keyedRelations, recoverHidden, type Relation, type Row } from './suppressionChecker';

/**
 * A two-way table with all margins, as rows {r, c, n}; r or c null = total. `cells[i][j]` are the
 * interior counts; the margins are summed here.
 */
function twoWay(cells: number[][]): Row[] {
  const rows: Row[] = [];
  cells.forEach((line, i) => line.forEach((n, j) => rows.push({ r: `r${i + 1}`, c: `c${j + 1}`, n })));
  cells.forEach((line, i) => rows.push({ r: `r${i + 1}`, c: null, n: line.reduce((s, n) => s + n, 0) }));
  cells[0].forEach((_, j) => rows.push({ r: null, c: `c${j + 1}`, n: cells.reduce((s, line) => s + line[j], 0) }));
  rows.push({ r: null, c: null, n: cells.flat().reduce((s, n) => s + n, 0) });
  // The checker groups over every key after the first, so give it a constant first key.
  return rows.map((row) => ({ t: 'T', ...row }));
}
const TWO_WAY: TableLayout<'t' | 'r' | 'c', 'n'> = {
  keys: ['t', 'r', 'c'],
  summedKeys: ['r', 'c'],
  columns: ['n'],
  columnSums: [],
};

/** The checker's view of a two-way table whose n is published or null. */
function attack(rows: readonly Row[], lowerBound: 0 | 1 = 0) {
  const { cells, relations } = keyedRelations('T', rows, ['t', 'r', 'c'], []);
  return recoverHidden(cells, relations, lowerBound);
}
const primaryOnly = (rows: readonly Row[]): Row[] =>
  rows.map((row) => ({ ...row, n: isSmallCount(Number(row.n)) ? null : row.n }));
const ours = (rows: readonly Row[]) =>
  suppressTable(TWO_WAY, rows as { t: string; r: string | null; c: string | null; n: number }[]).map((row) => ({
    ...row,
    n: row.n.value,
  }));
const hiddenIn = (rows: readonly Row[]) => rows.filter((row) => row.n === null).map((row) => `${row.r}/${row.c}`);

describe('isSmallCount', () => {
  it('returns true for 1 to 4 only', () => {
    expect([0, 1, 2, 3, 4, 5, 100].map(isSmallCount)).toEqual([false, true, true, true, true, false, false]);
  });
});

describe('publishableShare', () => {
  it('returns the share when both counts are shown and the denominator is at least 5', () => {
    expect(publishableShare(2, 10)).toBe(0.2);
    expect(publishableShare(0, 5)).toBe(0);
  });
  it('returns null under 5 or when a count is hidden', () => {
    expect(publishableShare(1, 4)).toBeNull();
    expect(publishableShare(0, 0)).toBeNull();
    expect(publishableShare(null, 40)).toBeNull();
    expect(publishableShare(5, null)).toBeNull();
  });
});

describe('suppressCounts', () => {
  it('hides the 1–4 and the smallest other cell of its row', () => {
    const result = suppressCounts([3, 6, 10, 19], [{ total: [3], parts: [0, 1, 2] }]);
    expect(result).toEqual([
      { value: null, rule: 'primary' },
      { value: null, rule: 'secondary' },
      { value: 10, rule: null },
      { value: 19, rule: null },
    ]);
  });
  it('hides nothing when there is no count of 1–4', () => {
    const counts = [0, 5, 12, 17];
    expect(suppressCounts(counts, [{ total: [3], parts: [0, 1, 2] }]).map((c) => c.value)).toEqual(counts);
  });
  it('never hides a 0, even as the smallest other cell', () => {
    const result = suppressCounts([2, 0, 9, 11], [{ total: [3], parts: [0, 1, 2] }]);
    expect(result.map((c) => c.value)).toEqual([null, 0, null, 11]);
  });
  it('hides a third cell where two hidden 1s would be pinned by being at least 1 each', () => {
    // 1 + 1 + 10 = 12: hiding just the two 1s leaves x + y = 2 with x, y ≥ 1.
    const result = suppressCounts([1, 1, 10, 12], [{ total: [3], parts: [0, 1, 2] }]);
    expect(result.map((c) => c.value)).toEqual([null, null, null, 12]);
  });
  it('takes the complement with the least weight to keep, then the smallest', () => {
    const relation = [{ total: [3], parts: [0, 1, 2] }];
    expect(suppressCounts([3, 6, 10, 19], relation, [0, 2, 1, 1]).map((c) => c.value)).toEqual([null, 6, null, 19]);
  });
  it('hides a total that matters much more only as a last resort: a cell one step further out instead', () => {
    // 103 = 100 + 3 and 100 = 50 + 50. Hiding the 100 beside the 3 is not enough (50 + 50 gives it);
    // rather than the 103 (weight 10), a 50 one step out, behind the 100, is hidden.
    const relations = [
      { total: [0], parts: [1, 2] },
      { total: [1], parts: [3, 4] },
    ];
    const result = suppressCounts([103, 100, 3, 50, 50], relations, [10, 4, 4, 1, 1]);
    expect(result.map((c) => c.value)).toEqual([103, null, null, null, 50]);
    expect(result.map((c) => c.rule)).toEqual([null, 'secondary', 'primary', 'secondary', null]);
  });
  it('leaves a count without relations as it is, unless it is 1–4', () => {
    expect(suppressCounts([4, 7], []).map((c) => c.value)).toEqual([null, 7]);
  });
  it('throws on a relation that does not hold, or a count that is not a whole number ≥ 0', () => {
    expect(() => suppressCounts([1, 2, 4], [{ total: [2], parts: [0, 1] }])).toThrow(/Summan stämmer inte/);
    expect(() => suppressCounts([-1], [])).toThrow(/heltal/);
    expect(() => suppressCounts([1.5], [])).toThrow(/heltal/);
  });
});

describe('tableRelations', () => {
  const layout: TableLayout<'month' | 'unit', 'n'> = {
    keys: ['month', 'unit'],
    summedKeys: ['unit'],
    columns: ['n'],
    columnSums: [],
    rollUp: { month: (m) => (m.includes('Q') ? undefined : `${m.slice(0, 4)}Q1`) },
  };
  it('returns margin rows as sums of their cells, and months into quarters', () => {
    const rows = [
      { month: '2025-01', unit: 'A', n: 0 },
      { month: '2025-01', unit: null, n: 1 },
      { month: '2025-02', unit: 'A', n: 2 },
      { month: '2025-02', unit: null, n: 3 },
      { month: '2025Q1', unit: 'A', n: 4 },
      { month: '2025Q1', unit: null, n: 5 },
    ];
    const sorted = (relations: AdditiveRelation[]) => relations.map((r) => JSON.stringify(r)).sort();
    expect(sorted(tableRelations(layout, rows))).toEqual(
      sorted([
        { total: [1], parts: [0] },
        { total: [3], parts: [2] },
        { total: [5], parts: [4] },
        { total: [4], parts: [0, 2] },
        { total: [5], parts: [1, 3] },
      ]),
    );
  });
  it('throws when a margin row is missing', () => {
    expect(() => tableRelations(layout, [{ month: '2025Q1', unit: 'A', n: 0 }])).toThrow(/Marginalrad saknas/);
  });
});

describe('suppressTable', () => {
  it('returns every row with each count published or hidden, and why', () => {
    const result = suppressTable({ keys: ['unit'], summedKeys: ['unit'], columns: ['n'], columnSums: [] }, [
      { unit: 'A', n: 3 },
      { unit: 'B', n: 7 },
      { unit: 'C', n: 20 },
      { unit: null, n: 30 },
    ]);
    expect(result).toEqual([
      { unit: 'A', n: { value: null, rule: 'primary' } },
      { unit: 'B', n: { value: null, rule: 'secondary' } },
      { unit: 'C', n: { value: 20, rule: null } },
      { unit: null, n: { value: 30, rule: null } },
    ]);
  });
});

describe('the checker, on tables where hiding only the 1–4 is not enough', () => {
  it('recovers a lone hidden cell from its row total, and finds nothing after our suppression', () => {
    const table = twoWay([
      [3, 10, 12],
      [8, 7, 20],
    ]);
    expect(attack(primaryOnly(table))).toEqual([{ id: 'T|T|r1|c1|n', value: 3, by: 'equations' }]);
    const published = ours(table);
    expect(hiddenIn(published)).toContain('r1/c1');
    expect(attack(published)).toEqual([]);
    expect(attack(published, 1)).toEqual([]);
  });

  it('recovers a cell that joins two hidden cycles although no row or column has a lone hidden cell', () => {
    // Hidden 1–4 cells: a cycle on r1,r2 × c1,c2, another on r3,r4 × c3,c4, and r2/c3 joining them.
    const table = twoWay([
      [1, 2, 9, 8],
      [3, 4, 2, 7],
      [6, 9, 1, 2],
      [8, 5, 3, 4],
    ]);
    const naive = primaryOnly(table);
    const hiddenPerLine = (key: string) => {
      const counts = new Map<string, number>();
      for (const row of naive)
        if (row.n === null) counts.set(String(row[key]), (counts.get(String(row[key])) ?? 0) + 1);
      return [...counts.values()];
    };
    expect(hiddenPerLine('r').every((n) => n >= 2) && hiddenPerLine('c').every((n) => n >= 2)).toBe(true);
    expect(attack(naive)).toEqual([{ id: 'T|T|r2|c3|n', value: 2, by: 'equations' }]);
    expect(attack(ours(table))).toEqual([]);
  });

  it('recovers two hidden 1s by bounds only once a hidden count is known to be at least 1', () => {
    const table = twoWay([
      [1, 1, 10],
      [1, 1, 20],
    ]);
    const naive = primaryOnly(table); // hides the four 1s and the column totals 2 and 2
    expect(attack(naive, 0)).toEqual([]);
    expect(attack(naive, 1).map((r) => [r.id, r.value, r.by])).toEqual([
      ['T|T|r1|c1|n', 1, 'bounds'],
      ['T|T|r1|c2|n', 1, 'bounds'],
      ['T|T|r2|c1|n', 1, 'bounds'],
      ['T|T|r2|c2|n', 1, 'bounds'],
      ['T|T|null|c1|n', 2, 'bounds'],
      ['T|T|null|c2|n', 2, 'bounds'],
    ]);
    expect(attack(ours(table), 1)).toEqual([]);
  });

  it('recovers by bounds what the equations cannot, where a publisher hides zeros', () => {
    // [[3, 0], [5, 0]] with every cell hidden: column 2 sums to a published 0, so both of its
    // cells are 0, and then the rows give 3 and 5; no equation alone fixes any cell.
    const rows = twoWay([
      [3, 0],
      [5, 0],
    ]).map((row) => (row.r !== null && row.c !== null ? { ...row, n: null } : row));
    const relations: Relation[] = keyedRelations('T', rows, ['t', 'r', 'c'], []).relations;
    const cells = new Map<string, Count>(rows.map((row) => [`T|T|${row.r}|${row.c}|n`, row.n as Count]));
    const found = recoverHidden(cells, relations, 0);
    expect(found.filter((r) => r.by === 'equations')).toEqual([]);
    expect(found.map((r) => [r.id, r.value])).toEqual([
      ['T|T|r1|c1|n', 3],
      ['T|T|r1|c2|n', 0],
      ['T|T|r2|c1|n', 5],
      ['T|T|r2|c2|n', 0],
    ]);
  });
});
