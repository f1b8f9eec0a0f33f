import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/engine/engine';
import { importFile, type FileImport, type LoadedFile } from '../../../src/import/importFile';
import { dayFromYmd, isoDate, isoMonth } from '../../../src/kpi';

const utf8 = (text: string) => new TextEncoder().encode(text);
function loaded(result: FileImport): LoadedFile {
  if (result.status !== 'loaded') throw new Error(`expected loaded, got ${JSON.stringify(result)}`);
  return result;
}
const csv = (name: string, lines: string[]) => loaded(importFile(utf8(lines.join('\n') + '\n'), name));

describe('Engine: files, acceptance and reconciliation', () => {
  const engine = new Engine();
  engine.add(
    csv('a.csv', [
      'utredning_id;startdatum;avslutsdatum;enhet',
      'U1;2025-01-10;2025-06-01;Norr',
      'U2;2025-01-20;;Söder',
    ]),
  );
  engine.add(
    csv('b.csv', [
      'utredning_id;startdatum;avslutsdatum;enhet',
      'U2;2025-01-20;;Söder',
      'U3;2025-02-01;2025-12-15;Norr',
    ]),
  );
  engine.add(csv('f.csv', ['utredning_id;beslutsdatum;forlangd_till', 'U2;2025-05-20;2025-08-20', 'U9;2025-05-01;']));

  it('defaults the as-of date to the latest event date, ignoring planned dates', () => {
    expect(isoDate(engine.latestEventDate())).toBe('2025-12-15');
  });
  it('rejects a duplicate id across files and rows after the as-of date, and still reconciles', () => {
    const { files, problems, totals } = engine.reconciliation(dayFromYmd(2025, 11, 30));
    expect(problems.map((p) => [p.file, p.line, p.code])).toEqual([
      ['b.csv', 2, 'duplicate-id'],
      ['b.csv', 3, 'after-as-of'],
      // U9 is in no investigation file.
      ['f.csv', 3, 'unknown-investigation'],
    ]);
    expect(files.find((f) => f.file === 'b.csv')).toMatchObject({ rowsRead: 2, rowsAccepted: 0, rowsRejected: 2 });
    for (const f of files) expect(f.rowsRead).toBe(f.rowsAccepted + f.rowsRejected);
    // a.csv 2 + b.csv 2 + f.csv 2 rows; b.csv's two and f.csv's U9 rejected.
    expect(totals).toEqual({ read: 6, accepted: 3, rejected: 3 });
  });
  it('computes the monthly cohorts with extensions joined', () => {
    const view = engine.investigations({ asOf: dayFromYmd(2025, 11, 30) });
    expect(view?.months[0]).toMatchObject({ started: 2, late: 1, extended: 1, extendedOverdue: 1 });
    expect(view?.orphanExtensions).toBe(1);
    expect(view?.units).toEqual(['Norr', 'Söder']);
    const south = engine.investigations({ asOf: dayFromYmd(2025, 11, 30), units: ['Söder'] });
    expect(south?.months[0]).toMatchObject({ started: 1, extended: 1, late: 0 });
  });
  it('answers a repeated query from its cache, and recomputes after a file changes', () => {
    const query = { asOf: dayFromYmd(2025, 11, 30), units: ['Norr'] };
    const first = engine.investigations(query);
    expect(engine.investigations({ units: ['Norr'], asOf: dayFromYmd(2025, 11, 30) })).toBe(first);
    const other = new Engine();
    other.add(csv('a.csv', ['utredning_id;startdatum;avslutsdatum;enhet', 'U1;2025-01-10;2025-06-01;Norr']));
    const before = other.investigations(query);
    other.add(csv('c.csv', ['utredning_id;startdatum;avslutsdatum;enhet', 'U7;2025-01-11;;Norr']));
    const after = other.investigations(query);
    expect([before?.months[0].started, after?.months[0].started]).toEqual([1, 2]);
    other.remove('c.csv');
    expect(other.investigations(query)?.months[0].started).toBe(1);
  });
});

describe('Engine: beslut', () => {
  it('reads the field’s synonyms and says when the extract holds only not-executed decisions', () => {
    const f = csv('ej_verkstallda.csv', [
      'Besluts-ID;Beslutsdatum;Insatstyp;Verkställd;Avbrott;Orsak;Enhet;Kön',
      'X1;2025-01-10;Öppenvård;2025-05-01;;Semester;Norr;flicka',
      'X2;2025-02-10;HVB;;;Platsbrist;Norr;pojke',
    ]);
    expect([f.dataset, f.table.count]).toEqual(['beslut', 2]);
    const engine = new Engine();
    engine.add(f);
    const view = engine.decisions({ asOf: dayFromYmd(2025, 11, 30) });
    expect(view?.onlyNotExecuted).toBe(true);
    expect(view?.byIntervention.map((r) => [r.label, r.executedLate, r.overdue])).toEqual([
      ['HVB', 0, 1],
      ['Öppenvård', 1, 0],
    ]);
    const list = engine.ivoList({ asOf: dayFromYmd(2025, 11, 30), quarter: 2025 * 4 + 1 });
    expect(list?.entries.map((e) => [e.id, e.executed, e.status])).toEqual([
      ['X1', true, 'ny'],
      ['X2', false, 'ny'],
    ]);
    expect(list?.statusCounts).toEqual({ ny: 2, 'väntar fortfarande': 0, 'verkställt sedan förra kvartalet': 0 });
    expect(list?.summary.find((r) => r.group === 'insats' && r.label === 'HVB')?.count).toBe(1);
  });
});

