/**
 * The rules as SQL (sql/) on DuckDB against the app: the same files, the same options, byte for byte
 * the same report files; and the SQL's per-row statuses against the fixture generator's own
 * date-fns oracle (fixtures/demo-expected.json). Skipped, saying why, when the optional dependency
 * @duckdb/node-api is not installed.
 *
 * INSYN_APP_ROOT runs the app's report from another checkout (e.g. a clean export of HEAD while the
 * working tree is mid-refactor); by default it is this one.
 */
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlDatabase, SqlReportOptions } from '../../../src/cli/duckdb/sqlReport';
import { DATASETS } from '../../../src/import/datasets';
import { importFile } from '../../../src/import/importFile';
import { defaultAsOf } from '../../../src/kpi/asOf';
import { isoDate } from '../../../src/kpi';

const duckdbAvailable = await import('@duckdb/node-api').then(
  () => true,
  () => false,
);
if (!duckdbAvailable)
  console.warn('tests/unit/sql: @duckdb/node-api (valfritt beroende) saknas – SQL-testerna hoppas över.');
const sql = duckdbAvailable ? await import('../../../src/cli/duckdb/sqlReport') : null;
const { sqlReportOptions } = await import('../../../src/cli/duckdb/options');

const APP_ROOT = process.env.INSYN_APP_ROOT ?? process.cwd();
const DEMO = ['utredningar', 'forlangningar', 'orosanmalningar', 'beslut'].map((n) => resolve(`public/data/${n}.csv`));
const expected = JSON.parse(readFileSync('fixtures/demo-expected.json', 'utf8')) as {
  edgeCases: { id: string; status: string }[];
  concernEdgeCases: { id: string; status: string }[];
  ivo2025Q3: { id: string; kind: string; executed: boolean }[];
};

/** Every file the app's report writes but problem.csv (the import's list of problems, the app's alone). */
const COMPARED = [
  'avstamning.csv',
  'utredningar_manad.csv',
  'utredningar_period.csv',
  'orosanmalningar_manad.csv',
  'orosanmalningar_period.csv',
  'orosanmalningar_orsaker.csv',
  'orosanmalningar_volym.csv',
  'beslut_manad.csv',
  'beslut_kvartal.csv',
  'beslut_insats.csv',
  'beslut_enhet.csv',
];

/** Runs the app's own report (src/cli/report.ts) and returns the files it wrote. */
async function appReport(args: string[]): Promise<Map<string, string>> {
  const out = mkdtempSync(join(tmpdir(), 'insyn-app-'));
  await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/report.ts', ...args, '--out', out], {
    cwd: APP_ROOT,
    encoding: 'utf8',
  });
  return new Map(readdirSync(out).map((name) => [name, readFileSync(join(out, name), 'utf8')]));
}

/** Both engines on the same command line; the DuckDB side reads the options as the CLI does. */
function compareEngines(title: string, args: string[], files: string[]) {
  describe(title, () => {
    let app: Map<string, string>;
    let duck: Map<string, string>;
    beforeAll(async () => {
      const options = sqlReportOptions(parse(args), files);
      [app, duck] = await Promise.all([appReport([...args, ...files]), sql!.sqlReport(options).then((r) => r.files)]);
    }, 120_000);

    for (const name of COMPARED)
      it(`${name} is byte-identical`, () => {
        if (!app.has(name)) return expect(duck.has(name)).toBe(false);
        expect(duck.get(name)).toBe(app.get(name));
      });

    it('the IVO list and its summary are byte-identical', () => {
      const ivo = [...app.keys()].filter((n) => n.startsWith('ivo_')).sort();
      expect(ivo.length === 0 || ivo.length === 2).toBe(true);
      for (const name of ivo) expect(duck.get(name)).toBe(app.get(name));
      expect([...duck.keys()].filter((n) => n.startsWith('ivo_')).sort()).toEqual(ivo);
    });

    it('writes the same files apart from the import’s list of problems', () => {
      const appFiles = [...app.keys()].filter((n) => n !== 'problem.csv');
      expect([...duck.keys()].sort()).toEqual(appFiles.sort());
    });
  });
}

/** `--as-of X --quarter Y` → parseArgs-like values. */
function parse(args: string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (let i = 0; i < args.length; i += 2) values[args[i].replace(/^--/, '')] = args[i + 1];
  return values;
}

