/**
 * An attacker, written apart from src/kpi/suppression.ts: given published counts (a hidden one is
 * null) and the additive relations among them, try to recover every hidden count
 *  - by equations: Gauss–Jordan elimination over exact rationals (BigInt fractions); a hidden count
 *    whose reduced row holds it alone is fixed, and its value is the row's right-hand side;
 *  - by bounds: every hidden count lies in [lowerBound, ∞), published counts are exact; each relation
 *    bounds each member by the other side minus the rest of its own side, repeated until stable;
 *    a hidden count whose interval closes to one value is recovered;
 *  - and again with what either found taken as known, until nothing more is found.
 * It also derives the relations of a published package from the package alone (packageRelations),
 * from the meaning of its tables in issue 13, not from the code that made the package.
 */
import type { PackageInput, PublishedPackage } from '../../../src/kpi/publishedPackage';
import type { Count } from '../../../src/kpi/suppression';

export interface Relation {
  total: string[];
  parts: string[];
}

export interface Recovery {
  id: string;
  value: number;
  by: 'equations' | 'bounds';
}

// ---- exact rationals ----
type Fraction = [bigint, bigint]; // numerator, positive denominator
const abs = (a: bigint) => (a < 0n ? -a : a);
const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? abs(a) : gcd(b, a % b));
function fraction(n: bigint, d: bigint): Fraction {
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d) || 1n;
  return [n / g, d / g];
}
const sub = (a: Fraction, b: Fraction) => fraction(a[0] * b[1] - b[0] * a[1], a[1] * b[1]);
const mul = (a: Fraction, b: Fraction) => fraction(a[0] * b[0], a[1] * b[1]);
const div = (a: Fraction, b: Fraction) => fraction(a[0] * b[1], a[1] * b[0]);
const isZero = (a: Fraction) => a[0] === 0n;

/** Hidden counts an attacker can work out, with their values. */
export function recoverHidden(
  cells: ReadonlyMap<string, Count>,
  relations: readonly Relation[],
  lowerBound: 0 | 1,
): Recovery[] {
  for (const { total, parts } of relations)
    for (const id of [...total, ...parts]) if (!cells.has(id)) throw new Error(`relation names unknown cell ${id}`);
  // Each way's findings are fed to the other, until neither finds more.
  const found: Recovery[] = [];
  const current = new Map(cells);
  for (let more = true; more;) {
    const hidden = [...current].filter(([, v]) => v === null).map(([id]) => id);
    const exact = byEquations(current, relations, hidden);
    const known = new Set(exact.map((r) => r.id));
    const round = [...exact, ...byBounds(current, relations, hidden, lowerBound).filter((r) => !known.has(r.id))];
    for (const r of round) current.set(r.id, r.value);
    found.push(...round);
    more = round.length > 0;
  }
  return found;
}

function byEquations(cells: ReadonlyMap<string, Count>, relations: readonly Relation[], hidden: string[]): Recovery[] {
  const column = new Map(hidden.map((id, i) => [id, i]));
  // Each relation: Σ total − Σ parts = 0, the published counts moved to the right-hand side.
  const rows: { coefficients: Map<number, Fraction>; rhs: Fraction }[] = [];
  for (const { total, parts } of relations) {
    const coefficients = new Map<number, Fraction>();
    let rhs = 0n;
    for (const [ids, sign] of [
      [total, 1n],
      [parts, -1n],
    ] as const) {
      for (const id of ids) {
        const value = cells.get(id) ?? null;
        const c = column.get(id);
        if (value === null && c !== undefined)
          coefficients.set(c, fraction((coefficients.get(c)?.[0] ?? 0n) + sign, 1n));
        else rhs -= sign * BigInt(value ?? 0);
      }
    }
    for (const [c, v] of coefficients) if (isZero(v)) coefficients.delete(c);
    if (coefficients.size > 0) rows.push({ coefficients, rhs: fraction(rhs, 1n) });
  }
  // Independent systems apart: rows sharing no hidden count.
  const parent = hidden.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (const { coefficients } of rows) {
    const [first, ...rest] = coefficients.keys();
    for (const other of rest) parent[find(other)] = find(first);
  }
  const systems = new Map<number, typeof rows>();
  for (const row of rows) {
    const root = find(row.coefficients.keys().next().value as number);
    const system = systems.get(root);
    if (system) system.push(row);
    else systems.set(root, [row]);
  }
  return [...systems.values()].flatMap((system) => solve(system, hidden));
}

