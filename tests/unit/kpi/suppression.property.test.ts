/**
 * For generated tables and packages (random sizes, many counts of 1–4, zeros), the independent
 * checker recovers no hidden count — neither by equations nor by bounds, even granting that a hidden
 * count is at least 1 — while the naïve suppression (only the 1–4 hidden) of the same data often
 * leaks, which shows the generated cases exercise the checker.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { publishPackage, type DatasetName, type PackageInput } from '../../../src/kpi/publishedPackage';
import { suppressTable, type Count, type TableLayout } from '../../../src/kpi/suppression';
import {
  hideSmall,
  keyedRelations,
  packageRelations,
  plainPackage,
  recoverHidden,
  type Row,
} from './suppressionChecker';

/** Seeded counts: a third 0, a third 1–4, the rest 5–12 or now and then up to 60. */
function countsFrom(seed: number): () => number {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return () => {
    const u = random();
    if (u < 0.3) return 0;
    if (u < 0.65) return 1 + Math.floor(random() * 4);
    if (u < 0.92) return 5 + Math.floor(random() * 8);
    return 13 + Math.floor(random() * 48);
  };
}

const subsets = <T>(items: readonly T[]): T[][] =>
  items.reduce<T[][]>((all, item) => [...all, ...all.map((s) => [...s, item])], [[]]);

/** The problems with one published result: a shown 1–4, a hidden 0, a changed count, a recovered count. */
function problems(
  published: ReadonlyMap<string, Count>,
  truth: ReadonlyMap<string, number>,
  recovered: { id: string }[],
): string[] {
  const found: string[] = [];
  for (const [id, value] of truth) {
    const shown = published.get(id);
    if (shown === undefined) found.push(`${id} missing`);
    else if (shown !== null && shown !== value) found.push(`${id} shown ${shown}, is ${value}`);
    else if (shown !== null && value >= 1 && value <= 4) found.push(`${id} shows ${value}`);
    else if (shown === null && value === 0) found.push(`${id} hides a 0`);
  }
  if (published.size !== truth.size) found.push(`${published.size} counts published, ${truth.size} expected`);
  return [...found, ...recovered.map((r) => `${r.id} recovered`)];
}

describe('suppressTable on generated tables', () => {
  it('leaves no hidden count recoverable, shows no 1–4 and hides no 0', () => {
    let tables = 0;
    let naiveLeaks = 0;
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        fc.integer(),
        (sizes, withRowSum, seed) => {
          const next = countsFrom(seed);
          const dims = sizes.map((_, i) => `d${i}`);
          // Cells: every combination of values, some left out (a missing row is a row of zeros).
          const combos = sizes.reduce<string[][]>(
            (all, n, i) => all.flatMap((c) => Array.from({ length: n }, (_, v) => [...c, `${dims[i]}v${v}`])),
            [[]],
          );
          const cells = combos.filter(() => next() !== 0 || next() !== 0);
          const interior = cells.map((values) => {
            const row: Row = { t: 'T' };
            dims.forEach((d, i) => (row[d] = values[i]));
            row.a = next();
            row.b = next();
            if (withRowSum) row.s = Number(row.a) + Number(row.b);
            return row;
          });
          // Margins for every subset of dimensions, summed here.
          const rows: Row[] = [];
          for (const kept of subsets(dims)) {
            const byKey = new Map<string, Row>();
            for (const cell of interior) {
              const row: Row = { t: 'T' };
              for (const d of dims) row[d] = kept.includes(d) ? cell[d] : null;
              const key = JSON.stringify(row);
              const sum = byKey.get(key) ?? { ...row, a: 0, b: 0, ...(withRowSum ? { s: 0 } : {}) };
              for (const c of ['a', 'b', 's']) if (c in cell) sum[c] = Number(sum[c]) + Number(cell[c]);
              byKey.set(key, sum);
            }
            rows.push(...byKey.values());
          }
          const columns = withRowSum ? ['a', 'b', 's'] : ['a', 'b'];
          const layout: TableLayout<string, string> = {
            keys: ['t', ...dims],
            summedKeys: dims,
            columns,
            columnSums: withRowSum ? [{ total: 's', parts: ['a', 'b'] }] : [],
          };
          const result = suppressTable(layout, rows as Record<string, string & number>[]);
          const rowSums: [string, string[]][] = withRowSum ? [['s', ['a', 'b']]] : [];
          const truth = keyedRelations('T', rows, layout.keys, rowSums);
          const published = keyedRelations(
            'T',
            result.map((row) => ({ ...row, ...Object.fromEntries(columns.map((c) => [c, row[c].value])) })),
            layout.keys,
            rowSums,
          );
          const recovered = [0, 1].flatMap((lb) => recoverHidden(published.cells, published.relations, lb as 0 | 1));
          const truthCounts = new Map([...truth.cells].map(([id, v]) => [id, Number(v)]));
          tables++;
          const naive = new Map([...truthCounts].map(([id, v]) => [id, hideSmall(v)]));
          if (recoverHidden(naive, truth.relations, 0).length > 0) naiveLeaks++;
          expect(problems(published.cells, truthCounts, recovered)).toEqual([]);
        },
      ),
      { numRuns: 300, seed: 13 },
    );
    expect(tables).toBe(300);
    expect(naiveLeaks).toBeGreaterThan(50);
  });
});