/** The demo files' rows of the named edge cases (ids with "KANT"), with their headers. */
function edgeCaseFiles(): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'insyn-kant-'));
  return DEMO.map((path) => {
    const [header, ...lines] = readFileSync(path, 'utf8').split('\r\n');
    const target = join(dir, path.split('/').pop() as string);
    writeFileSync(target, [header, ...lines.filter((l) => l.includes('-KANT-'))].join('\r\n') + '\r\n');
    return target;
  });
}

/**
 * Rows for the row rules: a personnummer id written two ways (one child: a duplicate), extension
 * columns on the investigation rows, a date with a time of day, an invalid date, a start after the
 * as-of date; a skyddsbedömning before the receipt and an interruption before the execution
 * (DOMAIN.md: varning, the date is ignored and the row counts); outcomes written as exports write
 * them; kön as letters; an empty unit.
 */
function ruleFiles(): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'insyn-regler-'));
  const write = (name: string, lines: string[]) => {
    writeFileSync(join(dir, name), lines.join('\n') + '\n');
    return join(dir, name);
  };
  return [
    write('utredningar.csv', [
      'utredning_id;startdatum;avslutsdatum;enhet;kon;forlangning_beslutsdatum;forlangd_till',
      '850101-1234;2025-01-10;2025-05-10;Norr;F;;',
      '19850101-1234;2025-01-12;;Norr;F;;',
      'R-2;2025-01-31 00:00;;Söder;P;2025-05-30;2025-07-31',
      'R-3;2025-02-30;;Söder;P;;',
      'R-4;2025-02-28;2025-06-29;;x;2025-06-29;',
      'R-5;2025-03-31;2025-08-01;Norr;pojke;2025-07-31;2025-07-31',
      'R-6;2025-12-01;;Norr;pojke;;',
      'R-7;2024-02-29;2024-06-29;Norr;flicka;;',
      // Field counts: an empty extra field is accepted, a filled one or a missing one rejects the row.
      'R-8;2025-04-01;;Norr;pojke;;;',
      'R-9;2025-04-02;;Norr;pojke;;;x',
      'R-10;2025-04-03',
    ]),
    write('forlangningar.csv', [
      'utredning_id;beslutsdatum;forlangd_till;skal',
      'R-4;2025-06-28;2025-08-31;BUP',
      'R-5;2025-08-01;2025-09-30;sent beslut',
    ]),
    write('orosanmalningar.csv', [
      'anmalan_id;inkomstdatum;skyddsbedomning_datum;forhandsbedomning_datum;beslut;orsak_forsening;enhet;kon',
      'O-1;2025-03-03;2025-03-01;2025-03-17;Inleds ej;;Norr;K',
      'O-2;2025-03-03;2025-03-05;2025-03-18;Inleds;Vårdnadshavare uteblev;Norr;M',
      'O-3;2025-03-04;2025-03-04;;Pågående utredning;;Söder;pojke',
      'O-4;2025-04-01;;;ja;;;flicka',
      'O-5;2025-04-02;2025-04-02;2025-04-20;nej;Organisatoriska skäl;Söder;flicka',
    ]),
    write('beslut.csv', [
      'beslut_id;beslutsdatum;insats;verkstalldatum;avbrottsdatum;aterupptagen_datum;orsak;enhet;kon',
      'D-1;2025-01-15;Öppenvård;2025-05-01;2025-04-20;;;Norr;K',
      'D-2;2024-11-30;HVB;;;;Ingen plats;;M',
      'D-3;2025-02-10;Öppenvård;2025-02-20;2025-03-01;2025-06-15;;Söder;flicka',
      'D-4;2025-03-31;Familjehem;2025-06-30;;;;Söder;pojke',
      'D-5;2025-03-31;Familjehem;2025-07-01;;;Semester;Söder;pojke',
      // Deadlines on a quarter's last day (2025-09-30) and on the as-of date 2025-11-15: not late yet.
      'D-6;2025-06-30;Öppenvård;;;;;Norr;flicka',
      'D-7;2025-08-15;Öppenvård;;;;;Norr;flicka',
      // Personnummer in text and category columns are masked as the app masks them.
      'D-8;2025-02-10;HVB 121212-1212;;;;Ring 19121212-1212 om plats;Norr 121212-1212;pojke',
      'D-9;2025-02-11;HVB 131313-1313;;;;;Norr 20121212-1212;flicka',
    ]),
  ];
}

