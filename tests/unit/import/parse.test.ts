import { describe, expect, it } from 'vitest';
import {
  createCsvReader,
  MALFORMED_QUOTE,
  parseCsv,
  UNCLOSED_QUOTE,
  type ParsedRecord,
} from '../../../src/import/parse';

const record = (line: number, ...fields: string[]): ParsedRecord => ({ line, fields });

/** Reads text through createCsvReader, cut before each index in `cuts`. */
function readInChunks(text: string, cuts: number[]) {
  const records: ParsedRecord[] = [];
  const quoteErrors = new Map<number, string>();
  const headers: { header: string[]; line: number; delimiter: string }[] = [];
  const reader = createCsvReader({
    onHeader: (header, line, delimiter) => headers.push({ header, line, delimiter }),
    onRecord(fields, line, quoteError) {
      if (quoteError !== undefined) quoteErrors.set(records.length, quoteError);
      records.push({ line, fields });
    },
  });
  let from = 0;
  for (const cut of cuts) {
    reader.push(text.slice(from, cut));
    from = cut;
  }
  reader.push(text.slice(from));
  reader.finish();
  return { headers, records, quoteErrors };
}

describe('parseCsv', () => {
  it('reads LF files', () => {
    const parsed = parseCsv('id;namn\nU1;Åsa\nU2;Per\n');
    expect(parsed.header).toEqual(['id', 'namn']);
    expect(parsed.headerLine).toBe(1);
    expect(parsed.records).toEqual([record(2, 'U1', 'Åsa'), record(3, 'U2', 'Per')]);
  });

  it('reads CRLF files', () => {
    expect(parseCsv('id;namn\r\nU1;Åsa\r\nU2;Per\r\n').records).toEqual([
      record(2, 'U1', 'Åsa'),
      record(3, 'U2', 'Per'),
    ]);
  });

  it('reads CR-only files (old Mac)', () => {
    expect(parseCsv('id;namn\rU1;Åsa\rU2;Per\r').records).toEqual([record(2, 'U1', 'Åsa'), record(3, 'U2', 'Per')]);
  });

  it('reads every row of a 10-row file whose last 5 rows end in LF after 5 in CRLF', () => {
    const rows = Array.from({ length: 10 }, (_, k) => `U${k + 1};2025-01-${10 + k};;Norr;pojke`);
    const text =
      'utredning_id;startdatum;avslutsdatum;enhet;kon\r\n' +
      rows.slice(0, 5).join('\r\n') +
      '\r\n' +
      rows.slice(5).join('\n') +
      '\n';
    const parsed = parseCsv(text);
    expect(parsed.records).toHaveLength(10);
    parsed.records.forEach((r, k) => {
      expect(r.line).toBe(k + 2);
      expect(r.fields).toEqual([`U${k + 1}`, `2025-01-${10 + k}`, '', 'Norr', 'pojke']);
    });
  });

  it('reads any mix of line endings line by line', () => {
    const parsed = parseCsv('a;b\n1;2\r3;4\r\n5;6\n\r7;8\r\r\n9;10');
    expect(parsed.records).toEqual([
      record(2, '1', '2'),
      record(3, '3', '4'),
      record(4, '5', '6'),
      record(6, '7', '8'),
      record(8, '9', '10'),
    ]);
  });

  it('honours sep= in a CR-only file', () => {
    const parsed = parseCsv('sep=;\rid;namn, efternamn\rU1;Åsa, Berg\rU2;Per\r');
    expect(parsed.delimiter).toBe(';');
    expect(parsed.header).toEqual(['id', 'namn, efternamn']);
    expect(parsed.headerLine).toBe(2);
    expect(parsed.records).toEqual([record(3, 'U1', 'Åsa, Berg'), record(4, 'U2', 'Per')]);
  });

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ])('honours sep= with %s line endings, also quoted', (_, eol) => {
    for (const sep of ['sep=,', '"sep=,"', 'SEP=,']) {
      const parsed = parseCsv(`${sep}${eol}a;b,c${eol}1;2,3${eol}`);
      expect(parsed.delimiter).toBe(',');
      expect(parsed.header).toEqual(['a;b', 'c']);
      expect(parsed.records).toEqual([record(3, '1;2', '3')]);
    }
  });

  it('strips a BOM before sep= and before a header', () => {
    expect(parseCsv('\ufeffsep=;\r\na;b\r\n1;2').records).toEqual([record(3, '1', '2')]);
    expect(parseCsv('\ufeffa;b\n1;2').header).toEqual(['a', 'b']);
  });

  it('counts line breaks inside quoted fields (CRLF, LF and CR) as physical lines', () => {
    const parsed = parseCsv('a;b\r\n"1\r\n2";x\r\n"3\n4\n5";y\n"6\r7";z\rU;"w\r\n"\r\nV;v');
    expect(parsed.records).toEqual([
      record(2, '1\r\n2', 'x'),
      record(4, '3\n4\n5', 'y'),
      record(7, '6\r7', 'z'),
      record(9, 'U', 'w\r\n'),
      record(11, 'V', 'v'),
    ]);
  });

  it('keeps delimiters, doubled quotes and empty quoted fields inside quotes', () => {
    const parsed = parseCsv('a;b;c\n"x;y";"Hon sa ""hej"".";""\n');
    expect(parsed.records).toEqual([record(2, 'x;y', 'Hon sa "hej".', '')]);
  });

  it('skips blank and delimiter-only lines mid-file and at the end, but counts them', () => {
    const parsed = parseCsv('a;b\n\n1;2\r\n\r\n;;\n  \n3;4\n\n\r\n\r;\n');
    expect(parsed.records).toEqual([record(3, '1', '2'), record(7, '3', '4')]);
  });

  it('takes the first non-blank line as the header, also for the delimiter', () => {
    const parsed = parseCsv('\r\n;;;\n  \na,b\n1,2\n');
    expect(parsed.delimiter).toBe(',');
    expect(parsed.header).toEqual(['a', 'b']);
    expect(parsed.headerLine).toBe(4);
    expect(parsed.records).toEqual([record(5, '1', '2')]);
  });

  it('detects ; , and tab delimiters', () => {
    expect(parseCsv('a;b\n1;2').delimiter).toBe(';');
    expect(parseCsv('a,b\n1,2').delimiter).toBe(',');
    expect(parseCsv('a\tb\r1\t2').records).toEqual([record(2, '1', '2')]);
  });

  it('keeps a trailing empty field and reads a last line without a line break', () => {
    expect(parseCsv('a;b;c\n1;2;\n3;;').records).toEqual([record(2, '1', '2', ''), record(3, '3', '', '')]);
  });

  it('reads a quote inside an unquoted field as text', () => {
    expect(parseCsv('a;b\nab"c;d"\n').records).toEqual([record(2, 'ab"c', 'd"')]);
  });

  it('drops spaces after a closing quote', () => {
    expect(parseCsv('a;b\n"x"  ;"y" \n').records).toEqual([record(2, 'x', 'y')]);
  });

  it('returns no header and no records for a blank text', () => {
    expect(parseCsv('\n \r\n')).toMatchObject({ header: [], records: [] });
    expect(parseCsv('')).toMatchObject({ delimiter: ';', header: [], records: [] });
  });

  describe('broken quotes', () => {
    it('a quote never closed costs its own line only; the lines after it are read', () => {
      const parsed = parseCsv('id;namn\nU1;"Sara\nU2;Per\r\nU3;Ali\n');
      expect(parsed.records).toEqual([record(2, 'U1', '"Sara'), record(3, 'U2', 'Per'), record(4, 'U3', 'Ali')]);
      expect([...parsed.quoteErrors]).toEqual([[0, UNCLOSED_QUOTE]]);
    });

    it('a stray quote "closed" by a later one costs its own line only', () => {
      const parsed = parseCsv('id;namn;x\nU1;"Sara;1\nU2;Per;2\nU3;"Ali"s;3\nU4;Bo;4');
      expect(parsed.records).toEqual([
        record(2, 'U1', '"Sara;1'),
        record(3, 'U2', 'Per', '2'),
        record(4, 'U3', 'Alis', '3'),
        record(5, 'U4', 'Bo', '4'),
      ]);
      expect([...parsed.quoteErrors]).toEqual([
        [0, MALFORMED_QUOTE],
        [2, MALFORMED_QUOTE],
      ]);
    });

    it('text after a closing quote on the same line marks the record and is kept', () => {
      const parsed = parseCsv('a;b\n"ab"c;d\n1;2\n');
      expect(parsed.records).toEqual([record(2, 'abc', 'd'), record(3, '1', '2')]);
      expect([...parsed.quoteErrors]).toEqual([[0, MALFORMED_QUOTE]]);
    });

    it('keys quote errors by record index, blank lines not counted', () => {
      const parsed = parseCsv('a;b\n\n1;2\n\n3;"x\n');
      expect(parsed.records).toEqual([record(3, '1', '2'), record(5, '3', '"x')]);
      expect([...parsed.quoteErrors]).toEqual([[1, UNCLOSED_QUOTE]]);
    });
  });
});