const MONTHS = ['2024-10', '2024-11', '2024-12', '2025-01', '2025-02', '2025-03', '2025-04', '2025-05'];
const UNITS = ['Norr', 'Söder', 'Öster'];
const INTERVENTIONS = ['Öppenvård', 'HVB', 'Familjehem'];
const BANDS = ['3–6 månader (högst 180 dagar)', '6–12 månader (181–365 dagar)', 'mer än ett år (över 365 dagar)'];
const REASONS = ['Vårdnadshavare avbokade', 'Organisatoriska skäl', '', 'Förundersökningssekretess'];

/** A package's input from a shape and a seed: every count consistent with the others. */
function inputFrom(shape: {
  firstMonth: number;
  monthCount: number;
  unitCount: number;
  sexes: string[];
  interventionCount: number;
  datasets: { utredningar: boolean; orosanmalningar: boolean; beslut: boolean; ivo: boolean };
  hasProtective: boolean;
  withReasons: boolean;
  seed: number;
}): PackageInput {
  const next = countsFrom(shape.seed);
  const months = MONTHS.slice(shape.firstMonth, shape.firstMonth + shape.monthCount);
  const units = UNITS.slice(0, shape.unitCount);
  const interventions = INTERVENTIONS.slice(0, shape.interventionCount);
  const cells = months.flatMap((month) => units.flatMap((unit) => shape.sexes.map((sex) => ({ month, unit, sex }))));
  const input: PackageInput = { title: 'Prov', asOf: '2025-06-30', created: '2025-07-01', sources: [] };
  const files = (dataset: DatasetName, rows: number) => {
    const extra = next() % 3; // rows counted nowhere
    const first = Math.floor((rows + extra) / 2);
    input.sources.push({ file: `${dataset}_a.csv`, dataset, rows: first });
    if (next() % 2) input.sources.push({ file: `${dataset}_b.csv`, dataset, rows: rows + extra - first });
    else input.sources[input.sources.length - 1].rows = rows + extra;
  };
  if (shape.datasets.utredningar) {
    input.utredningar = cells.map((key) => {
      const [inTime, extendedNotOverdue, extendedOverdue, late, pending] = [next(), next(), next(), next(), next()];
      const extended = extendedNotOverdue + extendedOverdue;
      return {
        ...key,
        inTime,
        extended,
        extendedNotOverdue,
        extendedOverdue,
        late,
        pending,
        started: inTime + extended + late + pending,
      };
    });
    files(
      'utredningar',
      input.utredningar.reduce((s, r) => s + r.started, 0),
    );
  }
  if (shape.datasets.orosanmalningar) {
    const rows = cells.map((key) => {
      const [inTime, late, pending, underInvestigation] = [next(), next(), next(), next()];
      const received = inTime + late + pending + underInvestigation;
      const protectiveLate = Math.min(next(), received);
      const protectivePending = Math.min(next(), received - protectiveLate);
      const protective = {
        protectiveInTime: received - protectiveLate - protectivePending,
        protectiveLate,
        protectivePending,
      };
      return {
        ...key,
        received,
        inTime,
        late,
        pending,
        underInvestigation,
        ...(shape.hasProtective ? protective : {}),
      };
    });
    const lateReasons: { year: string; reason: string; late: number }[] = [];
    for (const row of rows)
      for (let i = 0; i < row.late; i++)
        lateReasons.push({ year: row.month.slice(0, 4), reason: REASONS[next() % 4], late: 1 });
    input.orosanmalningar = { rows, hasProtective: shape.hasProtective, ...(shape.withReasons ? { lateReasons } : {}) };
    files(
      'orosanmalningar',
      rows.reduce((s, r) => s + r.received, 0),
    );
  }
  if (shape.datasets.beslut) {
    input.beslut = cells.flatMap(({ month, unit, sex }) =>
      interventions.map((intervention) => {
        const [executedInTime, executedLate, overdue, notYetDue] = [next(), next(), next(), next()];
        const decisions = executedInTime + executedLate + overdue + notYetDue;
        return { period: month, unit, sex, intervention, decisions, executedInTime, executedLate, overdue, notYetDue };
      }),
    );
    files(
      'beslut',
      input.beslut.reduce((s, r) => s + r.decisions, 0),
    );
  }
  if (shape.datasets.ivo) {
    const quarters = [...new Set(months.map((m) => `${m.slice(0, 4)}Q${Math.ceil(Number(m.slice(5)) / 3)}`))];
    input.ivo = quarters.flatMap((quarter) =>
      interventions.flatMap((intervention) =>
        BANDS.map((waitingTime) => ({ quarter, intervention, waitingTime, listed: next() })),
      ),
    );
  }
  input.sources.push({ file: 'forlangningar.csv', dataset: 'forlangningar', rows: next() });
  return input;
}

