/** The committed fixtures read as their README says, and the demo data matches the generator's intent. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importFile, type LoadedFile } from '../../../src/import/importFile';
import { Engine } from '../../../src/engine/engine';
import {
  classifyInvestigation,
  INVESTIGATION_STATUS_LABELS,
  isoDate,
  isoMonth,
  NO_DATE,
  parseIsoDate,
} from '../../../src/kpi';

const read = (path: string) => new Uint8Array(readFileSync(new URL(`../../../${path}`, import.meta.url)));
const load = (path: string) => {
  const result = importFile(read(path), path.split('/').pop() ?? path);
  if (result.status !== 'loaded') throw new Error(`${path}: ${result.status}`);
  return result;
};
/** Lines (1-based) of a committed CSV whose kön is empty, read with a plain split (no quotes in the demo data). */
const linesWithEmptySex = (path: string) => {
  const [header, ...rows] = readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8')
    .trimEnd()
    .split(/\r?\n/);
  const kon = header.split(';').indexOf('kon');
  return rows.flatMap((row, i) => (row.split(';')[kon].trim() === '' ? [i + 2] : []));
};
/** The demo data's only problems: a warning for each row with empty kön (about 2–3 %, on purpose). */
const onlyEmptySexWarnings = (file: LoadedFile, path: string) =>
  expect(file.problems.map((p) => [p.line, p.code, p.severity])).toEqual(
    linesWithEmptySex(path).map((line) => [line, 'sex-unknown', 'varning']),
  );

const expected = JSON.parse(readFileSync(new URL('../../../fixtures/demo-expected.json', import.meta.url), 'utf8')) as {
  asOf: string;
  edgeCases: { id: string; purpose: string; status: string }[];
  months: Record<string, Record<string, number>>;
  concernMonths: Record<string, Record<string, number>>;
  concernLateReasons: Record<string, Record<string, number>>;
  decisionMonths: Record<string, Record<string, number>>;
  ivo2025Q3: { id: string; kind: string; executed: boolean }[];
};

describe('demo data (public/data)', () => {
  const ws = new Engine();
  const utredningar = load('public/data/utredningar.csv');
  ws.add(utredningar);
  ws.add(load('public/data/forlangningar.csv'));

  it('loads without problems and takes its as-of date from the latest event', () => {
    onlyEmptySexWarnings(utredningar, 'public/data/utredningar.csv');
    expect(utredningar.rowsRejected).toBe(0);
    expect(isoDate(ws.latestEventDate())).toBe(expected.asOf);
    expect(ws.reconciliation(ws.latestEventDate()).problems.filter((p) => p.severity === 'avvisad')).toEqual([]);
  });

  it('classifies every month exactly as the generator intended (date-fns oracle)', () => {
    const view = ws.investigations({ asOf: ws.latestEventDate() });
    const actual = Object.fromEntries(
      (view?.months ?? []).map((m) => [
        isoMonth(m.month),
        { 'i tid': m.inTime, förlängd: m.extended, sen: m.late, pågående: m.pending },
      ]),
    );
    expect(actual).toEqual(expected.months);
  });

  it('gives every unit’s series over the range, adding up to the whole', () => {
    const view = ws.investigations({ asOf: ws.latestEventDate(), fromMonth: 2024 * 12, toMonth: 2024 * 12 + 11 });
    const units = view?.byUnitSeries ?? [];
    expect(units.map((u) => u.unit)).toEqual(['Norr', 'Söder', 'Väster', 'Öster']);
    const year = Object.entries(expected.months).filter(([m]) => m.startsWith('2024-'));
    expect(units.reduce((s, u) => s + u.numerator, 0)).toBe(year.reduce((s, [, c]) => s + c['sen'], 0));
    expect(units.every((u) => u.months.length === 12)).toBe(true);
    // Öster is generated with a 1.3× late share, Väster with 0.8×.
    const share = (name: string) => units.find((u) => u.unit === name)?.pooledShare ?? 0;
    expect(share('Öster')).toBeGreaterThan(share('Väster'));
  });

  it('classifies every named edge case as intended', () => {
    const asOf = parseIsoDate(expected.asOf) ?? NO_DATE;
    const ids = utredningar.table.texts.utredning_id;
    const ext = ws.dataset('forlangningar')?.table;
    for (const edge of expected.edgeCases) {
      const i = ids.indexOf(edge.id);
      const decisions = ext
        ? ext.texts.utredning_id.flatMap((id, r) => (id === edge.id ? [ext.dates.beslutsdatum[r]] : []))
        : [];
      const first = decisions.length ? Math.min(...decisions) : NO_DATE;
      const status = classifyInvestigation(
        utredningar.table.dates.startdatum[i],
        utredningar.table.dates.avslutsdatum[i],
        first,
        asOf,
      );
      expect(`${edge.purpose}: ${INVESTIGATION_STATUS_LABELS[status]}`).toBe(`${edge.purpose}: ${edge.status}`);
    }
  });
});

