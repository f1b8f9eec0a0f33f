/** The rules of the row: what is rejected, what is accepted with a warning, and dates with offsets. */
import { describe, expect, it } from 'vitest';
import { importFile, type FileImport, type LoadedFile } from '../../../src/import/importFile';
import { NO_INTEGER } from '../../../src/import/table';
import { parseDate, stockholmDate } from '../../../src/import/dates';
import { dayFromYmd, isoDate, NO_DATE } from '../../../src/kpi';

const utf8 = (text: string) => new TextEncoder().encode(text);
function load(lines: string[], name = 'rader.csv'): LoadedFile {
  const result: FileImport = importFile(utf8(lines.join('\n') + '\n'), name);
  if (result.status !== 'loaded') throw new Error(`expected loaded, got ${JSON.stringify(result)}`);
  return result;
}
const summary = (f: LoadedFile) => f.problems.map((p) => [p.line, p.code, p.severity, p.column, p.value]);

describe('utredningar: warnings and rejections on their physical lines', () => {
  const f = load([
    'utredning_id;startdatum;avslutsdatum;enhet;kon;alder', // line 1
    'U1;2025-01-10;;Norr;pojke;7', // 2 ok
    'U2;2025-01-11;;Norr;pojke;-1', // 3 age below 0
    'U3;2025-01-12;;Norr;flicka;142', // 4 age above 20
    'U4;2025-01-13;;Norr;flicka;tolv', // 5 age not a number
    'U5;2025-01-14;;Norr;flicka;7,5', // 6 age not whole
    'U6;2025-01-15;;Norr;;0', // 7 kön empty (age 0 fine)
    'U7;2025-01-16;;Norr;hen;20', // 8 kön unknown (age 20 fine)
    'U8;2025-01-17;;Norr;;21', // 9 two warnings on one row
    'U9;2025-02-30;;Norr;pojke;7', // 10 impossible date
    'U10;2025-03-10;2025-03-01;Norr;pojke;7', // 11 end before start
    ';2025-03-10;;Norr;pojke;7', // 12 missing id
    'U12;2025-03-10;;Norr;pojke', // 13 too few fields
    'U13;2025-03-10;;Norr;pojke;7;x', // 14 too many fields
    'U1;2025-01-10;;Norr;pojke;7', // 15 exact copy of line 2
    'U1; 2025-01-10 ;;Norr;pojke;7 ', // 16 copy of line 2 up to surrounding spaces
    'U1;2025-01-10;;Söder;pojke;7', // 17 same id, other unit: not an exact copy (duplicate id later)
    'U9;2025-02-30;;Norr;pojke;7', // 18 copy of a rejected row: rejected for the same reason
  ]);

  it('reports each problem on its line with its severity, column and value', () => {
    expect(summary(f)).toEqual([
      [3, 'age-out-of-range', 'varning', 'alder', '-1'],
      [4, 'age-out-of-range', 'varning', 'alder', '142'],
      [5, 'age-not-a-number', 'varning', 'alder', 'tolv'],
      [6, 'age-not-a-number', 'varning', 'alder', '7,5'],
      [7, 'sex-unknown', 'varning', 'kon', ''],
      [8, 'sex-unknown', 'varning', 'kon', 'hen'],
      [9, 'sex-unknown', 'varning', 'kon', ''],
      [9, 'age-out-of-range', 'varning', 'alder', '21'],
      [10, 'invalid-date', 'avvisad', 'startdatum', '2025-02-30'],
      [11, 'end-before-start', 'avvisad', 'avslutsdatum', '2025-03-01'],
      [12, 'missing-value', 'avvisad', 'utredning_id', ''],
      [13, 'field-count', 'avvisad', '', 'U12;2025-03-10;;Norr;pojke'],
      [14, 'field-count', 'avvisad', '', 'U13;2025-03-10;;Norr;pojke;7;x'],
      [15, 'duplicate-row', 'avvisad', '', 'U1;2025-01-10;;Norr;pojke;7'],
      [16, 'duplicate-row', 'avvisad', '', 'U1; 2025-01-10 ;;Norr;pojke;7 '],
      [18, 'invalid-date', 'avvisad', 'startdatum', '2025-02-30'],
    ]);
    expect(f.problems.every((p) => p.file === 'rader.csv')).toBe(true);
  });
  it('says in Swedish which column and value, and that the row still counts', () => {
    const message = (line: number, code: string) => f.problems.find((p) => p.line === line && p.code === code)?.message;
    expect(message(4, 'age-out-of-range')).toBe(
      'Värdet "142" i kolumnen Ålder ligger utanför 0–20; värdet räknas som okänt, raden räknas.',
    );
    expect(message(5, 'age-not-a-number')).toBe(
      'Värdet "tolv" i kolumnen Ålder är inget heltal; värdet räknas som okänt, raden räknas.',
    );
    expect(message(7, 'sex-unknown')).toBe('Kön saknas i kolumnen Kön; raden räknas med okänt kön.');
    expect(message(8, 'sex-unknown')).toBe('Okänt kön "hen" i kolumnen Kön; raden räknas med okänt kön.');
    expect(message(15, 'duplicate-row')).toBe('Raden är en exakt kopia av rad 2; den räknas bara en gång.');
  });
  it('reconciles: read = accepted + rejected, the rows with warnings among the accepted', () => {
    // Lines 2–9 and 17 accepted (9 rows); 10–16 and 18 rejected (8 rows); lines 3–9 warned (7 rows, line 9 twice).
    expect([f.rowsRead, f.table.count, f.rowsRejected, f.rowsWithWarning]).toEqual([17, 9, 8, 7]);
    expect(f.rowsRead).toBe(f.table.count + f.rowsRejected);
    expect(Array.from(f.table.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 17]);
  });
  it('stores the unusable optional value as empty and keeps the rest of the row', () => {
    expect(Array.from(f.table.integers.alder)).toEqual([
      7,
      NO_INTEGER,
      NO_INTEGER,
      NO_INTEGER,
      NO_INTEGER,
      0,
      20,
      NO_INTEGER,
      7,
    ]);
    const { codes, labels } = f.table.categories.kon;
    expect(Array.from(codes, (c) => labels[c])).toEqual([
      'pojke',
      'pojke',
      'flicka',
      'flicka',
      'flicka',
      'okänt',
      'okänt',
      'okänt',
      'pojke',
    ]);
    expect(f.table.texts.utredning_id).toEqual(['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U1']);
    expect(isoDate(f.table.dates.startdatum[2])).toBe('2025-01-12');
  });
  it('warns of nothing when a file has no kön or ålder column at all', () => {
    const g = load(['utredning_id;startdatum', 'U1;2025-01-10']);
    expect([g.problems, g.rowsWithWarning]).toEqual([[], 0]);
  });
});