/** Gauss–Jordan, pivot by pivot; an unknown alone in its reduced row is recovered. */
function solve(rows: { coefficients: Map<number, Fraction>; rhs: Fraction }[], hidden: string[]): Recovery[] {
  const pivots = new Map<number, { coefficients: Map<number, Fraction>; rhs: Fraction }>();
  for (const row of rows) {
    let { coefficients, rhs } = row;
    for (const c of [...coefficients.keys()]) {
      const pivot = pivots.get(c);
      const factor = coefficients.get(c);
      if (pivot && factor) ({ coefficients, rhs } = subtractMultiple(coefficients, rhs, pivot, factor));
    }
    const first = coefficients.keys().next();
    if (first.done) continue; // dependent (and, for true data, consistent)
    const c = first.value;
    const scale = coefficients.get(c) as Fraction;
    const normalized = {
      coefficients: new Map([...coefficients].map(([k, v]) => [k, div(v, scale)])),
      rhs: div(rhs, scale),
    };
    for (const [other, pivot] of pivots) {
      const factor = pivot.coefficients.get(c);
      if (factor) pivots.set(other, subtractMultiple(pivot.coefficients, pivot.rhs, normalized, factor));
    }
    pivots.set(c, normalized);
  }
  const found: Recovery[] = [];
  for (const [c, { coefficients, rhs }] of pivots) {
    if (coefficients.size !== 1) continue;
    if (rhs[1] !== 1n) throw new Error(`non-integer recovery ${rhs[0]}/${rhs[1]}`);
    found.push({ id: hidden[c], value: Number(rhs[0]), by: 'equations' });
  }
  return found;
}

function subtractMultiple(
  coefficients: Map<number, Fraction>,
  rhs: Fraction,
  pivot: { coefficients: Map<number, Fraction>; rhs: Fraction },
  factor: Fraction,
): { coefficients: Map<number, Fraction>; rhs: Fraction } {
  const result = new Map(coefficients);
  for (const [c, v] of pivot.coefficients) {
    const next = sub(result.get(c) ?? [0n, 1n], mul(v, factor));
    if (isZero(next)) result.delete(c);
    else result.set(c, next);
  }
  return { coefficients: result, rhs: sub(rhs, mul(pivot.rhs, factor)) };
}

function byBounds(
  cells: ReadonlyMap<string, Count>,
  relations: readonly Relation[],
  hidden: string[],
  lowerBound: number,
): Recovery[] {
  const low = new Map<string, number>();
  const high = new Map<string, number>();
  for (const [id, value] of cells) {
    low.set(id, value ?? lowerBound);
    high.set(id, value ?? Infinity);
  }
  const lo = (ids: string[]) => ids.reduce((s, id) => s + (low.get(id) as number), 0);
  const hi = (ids: string[]) => ids.reduce((s, id) => s + (high.get(id) as number), 0);
  for (let pass = 0, changed = true; changed && pass < 10_000; pass++) {
    changed = false;
    for (const { total, parts } of relations) {
      for (const [side, other] of [
        [total, parts],
        [parts, total],
      ]) {
        for (const id of side) {
          if (cells.get(id) !== null) continue;
          const rest = side.filter((x) => x !== id);
          const newLow = Math.max(low.get(id) as number, lo(other) - hi(rest));
          const newHigh = Math.min(high.get(id) as number, hi(other) - lo(rest));
          if (newLow !== low.get(id) || newHigh !== high.get(id)) changed = true;
          low.set(id, newLow);
          high.set(id, newHigh);
        }
      }
    }
  }
  return hidden
    .filter((id) => low.get(id) === high.get(id))
    .map((id) => ({ id, value: low.get(id) as number, by: 'bounds' }));
}

// ---- the relations of a published package, from its tables' meaning ----

