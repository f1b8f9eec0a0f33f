import { describe, expect, it } from 'vitest';
import {
  aggregateOnlyProblems,
  assertAggregateOnly,
  publishPackage,
  SUPPRESSION_RULE_TEXT,
  type InvestigationAggregate,
  type PackageInput,
} from '../../../src/kpi/publishedPackage';
import { hideSmall, packageRelations, plainPackage, recoverHidden } from './suppressionChecker';

const BASE = { title: 'Nämndrapport', asOf: '2025-06-30', created: '2025-07-01T08:00' };

function investigation(month: string, unit: string, sex: string, inTime: number, late: number, extended = 0) {
  return {
    month,
    unit,
    sex,
    started: inTime + late + extended,
    inTime,
    extended,
    extendedNotOverdue: extended,
    extendedOverdue: 0,
    late,
    pending: 0,
  } satisfies InvestigationAggregate<number>;
}

const recovered = (input: PackageInput, pkg = publishPackage(input)) => {
  const { cells, relations } = packageRelations(pkg);
  return [...recoverHidden(cells, relations, 0), ...recoverHidden(cells, relations, 1)];
};

describe('publishPackage', () => {
  it('returns the manifest with the given dates, the rule text and the tables it holds', () => {
    const pkg = publishPackage({
      ...BASE,
      sources: [
        { file: 'utredningar.csv', dataset: 'utredningar', rows: 45 },
        { file: 'forlangningar.csv', dataset: 'forlangningar', rows: 3 },
      ],
      utredningar: [investigation('2025-01', 'Norr', 'pojke', 30, 10)],
    });
    expect(pkg.manifest).toEqual({
      kind: 'aggregat',
      formatVersion: 1,
      title: 'Nämndrapport',
      asOf: '2025-06-30',
      created: '2025-07-01T08:00',
      sources: [
        { file: 'utredningar.csv', dataset: 'utredningar', rows: 45 },
        { file: 'forlangningar.csv', dataset: 'forlangningar', rows: null },
      ],
      notCounted: [{ dataset: 'utredningar', rows: 5 }],
      suppressionRule: SUPPRESSION_RULE_TEXT,
      tables: ['utredningar'],
    });
    expect(SUPPRESSION_RULE_TEXT).toContain('färre än 5');
  });

  it('hides the file row count, not a month, when the rows counted nowhere are 1–4', () => {
    const pkg = publishPackage({
      ...BASE,
      sources: [{ file: 'utredningar.csv', dataset: 'utredningar', rows: 42 }],
      utredningar: [investigation('2025-01', 'Norr', 'pojke', 30, 10)],
    });
    expect(pkg.manifest.notCounted).toEqual([{ dataset: 'utredningar', rows: null }]);
    expect(pkg.manifest.sources[0].rows).toBeNull();
    expect(pkg.tables.utredningar?.every((r) => r.started === 40)).toBe(true);
  });

  it('adds every margin row, each the sum of its cells', () => {
    const pkg = publishPackage({
      ...BASE,
      sources: [{ file: 'u.csv', dataset: 'utredningar', rows: 70 }],
      utredningar: [
        investigation('2025-01', 'Norr', 'pojke', 10, 6),
        investigation('2025-01', 'Norr', 'flicka', 12, 7),
        investigation('2025-01', 'Söder', 'pojke', 8, 9),
        investigation('2025-01', 'Söder', 'flicka', 9, 9),
      ],
    });
    const row = (unit: string | null, sex: string | null) =>
      pkg.tables.utredningar?.find((r) => r.unit === unit && r.sex === sex);
    expect(pkg.tables.utredningar).toHaveLength(9);
    expect(row('Norr', null)).toMatchObject({ started: 35, inTime: 22, late: 13 });
    expect(row(null, 'flicka')).toMatchObject({ started: 37, inTime: 21, late: 16 });
    expect(row(null, null)).toMatchObject({ month: '2025-01', started: 70, inTime: 39, late: 31, extended: 0 });
  });

  it('hides a 2-by-2 block of IVO counts around a 3 and keeps every margin', () => {
    const band = ['3–6 månader', '6–12 månader'];
    const pkg = publishPackage({
      ...BASE,
      sources: [],
      ivo: [
        { quarter: '2025Q2', intervention: 'HVB', waitingTime: band[0], listed: 3 },
        { quarter: '2025Q2', intervention: 'HVB', waitingTime: band[1], listed: 6 },
        { quarter: '2025Q2', intervention: 'Öppenvård', waitingTime: band[0], listed: 7 },
        { quarter: '2025Q2', intervention: 'Öppenvård', waitingTime: band[1], listed: 9 },
      ],
    });
    const listed = (intervention: string | null, waitingTime: string | null) =>
      pkg.tables.ivo?.find((r) => r.intervention === intervention && r.waitingTime === waitingTime)?.listed;
    expect([
      listed('HVB', band[0]),
      listed('HVB', band[1]),
      listed('Öppenvård', band[0]),
      listed('Öppenvård', band[1]),
    ]).toEqual([null, null, null, null]);
    expect([listed('HVB', null), listed('Öppenvård', null), listed(null, band[0]), listed(null, band[1])]).toEqual([
      9, 16, 10, 15,
    ]);
    expect(listed(null, null)).toBe(25);
  });

  it('hides what the file row count would give away: a month of 3 beside a month of 40', () => {
    const input: PackageInput = {
      ...BASE,
      sources: [{ file: 'utredningar.csv', dataset: 'utredningar', rows: 43 }],
      utredningar: [investigation('2025-01', 'Norr', 'pojke', 3, 0), investigation('2025-02', 'Norr', 'pojke', 30, 10)],
    };
    const naive = packageRelations(plainPackage(input, hideSmall));
    expect(recoverHidden(naive.cells, naive.relations, 0).map((r) => [r.id, r.value])).toContainEqual([
      'utredningar|2025-01|null|null|started',
      3,
    ]);
    const pkg = publishPackage(input);
    expect(pkg.manifest.sources[0].rows === null || pkg.manifest.notCounted[0].rows === null).toBe(true);
    expect(recovered(input, pkg)).toEqual([]);
  });

  it('adds quarter rows to beslut, each the sum of its months', () => {
    const decision = (period: string, executedInTime: number) => ({
      period,
      unit: 'Norr',
      sex: 'flicka',
      intervention: 'Öppenvård',
      decisions: executedInTime,
      executedInTime,
      executedLate: 0,
      overdue: 0,
      notYetDue: 0,
    });
    const pkg = publishPackage({
      ...BASE,
      sources: [{ file: 'beslut.csv', dataset: 'beslut', rows: 50 }],
      beslut: [decision('2025-03', 20), decision('2025-04', 12), decision('2025-05', 18)],
    });
    const total = (period: string) =>
      pkg.tables.beslut?.find(
        (r) => r.period === period && r.unit === null && r.sex === null && r.intervention === null,
      );
    expect(total('2025Q1')?.decisions).toBe(20);
    expect(total('2025Q2')?.decisions).toBe(30);
    // By kön and by insats, never both at once.
    expect(pkg.tables.beslut?.some((r) => r.sex !== null && r.intervention !== null)).toBe(false);
    expect(pkg.tables.beslut?.filter((r) => r.period === '2025-04')).toHaveLength(6);
  });

  it('names empty delay reasons and folds those given fewer than 5 times into "Övriga orsaker"', () => {
    const concerns = (month: string, late: number) => ({
      month,
      unit: 'Norr',
      sex: 'pojke',
      received: 40 + late,
      inTime: 40,
      late,
      pending: 0,
      underInvestigation: 0,
    });
    const pkg = publishPackage({
      ...BASE,
      sources: [],
      orosanmalningar: {
        rows: [concerns('2024-12', 10), concerns('2025-01', 16)],
        hasProtective: false,
        lateReasons: [
          { year: '2024', reason: 'Vårdnadshavare avbokade', late: 10 },
          { year: '2025', reason: 'Vårdnadshavare avbokade', late: 8 },
          { year: '2025', reason: ' ', late: 5 },
          { year: '2025', reason: 'Barnet bor hos mormor i Kiruna', late: 2 },
          { year: '2025', reason: 'Tolk saknades', late: 1 },
        ],
      },
    });
    expect(pkg.tables.orosanmalningar_orsaker).toEqual([
      { year: '2024', reason: null, late: 10 },
      { year: '2024', reason: 'Vårdnadshavare avbokade', late: 10 },
      { year: '2025', reason: null, late: 16 },
      { year: '2025', reason: '(ingen orsak angiven)', late: null }, // the complement of the 3 below
      { year: '2025', reason: 'Vårdnadshavare avbokade', late: 8 },
      { year: '2025', reason: 'Övriga orsaker', late: null },
    ]);
    expect(pkg.tables.orosanmalningar?.[0]).not.toHaveProperty('protectiveInTime');
  });

  it('throws when the tables count more rows than the files hold, or a row does not add up', () => {
    const rows = [investigation('2025-01', 'Norr', 'pojke', 30, 10)];
    expect(() =>
      publishPackage({ ...BASE, sources: [{ file: 'u.csv', dataset: 'utredningar', rows: 39 }], utredningar: rows }),
    ).toThrow(/1 rader fler/);
    expect(() => publishPackage({ ...BASE, sources: [], utredningar: [{ ...rows[0], started: 41 }] })).toThrow(
      /Summan stämmer inte/,
    );
  });
});

