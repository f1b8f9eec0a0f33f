/**
 * Small-number protection of published counts (issue 13). Every count of 1–4 is hidden (primary
 * suppression); then more counts are hidden (secondary suppression) until no hidden 1–4 can be
 * worked out from the published counts and the additive relations between them; last, a
 * secondary count that can be worked out anyway is shown, so that no hidden count can be.
 *
 * Who we protect against: a reader who knows every published count, every relation (a margin is
 * the sum of its cells), that counts are non-negative integers and that a hidden count is never 0
 * (zeros are shown, and this module never hides a 0). Two checks, each fed what the other finds,
 * decide what the reader can work out: the relations as exact linear equations (Gaussian
 * elimination over integers), and interval bounds (each hidden count ≥ 1) pushed through the
 * relations. Because every hidden count is ≥ 1, non-negativity alone never pins a count the
 * equations leave open; the bounds catch what "≥ 1" adds (1 + 1 = 2 with both hidden).
 * Bound propagation is not a full linear programme, and integer-only solutions are not searched.
 */
/** A published count: a number, or null where it is hidden. */
export type Count = number | null;

/** Why a count is hidden: it is 1–4 itself (primary), or it would reveal one that is (secondary). */
export type SuppressionRule = 'primary' | 'secondary';

export interface SuppressedCount {
  /** null when hidden. */
  value: Count;
  rule: SuppressionRule | null;
}

/**
 * An additive fact among counts, by index: the counts in `total` sum to the same as those in
 * `parts`. Usually `total` is one margin and `parts` its cells; a complement is taken from the parts first.
 */
export interface AdditiveRelation {
  total: readonly number[];
  parts: readonly number[];
}

/** @example isSmallCount(4) // true; isSmallCount(0) // false; isSmallCount(5) // false */
export function isSmallCount(count: number): boolean {
  return count >= 1 && count <= 4;
}

/**
 * A share that may be shown: null when either count is hidden or the denominator is under 5.
 * @example publishableShare(2, 10) // 0.2; publishableShare(1, 4) // null; publishableShare(null, 40) // null
 */
export function publishableShare(numerator: Count, denominator: Count): number | null {
  if (numerator === null || denominator === null || denominator < 5) return null;
  return numerator / denominator;
}

/**
 * Hides every count of 1–4 and as many more as it takes for no hidden count to follow from the
 * others. A relation with exactly one hidden member gets a complement from its other members;
 * a hidden count that the equations or the bounds still pin down gets one from the relation that
 * pinned it, or from its own relations, or from the nearest relation that has one; repeat until
 * no 1–4 can be worked out. Then a secondary count that follows from the rest anyway is shown
 * again (it protects nothing). A complement is never a 0 and is chosen by `keep` (how much a
 * count matters to the reader, default 0: least first), then a part before the total, then the
 * smallest count; one that matters clearly more than the count it protects (a total over
 * everything, say) is a last resort, taken only when the search outwards finds nothing cheaper.
 * Throws when a count is not a non-negative integer or a relation does not hold (a caller's bug).
 * @example
 * // A row 3 + 6 + 10 = 19: the 3 is primary; the 6, the smallest other cell, is secondary.
 * suppressCounts([3, 6, 10, 19], [{ total: [3], parts: [0, 1, 2] }]).map((c) => c.value) // [null, null, 10, 19]
 */