export type Row = Record<string, string | number | null | undefined>;

/**
 * The counts of one keyed table and its relations: the row sums named in `rowSums` (those whose
 * columns the row has), and for every key but the first, a row with that key null is the sum of
 * the rows with any value there and the other keys equal (`isMargin` may exclude a grouping).
 */
export function keyedRelations(
  table: string,
  rows: readonly Row[],
  keys: readonly string[],
  rowSums: readonly [string, string[]][],
  isMargin: (key: string, total: Row) => boolean = () => true,
): { cells: Map<string, Count>; relations: Relation[]; id: (row: Row, column: string) => string } {
  const cells = new Map<string, Count>();
  const relations: Relation[] = [];
  const id = (row: Row, column: string) => [table, ...keys.map((k) => String(row[k])), column].join('|');
  const columns = (row: Row) => Object.keys(row).filter((k) => !keys.includes(k));
  for (const row of rows) {
    for (const column of columns(row)) cells.set(id(row, column), row[column] as Count);
    for (const [total, parts] of rowSums) {
      if (parts.every((p) => p in row))
        relations.push({ total: [id(row, total)], parts: parts.map((p) => id(row, p)) });
    }
  }
  for (const k of keys.slice(1)) {
    const groups = new Map<string, { total?: Row; parts: Row[] }>();
    for (const row of rows) {
      const signature = JSON.stringify(keys.filter((other) => other !== k).map((other) => row[other]));
      const group = groups.get(signature) ?? { parts: [] };
      if (row[k] === null) group.total = row;
      else group.parts.push(row);
      groups.set(signature, group);
    }
    for (const { total, parts } of groups.values()) {
      if (!total) throw new Error(`${table}: margin row missing over ${k}`);
      if (!isMargin(k, total)) continue;
      for (const column of columns(total))
        relations.push({ total: [id(total, column)], parts: parts.map((p) => id(p, column)) });
    }
  }
  return { cells, relations, id };
}

const ROW_SUMS: Record<string, [string, string[]][]> = {
  utredningar: [
    ['started', ['inTime', 'extended', 'late', 'pending']],
    ['extended', ['extendedNotOverdue', 'extendedOverdue']],
  ],
  orosanmalningar: [
    ['received', ['inTime', 'late', 'pending', 'underInvestigation']],
    ['received', ['protectiveInTime', 'protectiveLate', 'protectivePending']],
  ],
  beslut: [['decisions', ['executedInTime', 'executedLate', 'overdue', 'notYetDue']]],
  orosanmalningar_orsaker: [],
  ivo: [],
};
/** Key fields of each table; the first is the period, never null. */
export const KEYS: Record<string, string[]> = {
  utredningar: ['month', 'unit', 'sex'],
  orosanmalningar: ['month', 'unit', 'sex'],
  orosanmalningar_orsaker: ['year', 'reason'],
  beslut: ['period', 'unit', 'sex', 'intervention'],
  ivo: ['quarter', 'intervention', 'waitingTime'],
};

