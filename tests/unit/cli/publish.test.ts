/**
 * `npm run publish` on the demo files: a package of aggregates only (no id, personnummer,
 * individual date or free text; no count of 1–4; no recoverable hidden count) whose unsuppressed
 * monthly utredningar counts equal the report's utredningar_manad.csv for the same files.
 * Expected figures come from the source CSVs read by PapaParse, the report CLI and the independent
 * checker in ../kpi/suppressionChecker.ts, never from the suppression code itself.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { containsPersonnummer } from '../../../src/format/personnummer';
import type { PublishedPackage } from '../../../src/kpi/publishedPackage';
import { packageRelations, recoverHidden } from '../kpi/suppressionChecker';

const FILES = ['utredningar', 'forlangningar', 'orosanmalningar', 'beslut'].map((name) => `public/data/${name}.csv`);
const AS_OF = '2025-11-30';
const CREATED = '2025-12-01T08:00';
const cli = (script: string, ...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', `src/cli/${script}.ts`, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });

/** A source CSV as row objects, read by PapaParse (not the app's reader). */
const sourceRows = (path: string) =>
  Papa.parse<Record<string, string>>(readFileSync(path, 'utf8').replace(/^\ufeff/, ''), {
    header: true,
    delimiter: ';',
    skipEmptyLines: true,
  }).data;

/** A CSV written by the CLI as header → value objects. */
const csvRows = (text: string) => {
  const [header, ...lines] = text
    .replace(/^\ufeff/, '')
    .trim()
    .split('\r\n');
  const names = header.split(';');
  return lines.map((line) => Object.fromEntries(line.split(';').map((v, i) => [names[i], v])));
};

let dir = '';
let stdout = '';
let status: number | null = null;
let texts: Map<string, string>;
let pkg: PublishedPackage;
let reportDir = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'insyn-publish-'));
  const run = cli('publish', '--as-of', AS_OF, '--created', CREATED, '--out', dir, ...FILES);
  stdout = run.stdout;
  status = run.status;
  if (run.status !== 0) throw new Error(run.stderr);
  texts = new Map(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
  const manifest = JSON.parse(texts.get('manifest.json') ?? '{}') as PublishedPackage['manifest'];
  pkg = {
    manifest,
    tables: Object.fromEntries(manifest.tables.map((t) => [t, JSON.parse(texts.get(`${t}.json`) ?? '[]')])),
  };
  reportDir = mkdtempSync(join(tmpdir(), 'insyn-report-'));
  const report = cli('report', '--as-of', AS_OF, '--out', reportDir, ...FILES);
  if (report.status !== 0) throw new Error(report.stderr);
}, 1_800_000);