describe('Engine: the months a page shows', () => {
  // One investigation started each month from 2024-01 to 2025-06, all finished in time.
  const lines = ['utredning_id;startdatum;avslutsdatum;enhet'];
  for (let m = 0; m < 18; m++) {
    const month = isoMonth(2024 * 12 + m);
    lines.push(`U${m};${month}-01;${month}-20;Norr`);
  }
  const engine = new Engine();
  engine.add(csv('u.csv', lines));
  const asOf = dayFromYmd(2025, 6, 30);

  it('shows the latest twelve months when no range is chosen, and keeps every month for the report', () => {
    const view = engine.investigations({ asOf });
    expect(view?.months.length).toBe(18);
    expect(view?.total).toBe(18);
    expect(view?.range).toEqual({
      from: 2024 * 12 + 6,
      to: 2025 * 12 + 5,
      firstMonth: 2024 * 12,
      lastMonth: 2025 * 12 + 5,
    });
    expect(view?.rows.map((r) => isoMonth(r.month))).toEqual([
      '2024-07',
      '2024-08',
      '2024-09',
      '2024-10',
      '2024-11',
      '2024-12',
      '2025-01',
      '2025-02',
      '2025-03',
      '2025-04',
      '2025-05',
      '2025-06',
    ]);
    // Each shown month beside the same month a year earlier, where the data has it.
    expect(view?.rows[6].yoy?.previousDenominator).toBe(1);
    expect(view?.rows[0].yoy?.previousDenominator).toBeNull();
  });
  it('shows exactly the chosen months', () => {
    const view = engine.investigations({ asOf, fromMonth: 2024 * 12 + 2, toMonth: 2024 * 12 + 4 });
    expect(view?.rows.map((r) => isoMonth(r.month))).toEqual(['2024-03', '2024-04', '2024-05']);
    expect(view?.months.map((r) => isoMonth(r.month))).toEqual(['2024-03', '2024-04', '2024-05']);
    expect(view?.total).toBe(3);
  });
});

describe('Engine: 5 000 units', () => {
  // Per unit: a decision of 2025-01-10 executed 2025-02-01 (in time) and one of 2025-03-20 still
  // waiting (not yet due at 2025-05-31); even units also one of 2025-01-05 still waiting (overdue).
  const UNITS = 5000;
  const name = (u: number) => `Enhet ${String(u).padStart(4, '0')}`;
  const lines = ['beslut_id;beslutsdatum;insats;verkstalldatum;enhet;kon'];
  for (let u = 0; u < UNITS; u++) {
    lines.push(`A${u};2025-01-10;Öppenvård;2025-02-01;${name(u)};pojke`);
    lines.push(`B${u};2025-03-20;HVB;;${name(u)};flicka`);
    if (u % 2 === 0) lines.push(`C${u};2025-01-05;Öppenvård;;${name(u)};pojke`);
  }
  const engine = new Engine();
  engine.add(csv('beslut.csv', lines));
  const asOf = dayFromYmd(2025, 5, 31);
  const view = engine.decisions({ asOf });

  it('gives every unit its own monthly series, pooled share and mean of monthly shares', () => {
    expect(view?.byUnitSeries.length).toBe(UNITS);
    view?.byUnitSeries.forEach((series, i) => {
      expect(series.unit).toBe(name(i));
      const even = i % 2 === 0;
      // January: 1 of 2 late (even) or 0 of 1; February: none; March: 0 of 1, not yet due.
      expect(series.months).toEqual([
        { month: 2025 * 12, share: even ? 0.5 : 0, preliminary: false },
        { month: 2025 * 12 + 1, share: null, preliminary: false },
        { month: 2025 * 12 + 2, share: 0, preliminary: true },
      ]);
      expect([series.numerator, series.denominator]).toEqual(even ? [1, 3] : [0, 2]);
      expect(series.meanOfMonthlyShares).toBe(even ? 0.25 : 0);
      expect(series.preliminary).toBe(true);
    });
  });
  it('counts every unit in the unit table, most decisions first', () => {
    const byUnit = view?.byUnit ?? [];
    expect(byUnit.length).toBe(UNITS);
    expect(byUnit.slice(0, 2).map((r) => [r.label, r.decisions, r.overdue, r.notYetDue])).toEqual([
      [name(0), 3, 1, 1],
      [name(2), 3, 1, 1],
    ]);
    expect(byUnit[UNITS / 2]).toMatchObject({ label: name(1), decisions: 2, executedInTime: 1, overdue: 0 });
    expect(byUnit.reduce((s, r) => s + r.decisions, 0)).toBe(UNITS * 2 + UNITS / 2);
  });
  it('compares pojkar and flickor over all units', () => {
    expect(view?.bySex.groups).toEqual([
      // pojkar: every A (in time) and every C (overdue); flickor: every B (not yet due).
      { sex: 'pojke', numerator: UNITS / 2, denominator: UNITS + UNITS / 2, share: 1 / 3 },
      { sex: 'flicka', numerator: 0, denominator: UNITS, share: 0 },
    ]);
  });
  it('breaks down only the chosen units when many are chosen', () => {
    const chosen = Array.from({ length: 2000 }, (_, i) => name(i * 2 + 1));
    const some = engine.decisions({ asOf, units: chosen });
    expect(some?.byUnitSeries.map((s) => s.unit)).toEqual(chosen);
    expect(some?.total).toBe(2000 * 2);
  });
});