/**
 * Duplicates and dates after the as-of date in every position (DOMAIN.md: avvisad), across two
 * investigation files: an exact copy, a repeated id with other values, a repeated id whose first
 * row is invalid or lies after the as-of date, ids differing in case or blanks, a later file's copy;
 * an extension repeated, after the as-of date, or for an unknown investigation; a skyddsbedömning
 * and an interruption after the as-of date; and the date forms exports write (d/m/yyyy, yyyymmdd,
 * an instant in UTC that is the next day in Stockholm, an impossible time of day).
 */
function duplicateAndFutureFiles(): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'insyn-dubbletter-'));
  const write = (name: string, lines: string[]) => {
    writeFileSync(join(dir, name), lines.join('\n') + '\n');
    return join(dir, name);
  };
  return [
    write('utredningar.csv', [
      'utredning_id;startdatum;avslutsdatum;enhet;kon',
      'U-1;2025-01-10;2025-03-01;Norr;pojke',
      'U-1;2025-01-10;2025-03-01;Norr;pojke',
      'U-2;2025-02-01;;Norr;flicka',
      'U-2;2025-02-03;2025-04-01;Söder;flicka',
      'U-3;2025-12-05;;Norr;pojke',
      'U-3;2025-03-05;;Norr;pojke',
      'U-4;2025-03-01;2025-12-20;Söder;pojke',
      'U-4;2025-03-01;2025-05-20;Söder;pojke',
      'U-5;2025-02-30;;Norr;pojke',
      'U-5;2025-04-01;;Norr;pojke',
      ' U-6 ;2025-04-02;;Norr;pojke',
      'U-6;2025-04-03;;Norr;flicka',
      'u-7;2025-04-04;;Norr;pojke',
      'U-7;2025-04-05;;Norr;pojke',
      'U-8;2025-05-01;;Norr;pojke',
      'U-9;2026-01-08;;Norr;pojke',
      'U-10;2025-06-01;2025-06-01 ;Norr;flicka',
      'U-10;2025-06-01;2025-06-01;Norr;flicka',
      'U-11;1/7/2025;20251030;Norr;x',
      'U-12;2025-07-02;2025-10-31T23:30:00Z;Norr;',
      'U-13;2025-07-03;2025-07-04 25:00;Norr;pojke',
    ]),
    write('utredningar2.csv', [
      'utredning_id;startdatum;avslutsdatum;enhet;kon',
      'U-8;2025-05-02;2025-06-01;Söder;flicka',
      'U-14;2025-08-01;;Söder;flicka',
      'U-1;2025-01-10;2025-03-01;Norr;pojke',
    ]),
    write('forlangningar.csv', [
      'utredning_id;beslutsdatum;forlangd_till',
      'U-2;2025-05-30;2025-08-31',
      'U-2;2025-05-30;2025-08-31',
      'U-3;2025-07-01;2025-09-30',
      'U-3;2025-12-20;2026-02-28',
      'U-99;2025-05-01;2025-06-30',
      'U-8;2025-08-30;2026-03-01',
      'U-6;2025-08-02;2025-10-31',
    ]),
    write('orosanmalningar.csv', [
      'anmalan_id;inkomstdatum;skyddsbedomning_datum;forhandsbedomning_datum;beslut;orsak_forsening;enhet;kon',
      'O-1;2025-03-03;2025-03-03;2025-03-10;Inleds;;Norr;pojke',
      'O-1;2025-03-03;2025-03-03;2025-03-10;Inleds;;Norr;pojke',
      'O-2;2025-11-28;2025-12-02;;;;Norr;pojke',
      'O-3;2025-11-20;2025-11-19;2025-12-03;Inleds ej;;Norr;flicka',
      'O-4;2025-12-01;;;;;Norr;flicka',
      'O-4;2025-11-01;;2025-11-10;Inleds;;Norr;flicka',
      'O-5;2025-10-01;;2025-10-20;Inleds ej;Vårdnadshavare uteblev;Söder;pojke',
    ]),
    write('beslut.csv', [
      'beslut_id;beslutsdatum;insats;verkstalldatum;avbrottsdatum;aterupptagen_datum;orsak;enhet;kon',
      'B-1;2025-03-01;HVB;2025-04-01;;;;Norr;pojke',
      'B-1;2025-03-01;HVB;2025-04-01;;;;Norr;pojke',
      'B-2;2025-05-01;Öppenvård;;;;Ingen plats;Norr;flicka',
      'B-3;2025-04-01;Öppenvård;2025-05-01;2025-12-05;;;Norr;flicka',
      'B-4;2025-04-01;Öppenvård;2025-05-01;2025-06-01;2025-12-10;;Söder;flicka',
      'B-5;2025-08-01;Familjehem;2025-12-01;;;;Söder;pojke',
      'B-6;2025-06-01;Familjehem;2025-07-15;2025-07-01;;;Söder;pojke',
      'B-6;2025-06-02;Familjehem;;;;;Söder;pojke',
      'B-7;2025-12-02;HVB;;;;;Söder;pojke',
    ]),
  ];
}