describe('npm run publish', () => {
  it('writes the manifest and every table as JSON and CSV, and prints the as-of date and the reconciliation', () => {
    expect(status).toBe(0);
    expect(pkg.manifest).toMatchObject({ kind: 'aggregat', formatVersion: 1, asOf: AS_OF, created: CREATED });
    expect(pkg.manifest.tables).toEqual(['utredningar', 'orosanmalningar', 'orosanmalningar_orsaker', 'beslut', 'ivo']);
    const expectedFiles = ['manifest.json', ...pkg.manifest.tables.flatMap((t) => [`${t}.json`, `${t}.csv`])];
    expect([...texts.keys()].sort()).toEqual(expectedFiles.sort());
    expect(stdout).toContain(`Uttagsdatum: ${AS_OF}`);
    const utredningar = sourceRows('public/data/utredningar.csv').length;
    expect(stdout).toContain(
      `utredningar.csv (utredningar): ${utredningar} rader lästa = ${utredningar} godkända + 0 avvisade`,
    );
  });

  it('holds no id of any source row', () => {
    const ids = new Set(
      [
        ['utredningar', 'utredning_id'],
        ['forlangningar', 'utredning_id'],
        ['orosanmalningar', 'anmalan_id'],
        ['beslut', 'beslut_id'],
        ['utredningar', 'person_id'],
      ].flatMap(([file, column]) => sourceRows(`public/data/${file}.csv`).map((r) => r[column])),
    );
    expect(ids.size).toBeGreaterThan(1000);
    for (const [name, text] of texts) {
      const tokens = text.split(/[^\p{L}\p{N}_-]+/u);
      expect(
        tokens.filter((t) => ids.has(t)),
        name,
      ).toEqual([]);
    }
  });

  it('holds no personnummer', () => {
    for (const [name, text] of texts) expect(containsPersonnummer(text), name).toBe(false);
  });

  it('holds no date but the as-of date and the creation date', () => {
    const allowed = new Set([AS_OF, CREATED.slice(0, 10)]);
    for (const [name, text] of texts) {
      const dates = [...text.matchAll(/\d{4}-\d{2}-\d{2}|\d{8}|\d{1,2}\/\d{1,2}\/\d{4}/g)].map((m) => m[0]);
      expect(
        dates.filter((d) => !allowed.has(d)),
        name,
      ).toEqual([]);
    }
  });

  it('holds no free-text column: only key and count fields, and only delay reasons given at least 5 times', () => {
    const fields = new Set(
      Object.values(pkg.tables).flatMap((rows: Record<string, unknown>[] = []) => rows.flatMap(Object.keys)),
    );
    expect([...fields].sort()).toEqual(
      [
        ...['month', 'unit', 'sex', 'year', 'reason', 'period', 'intervention', 'quarter', 'waitingTime'],
        ...['started', 'inTime', 'extended', 'extendedNotOverdue', 'extendedOverdue', 'late', 'pending'],
        ...['received', 'underInvestigation', 'protectiveInTime', 'protectiveLate', 'protectivePending'],
        ...['decisions', 'executedInTime', 'executedLate', 'overdue', 'notYetDue', 'listed'],
      ].sort(),
    );
    const given = new Map<string, number>();
    for (const row of sourceRows('public/data/orosanmalningar.csv'))
      given.set(row.orsak_forsening, (given.get(row.orsak_forsening) ?? 0) + 1);
    const merged = ['Övriga orsaker', 'Ingen orsak angiven', '(ingen orsak angiven)'];
    for (const row of pkg.tables.orosanmalningar_orsaker ?? []) {
      if (row.reason === null || merged.includes(row.reason)) continue;
      expect(given.get(row.reason) ?? 0, row.reason).toBeGreaterThanOrEqual(5);
    }
    // Unit, kön and insats values are categories of the source columns.
    const categories = (file: string, column: string) =>
      new Set(sourceRows(`public/data/${file}.csv`).map((r) => r[column]));
    const units = new Set([
      ...categories('utredningar', 'enhet'),
      ...categories('orosanmalningar', 'enhet'),
      ...categories('beslut', 'enhet'),
    ]);
    const interventions = categories('beslut', 'insats');
    for (const row of pkg.tables.beslut ?? []) {
      if (row.unit !== null) expect(units.has(row.unit), row.unit).toBe(true);
      if (row.intervention !== null) expect(interventions.has(row.intervention), row.intervention).toBe(true);
    }
  });

  it('publishes no count of 1–4, in JSON or CSV', () => {
    const small: string[] = [];
    const walk = (value: unknown, path: string) => {
      if (typeof value === 'number' && value >= 1 && value <= 4 && !path.endsWith('formatVersion')) small.push(path);
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`);
    };
    walk(pkg, 'pkg');
    expect(small).toEqual([]);
    for (const [name, text] of texts) {
      if (!name.endsWith('.csv')) continue;
      const cells = csvRows(text).flatMap((row) => Object.values(row));
      expect(
        cells.filter((c) => /^[1-4]$/.test(c)),
        name,
      ).toEqual([]);
    }
    const tables = Object.values(pkg.tables) as Record<string, unknown>[][];
    expect(tables.some((rows) => rows.some((r) => Object.values(r).includes(null)))).toBe(true);
  });

  it('lets the independent checker recover no hidden count', () => {
    const { cells, relations } = packageRelations(pkg);
    expect([...cells.values()].filter((v) => v === null).length).toBeGreaterThan(0);
    expect(recoverHidden(cells, relations, 0)).toEqual([]);
    expect(recoverHidden(cells, relations, 1)).toEqual([]);
  });

  it('gives the report’s monthly utredningar counts in every unsuppressed cell of all units and kön', () => {
    const report = csvRows(readFileSync(join(reportDir, 'utredningar_manad.csv'), 'utf8'));
    const byMonth = new Map(report.map((r) => [r.manad, r]));
    const columns: [string, string][] = [
      ['started', 'inledda'],
      ['inTime', 'i_tid'],
      ['extended', 'forlangd'],
      ['late', 'sen'],
      ['pending', 'pagaende'],
      ['extendedOverdue', 'forlangd_passerat_forlangd_till'],
    ];
    const totals = (pkg.tables.utredningar ?? []).filter((r) => r.unit === null && r.sex === null);
    // Every month the report has investigations in is in the package.
    expect(totals.map((r) => r.month).sort()).toEqual(
      report
        .filter((r) => r.inledda !== '0')
        .map((r) => r.manad)
        .sort(),
    );
    let compared = 0;
    for (const row of totals) {
      const want = byMonth.get(row.month);
      expect(want, row.month).toBeDefined();
      for (const [field, header] of columns) {
        const value = row[field as keyof typeof row];
        if (value === null) continue;
        expect(value, `${row.month} ${field}`).toBe(Number(want?.[header]));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(totals.length * 4);
  });
});
