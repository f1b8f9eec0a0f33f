import { describe, expect, it } from 'vitest';
import { dayFromYmd, isoDate, NO_DATE } from '../../../src/kpi';
import { decodeCsvBytes } from '../../../src/import/decode';
import { concernDecisionCode, normalizeHeader, recognizeDataset } from '../../../src/import/datasets';
import { headerColumnCount } from '../../../src/import/delimiters';
import {
  importFile,
  importFraction,
  MAX_COLUMNS,
  type FileImport,
  type LoadedFile,
} from '../../../src/import/importFile';
import { parseCsv } from '../../../src/import/parse';
import { parseDate } from '../../../src/import/dates';
import { looksLikePersonnummer } from '../../../src/import/pseudonyms';
import { Engine as Workspace } from '../../../src/engine/engine';

const utf8 = (text: string) => new TextEncoder().encode(text);
function win1252(text: string): Uint8Array {
  const map: Record<string, number> = { å: 0xe5, ä: 0xe4, ö: 0xf6, Å: 0xc5, Ä: 0xc4, Ö: 0xd6 };
  return Uint8Array.from([...text], (c) => map[c] ?? c.charCodeAt(0));
}
function loaded(result: FileImport): LoadedFile {
  if (result.status !== 'loaded') throw new Error(`expected loaded, got ${JSON.stringify(result)}`);
  return result;
}
const reconciles = (f: LoadedFile) => expect(f.rowsRead).toBe(f.table.count + f.rowsRejected);

const CANONICAL =
  'utredning_id;startdatum;avslutsdatum;enhet;kon\nU1;2025-01-10;2025-03-01;Norr;pojke\nU2;2025-02-01;;Söder;flicka\n';

describe('decodeCsvBytes', () => {
  it('strips a UTF-8 BOM', () => {
    const result = decodeCsvBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('a;b')]));
    expect(result).toEqual({ ok: true, text: 'a;b', encoding: 'utf-8' });
  });
  it('falls back to Windows-1252 for Excel exports', () => {
    const result = decodeCsvBytes(win1252('Ärende;Söder'));
    expect(result).toEqual({ ok: true, text: 'Ärende;Söder', encoding: 'windows-1252' });
  });
  it('reports binary and empty files', () => {
    expect(decodeCsvBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))).toEqual({
      ok: false,
      reason: 'binary',
    });
    expect(decodeCsvBytes(utf8('\n\n'))).toEqual({ ok: false, reason: 'empty' });
  });
});

describe('parseCsv', () => {
  it('detects ; , and tab delimiters', () => {
    expect(parseCsv('a;b\n1;2').delimiter).toBe(';');
    expect(parseCsv('a,b\n1,2').delimiter).toBe(',');
    expect(parseCsv('a\tb\n1\t2').delimiter).toBe('\t');
  });
  it("honours Excel's sep= line and keeps physical line numbers", () => {
    const parsed = parseCsv('sep=,\r\na,b\r\n1,2\r\n');
    expect(parsed.header).toEqual(['a', 'b']);
    expect(parsed.records).toEqual([{ line: 3, fields: ['1', '2'] }]);
  });
  it('reads quoted fields with delimiters and newlines and counts lines through them', () => {
    const parsed = parseCsv('a;b\n"x;y";"rad1\nrad2"\n3;4\n\n\n');
    expect(parsed.records).toEqual([
      { line: 2, fields: ['x;y', 'rad1\nrad2'] },
      { line: 4, fields: ['3', '4'] },
    ]);
  });
});

describe('parseDate', () => {
  const jan31 = dayFromYmd(2025, 1, 31);
  it.each([
    '2025-01-31',
    '2025-01-31 00:00',
    '20250131',
    '31/1/2025',
    '2025-01-31T00:00:00',
    '31.01.2025',
    '2025/01/31',
  ])('reads %s', (text) => {
    expect(parseDate(text)).toBe(jan31);
  });
  it('returns NO_DATE for empty and NaN for invalid dates', () => {
    expect(parseDate('  ')).toBe(NO_DATE);
    expect(parseDate('2025-02-30')).toBeNaN();
    expect(parseDate('30/2/2025')).toBeNaN();
    expect(parseDate('igår')).toBeNaN();
  });
});