const shapes = fc.record({
  firstMonth: fc.integer({ min: 0, max: 4 }),
  monthCount: fc.integer({ min: 1, max: 4 }),
  unitCount: fc.integer({ min: 1, max: 3 }),
  sexes: fc.subarray(['pojke', 'flicka', 'okänt', 'annat'], { minLength: 1, maxLength: 3 }),
  interventionCount: fc.integer({ min: 1, max: 3 }),
  datasets: fc.record({
    utredningar: fc.boolean(),
    orosanmalningar: fc.boolean(),
    beslut: fc.boolean(),
    ivo: fc.boolean(),
  }),
  hasProtective: fc.boolean(),
  withReasons: fc.boolean(),
  seed: fc.integer(),
});

describe('publishPackage on generated data', () => {
  it('leaves no hidden count in any table or the manifest recoverable, shows no 1–4 and changes no count', () => {
    let packages = 0;
    let naiveLeaks = 0;
    fc.assert(
      fc.property(shapes, (shape) => {
        const input = inputFrom(shape);
        const pkg = publishPackage(input);
        const truth = packageRelations(plainPackage(input));
        const published = packageRelations(pkg);
        const recovered = [0, 1].flatMap((lb) => recoverHidden(published.cells, published.relations, lb as 0 | 1));
        const truthCounts = new Map([...truth.cells].map(([id, v]) => [id, Number(v)]));
        expect(problems(published.cells, truthCounts, recovered)).toEqual([]);
        // The checker's relations hold on the true counts, so it attacks with facts.
        for (const { total, parts } of truth.relations) {
          const sum = (ids: string[]) => ids.reduce((s, id) => s + Number(truthCounts.get(id)), 0);
          expect(sum(total), total.join()).toBe(sum(parts));
        }
        const naive = packageRelations(plainPackage(input, hideSmall));
        packages++;
        if (recoverHidden(naive.cells, naive.relations, 0).length > 0) naiveLeaks++;
      }),
      { numRuns: 120, seed: 29 },
    );
    expect(packages).toBe(120);
    expect(naiveLeaks).toBeGreaterThan(40);
  });
});