export function suppressCounts(
  counts: readonly number[],
  relations: readonly AdditiveRelation[],
  keep: readonly number[] = [],
): SuppressedCount[] {
  checkInput(counts, relations);
  const rules: (SuppressionRule | null)[] = counts.map((count) => (isSmallCount(count) ? 'primary' : null));
  const relationsOf: number[][] = counts.map(() => []);
  relations.forEach((relation, r) => membersOf(relation).forEach((member) => relationsOf[member].push(r)));
  const net: Network = { counts, relations, relationsOf, rules, keep };
  const solved = new Map<string, number[]>();
  for (;;) {
    protectLoneHiddenCounts(net);
    // What a reader can work out, the two ways together: each finding feeds the other until neither finds more.
    const pinned = new Map<number, number>();
    const known = new Set<number>();
    for (let found = 1; found > 0;) {
      const before = known.size;
      for (const [item, r] of pinnedByBounds(net, known)) if (!known.has(item)) pinned.set(item, r);
      for (const item of [...pinned.keys(), ...determinedByEquations(net, solved, known)]) known.add(item);
      found = known.size - before;
    }
    const exposed = [...known].filter((i) => rules[i] === 'primary');
    if (exposed.length === 0) {
      // A secondary count that follows from the rest protects nothing: show it. That tells no one
      // anything new, so nothing else changes.
      for (const i of known) rules[i] = null;
      break;
    }
    // Pins are fixed where they arise (a count pinned only through another pinned one waits for
    // that one's fix); one complement per neighbourhood and round, since one often shields several.
    const touched = new Set<number>();
    for (const item of exposed) {
      if (relationsOf[item].some((r) => touched.has(r))) continue;
      const pinnedIn = pinned.get(item);
      const inPin = pinnedIn === undefined ? -1 : cheapestIn(pinnedIn, net);
      const complement = inPin >= 0 && !lastResort(inPin, item, net) ? inPin : complementFor(item, net, known, inPin);
      if (complement < 0) continue; // cannot happen: see complementFor
      rules[complement] = 'secondary';
      relationsOf[complement].forEach((r) => touched.add(r));
    }
    if (touched.size === 0) break; // cannot happen either
  }
  return counts.map((value, i) => (rules[i] === null ? { value, rule: null } : { value: null, rule: rules[i] }));
}

interface Network {
  counts: readonly number[];
  relations: readonly AdditiveRelation[];
  relationsOf: readonly (readonly number[])[];
  rules: (SuppressionRule | null)[];
  keep: readonly number[];
}

function membersOf(relation: AdditiveRelation): number[] {
  return [...relation.total, ...relation.parts];
}

function checkInput(counts: readonly number[], relations: readonly AdditiveRelation[]): void {
  counts.forEach((count, i) => {
    if (!Number.isInteger(count) || count < 0) throw new Error(`Antal nr ${i} är inte ett heltal ≥ 0: ${count}`);
  });
  for (const { total, parts } of relations) {
    const sum = (items: readonly number[]) => items.reduce((s, i) => s + counts[i], 0);
    if (sum(total) !== sum(parts))
      throw new Error(`Summan stämmer inte: [${total}] = ${sum(total)}, delar ${sum(parts)}`);
  }
}

/** The statistics agencies' rule, as a fast path: no row, column or margin group with a 1–4 as its only hidden count. */
function protectLoneHiddenCounts(net: Network): void {
  const { relations, relationsOf, rules } = net;
  const queue = relations.map((_, r) => r);
  while (queue.length > 0) {
    const r = queue.pop() as number;
    const hidden = membersOf(relations[r]).filter((m) => rules[m] !== null);
    if (hidden.length !== 1 || rules[hidden[0]] !== 'primary') continue;
    const best = cheapestIn(r, net);
    if (best < 0) continue;
    rules[best] = 'secondary';
    queue.push(...relationsOf[best]);
  }
}

/** The published non-zero count to hide in a relation: least `keep`, a part before the total, smallest. */
function cheapestIn(r: number, { counts, relations, rules, keep }: Network): number {
  const { total, parts } = relations[r];
  const order = (m: number, isTotal: number) => [keep[m] ?? 0, isTotal, counts[m], m];
  let best: number[] | null = null;
  for (const [members, isTotal] of [
    [parts, 0],
    [total, 1],
  ] as const) {
    for (const m of members) {
      if (rules[m] !== null || counts[m] === 0) continue;
      const candidate = order(m, isTotal);
      if (!best || compareKeys(candidate, best) < 0) best = candidate;
    }
  }
  return best ? best[3] : -1;
}

function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

/**
 * Whether hiding `m` to protect `item` is a last resort: `m` matters clearly more to the reader
 * (`keep` more than 1 above `item`'s), e.g. a total over everything protecting one cell. Such a
 * complement is taken only when no cheaper one is found a few steps further out.
 */
function lastResort(m: number, item: number, { keep }: Network): boolean {
  return (keep[m] ?? 0) > (keep[item] ?? 0) + 1;
}
/** How many steps further out to look for a complement that is not a last resort. */
const FURTHER_STEPS = 3;