describe('recognizeDataset', () => {
  it('ignores case, spaces, diacritics, - and _ in headers', () => {
    expect(normalizeHeader(' Ärende-ID ')).toBe('arendeid');
    expect(normalizeHeader('Utredning_inledd')).toBe('utredninginledd');
  });
  it('recognises each dataset from field synonyms', () => {
    expect(
      recognizeDataset(['Ärendenummer', 'Utredning inledd', 'Utredning avslutad', 'Stadsdel', 'Kön']),
    ).toMatchObject({ status: 'recognised', dataset: 'utredningar' });
    expect(recognizeDataset(['Utredningsnummer', 'Datum beslut förlängning', 'Förlängd till', 'Skäl'])).toMatchObject({
      status: 'recognised',
      dataset: 'forlangningar',
    });
    expect(recognizeDataset(['Besluts-ID', 'Beslutsdatum', 'Insatstyp', 'Verkställd datum'])).toMatchObject({
      status: 'recognised',
      dataset: 'beslut',
    });
    expect(recognizeDataset(['Anmälan-ID', 'Inkom', 'Förhandsbedömning klar', 'Orsak försening'])).toMatchObject({
      status: 'recognised',
      dataset: 'orosanmalningar',
    });
  });
  it('asks for a mapping when a required column is not recognised', () => {
    expect(recognizeDataset(['Nr', 'Öppnad', 'Stängd'])).toMatchObject({ status: 'unknown' });
  });
});

describe('concernDecisionCode', () => {
  it.each([
    ['inleds', 1],
    ['Inleds', 1],
    ['Utredning inleds', 1],
    ['inleds ej', 2],
    ['Inleds ej', 2],
    ['Ej inledd', 2],
    ['pågående utredning', 3],
    ['Pågående utredning', 3],
    ['', 0],
    ['oklart', 0],
  ] as const)('reads %s as %i', (label, code) => {
    expect(concernDecisionCode(label)).toBe(code);
  });
});

describe('importFile: dialects', () => {
  const expectCanonical = (f: LoadedFile) => {
    expect(f.dataset).toBe('utredningar');
    expect(f.table.count).toBe(2);
    expect(f.rowsRejected).toBe(0);
    expect(isoDate(f.table.dates.startdatum[0])).toBe('2025-01-10');
    expect(f.table.dates.avslutsdatum[1]).toBe(NO_DATE);
    expect(f.table.categories.enhet.labels).toEqual(['Norr', 'Söder']);
    expect(Array.from(f.table.categories.kon.codes)).toEqual([1, 2]);
  };
  it('reads UTF-8 with semicolons', () => expectCanonical(loaded(importFile(utf8(CANONICAL), 'a.csv'))));
  it('reads UTF-8 with BOM, CRLF and a sep= line', () =>
    expectCanonical(
      loaded(
        importFile(
          new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('sep=;\r\n' + CANONICAL.replace(/\n/g, '\r\n'))]),
          'b.csv',
        ),
      ),
    ));
  it('reads Windows-1252', () => {
    const f = loaded(importFile(win1252(CANONICAL), 'c.csv'));
    expect(f.encoding).toBe('windows-1252');
    expectCanonical(f);
  });
  it('reads commas and tabs', () => {
    expectCanonical(loaded(importFile(utf8(CANONICAL.replace(/;/g, ',')), 'd.csv')));
    expectCanonical(loaded(importFile(utf8(CANONICAL.replace(/;/g, '\t')), 'e.csv')));
  });
  it('reads other date formats and quoted fields with embedded delimiters and newlines', () => {
    const text =
      'Ärendenr;Inledd;Avslutad;Enhet\n"U1";10/1/2025;20250301;"Norr; team 1"\nU2;2025-02-01T00:00:00;;"Söder\nväst"\n';
    const f = loaded(importFile(utf8(text), 'f.csv'));
    expect(f.table.count).toBe(2);
    expect(isoDate(f.table.dates.avslutsdatum[0])).toBe('2025-03-01');
    expect(f.table.categories.enhet.labels).toEqual(['Norr; team 1', 'Söder\nväst']);
  });
});