/** Every published count of a package by id, and every additive relation among them. */
export function packageRelations(pkg: PublishedPackage): { cells: Map<string, Count>; relations: Relation[] } {
  const cells = new Map<string, Count>();
  const relations: Relation[] = [];
  const tables = pkg.tables as Record<string, Row[] | undefined>;
  const ids: Record<string, (row: Row, column: string) => string> = {};
  for (const [table, rows = []] of Object.entries(tables)) {
    // Beslut are published by kön or by insats, never both: a row by insats is no total over kön, and vice versa.
    const isMargin = (k: string, total: Row) =>
      table !== 'beslut' ||
      !((k === 'sex' && total.intervention !== null) || (k === 'intervention' && total.sex !== null));
    const one = keyedRelations(table, rows, KEYS[table], ROW_SUMS[table], isMargin);
    one.cells.forEach((value, key) => cells.set(key, value));
    relations.push(...one.relations);
    ids[table] = one.id;
  }
  // Beslut: a quarter is the sum of its three months.
  const decisions = tables.beslut ?? [];
  for (const quarter of decisions.filter((r) => /Q/.test(String(r.period)))) {
    const [year, q] = String(quarter.period).split('Q').map(Number);
    const months = decisions.filter((r) => {
      const [y, m] = String(r.period).split('-').map(Number);
      const same = ['unit', 'sex', 'intervention'].every((k) => r[k] === quarter[k]);
      return same && y === year && !/Q/.test(String(r.period)) && Math.ceil(m / 3) === q;
    });
    for (const column of ['decisions', 'executedInTime', 'executedLate', 'overdue', 'notYetDue'])
      relations.push({ total: [ids.beslut(quarter, column)], parts: months.map((r) => ids.beslut(r, column)) });
  }
  // Late reasons: a year's total is the sum of that year's monthly late orosanmälningar.
  const grand = (table: string) =>
    (tables[table] ?? []).filter((r) => r.unit === null && r.sex === null && (r.intervention ?? null) === null);
  for (const year of (tables.orosanmalningar_orsaker ?? []).filter((r) => r.reason === null)) {
    const months = grand('orosanmalningar').filter((r) => String(r.month).startsWith(`${year.year}-`));
    relations.push({
      total: [ids.orosanmalningar_orsaker(year, 'late')],
      parts: months.map((r) => ids.orosanmalningar(r, 'late')),
    });
  }
  // Manifest: a dataset's file rows = its months' totals + the rows counted nowhere.
  pkg.manifest.sources.forEach((s, i) => cells.set(`source|${i}`, s.rows));
  const monthTotal: Record<string, string> = {
    utredningar: 'started',
    orosanmalningar: 'received',
    beslut: 'decisions',
  };
  for (const { dataset, rows } of pkg.manifest.notCounted) {
    cells.set(`notCounted|${dataset}`, rows);
    const months = grand(dataset).filter((r) => !/Q/.test(String(r.period ?? r.month)));
    relations.push({
      total: pkg.manifest.sources.flatMap((s, i) => (s.dataset === dataset ? [`source|${i}`] : [])),
      parts: [...months.map((r) => ids[dataset](r, monthTotal[dataset])), `notCounted|${dataset}`],
    });
  }
  return { cells, relations };
}

// ---- the package's tables without suppression, by plain loops (the expected figures) ----

/** Every combination of key values (null = all) that at least one input row falls in, with its sums. */
function plainRows(
  input: readonly Row[],
  keys: readonly string[],
  columns: readonly string[],
  combinations: readonly (readonly string[])[],
  periodOf: (row: Row) => string = (row) => String(row[keys[0]]),
): Row[] {
  const out: Row[] = [];
  const periods = [...new Set(input.map(periodOf))].sort();
  for (const period of periods) {
    for (const kept of combinations) {
      const values = kept.map((k) => [...new Set(input.map((r) => r[k] as string))].sort());
      const choices = values.reduce<string[][]>((all, vs) => all.flatMap((c) => vs.map((v) => [...c, v])), [[]]);
      for (const choice of choices) {
        const matching = input.filter((r) => periodOf(r) === period && kept.every((k, i) => r[k] === choice[i]));
        if (matching.length === 0) continue;
        const row: Row = { [keys[0]]: period };
        for (const k of keys.slice(1)) row[k] = kept.includes(k) ? choice[kept.indexOf(k)] : null;
        for (const c of columns) row[c] = matching.reduce((s, r) => s + Number(r[c]), 0);
        out.push(row);
      }
    }
  }
  return out;
}

const ALL_SUBSETS = [[], ['unit'], ['sex'], ['unit', 'sex']];
const quarterOf = (month: string) => `${month.slice(0, 4)}Q${Math.ceil(Number(month.slice(5, 7)) / 3)}`;