const title = duckdbAvailable
  ? 'the rules as SQL on DuckDB'
  : 'the rules as SQL on DuckDB – skipped: the optional dependency @duckdb/node-api is not installed';
describe.skipIf(!duckdbAvailable)(title, () => {
  describe('DATE + INTERVAL n MONTH on DuckDB (lag 1930:173 1 §)', () => {
    it('clamps to the last day of a shorter month, leap years included', async () => {
      const { DuckDBInstance } = await import('@duckdb/node-api');
      const connection = await (await DuckDBInstance.create(':memory:')).connect();
      const rows = (
        await connection.runAndReadAll(
          `SELECT CAST(CAST(DATE '2025-10-31' + INTERVAL '4' MONTH AS DATE) AS VARCHAR) AS a,
                  CAST(CAST(DATE '2023-10-31' + INTERVAL '4' MONTH AS DATE) AS VARCHAR) AS b,
                  CAST(CAST(DATE '2025-11-30' + INTERVAL '3' MONTH AS DATE) AS VARCHAR) AS c,
                  CAST(CAST(DATE '2025-02-28' + INTERVAL '4' MONTH AS DATE) AS VARCHAR) AS d`,
        )
      ).getRowObjectsJS();
      expect(rows).toEqual([{ a: '2026-02-28', b: '2024-02-29', c: '2026-02-28', d: '2025-06-28' }]);
      connection.closeSync();
    });
  });

  describe('per-row statuses against the generator’s oracle (demo data, as-of 2025-11-30)', () => {
    let db: SqlDatabase;
    const query = async (text: string) => (await db.connection.runAndReadAll(text)).getRowObjectsJS();
    beforeAll(async () => {
      const options: SqlReportOptions = { files: DEMO, asOf: '2025-11-30', quarterStart: '2025-07-01' };
      db = await sql!.openSqlDatabase(options);
    }, 60_000);
    afterAll(() => db?.close());

    it('classifies every edge-case investigation as the oracle does', async () => {
      const rows = await query(
        `SELECT utredning_id AS id, status FROM utredning_klassning WHERE utredning_id LIKE 'U-KANT-%' ORDER BY 1`,
      );
      expect(rows).toEqual(expected.edgeCases.map(({ id, status }) => ({ id, status })));
    });

    it('puts the month-end clamp into the deadline', async () => {
      const rows = await query(
        `SELECT CAST(frist AS VARCHAR) AS frist FROM utredning_klassning WHERE utredning_id IN ('U-KANT-05', 'U-KANT-07') ORDER BY utredning_id`,
      );
      expect(rows).toEqual([{ frist: '2025-02-28' }, { frist: '2024-02-29' }]);
    });

    it('classifies every edge-case orosanmälan as the oracle does', async () => {
      const rows = await query(
        `SELECT anmalan_id AS id, status FROM orosanmalan_klassning WHERE anmalan_id LIKE 'A-KANT-%' ORDER BY 1`,
      );
      expect(rows).toEqual(expected.concernEdgeCases.map(({ id, status }) => ({ id, status })));
    });

    it('lists the 2025Q3 IVO entries the oracle lists', async () => {
      const rows = await query(
        `SELECT beslut_id AS id, typ AS kind, status = 'verkställt' AS executed FROM ivo_lista ORDER BY beslut_id, typ`,
      );
      const want = [...expected.ivo2025Q3].sort((a, b) => (a.id + a.kind < b.id + b.kind ? -1 : 1));
      expect(rows).toEqual(want);
    });
  });

  describe('the default as-of date, against src/kpi/asOf.ts', () => {
    /** defaultAsOf over the event dates (not planned ones) of the files as the app imports them. */
    const appDefault = (files: string[]) => {
      const columns = files.flatMap((path) => {
        const result = importFile(new Uint8Array(readFileSync(path)), path);
        if (result.status !== 'loaded') throw new Error(path);
        return DATASETS[result.dataset].fields
          .filter((f) => f.kind === 'date' && !f.planned && result.table.dates[f.key])
          .map((f) => result.table.dates[f.key]);
      });
      return isoDate(defaultAsOf(columns).asOf);
    };
    const sqlDefault = async (files: string[]) => {
      const db = await sql!.openSqlDatabase({ files });
      try {
        const rows = await db.connection.runAndReadAll('SELECT CAST(uttagsdatum AS VARCHAR) AS d FROM uttag');
        return rows.getRowObjectsJS()[0].d;
      } finally {
        db.close();
      }
    };
    const dir = mkdtempSync(join(tmpdir(), 'insyn-uttag-'));
    const file = (name: string, lines: string[]) => {
      writeFileSync(join(dir, name), lines.join('\n') + '\n');
      return join(dir, name);
    };
    const stray = file('stray.csv', ['utredning_id;startdatum', 'X-1;2026-01-08']);
    const few = file('few.csv', [
      'utredning_id;startdatum;avslutsdatum',
      'Y-1;2025-01-10;2025-02-01',
      'Y-2;2025-03-01;',
    ]);
    // Steady activity through 2025-06-30, then three dates after a three-month pause: not a handful.
    const tail = file('tail.csv', [
      'utredning_id;startdatum',
      ...Array.from({ length: 180 }, (_, i) => `T-${i};${isoDate(20089 + i)}`),
      'T-a;2025-10-01',
      'T-b;2025-10-02',
      'T-c;2025-10-03',
    ]);
    for (const [title, files] of [
      ['the demo data', DEMO],
      ['the demo data and one mistyped later date', [DEMO[0], stray]],
      ['fewer than ten events', [few, stray]],
      ['a later tail that is more than a handful', [tail]],
    ] as const)
      it(`is the app's for ${title}`, async () => {
        expect(await sqlDefault([...files])).toBe(appDefault([...files]));
      }, 60_000);
  });

  compareEngines('demo data, as-of 2025-11-30, 2025Q3', ['--as-of', '2025-11-30', '--quarter', '2025Q3'], DEMO);
  compareEngines('demo data, as-of 2025-10-31 (month end, default quarter)', ['--as-of', '2025-10-31'], DEMO);
  compareEngines('demo data, default as-of date and quarter', [], DEMO);
  compareEngines(
    'demo data, as-of 2025-09-30 (quarter end: that quarter is reported)',
    ['--as-of', '2025-09-30'],
    DEMO,
  );
  compareEngines(
    'demo data, as-of 2025-08-15 (in a running quarter)',
    ['--as-of', '2025-08-15', '--quarter', '2025Q3'],
    DEMO,
  );
  compareEngines(
    'demo data and the problem rows, units, month range and a period over the year end',
    ['--as-of', '2025-11-30', '--units', 'Norr,Söder', '--from', '2024-01', '--to', '2025-06', '--period', '11-2'],
    [...DEMO, resolve('fixtures/problems/utredningar_fel.csv')],
  );
  const edges = edgeCaseFiles();
  for (const asOf of ['2025-11-30', '2025-05-10', '2025-06-03', '2025-03-17'])
    compareEngines(`the edge cases alone, as-of ${asOf}`, ['--as-of', asOf, '--quarter', '2025Q2'], edges);
  const rules = ruleFiles();
  compareEngines('the row rules, as-of 2025-11-30', ['--as-of', '2025-11-30', '--quarter', '2025Q3'], rules);
  compareEngines(
    'the row rules, as-of 2025-11-15 in a running quarter',
    ['--as-of', '2025-11-15', '--quarter', '2025Q4'],
    rules,
  );

  // Every fixture file set (fixtures/README.md), each as the app would be given it.
  const fixture = (...names: string[]) => names.map((n) => resolve('fixtures', n));
  const edge = fixture(
    ...['utredningar', 'forlangningar', 'orosanmalningar', 'beslut'].map((n) => `oracle/edge/${n}_kant.csv`),
  );
  // As-of dates on and around the hand-made edge cases: 2025-10-29 is E-13's deadline (open on the
  // deadline day) and day 14 of K-06, 2025-06-30 a quarter's last day and D-10's decision day,
  // 2025-12-01 the day E-17 finished and D-16 was executed, 2024-06-29 the leap-day start's deadline.
  for (const [asOf, quarter] of [
    ['2025-11-30', '2025Q3'],
    ['2025-10-29', '2025Q3'],
    ['2025-10-30', '2025Q3'],
    ['2025-12-01', '2025Q4'],
    ['2025-06-30', ''],
    ['2024-06-29', '2024Q1'],
  ])
    compareEngines(
      `fixtures/oracle/edge, as-of ${asOf}${quarter ? `, ${quarter}` : ''}`,
      ['--as-of', asOf, ...(quarter ? ['--quarter', quarter] : [])],
      edge,
    );
  const dialectSets: [string, string[]][] = [
    [
      'Excel on Windows (Windows-1252, sep= line, synonyms) with tab-separated extensions',
      fixture('dialects/utredningar_excel_win1252.csv', 'dialects/forlangningar_tabb.csv'),
    ],
    ['comma-separated, quoted fields, d/m/yyyy dates', fixture('dialects/utredningar_komma_citat.csv')],
    ['orosanmälningar with synonym headers', fixture('dialects/orosanmalningar_synonymer.csv')],
    [
      'the .xlsx fixtures\u2019 CSV twins',
      fixture(...['utredningar', 'forlangningar', 'orosanmalningar', 'beslut'].map((n) => `xlsx/${n}_300.csv`)),
    ],
    ['times of day, an age column, quoted units (xlsx/utredningar_tid.csv)', fixture('xlsx/utredningar_tid.csv')],
    [
      'the .xlsx folder\u2019s dialect copies',
      fixture('xlsx/utredningar_komma_citat.csv', 'xlsx/forlangningar_tabb.csv'),
    ],
  ];
  // Cells a spreadsheet would run as formulas (=, +, -, @), added by another change: compared once present.
  if (existsSync('fixtures/hostile'))
    dialectSets.push([
      'cells that start like spreadsheet formulas (fixtures/hostile)',
      fixture(...['utredningar', 'forlangningar', 'orosanmalningar', 'beslut'].map((n) => `hostile/${n}.csv`)),
    ]);
  for (const [title, files] of dialectSets) compareEngines(`fixtures: ${title}, default as-of date`, [], files);
  const duplicates = duplicateAndFutureFiles();
  for (const asOf of ['2025-11-30', '2025-12-05', '2025-06-30'])
    compareEngines(`duplicates, future dates and date forms, as-of ${asOf}`, ['--as-of', asOf], duplicates);
  compareEngines('duplicates, future dates and date forms, default as-of date (a stray later date)', [], duplicates);

  it('compares every CSV fixture (a new one must be added above)', () => {
    const compared = new Set([
      ...edge,
      ...dialectSets.flatMap(([, files]) => files),
      resolve('fixtures/problems/utredningar_fel.csv'),
      // Headers no synonym matches: the engine refuses it (tested below), as the app asks for a mapping.
      resolve('fixtures/dialects/utredningar_okanda_rubriker.csv'),
    ]);
    const all = readdirSync('fixtures', { recursive: true, encoding: 'utf8' })
      .filter((n) => n.endsWith('.csv'))
      .map((n) => resolve('fixtures', n));
    expect(all.filter((path) => !compared.has(path))).toEqual([]);
  });

  describe('npm run report -- --engine duckdb', () => {
    const cli = (script: string, ...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { encoding: 'utf8' });
    const run = (...args: string[]) => cli('src/cli/report.ts', '--engine', 'duckdb', ...args);
    const written = (dir: string) => new Map(readdirSync(dir).map((n) => [n, readFileSync(join(dir, n), 'utf8')]));

    it('writes every file byte for byte as the default engine does on the demo data', () => {
      const [duckOut, appOut] = [mkdtempSync(join(tmpdir(), 'insyn-duck-')), mkdtempSync(join(tmpdir(), 'insyn-app-'))];
      const data = readdirSync('public/data')
        .filter((n) => n.endsWith('.csv'))
        .map((n) => join('public/data', n));
      expect(data).toHaveLength(4);
      const duckRun = run('--as-of', '2025-11-30', '--out', duckOut, ...data);
      expect([duckRun.status, duckRun.stderr]).toEqual([0, '']);
      expect(cli('src/cli/report.ts', '--as-of', '2025-11-30', '--out', appOut, ...data).status).toBe(0);
      const [duck, app] = [written(duckOut), written(appOut)];
      // The import's list of problems (problem.csv) is the app engine's alone.
      expect([...duck.keys()].sort()).toEqual([...app.keys()].filter((n) => n !== 'problem.csv').sort());
      expect(duck.size).toBe(13);
      for (const [name, text] of duck) expect({ name, text }).toEqual({ name, text: app.get(name) });
    }, 120_000);

    it('prints the app’s reconciliation: duplicates, later dates and unknown investigations rejected', () => {
      const out = mkdtempSync(join(tmpdir(), 'insyn-duck-'));
      const lines = (result: { stdout: string }) =>
        result.stdout.split('\n').filter((l) => l.startsWith('Uttagsdatum') || l.includes('rader lästa'));
      const duck = run('--as-of', '2025-11-30', '--out', out, ...duplicates);
      const app = cli('src/cli/report.ts', '--as-of', '2025-11-30', '--out', out, ...duplicates);
      expect(lines(duck)).toEqual(lines(app));
      expect(lines(duck)).toContain(
        'utredningar.csv (utredningar): 21 rader lästa = 10 godkända + 11 avvisade (1 godkända med varning)',
      );
    }, 60_000);

    it('writes the report files and names them', () => {
      const out = mkdtempSync(join(tmpdir(), 'insyn-duck-'));
      const result = run('--as-of', '2025-11-30', '--quarter', '2025Q3', '--out', out, ...edges);
      expect(result.status).toBe(0);
      expect(result.stdout).toContain('Uttagsdatum: 2025-11-30');
      expect(readdirSync(out).sort()).toEqual([
        'avstamning.csv',
        'beslut_enhet.csv',
        'beslut_insats.csv',
        'beslut_kvartal.csv',
        'beslut_manad.csv',
        'ivo_2025Q3.csv',
        'ivo_2025Q3_sammanstallning.csv',
        'orosanmalningar_manad.csv',
        'orosanmalningar_orsaker.csv',
        'orosanmalningar_period.csv',
        'orosanmalningar_volym.csv',
        'utredningar_manad.csv',
        'utredningar_period.csv',
      ]);
    }, 60_000);

    it('exits 1 with a Swedish message for a wrong option or headers it does not know', () => {
      const out = mkdtempSync(join(tmpdir(), 'insyn-duck-'));
      // src/cli/duckdb/report.ts is kept as a wrapper for --engine duckdb.
      const quarter = cli('src/cli/duckdb/report.ts', '--quarter', '2025Q9', '--out', out, ...edges);
      expect([quarter.status, quarter.stderr]).toEqual([1, 'Fel: --quarter skrivs t.ex. 2025Q3.\n']);
      const unknown = run('--out', out, 'fixtures/dialects/utredningar_okanda_rubriker.csv');
      expect(unknown.status).toBe(1);
      expect(unknown.stderr).toContain('känns inte igen');
      const workbook = run('--out', out, 'fixtures/xlsx/utredningar_300.xlsx');
      expect([workbook.status, workbook.stderr]).toEqual([
        1,
        'Fel: utredningar_300.xlsx är en arbetsbok (.xlsx, .xls eller .ods), inte en CSV-fil. DuckDB-motorn läser bara CSV: spara bladet som CSV, eller kör utan --engine duckdb (appens motor läser .xlsx).\n',
      ]);
    }, 60_000);
  });
});