describe('importFile: bad rows', () => {
  const text = [
    'utredning_id;startdatum;avslutsdatum;enhet',
    'U1;2025-01-10;2025-03-01;Norr', // line 2 ok
    'U2;2025-02-30;;Norr', // line 3 invalid date
    'U3;2025-03-10;2025-03-01;Norr', // line 4 end before start
    ';2025-03-10;;Norr', // line 5 missing id
    'U5;2025-03-10;;Norr;extra', // line 6 too many fields
    'U6;2025-03-10', // line 7 too few fields
    'U7;2025-04-01;;Söder', // line 8 ok
    '',
  ].join('\n');
  const f = loaded(importFile(utf8(text), 'fel.csv'));

  it('keeps the valid rows and reconciles read = accepted + rejected', () => {
    expect(f.rowsRead).toBe(7);
    expect(f.table.count).toBe(2);
    expect(f.rowsRejected).toBe(5);
    reconciles(f);
    expect(f.table.texts.utredning_id).toEqual(['U1', 'U7']);
  });
  it('names file, line, column, value and a Swedish reason for each problem', () => {
    expect(f.problems.map((p) => [p.line, p.code, p.column, p.value])).toEqual([
      [3, 'invalid-date', 'startdatum', '2025-02-30'],
      [4, 'end-before-start', 'avslutsdatum', '2025-03-01'],
      [5, 'missing-value', 'utredning_id', ''],
      [6, 'field-count', '', expect.any(String)],
      [7, 'field-count', '', expect.any(String)],
    ]);
    expect(f.problems.every((p) => p.file === 'fel.csv')).toBe(true);
    expect(f.problems[0].message).toBe('Ogiltigt datum "2025-02-30" i kolumnen Startdatum.');
    expect(f.problems[1].message).toBe('Avslutsdatum 2025-03-01 ligger före Startdatum 2025-03-10.');
  });
  it('gives one clear message for an empty, binary or unknown file', () => {
    expect(importFile(utf8(''), 'tom.csv')).toMatchObject({ status: 'failed', problem: { code: 'empty-file' } });
    expect(importFile(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 1, 2]), 'x.pdf')).toMatchObject({
      status: 'failed',
      problem: { code: 'not-csv' },
    });
    expect(importFile(utf8('bara en rad utan avgränsare\nannan rad'), 'x.txt')).toMatchObject({
      status: 'failed',
      problem: { code: 'not-csv' },
    });
    expect(importFile(utf8('Nr;Öppnad;Stängd\n1;2025-01-01;\n'), 'okand.csv')).toMatchObject({
      status: 'needs-mapping',
      header: ['Nr', 'Öppnad', 'Stängd'],
    });
  });
  it('applies a remembered mapping to a file with the same header', () => {
    const mapping = {
      dataset: 'utredningar' as const,
      columns: { utredning_id: 'Nr', startdatum: 'Öppnad', avslutsdatum: 'Stängd' },
    };
    const f2 = loaded(
      importFile(utf8('Nr;Öppnad;Stängd\n1;2025-01-01;\n'), 'okand.csv', { 'nr|oppnad|stangd': mapping }),
    );
    expect(f2.table.count).toBe(1);
    expect(f2.table.texts.utredning_id).toEqual(['1']);
  });
});