describe('beslut: avbrott before verkställd', () => {
  const f = load([
    'beslut_id;beslutsdatum;insats;verkstalldatum;avbrottsdatum;aterupptagen_datum',
    'B1;2025-01-10;HVB;2025-02-01;2025-03-01;2025-04-01', // 2 ok
    'B2;2025-01-10;HVB;2025-02-01;2025-01-20;', // 3 avbrott before verkställd: warning, avbrott ignored
    'B3;2025-01-10;HVB;;2025-01-20;', // 4 not executed: no comparison
    'B4;2025-01-10;HVB;2025-02-01;2025-01-05;', // 5 avbrott before beslut: rejected
  ]);
  it('accepts the row with a warning and ignores the avbrott date', () => {
    expect(summary(f)).toEqual([
      [3, 'interruption-before-execution', 'varning', 'avbrottsdatum', '2025-01-20'],
      [5, 'end-before-start', 'avvisad', 'avbrottsdatum', '2025-01-05'],
    ]);
    expect(f.problems[0].message).toBe(
      'Avbrott 2025-01-20 ligger före Verkställd 2025-02-01; datumet i kolumnen Avbrott räknas inte, raden räknas.',
    );
    expect(Array.from(f.table.dates.avbrottsdatum, (d) => (d === NO_DATE ? '' : isoDate(d)))).toEqual([
      '2025-03-01',
      '',
      '2025-01-20',
    ]);
    expect(isoDate(f.table.dates.verkstalldatum[1])).toBe('2025-02-01');
    expect([f.rowsRead, f.table.count, f.rowsRejected, f.rowsWithWarning]).toEqual([4, 3, 1, 1]);
  });
});

describe('orosanmälningar: skyddsbedömning before inkomst', () => {
  const f = load([
    'anmalan_id;inkomstdatum;skyddsbedomning_datum;forhandsbedomning_datum',
    'A1;2025-03-10;2025-03-10;2025-03-20', // 2 ok
    'A2;2025-03-10;2025-03-09;2025-03-20', // 3 skyddsbedömning the day before: warning
    'A3;2025-03-10;2025-03-11;2025-03-09', // 4 förhandsbedömning before inkomst: rejected
  ]);
  it('accepts the row with a warning (it counts in the 14-day figure) and ignores the skyddsbedömning date', () => {
    expect(summary(f)).toEqual([
      [3, 'protective-before-receipt', 'varning', 'skyddsbedomning_datum', '2025-03-09'],
      [4, 'end-before-start', 'avvisad', 'forhandsbedomning_datum', '2025-03-09'],
    ]);
    expect(f.table.texts.anmalan_id).toEqual(['A1', 'A2']);
    expect(f.table.dates.skyddsbedomning_datum[1]).toBe(NO_DATE);
    expect(isoDate(f.table.dates.forhandsbedomning_datum[1])).toBe('2025-03-20');
    expect([f.rowsRead, f.table.count, f.rowsRejected, f.rowsWithWarning]).toEqual([3, 2, 1, 1]);
  });
});