/** What each table holds before suppression, from the input by plain sums. */
export function plainTables(input: PackageInput): Record<string, Row[]> {
  const tables: Record<string, Row[]> = {};
  if (input.utredningar) {
    const columns = ['started', 'inTime', 'extended', 'extendedNotOverdue', 'extendedOverdue', 'late', 'pending'];
    tables.utredningar = plainRows(input.utredningar, KEYS.utredningar, columns, ALL_SUBSETS);
  }
  if (input.orosanmalningar) {
    const protective = input.orosanmalningar.hasProtective
      ? ['protectiveInTime', 'protectiveLate', 'protectivePending']
      : [];
    const columns = ['received', 'inTime', 'late', 'pending', 'underInvestigation', ...protective];
    tables.orosanmalningar = plainRows(input.orosanmalningar.rows, KEYS.orosanmalningar, columns, ALL_SUBSETS);
    const reasons = input.orosanmalningar.lateReasons;
    if (reasons) {
      const label = (r: string) => r.trim() || '(ingen orsak angiven)';
      const totals = new Map<string, number>();
      for (const r of reasons) totals.set(label(r.reason), (totals.get(label(r.reason)) ?? 0) + r.late);
      const merged = reasons
        .filter((r) => r.late > 0)
        .map((r) => ({ ...r, reason: (totals.get(label(r.reason)) ?? 0) < 5 ? 'Övriga orsaker' : label(r.reason) }));
      const years = [...new Set(input.orosanmalningar.rows.map((r) => r.month.slice(0, 4)))];
      tables.orosanmalningar_orsaker = [
        ...years.map((year) => ({ year, reason: null, late: 0 })),
        ...plainRows(merged, KEYS.orosanmalningar_orsaker, ['late'], [['reason']]),
      ];
      for (const year of years) {
        const total = tables.orosanmalningar_orsaker.find((r) => r.year === year && r.reason === null) as Row;
        total.late = merged.filter((r) => r.year === year).reduce((s, r) => s + r.late, 0);
      }
    }
  }
  if (input.beslut) {
    const columns = ['decisions', 'executedInTime', 'executedLate', 'overdue', 'notYetDue'];
    const levels = [[], ['unit'], ['sex'], ['intervention'], ['unit', 'sex'], ['unit', 'intervention']];
    tables.beslut = [
      ...plainRows(input.beslut, KEYS.beslut, columns, levels),
      ...plainRows(input.beslut, KEYS.beslut, columns, levels, (r) => quarterOf(String(r.period))),
    ];
  }
  if (input.ivo) {
    const levels = [[], ['intervention'], ['waitingTime'], ['intervention', 'waitingTime']];
    tables.ivo = plainRows(input.ivo, KEYS.ivo, ['listed'], levels);
  }
  return tables;
}

/** Hides the counts of 1–4 only: the naïve suppression. */
export const hideSmall = (v: number): Count => (v >= 1 && v <= 4 ? null : v);

/** The package as plain sums, every count passed through `hide` (by default none is hidden). */
export function plainPackage(input: PackageInput, hide: (v: number) => Count = (v) => v): PublishedPackage {
  const tables = plainTables(input);
  const hidden = Object.fromEntries(
    Object.entries(tables).map(([name, rows]) => [
      name,
      rows.map((row) =>
        Object.fromEntries(Object.entries(row).map(([k, v]) => [k, KEYS[name].includes(k) ? v : hide(Number(v))])),
      ),
    ]),
  );
  const monthTotal: Record<string, string> = {
    utredningar: 'started',
    orosanmalningar: 'received',
    beslut: 'decisions',
  };
  const notCounted = (['utredningar', 'orosanmalningar', 'beslut'] as const)
    .filter((dataset) => tables[dataset])
    .map((dataset) => {
      const files = input.sources.filter((s) => s.dataset === dataset).reduce((s, f) => s + f.rows, 0);
      const grand = tables[dataset].filter(
        (r) => r.unit === null && r.sex === null && (r.intervention ?? null) === null && !/Q/.test(String(r.period)),
      );
      return { dataset, rows: hide(files - grand.reduce((s, r) => s + Number(r[monthTotal[dataset]]), 0)) };
    });
  return {
    manifest: {
      kind: 'aggregat',
      formatVersion: 1,
      title: input.title,
      asOf: input.asOf,
      created: input.created,
      sources: input.sources.map((s) => ({ ...s, rows: hide(s.rows) })),
      notCounted,
      suppressionRule: '',
      tables: [],
    },
    tables: hidden as PublishedPackage['tables'],
  };
}