/**
 * A complement for an exposed count. A reader works it out through published counts and hidden
 * counts that can be worked out too (`known`), so the search goes outwards through those: the
 * cheapest in the count's own relations, then in the relations of the known hidden counts reached
 * through them, and so on, going on while the best found is a last resort. If that finds nothing
 * better, the same through every hidden count. When all that is found is a last resort, the nearest
 * is taken: `fallback` (the cheapest in the relation that pinned the count, which surely unpins
 * it), else the first search's. One exists while the count is exposed: if every count reachable
 * were hidden or zero, the equations there would be homogeneous and any multiple ≥ 1 of the true
 * values would fit them too.
 */
function complementFor(item: number, net: Network, known: ReadonlySet<number>, fallback = -1): number {
  let best = fallback;
  for (const through of [(m: number) => known.has(m), () => true]) {
    const found = searchOutwards(item, net, through);
    if (found >= 0 && !lastResort(found, item, net)) return found;
    if (best < 0) best = found;
  }
  return best;
}

/** Breadth first from `item` through the hidden counts `through` accepts (see complementFor). */
function searchOutwards(item: number, net: Network, through: (m: number) => boolean): number {
  const { counts, relations, relationsOf, rules, keep } = net;
  const order = (m: number) => [keep[m] ?? 0, counts[m], m];
  const seenRelations = new Set<number>();
  const seenItems = new Set([item]);
  let frontier = [item];
  let best = -1;
  let further = 0;
  while (frontier.length > 0) {
    const next: number[] = [];
    for (const hidden of frontier) {
      for (const r of relationsOf[hidden]) {
        if (seenRelations.has(r)) continue;
        seenRelations.add(r);
        const candidate = cheapestIn(r, net);
        if (candidate >= 0 && (best < 0 || compareKeys(order(candidate), order(best)) < 0)) best = candidate;
        for (const m of membersOf(relations[r])) {
          if (rules[m] !== null && !seenItems.has(m) && through(m)) next.push(m);
          seenItems.add(m);
        }
      }
    }
    if (best >= 0 && (!lastResort(best, item, net) || further++ >= FURTHER_STEPS)) return best;
    frontier = next;
  }
  return best;
}

/**
 * Hidden counts whose value the relations fix: with the hidden counts as unknowns, unknown x is
 * fixed when the unit vector of x lies in the row space, i.e. its row in the reduced row echelon
 * form holds x alone. `known` hidden counts (already worked out) count as published. Exact integer
 * arithmetic (BigInt), one connected group of unknowns at a time.
 */
function determinedByEquations(
  { relations, rules }: Network,
  solved: Map<string, number[]>,
  known: ReadonlySet<number>,
): number[] {
  const equations: Map<number, bigint>[] = [];
  for (const { total, parts } of relations) {
    const equation = new Map<number, bigint>();
    const add = (items: readonly number[], sign: bigint) => {
      for (const i of items) if (rules[i] !== null && !known.has(i)) equation.set(i, (equation.get(i) ?? 0n) + sign);
    };
    add(total, 1n);
    add(parts, -1n);
    for (const [i, coefficient] of equation) if (coefficient === 0n) equation.delete(i);
    if (equation.size > 0) equations.push(equation);
  }
  const groups = new Map<number, Map<number, bigint>[]>();
  const root = connectedGroups(equations);
  for (const equation of equations) {
    const key = root(equation.keys().next().value as number);
    const group = groups.get(key);
    if (group) group.push(equation);
    else groups.set(key, [equation]);
  }
  const determined: number[] = [];
  for (const group of groups.values()) {
    // A group with the same unknowns as in an earlier round has the same equations: reuse its answer.
    const key = [...new Set(group.flatMap((equation) => [...equation.keys()]))].sort((a, b) => a - b).join();
    let answer = solved.get(key);
    if (!answer) {
      answer = [...reducedRows(group)].filter(([, row]) => row.size === 1).map(([column]) => column);
      solved.set(key, answer);
    }
    determined.push(...answer);
  }
  return determined;
}

/** Union–find over the unknowns of the equations; returns the root of an unknown's group. */
function connectedGroups(equations: readonly Map<number, bigint>[]): (item: number) => number {
  const parent = new Map<number, number>();
  const find = (i: number): number => {
    let p = parent.get(i) ?? i;
    while (p !== (parent.get(p) ?? p)) p = parent.get(p) ?? p;
    parent.set(i, p);
    return p;
  };
  for (const equation of equations) {
    const [first, ...rest] = equation.keys();
    for (const other of rest) {
      const a = find(first);
      const b = find(other);
      if (a !== b) parent.set(b, a);
    }
  }
  return find;
}

