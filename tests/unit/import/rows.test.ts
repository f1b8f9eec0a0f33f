/** What the stored rows may hold: no personnummer as it is, and category codes that never wrap. */
import { describe, expect, it } from 'vitest';
import { importFile, type FileImport, type LoadedFile } from '../../../src/import/importFile';
import { concatTables } from '../../../src/import/table';
import { filterRows } from '../../../src/import/keptRows';

const utf8 = (text: string) => new TextEncoder().encode(text);
function load(lines: string[], name = 'rader.csv'): LoadedFile {
  const result: FileImport = importFile(utf8(lines.join('\n') + '\n'), name);
  if (result.status !== 'loaded') throw new Error(`expected loaded, got ${JSON.stringify(result)}`);
  return result;
}
const labelsOf = (f: LoadedFile, key: string) => {
  const { codes, labels } = f.table.categories[key];
  return Array.from(codes, (c) => labels[c]);
};
// Every digit string of the personnummer used below, in the forms they were typed.
const TYPED = [
  '1212121212',
  '121212-1212',
  '121212+1212',
  '19121212',
  '20121212',
  '0101012383',
  '0101612380',
  '010101-2380',
  '010161-2380',
];
const holdsNone = (text: string) => TYPED.filter((digits) => text.includes(digits));

describe('pseudonyms of person keys', () => {
  const f = load([
    'utredning_id;startdatum;person_id',
    'U1;2025-01-10;19121212-1212', // born 1912
    'U2;2025-01-11;20121212-1212', // born 2012
    'U3;2025-01-12;121212-1212', // `-`: under 100 now, so born 2012
    'U4;2025-01-13;201212121212', // born 2012, no separator
    'U5;2025-01-14;121212+1212', // `+`: 100 or older, so born 1912
    'U6;2025-01-15;191212121212', // born 1912, no separator
    'U7;2025-01-16;K-4711', // a key of the system's own form
  ]);
  const keys = f.table.texts.person_id;

  it('uses the whole 12-digit number: the same digits in another century are another person', () => {
    expect(keys[0]).not.toBe(keys[1]);
  });
  it('gives one pseudonym to every way of writing the same number', () => {
    expect([keys[2], keys[3]]).toEqual([keys[1], keys[1]]);
    expect([keys[4], keys[5]]).toEqual([keys[0], keys[0]]);
  });
  it('replaces the number by a salted pseudonym and leaves other keys alone', () => {
    expect(keys.slice(0, 6).every((k) => /^P-[0-9a-f]{16}$/.test(k))).toBe(true);
    expect(keys[6]).toBe('K-4711');
    expect(holdsNone(JSON.stringify(f.table.texts))).toEqual([]);
  });
  it('keeps ids that hold different numbers apart, and the same number together', () => {
    const g = load([
      'utredning_id;startdatum',
      'U-121212-1212;2025-01-10',
      'U-010101-2380;2025-01-11',
      'U-20121212-1212;2025-01-12',
    ]);
    const ids = g.table.texts.utredning_id;
    expect(ids.every((id) => /^U-P-[0-9a-f]{16}$/.test(id))).toBe(true);
    expect(ids[0]).not.toBe(ids[1]);
    expect(ids[2]).toBe(ids[0]);
  });
});

describe('personnummer in category and free-text columns', () => {
  it('masks the number inside the value and keeps the rest', () => {
    const f = load([
      'beslut_id;beslutsdatum;insats;orsak;enhet',
      'B25-9005;2025-01-10;HVB 121212-1212;Barnet (19121212-1212) väntar;Söder',
      'B25-9006;2025-01-10;HVB;Ring 010101-2380 eller 010161-2380;Norr 20121212-1212',
      'B25-9007;2025-01-10;HVB;Beslut 2025-01-10, dnr U24-90002;Norr',
    ]);
    expect(labelsOf(f, 'insats')).toEqual(['HVB ÅÅMMDD-XXXX', 'HVB', 'HVB']);
    expect(labelsOf(f, 'enhet')).toEqual(['Söder', 'Norr ÅÅMMDD-XXXX', 'Norr']);
    expect(f.table.texts.orsak).toEqual([
      'Barnet (ÅÅMMDD-XXXX) väntar',
      'Ring ÅÅMMDD-XXXX eller ÅÅMMDD-XXXX',
      'Beslut 2025-01-10, dnr U24-90002',
    ]);
    expect(f.table.texts.beslut_id).toEqual(['B25-9005', 'B25-9006', 'B25-9007']);
  });
  it('masks the beslut and orsak_forsening categories of orosanmälningar', () => {
    const f = load([
      'anmalan_id;inkomstdatum;forhandsbedomning_datum;beslut;orsak_forsening',
      'A1;2025-03-10;2025-03-30;inleds 121212-1212;Väntar på 19121212-1212',
    ]);
    expect([labelsOf(f, 'beslut'), labelsOf(f, 'orsak_forsening')]).toEqual([
      ['inleds ÅÅMMDD-XXXX'],
      ['Väntar på ÅÅMMDD-XXXX'],
    ]);
  });
  it('counts per column how many stored values were masked, and how', () => {
    const f = load([
      'utredning_id;startdatum;enhet;person_id',
      '121212-1212;2025-01-10;Söder 121212-1212;121212-1212', // 2
      'U2;2025-01-11;Söder 121212-1212;19121212-1212', // 3
      'U3;2025-01-12;Norr;x', // 4
      'U4;2025-02-30;Norr 010101-2380;010101-2380', // 5 rejected: not stored, not counted
    ]);
    expect(f.masked).toEqual([
      { column: 'utredning_id', count: 1, how: 'pseudonym' },
      { column: 'enhet', count: 2, how: 'maskerad' },
      { column: 'person_id', count: 2, how: 'pseudonym' },
    ]);
    expect(load(['utredning_id;startdatum', 'U1;2025-01-10']).masked).toEqual([]);
  });
});