describe('importFile: a header too wide to be an extract', () => {
  const header = (columns: number) => Array.from({ length: columns }, (_, i) => `k${i}`).join(';');
  it('counts the header columns without parsing, after a sep= line and blank lines, quotes respected', () => {
    expect(headerColumnCount('sep=;\r\n\r\na;b;"c;d"\n1;2;3;4;5\n')).toBe(3);
    expect(headerColumnCount('a,b,c\rx')).toBe(3);
    expect(headerColumnCount('"a\nb"\tc\n')).toBe(2);
  });
  it(`reads a header of ${MAX_COLUMNS} columns and refuses one more, with a clear message before parsing`, () => {
    expect(
      importFile(utf8(`utredning_id;startdatum;${header(MAX_COLUMNS - 2)}\nU1;2025-01-10\n`), 'bred.csv').status,
    ).toBe('loaded');
    const refused = importFile(utf8(`${header(MAX_COLUMNS + 1)}\n1;2\n`), 'bred.csv');
    expect(refused).toEqual({
      status: 'failed',
      file: 'bred.csv',
      problem: {
        file: 'bred.csv',
        line: 0,
        column: '',
        value: '',
        code: 'too-many-columns',
        severity: 'avvisad',
        message:
          'Filen bred.csv har 1\u202f001 kolumner i rubrikraden; högst 1\u202f000 kan läsas. ' +
          'Kontrollera att det är rätt fil och att den är sparad som CSV. Inget har ändrats.',
      },
    });
  });
  it('refuses a header of 100 000 columns without reading the rows', () => {
    const result = importFile(utf8(`${header(100_000)}\n${header(100_000)}\n`), 'jätte.csv');
    expect(result).toMatchObject({ status: 'failed', problem: { code: 'too-many-columns' } });
  });
});

describe('personnummer', () => {
  it('recognises YYMMDD-XXXX and YYYYMMDDXXXX', () => {
    expect(looksLikePersonnummer('121212-1212')).toBe(true);
    expect(looksLikePersonnummer('201212121212')).toBe(true);
    expect(looksLikePersonnummer('U-2025-0001')).toBe(false);
  });
  it('never stores or shows a personnummer as it is', () => {
    const f = loaded(
      importFile(
        utf8('utredning_id;startdatum;person_id\n121212-1212;2025-01-10;201212121212\n191212121212;2025-02-30;x\n'),
        'p.csv',
      ),
    );
    const stored = JSON.stringify([f.table.texts, f.problems]);
    expect(stored).not.toContain('1212121212');
    expect(f.table.texts.utredning_id[0]).toMatch(/^P-[0-9a-f]{16}$/);
    expect(f.problems[0].value).toBe('2025-02-30');
  });
  it('gives the same pseudonym to the same person within a session', () => {
    const f = loaded(
      importFile(
        utf8('utredning_id;startdatum;person_id\nU1;2025-01-10;20121212-1212\nU2;2025-03-10;121212-1212\n'),
        'p.csv',
      ),
    );
    expect(f.table.texts.person_id[0]).toBe(f.table.texts.person_id[1]);
  });
});