/** Reduced row echelon form, built one equation at a time: pivot column → its row. */
function reducedRows(equations: readonly Map<number, bigint>[]): Map<number, Map<number, bigint>> {
  const pivots = new Map<number, Map<number, bigint>>();
  for (const equation of equations) {
    let row = new Map(equation);
    // Pivot rows hold no other pivot column, so one pass clears every pivot column from the row.
    for (const column of [...row.keys()]) {
      const pivotRow = pivots.get(column);
      if (pivotRow && row.has(column)) row = eliminate(row, pivotRow, column);
    }
    if (row.size === 0) continue;
    const column = row.keys().next().value as number;
    for (const [other, pivotRow] of pivots) {
      if (pivotRow.has(column)) pivots.set(other, eliminate(pivotRow, row, column));
    }
    pivots.set(column, row);
  }
  return pivots;
}

/** row·p − pivotRow·a, where a and p are the two rows' coefficients at `column`; divided by the gcd. */
function eliminate(row: Map<number, bigint>, pivotRow: Map<number, bigint>, column: number): Map<number, bigint> {
  const a = row.get(column) as bigint;
  const p = pivotRow.get(column) as bigint;
  const result = new Map<number, bigint>();
  for (const [c, v] of row) result.set(c, v * p);
  for (const [c, v] of pivotRow) result.set(c, (result.get(c) ?? 0n) - v * a);
  let divisor = 0n;
  for (const [c, v] of result) {
    if (v === 0n) result.delete(c);
    else divisor = gcd(divisor, v < 0n ? -v : v);
  }
  if (divisor > 1n) for (const [c, v] of result) result.set(c, v / divisor);
  return result;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/**
 * Hidden counts that interval bounds pin to one value, each with the relation that pinned it:
 * published counts (and `known` ones, already worked out) are exact, hidden ones lie in [1, ∞);
 * each relation narrows each member to (other side) − (rest of its own side), repeated until
 * nothing changes. E.g. 1 + 1 + 10 = 12 with both 1s hidden: each is in [1, 1].
 */
function pinnedByBounds(
  { counts, relations, relationsOf, rules }: Network,
  known: ReadonlySet<number>,
): Map<number, number> {
  const hidden = (i: number) => rules[i] !== null && !known.has(i);
  const low = counts.map((count, i) => (hidden(i) ? 1 : count));
  const pinnedBy = new Map<number, number>();
  const high = counts.map((count, i) => (hidden(i) ? Infinity : count));
  const queued = new Set(relations.keys());
  const queue = [...queued];
  // Bounds only ever narrow, so stopping early is safe, merely weaker; the cap keeps slow cycles short.
  for (let head = 0; head < queue.length && head < 100 * relations.length + 1000; head++) {
    const r = queue[head];
    queued.delete(r);
    const { total, parts } = relations[r];
    for (const [side, other] of [
      [total, parts],
      [parts, total],
    ]) {
      const otherLow = sum(other.map((i) => low[i]));
      const otherHigh = sum(other.map((i) => high[i]));
      const sideLow = sum(side.map((i) => low[i]));
      const sideHigh = bounded(side.map((i) => high[i]));
      for (const m of side) {
        if (hidden(m)) {
          // m = other side − rest of its own side.
          const newLow = Math.max(low[m], otherLow - sideHigh.without(high[m]));
          const newHigh = Math.min(high[m], otherHigh - (sideLow - low[m]));
          if (newLow === low[m] && newHigh === high[m]) continue;
          low[m] = newLow;
          high[m] = newHigh;
          if (newLow === newHigh) pinnedBy.set(m, r);
          for (const q of relationsOf[m]) {
            if (!queued.has(q)) queue.push(q);
            queued.add(q);
          }
        }
      }
    }
  }
  return pinnedBy;
}

function sum(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0);
}

/** A sum of upper bounds, some Infinity, that can leave one term out. */
function bounded(values: readonly number[]): { without: (value: number) => number } {
  const infinite = values.filter((v) => v === Infinity).length;
  const finite = sum(values.filter((v) => v !== Infinity));
  return {
    without: (value) =>
      value === Infinity ? (infinite > 1 ? Infinity : finite) : infinite > 0 ? Infinity : finite - value,
  };
}

// ---------------------------------------------------------------------------------------------
// Keyed tables: rows with key fields and count columns, margins as rows with a null key.