describe('förlängningar: exact duplicate rows', () => {
  it('rejects a repeated extension row but keeps a second extension of the same investigation', () => {
    const f = load([
      'utredning_id;beslutsdatum;forlangd_till;skal',
      'U1;2025-05-01;2025-07-01;Väntar på BBIC', // 2
      'U1;2025-07-01;2025-09-01;Väntar på BBIC', // 3 another extension
      'U1;2025-05-01;2025-07-01;Väntar på BBIC', // 4 copy of line 2
    ]);
    expect(summary(f)).toEqual([[4, 'duplicate-row', 'avvisad', '', 'U1;2025-05-01;2025-07-01;Väntar på BBIC']]);
    expect([f.rowsRead, f.table.count, f.rowsRejected]).toEqual([3, 2, 1]);
  });
  it('finds every copy among many rows', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `U${i % 3000};2025-05-01;;`);
    const f = load(['utredning_id;beslutsdatum;forlangd_till;skal', ...rows]);
    expect(f.table.count).toBe(3000);
    expect(f.problems.map((p) => p.line)).toEqual(Array.from({ length: 2000 }, (_, i) => 3002 + i));
  });
});

describe('parseDate: date-times', () => {
  const day = (text: string) => isoDate(parseDate(text));
  it('takes the date part as it is without an offset', () => {
    expect(day('2025-03-01T23:30:00')).toBe('2025-03-01');
    expect(day('2025-03-01 23:59')).toBe('2025-03-01');
    expect(day('1/3/2025 23:59')).toBe('2025-03-01');
  });
  it('turns an instant with an offset into the Stockholm date', () => {
    expect(day('2025-03-01T23:30:00Z')).toBe('2025-03-02'); // 00:30 CET
    expect(day('2025-03-01T22:59:59Z')).toBe('2025-03-01'); // 23:59:59 CET
    expect(day('2025-03-01T23:30:00+01:00')).toBe('2025-03-01');
    expect(day('2025-03-01T23:30:00+0100')).toBe('2025-03-01');
    expect(day('2025-03-02T00:30:00+02:00')).toBe('2025-03-01'); // 22:30Z = 23:30 CET
    expect(day('2025-03-01T20:00:00-0500')).toBe('2025-03-02'); // 01:00Z = 02:00 CET
    expect(day('2025-03-01T17:59:00-05:00')).toBe('2025-03-01'); // 22:59Z = 23:59 CET
  });
  it('switches to summer time on the last Sunday of March at 01:00 UTC', () => {
    // 2025-03-30 is the last Sunday of March.
    expect(day('2025-03-29T22:59:00Z')).toBe('2025-03-29'); // 23:59 CET
    expect(day('2025-03-29T23:00:00Z')).toBe('2025-03-30'); // 00:00 CET
    expect(day('2025-03-30T21:59:00Z')).toBe('2025-03-30'); // 23:59 CEST
    expect(day('2025-03-30T22:00:00Z')).toBe('2025-03-31'); // 00:00 CEST (23:00 if still CET)
    expect(day('2024-03-30T22:30:00Z')).toBe('2024-03-30'); // 2024: last Sunday is the 31st, still CET
    expect(day('2024-03-31T22:30:00Z')).toBe('2024-04-01'); // CEST
  });
  it('switches back on the last Sunday of October at 01:00 UTC', () => {
    // 2025-10-26 is the last Sunday of October.
    expect(day('2025-10-25T21:59:00Z')).toBe('2025-10-25'); // 23:59 CEST
    expect(day('2025-10-25T22:00:00Z')).toBe('2025-10-26'); // 00:00 CEST
    expect(day('2025-10-26T22:30:00Z')).toBe('2025-10-26'); // 23:30 CET (00:30 if still CEST)
    expect(day('2025-10-26T23:00:00Z')).toBe('2025-10-27'); // 00:00 CET
  });
  it('rejects an impossible time or offset', () => {
    expect(parseDate('2025-03-01T24:30:00Z')).toBeNaN();
    expect(parseDate('2025-03-01T12:60:00')).toBeNaN();
    expect(parseDate('2025-03-01T12:00:00+25:00')).toBeNaN();
  });
  it('agrees with the IANA time zone data for instants over 2000–2099', () => {
    const stockholm = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Europe/Stockholm',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    // Deterministic sample: the hours around both switch nights of every year, plus a stride through the century.
    const instants: number[] = [];
    for (let year = 2000; year < 2100; year++)
      for (const month of [2, 9]) {
        const monthEnd = Date.UTC(year, month + 1, 0); // last day of March / October, 00:00 UTC
        for (let hour = -8 * 24; hour <= 24; hour++) instants.push(monthEnd + hour * 3_600_000 + 30 * 60_000);
      }
    for (let t = Date.UTC(2000, 0, 1); t < Date.UTC(2100, 0, 1); t += 7_919 * 60_000 * 7) instants.push(t);
    for (const t of instants) {
      const expected = stockholm.format(new Date(t));
      expect(isoDate(stockholmDate(Math.floor(t / 60_000))), new Date(t).toISOString()).toBe(expected);
    }
    expect(isoDate(parseDate('2031-10-25T22:30:00Z'))).toBe(stockholm.format(new Date('2031-10-25T22:30:00Z')));
  });
  it('keeps the plain date reader as it was', () => {
    expect(parseDate('2025-01-31')).toBe(dayFromYmd(2025, 1, 31));
    expect(parseDate('')).toBe(NO_DATE);
  });
});