describe('aggregateOnlyProblems', () => {
  const input: PackageInput = {
    ...BASE,
    sources: [{ file: 'utredningar_2025-06-30.csv', dataset: 'utredningar', rows: 40 }],
    utredningar: [investigation('2025-01', 'Norr', 'pojke', 30, 10)],
    ivo: [
      {
        quarter: '2025Q2',
        intervention: 'Familjehem (SoL 4 kap. 1 §)',
        waitingTime: '6–12 månader (181–365 dagar)',
        listed: 6,
      },
    ],
  };

  it('finds nothing in a package we made', () => {
    const pkg = publishPackage(input);
    expect(aggregateOnlyProblems(pkg)).toEqual([]);
    expect(() => assertAggregateOnly(pkg)).not.toThrow();
  });

  it('finds personnummer, ids, individual dates and free text, and names where, without echoing a personnummer', () => {
    const pkg = publishPackage(input);
    const row = pkg.tables.utredningar?.[0];
    const bad = {
      ...pkg,
      tables: {
        utredningar: [
          { ...row, unit: 'Norr 19121212-1212' },
          { ...row, unit: 'U-000123' },
          { ...row, unit: 'P-3fa9c2d1' },
          { ...row, sex: '2025-01-31' },
          { ...row, unit: 'Barnet flyttade. Mamma ringde och bokade om mötet två gånger' },
          { ...row, month: '2025-01-15' },
        ],
      },
    };
    expect(aggregateOnlyProblems(bad)).toEqual([
      { path: 'tables.utredningar[0].unit', message: 'ser ut som ett personnummer: [personnummer dolt]' },
      { path: 'tables.utredningar[1].unit', message: 'ser ut som ett id: U-000123' },
      { path: 'tables.utredningar[2].unit', message: 'ser ut som ett id: P-3fa9c2d1' },
      { path: 'tables.utredningar[3].sex', message: 'ser ut som ett enskilt datum: 2025-01-31' },
      { path: 'tables.utredningar[4].unit', message: 'ser ut som fritext (visas inte)' },
      { path: 'tables.utredningar[5].month', message: 'har inte formen för month: 2025-01-15' },
    ]);
    expect(() => assertAggregateOnly(bad)).toThrow(/tables\.utredningar\[0\]\.unit/);
    expect(() => assertAggregateOnly(bad)).not.toThrow(/1212/);
  });

  it('finds a shown count of 1–4 and a count that is not a whole number ≥ 0, also in the manifest', () => {
    const pkg = publishPackage(input);
    const bad = {
      ...pkg,
      manifest: { ...pkg.manifest, sources: [{ ...pkg.manifest.sources[0], rows: 3 }] },
      tables: { ivo: [{ quarter: '2025Q2', intervention: null, waitingTime: null, listed: -1 }] },
    };
    expect(aggregateOnlyProblems(bad).map((p) => p.path)).toEqual(['manifest.sources[0].rows', 'tables.ivo[0].listed']);
  });

  it('accepts long category labels, band labels and dates in file names; checks the title only for personnummer', () => {
    const pkg = publishPackage({ ...input, title: 'Rapport 2025-06-30 till nämnden. Preliminär.' });
    expect(aggregateOnlyProblems(pkg)).toEqual([]);
    expect(aggregateOnlyProblems({ ...pkg, manifest: { ...pkg.manifest, title: 'Om 201212121212' } })).toHaveLength(1);
  });
});