/** A row of a count table: key fields (a dimension's value; null = all its values) and count columns. */
export type KeyedRow<K extends string, C extends string, V> = { [k in K]: string | null } & { [c in C]: V };

/** How a count table is laid out, so its additive relations follow from its rows. */
export interface TableLayout<K extends string, C extends string> {
  keys: readonly K[];
  columns: readonly C[];
  /** Within a row, each total column is the sum of its part columns. */
  columnSums: readonly { total: C; parts: readonly C[] }[];
  /** Keys whose values add up into the row where that key is null (all). */
  summedKeys: readonly K[];
  /**
   * Other roll-ups: the coarser value a key value adds up into, undefined where it adds up into
   * nothing (e.g. months into quarters, quarters into nothing).
   */
  rollUp?: Partial<Record<K, (value: string) => string | null | undefined>>;
}

/**
 * The relations of a table whose columns hold count indices: each row's column sums, and for each
 * key, every row whose key value adds up into another row's value (other keys equal) summing to
 * that row. Every margin row must be there: a row whose coarser row is missing throws.
 * @example
 * // Rows (unit 'A'), (unit 'B'), (unit null) with column n at indices 0, 1, 2:
 * tableRelations({ keys: ['unit'], summedKeys: ['unit'], columns: ['n'], columnSums: [] }, rows) // [{ total: [2], parts: [0, 1] }]
 */
export function tableRelations<K extends string, C extends string>(
  layout: TableLayout<K, C>,
  rows: readonly KeyedRow<K, C, number>[],
): AdditiveRelation[] {
  const relations: AdditiveRelation[] = [];
  for (const row of rows) {
    for (const { total, parts } of layout.columnSums)
      relations.push({ total: [row[total]], parts: parts.map((p) => row[p]) });
  }
  const keyOf = (row: { [k in K]: string | null }) => JSON.stringify(layout.keys.map((k) => row[k]));
  const rowByKey = new Map(rows.map((row) => [keyOf(row), row]));
  for (const key of layout.keys) {
    const rollUp = layout.rollUp?.[key] ?? (layout.summedKeys.includes(key) ? () => null : () => undefined);
    const children = new Map<KeyedRow<K, C, number>, KeyedRow<K, C, number>[]>();
    for (const row of rows) {
      const value = row[key];
      if (value === null) continue;
      const coarser = rollUp(value);
      if (coarser === undefined) continue;
      const parent = rowByKey.get(keyOf({ ...row, [key]: coarser }));
      if (!parent) throw new Error(`Marginalrad saknas: ${key} = ${coarser} för ${keyOf(row)}`);
      const siblings = children.get(parent);
      if (siblings) siblings.push(row);
      else children.set(parent, [row]);
    }
    for (const [parent, cells] of children) {
      for (const column of layout.columns)
        relations.push({ total: [parent[column]], parts: cells.map((c) => c[column]) });
    }
  }
  return relations;
}

/**
 * Suppresses one table with its margin rows (see suppressCounts and tableRelations).
 * @example
 * suppressTable({ keys: ['unit'], summedKeys: ['unit'], columns: ['n'], columnSums: [] },
 *   [{ unit: 'A', n: 3 }, { unit: 'B', n: 7 }, { unit: 'C', n: 20 }, { unit: null, n: 30 }])
 * // n: A {null, primary}, B {null, secondary}, C {20}, alla {30}
 */
export function suppressTable<K extends string, C extends string>(
  layout: TableLayout<K, C>,
  rows: readonly KeyedRow<K, C, number>[],
): KeyedRow<K, C, SuppressedCount>[] {
  const counts: number[] = [];
  const indexed = rows.map((row) => mapColumns(layout, row, (count) => counts.push(count) - 1));
  const result = suppressCounts(counts, tableRelations(layout, indexed));
  return indexed.map((row) => mapColumns(layout, row, (index) => result[index]));
}

/** The same row with every count column mapped. @example mapColumns({ columns: ['n'] }, { unit: 'A', n: 3 }, String) // { unit: 'A', n: '3' } */
export function mapColumns<K extends string, C extends string, A, B>(
  layout: Pick<TableLayout<K, C>, 'columns'>,
  row: KeyedRow<K, C, A>,
  f: (value: A) => B,
): KeyedRow<K, C, B> {
  const copy = { ...row } as Record<string, unknown>;
  for (const column of layout.columns) copy[column] = f(row[column]);
  return copy as KeyedRow<K, C, B>;
}