describe('createCsvReader', () => {
  // Every feature at once: BOM, sep=, CR, CRLF and LF, line breaks and doubled quotes inside
  // quotes, a blank line, a delimiter-only line, no final line break.
  const TEXT = '\ufeffsep=;\rid;text\r\nU1;"a\r\nb"\nU2;"x""y"\r\r\n;;\nU3;"c\rd";\n\nU4;e';
  const EXPECTED = [
    record(3, 'U1', 'a\r\nb'),
    record(5, 'U2', 'x"y'),
    record(8, 'U3', 'c\rd', ''),
    record(11, 'U4', 'e'),
  ];

  it('reads the whole text as parseCsv does', () => {
    expect(parseCsv(TEXT).records).toEqual(EXPECTED);
    expect(readInChunks(TEXT, []).records).toEqual(EXPECTED);
  });

  it('gives the same records and lines for every cut into two and three chunks', () => {
    for (let i = 0; i <= TEXT.length; i++) {
      expect(readInChunks(TEXT, [i]).records, `cut at ${i}`).toEqual(EXPECTED);
      for (let j = i; j <= TEXT.length; j++) {
        expect(readInChunks(TEXT, [i, j]).records, `cuts at ${i}, ${j}`).toEqual(EXPECTED);
      }
    }
  });

  it('gives the same records one character at a time', () => {
    const cuts = Array.from({ length: TEXT.length }, (_, k) => k);
    expect(readInChunks(TEXT, cuts).records).toEqual(EXPECTED);
  });

  it('gives the same records and quote errors for every cut of a file with broken quotes', () => {
    const text = 'id;n\r\nU1;"Sa\r\nU2;"x""y"\r\nU3;"a\r\nb"c\rU4;"d"e;f\nU5;g';
    const expected = [
      record(2, 'U1', '"Sa'),
      record(3, 'U2', 'x"y'),
      record(4, 'U3', '"a'),
      record(5, 'b"c'),
      record(6, 'U4', 'de', 'f'),
      record(7, 'U5', 'g'),
    ];
    const errors = [
      [0, MALFORMED_QUOTE],
      [2, MALFORMED_QUOTE],
      [4, MALFORMED_QUOTE],
    ];
    expect(parseCsv(text).records).toEqual(expected);
    for (let i = 0; i <= text.length; i++) {
      for (let j = i; j <= text.length; j++) {
        const read = readInChunks(text, [i, j]);
        expect(read.records, `cuts at ${i}, ${j}`).toEqual(expected);
        expect([...read.quoteErrors], `cuts at ${i}, ${j}`).toEqual(errors);
      }
    }
  });

  it('counts a CRLF split between two chunks as one line break, inside quotes too', () => {
    expect(readInChunks('a;b\r\n1;2\r\n3;4', [8]).records).toEqual([record(2, '1', '2'), record(3, '3', '4')]);
    expect(readInChunks('a;b\r\n1;"x\r\ny"\r\n3;4', [9]).records).toEqual([
      record(2, '1', 'x\r\ny'),
      record(4, '3', '4'),
    ]);
  });

  it('reads a doubled quote split between two chunks as one quote', () => {
    expect(readInChunks('a;b\n1;"x""y"\n', [9]).records).toEqual([record(2, '1', 'x"y')]);
  });

  it('calls onHeader once, before any record, with line and delimiter', () => {
    const events: string[] = [];
    const reader = createCsvReader({
      onHeader: (header, line, delimiter) => events.push(`header ${header.join('|')} ${line} ${delimiter}`),
      onRecord: (fields, line) => events.push(`record ${fields.join('|')} ${line}`),
    });
    reader.push('\n a , b \n1,');
    reader.push('2\n');
    reader.finish();
    expect(events).toEqual(['header a|b 2 ,', 'record 1|2 3']);
  });

  it('does not wait for the end of a first line longer than 1 MB to know the delimiter', () => {
    const reader = createCsvReader({ onRecord: () => {} });
    reader.push('a,b,' + 'x'.repeat(1 << 20));
    expect(reader.delimiter).toBe(',');
  });

  it('knows the delimiter once the first non-blank line has ended', () => {
    const reader = createCsvReader({ onRecord: () => {} });
    reader.push('\r\na\tb');
    expect(reader.delimiter).toBeNull();
    reader.push('\r');
    expect(reader.delimiter).toBe('\t');
  });
});