describe('Bevakning on the demo data', () => {
  const ws = new Engine();
  for (const name of ['utredningar', 'forlangningar', 'orosanmalningar', 'beslut'])
    ws.add(load(`public/data/${name}.csv`));
  const asOf = parseIsoDate(expected.asOf) ?? NO_DATE;
  const watch = ws.watch({ asOf, reopenWindow: 30 });

  it('flags the investigation closed and reopened for the same child three days later', () => {
    expect(watch.hasPersonKey).toBe(true);
    expect(watch.reopened).toContainEqual(
      expect.objectContaining({ closedId: 'U-KANT-13', reopenedId: 'U-KANT-14', gapDays: 3 }),
    );
    expect(ws.watch({ asOf, reopenWindow: 2 }).reopened.some((r) => r.closedId === 'U-KANT-13')).toBe(false);
  });
  it('lists open investigations most urgent first, and counts every open one per unit', () => {
    const rows = watch.investigations?.rows ?? [];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r, i) => i === 0 || rows[i - 1].daysLeft <= r.daysLeft)).toBe(true);
    // Open on its deadline day (U-KANT-11, deadline = as-of) is due within 14 days, not overdue.
    expect(rows.find((r) => r.id === 'U-KANT-11')).toMatchObject({ bucket: 'within14', daysLeft: 0 });
    expect(rows.find((r) => r.id === 'U-KANT-09')).toMatchObject({ bucket: 'overdue' });
    const view = ws.investigations({ asOf });
    const openPending = (view?.months ?? []).reduce((s, m) => s + m.pending, 0);
    const counted = watch.countsByUnit.reduce(
      (s, u) => s + u.investigations.within14 + u.investigations.within30 + u.investigations.later,
      0,
    );
    // Every pending investigation is in a not-yet-overdue bucket (extended ones past their date aside).
    expect(counted).toBeGreaterThanOrEqual(openPending);
  });
  it('lists orosanmälningar approaching day 14 and decisions approaching three months', () => {
    expect(watch.concerns?.rows.find((r) => r.id === 'A-KANT-05')).toMatchObject({ bucket: 'within14', daysLeft: 0 });
    expect(watch.decisions?.rows.find((r) => r.id === 'B-KANT-04')).toMatchObject({ bucket: 'overdue' });
  });
});

describe('demo orosanmälningar (public/data)', () => {
  const ws = new Engine();
  const file = load('public/data/orosanmalningar.csv');
  ws.add(file);
  const view = ws.concerns({ asOf: parseIsoDate(expected.asOf) ?? NO_DATE });

  it('loads every row', () => {
    onlyEmptySexWarnings(file, 'public/data/orosanmalningar.csv');
    expect(file.rowsRejected).toBe(0);
    expect(file.table.count).toBeGreaterThan(40_000);
  });
  it('classifies every month of receipt as the generator intended', () => {
    const actual = Object.fromEntries(
      (view?.months ?? []).map((m) => [
        isoMonth(m.month),
        { 'i tid': m.inTime, sen: m.late, pågående: m.pending, 'pågående utredning': m.underInvestigation },
      ]),
    );
    expect(actual).toEqual(expected.concernMonths);
  });
  it('breaks the late ones down by reason per year as intended', () => {
    const actual: Record<string, Record<string, number>> = {};
    for (const r of view?.reasons ?? []) (actual[r.year] ??= {})[r.reason] = r.count;
    expect(actual).toEqual(expected.concernLateReasons);
  });
});

describe('demo beslut (public/data)', () => {
  const ws = new Engine();
  const file = load('public/data/beslut.csv');
  ws.add(file);
  const asOf = parseIsoDate(expected.asOf) ?? NO_DATE;

  it('loads every row and classifies every month of decision as intended', () => {
    expect(file.problems).toEqual([]);
    const view = ws.decisions({ asOf });
    const actual = Object.fromEntries(
      (view?.months ?? []).map((m) => [
        isoMonth(m.month),
        {
          'i tid': m.executedInTime,
          sent: m.executedLate,
          'ej verkställt, frist passerad': m.overdue,
          'inom frist': m.notYetDue,
        },
      ]),
    );
    expect(actual).toEqual(expected.decisionMonths);
  });

  it('lists exactly the intended decisions and interruptions for IVO 2025Q3', () => {
    const list = ws.ivoList({ asOf, quarter: 2025 * 4 + 2 });
    const actual = (list?.entries ?? []).map((e) => `${e.id}:${e.kind}:${e.executed}`).sort();
    expect(actual).toEqual(expected.ivo2025Q3.map((e) => `${e.id}:${e.kind}:${e.executed}`).sort());
    expect(list?.running).toBe(false);
  });
});