describe('Workspace', () => {
  const ws = new Workspace();
  ws.add(
    loaded(
      importFile(
        utf8('utredning_id;startdatum;avslutsdatum;enhet\nU1;2025-01-10;2025-06-01;Norr\nU2;2025-01-20;;Söder\n'),
        'a.csv',
      ),
    ),
  );
  ws.add(
    loaded(
      importFile(
        utf8('utredning_id;startdatum;avslutsdatum;enhet\nU2;2025-01-20;;Söder\nU3;2025-02-01;2025-12-15;Norr\n'),
        'b.csv',
      ),
    ),
  );
  ws.add(
    loaded(
      importFile(utf8('utredning_id;beslutsdatum;forlangd_till\nU2;2025-05-20;2025-08-20\nU9;2025-05-01;\n'), 'f.csv'),
    ),
  );

  it('defaults the as-of date to the latest event date, ignoring planned dates', () => {
    expect(isoDate(ws.latestEventDate())).toBe('2025-12-15');
  });
  it('rejects a duplicate id across files and rows after the as-of date, and still reconciles', () => {
    const { files, problems } = ws.reconciliation(dayFromYmd(2025, 11, 30));
    expect(problems.map((p) => [p.file, p.line, p.code])).toEqual([
      ['b.csv', 2, 'duplicate-id'],
      ['b.csv', 3, 'after-as-of'],
      // U9 is in no investigation file.
      ['f.csv', 3, 'unknown-investigation'],
    ]);
    const b = files.find((f) => f.file === 'b.csv');
    expect(b).toMatchObject({ rowsRead: 2, rowsAccepted: 0, rowsRejected: 2 });
    for (const f of files) expect(f.rowsRead).toBe(f.rowsAccepted + f.rowsRejected);
  });
  it('computes the monthly cohorts with extensions joined', () => {
    const view = ws.investigations({ asOf: dayFromYmd(2025, 11, 30) });
    expect(view?.months[0]).toMatchObject({ started: 2, late: 1, extended: 1, extendedOverdue: 1 });
    expect(view?.orphanExtensions).toBe(1);
    expect(view?.units).toEqual(['Norr', 'Söder']);
    const south = ws.investigations({ asOf: dayFromYmd(2025, 11, 30), units: ['Söder'] });
    expect(south?.months[0]).toMatchObject({ started: 1, extended: 1, late: 0 });
  });
});

describe('Workspace: beslut', () => {
  it('reads the field’s synonyms and says when the extract holds only not-executed decisions', () => {
    const text = [
      'Besluts-ID;Beslutsdatum;Insatstyp;Verkställd;Avbrott;Orsak;Enhet;Kön',
      'X1;2025-01-10;Öppenvård;2025-05-01;;Semester;Norr;flicka',
      'X2;2025-02-10;HVB;;;Platsbrist;Norr;pojke',
      '',
    ].join('\n');
    const f = loaded(importFile(utf8(text), 'ej_verkstallda.csv'));
    expect([f.dataset, f.table.count]).toEqual(['beslut', 2]);
    const ws = new Workspace();
    ws.add(f);
    const view = ws.decisions({ asOf: dayFromYmd(2025, 11, 30) });
    expect(view?.onlyNotExecuted).toBe(true);
    expect(view?.byIntervention.map((r) => [r.label, r.executedLate, r.overdue])).toEqual([
      ['HVB', 0, 1],
      ['Öppenvård', 1, 0],
    ]);
    const list = ws.ivoList({ asOf: dayFromYmd(2025, 11, 30), quarter: 2025 * 4 + 1 });
    expect(list?.entries.map((e) => [e.id, e.executed, e.status])).toEqual([
      ['X1', true, 'ny'],
      ['X2', false, 'ny'],
    ]);
    expect(list?.summary.find((r) => r.group === 'insats' && r.label === 'HVB')?.count).toBe(1);
  });
});

describe('import progress', () => {
  it('reports every step in order with fractions that only grow, ending in the last step', () => {
    const rows = ['utredning_id;startdatum', ...Array.from({ length: 70_000 }, (_, i) => `U${i};2025-01-10`)].join(
      '\n',
    );
    const seen: [string, number][] = [];
    const result = importFile(utf8(rows), 'stor.csv', {}, undefined, (step, fraction) =>
      seen.push([step, importFraction(step, fraction)]),
    );
    expect(result.status).toBe('loaded');
    expect([...new Set(seen.map(([step]) => step))]).toEqual(['avkodar', 'tolkar', 'kontrollerar']);
    const fractions = seen.map(([, f]) => f);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions.filter((_, i) => seen[i][0] === 'kontrollerar').length).toBe(2); // rows 0 and 65 536
    expect(Math.max(...fractions)).toBeLessThan(1);
  });
});