describe('personnummer in problems', () => {
  const long = 'x'.repeat(50);
  const f = load([
    'utredning_id;startdatum;avslutsdatum;enhet;kon;alder',
    'U1;2025-01-10;;Söder 121212-1212;pojke;7;19121212-1212', // 2 too many fields: the line is echoed
    `U2;2025-01-10;;${long};pojke;7;121212+1212`, // 3 the number lies across the 80-character cut
    'U3;121212-1212;;Norr;pojke;7', // 4 a personnummer in a date column
    'U4;2025-01-10;;Norr;010101-2380;7', // 5 in kön: a warning echoing the value
    'U5;2025-01-10;;Norr;pojke;0101012383', // 6 in ålder, without a separator (check digit right)
    'U6;2025-01-10;;"Norr 121212-1212;pojke;7', // 7 an unclosed quote: the line is echoed
  ]);
  it('masks the number in every echoed line and value, and in messages', () => {
    expect(f.problems.map((p) => [p.line, p.code])).toEqual([
      [2, 'field-count'],
      [3, 'field-count'],
      [4, 'invalid-date'],
      [5, 'sex-unknown'],
      [6, 'age-out-of-range'],
      [7, 'quotes'],
    ]);
    expect(holdsNone(JSON.stringify(f.problems))).toEqual([]);
    expect(f.problems[0].value).toBe('U1;2025-01-10;;Söder ÅÅMMDD-XXXX;pojke;7;ÅÅMMDD-XXXX');
    expect(f.problems[1].value).toBe(`U2;2025-01-10;;${long};pojke;7;ÅÅMMDD-XXXX`.slice(0, 77) + '…');
    expect(f.problems.filter((p) => /\d{6}/.test(p.value + p.message))).toEqual([]);
    expect(f.problems[2].value).toBe('ÅÅMMDD-XXXX');
    expect(f.problems[2].message).toBe('Ogiltigt datum "ÅÅMMDD-XXXX" i kolumnen Startdatum.');
    expect(f.problems[3].message).toBe('Okänt kön "ÅÅMMDD-XXXX" i kolumnen Kön; raden räknas med okänt kön.');
    expect(f.problems[4].value).toBe('ÅÅMMDD-XXXX');
  });
});

describe('category codes beyond 16 bits', () => {
  const UNITS = 70_000;
  const rows = (from: number, to: number) =>
    Array.from({ length: to - from }, (_, k) => `U${from + k};2025-01-10;Enhet ${from + k}`);
  it(`keeps ${UNITS} distinct units apart in one file`, () => {
    const f = load(['utredning_id;startdatum;enhet', ...rows(0, UNITS)]);
    const labels = labelsOf(f, 'enhet');
    expect(f.table.categories.enhet.labels.length).toBe(UNITS);
    const wrong = labels.filter((label, i) => label !== `Enhet ${i}`);
    expect(wrong).toEqual([]);
  });
  it('keeps them apart when two files are joined and when rows are dropped', () => {
    const a = load(['utredning_id;startdatum;enhet', ...rows(0, 40_000)], 'a.csv');
    const b = load(['utredning_id;startdatum;enhet', ...rows(40_000, UNITS)], 'b.csv');
    const joined = concatTables('utredningar', [a.table, b.table]);
    const { codes, labels } = joined.categories.enhet;
    expect(labels.length).toBe(UNITS);
    expect(Array.from(codes, (c) => labels[c]).filter((label, i) => label !== `Enhet ${i}`)).toEqual([]);
    const keep = new Uint8Array(UNITS).map((_, i) => (i % 2 === 1 ? 1 : 0));
    const odd = filterRows(joined, keep).categories.enhet;
    expect(Array.from(odd.codes, (c) => odd.labels[c]).filter((label, i) => label !== `Enhet ${2 * i + 1}`)).toEqual(
      [],
    );
  });
});

describe('concatTables of one file', () => {
  it('is the file’s table itself, reading as the same rows as a real concatenation', () => {
    const a = load([
      'utredning_id;startdatum;avslutsdatum;enhet;kon',
      'U1;2025-01-10;;Norr;flicka',
      'U2;2025-02-10;2025-03-01;Söder;?',
      'U3;2025-03-10;;;pojke',
    ]);
    const empty = load(['utredning_id;startdatum;avslutsdatum;enhet;kon'], 'tom.csv');
    const one = concatTables('utredningar', [a.table]);
    expect(one).toBe(a.table);
    const two = concatTables('utredningar', [a.table, empty.table]);
    const rowsOf = (t: typeof one) =>
      Array.from({ length: t.count }, (_, i) => [
        t.texts.utredning_id[i],
        t.dates.startdatum[i],
        t.dates.avslutsdatum[i],
        ...['enhet', 'kon'].map((key) => [
          t.categories[key].codes[i],
          t.categories[key].labels[t.categories[key].codes[i]],
        ]),
        t.files[t.fileIndex[i]],
        t.line[i],
      ]);
    expect(rowsOf(one)).toEqual(rowsOf(two));
  });
});