describe('dialect fixtures', () => {
  it('reads Excel Windows-1252 with sep= line, synonyms and times of day', () => {
    const f = load('fixtures/dialects/utredningar_excel_win1252.csv');
    expect([f.dataset, f.encoding, f.delimiter, f.table.count, f.rowsRejected]).toEqual([
      'utredningar',
      'windows-1252',
      ';',
      3,
      0,
    ]);
    expect(f.table.categories.enhet.labels).toEqual(['Söder', 'Väster']);
  });
  it('reads comma-separated quoted fields with embedded commas and newlines', () => {
    const f = load('fixtures/dialects/utredningar_komma_citat.csv');
    expect([f.delimiter, f.table.count, f.rowsRejected]).toEqual([',', 3, 0]);
    expect(f.table.categories.enhet.labels).toEqual(['Norr, team 1', 'Öster\nmottagning']);
    expect(isoDate(f.table.dates.avslutsdatum[0])).toBe('2025-05-09');
  });
  it('reads tab-separated extensions with compact dates and timestamps', () => {
    const f: LoadedFile = load('fixtures/dialects/forlangningar_tabb.csv');
    expect([f.dataset, f.delimiter, f.table.count]).toEqual(['forlangningar', '\t', 2]);
    expect(isoDate(f.table.dates.forlangd_till[0])).toBe('2025-07-31');
  });
  it('reads orosanmälningar with the field’s synonyms and decision wording', () => {
    const f = load('fixtures/dialects/orosanmalningar_synonymer.csv');
    expect([f.dataset, f.table.count, f.rowsRejected]).toEqual(['orosanmalningar', 3, 0]);
    const ws = new Engine();
    ws.add(f);
    const [march] = ws.concerns({ asOf: parseIsoDate('2025-04-30') ?? NO_DATE })?.months ?? [];
    expect(march).toMatchObject({ received: 3, inTime: 1, late: 1, underInvestigation: 1, opened: 1, notOpened: 1 });
    expect(march.protectiveShare).toBe(2 / 3);
  });
  it('sends unknown headers to the mapping step', () => {
    expect(importFile(read('fixtures/dialects/utredningar_okanda_rubriker.csv'), 'x.csv').status).toBe('needs-mapping');
  });
});

describe('problem fixture', () => {
  it('keeps the 2 good rows, rejects the 6 bad ones with their codes, and reconciles', () => {
    const ws = new Engine();
    ws.add(load('fixtures/problems/utredningar_fel.csv'));
    const { files, problems } = ws.reconciliation(parseIsoDate('2025-11-30') ?? NO_DATE);
    expect(files[0]).toMatchObject({ rowsRead: 8, rowsAccepted: 2, rowsRejected: 6 });
    expect(problems.map((p) => `${p.line}:${p.code}`)).toEqual([
      '3:invalid-date',
      '4:end-before-start',
      '5:missing-value',
      '6:duplicate-id',
      '7:field-count',
      '8:after-as-of',
    ]);
  });
  it('rejects a file that is not CSV with one message', () => {
    expect(importFile(read('fixtures/problems/inte_csv.pdf'), 'inte_csv.pdf')).toMatchObject({
      status: 'failed',
      problem: { code: 'not-csv' },
    });
  });
});

describe('demo beslut: quarters with the previous year', () => {
  it('gives every quarter in range the same quarter a year earlier', () => {
    const ws = new Engine();
    ws.add(load('public/data/beslut.csv'));
    const view = ws.decisions({ asOf: parseIsoDate(expected.asOf) ?? NO_DATE });
    const quarters = view?.quarters ?? [];
    expect(quarters.map((q) => q.quarter)).toEqual([2024 * 4 + 3, 2025 * 4, 2025 * 4 + 1, 2025 * 4 + 2, 2025 * 4 + 3]);
    const q1 = quarters[1];
    const months = ['2024-01', '2024-02', '2024-03'].map((m) => expected.decisionMonths[m]);
    expect(q1.previousYear?.decisions).toBe(
      months.reduce((s, m) => s + Object.values(m).reduce((a, b) => a + b, 0), 0),
    );
    expect(q1.previousYear?.executedLate).toBe(months.reduce((s, m) => s + m['sent'], 0));
  });
});
