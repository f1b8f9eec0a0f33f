import { readFileSync } from 'node:fs';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { recognizeDataset } from '../../../src/import/datasets';
import { parseCsv, type ParsedCsv } from '../../../src/import/parse';
import { parseDate } from '../../../src/import/dates';
import { validateRecords } from '../../../src/import/validate';
import { decodeEntities } from '../../../src/import/xml';
import { excelSerialText, isDateFormat } from '../../../src/import/excelDates';
import {
  isXlsx,
  listSheets,
  readSheet,
  sniffWorkbook,
  type SheetRead,
  type WorkbookFailure,
} from '../../../src/import/xlsx';

// ---- building workbooks by hand ---------------------------------------------------------------

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

interface SheetSpec {
  name: string;
  /** The rows: the inside of `<sheetData>`. */
  rows: string;
  state?: 'hidden' | 'veryHidden';
  /** A chart sheet has no cells and is not listed. */
  chart?: boolean;
}

interface BookSpec {
  sheets: SheetSpec[];
  /** The `<si>` items of sharedStrings.xml. */
  shared?: string[];
  /** The inside of `<styleSheet>`. */
  styles?: string;
  date1904?: boolean;
  /** More parts, or replacements. */
  files?: Record<string, string>;
}

function book(spec: BookSpec): Uint8Array {
  const files: Zippable = {
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types/>'),
    '_rels/.rels': strToU8(
      `<?xml version="1.0"?><Relationships><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
  };
  const rels: string[] = [];
  const sheets: string[] = [];
  spec.sheets.forEach((sheet, i) => {
    const type = sheet.chart ? 'chartsheet' : 'worksheet';
    const folder = sheet.chart ? 'chartsheets' : 'worksheets';
    rels.push(`<Relationship Id="rId${i + 1}" Type="${REL}/${type}" Target="${folder}/sheet${i + 1}.xml"/>`);
    sheets.push(
      `<sheet name="${sheet.name}" sheetId="${i + 1}"${sheet.state ? ` state="${sheet.state}"` : ''} r:id="rId${i + 1}"/>`,
    );
    files[`xl/${folder}/sheet${i + 1}.xml`] = strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>${sheet.rows}</sheetData></worksheet>`,
    );
  });
  if (spec.shared) {
    rels.push(`<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
    files['xl/sharedStrings.xml'] = strToU8(`<sst xmlns="${MAIN}">${spec.shared.join('')}</sst>`);
  }
  if (spec.styles) {
    rels.push(`<Relationship Id="rIdT" Type="${REL}/styles" Target="styles.xml"/>`);
    files['xl/styles.xml'] = strToU8(`<styleSheet xmlns="${MAIN}">${spec.styles}</styleSheet>`);
  }
  files['xl/_rels/workbook.xml.rels'] = strToU8(`<Relationships>${rels.join('')}</Relationships>`);
  files['xl/workbook.xml'] = strToU8(
    `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><workbookPr${spec.date1904 ? ' date1904="1"' : ''}/>` +
      `<sheets>${sheets.join('')}</sheets></workbook>`,
  );
  for (const [path, text] of Object.entries(spec.files ?? {})) files[path] = strToU8(text);
  return zipSync(files);
}

/** One sheet named Blad1 of the given rows. */
const oneSheet = (rows: string, more: Omit<BookSpec, 'sheets'> = {}) =>
  book({ sheets: [{ name: 'Blad1', rows }], ...more });

const si = (text: string) => `<si><t>${text}</t></si>`;
/** A row of inline-string cells A, B, C … */
const textRow = (r: number, ...texts: string[]) =>
  `<row r="${r}">${texts
    .map((t, i) => `<c r="${String.fromCharCode(65 + i)}${r}" t="inlineStr"><is><t>${t}</t></is></c>`)
    .join('')}</row>`;

function read(bytes: Uint8Array, options?: Parameters<typeof readSheet>[1]): SheetRead {
  const result = readSheet(bytes, options);
  if (!result.ok) throw new Error(`expected a sheet, got ${result.reason}: ${result.message}`);
  return result;
}

function failure(bytes: Uint8Array, options?: Parameters<typeof readSheet>[1]): WorkbookFailure {
  const result = readSheet(bytes, options);
  if (result.ok) throw new Error('expected a failure');
  return result;
}

/** Styles with cell style 0 = General, 1 = built-in 14 (date), 2 = built-in 22 (date and time), 3 = `custom`. */
const stylesWith = (custom: string) =>
  `<numFmts count="1"><numFmt numFmtId="164" formatCode="${custom}"/></numFmts>` +
  '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>' +
  '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="22"/><xf numFmtId="164"/></cellXfs>' +
  '<dxfs count="1"><dxf><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></dxf></dxfs>';

/** A header row and one row of number cells with the given styles and values. */
const numberSheet = (cells: [style: number, value: string][]) =>
  textRow(1, ...cells.map((_, i) => `k${i}`)) +
  `<row r="2">${cells.map(([s, v], i) => `<c r="${String.fromCharCode(65 + i)}2" s="${s}"><v>${v}</v></c>`).join('')}</row>`;

// Independent oracle for serials: milliseconds from the epochs Excel's documentation names.
const DAY_MS = 86_400_000;
const utcDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const oracle1900 = (serial: number) => utcDate(Date.UTC(1899, 11, 30) + serial * DAY_MS);
const oracle1904 = (serial: number) => utcDate(Date.UTC(1904, 0, 1) + serial * DAY_MS);

// ---- cells -----------------------------------------------------------------------------------

describe('readSheet', () => {
  it('reads shared strings, inline strings, formula strings, booleans and numbers as text', () => {
    const bytes = oneSheet(
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>' +
        '<c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>5</v></c></row>' +
        '<row r="2"><c r="A2" t="s"><v>6</v></c><c r="B2" t="inlineStr"><is><t>Söder</t></is></c>' +
        '<c r="C2" t="str"><f>UPPER("x")</f><v>X</v></c><c r="D2" t="b"><v>1</v></c><c r="E2" t="b"><v>0</v></c>' +
        '<c r="F2"><v>13</v></c></row>' +
        '<row r="3"><c r="A3" t="s"><v>7</v></c><c r="F3" t="n"><v>0.30000000000000004</v></c></row>' +
        '<row r="4"><c r="A4" t="s"><v>8</v></c><c r="F4"><v>1.99001011234E+11</v></c></row>',
      { shared: ['id', 'enhet', 'formel', 'sant', 'falskt', 'alder', 'U-1', 'U-2', 'U-3'].map(si) },
    );
    const { parsed } = read(bytes);
    expect(parsed.header).toEqual(['id', 'enhet', 'formel', 'sant', 'falskt', 'alder']);
    expect(parsed.headerLine).toBe(1);
    expect(parsed.records).toEqual([
      { line: 2, fields: ['U-1', 'Söder', 'X', 'SANT', 'FALSKT', '13'] },
      { line: 3, fields: ['U-2', '', '', '', '', '0.3'] },
      { line: 4, fields: ['U-3', '', '', '', '', '199001011234'] },
    ]);
  });

  it('joins rich-text runs and leaves out phonetic guides', () => {
    const shared = [
      si('rubrik'),
      '<si><r><rPr><b/></rPr><t>Norr</t></r><r><t xml:space="preserve"> team </t></r><r><t>1</t></r></si>',
      '<si><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh></si>',
    ];
    const rows =
      '<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c></row>' +
      '<row r="3"><c r="A3" t="s"><v>2</v></c></row>' +
      '<row r="4"><c r="A4" t="inlineStr"><is><r><t>Ö</t></r><r><rPr><i/></rPr><t>ster</t></r></is></c></row>';
    expect(read(oneSheet(rows, { shared })).parsed.records.map((r) => r.fields[0])).toEqual([
      'Norr team 1',
      '漢字',
      'Öster',
    ]);
  });

  it('decodes XML entities, character references, CDATA and _xHHHH_ escapes', () => {
    const shared = [
      si('a'),
      si('Öster &amp; Väster &lt;ny&gt; &quot;A&quot; &apos;B&apos;'),
      si('&#246;&#x2013;&#x1F600;'),
      '<si><t><![CDATA[<inte & tagg>]]></t></si>',
      si('rad1_x000D__x000A_rad2 _x005F_x0041_'),
      si('&okänd; &#xD800;'),
    ];
    const rows =
      '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' +
      [1, 2, 3, 4, 5].map((k) => `<row r="${k + 1}"><c r="A${k + 1}" t="s"><v>${k}</v></c></row>`).join('') +
      '<row r="7"><c r="A7" t="inlineStr"><is><t>x &amp;&amp; y&#10;z</t></is></c></row>';
    expect(read(oneSheet(rows, { shared })).parsed.records.map((r) => r.fields[0])).toEqual([
      'Öster & Väster <ny> "A" \'B\'',
      'ö–😀',
      '<inte & tagg>',
      'rad1\r\nrad2 _x0041_',
      '&okänd; &#xD800;',
      'x && y\nz',
    ]);
  });

  it('places cells by their reference, never by position: sparse and unordered cells, gaps between rows', () => {
    const rows =
      textRow(3, 'id', 'start', 'slut', 'enhet') +
      '<row r="5"><c r="D5" t="inlineStr"><is><t>Norr</t></is></c><c r="A5" t="inlineStr"><is><t>U-1</t></is></c></row>' +
      '<row r="6"/>' +
      '<row r="7"><c r="A7" s="0"/><c r="B7" t="inlineStr"><is><t>   </t></is></c></row>' +
      '<row r="9"><c r="C9" t="inlineStr"><is><t>x</t></is></c></row>';
    const { parsed } = read(oneSheet(rows));
    expect(parsed.headerLine).toBe(3);
    expect(parsed.records).toEqual([
      { line: 5, fields: ['U-1', '', '', 'Norr'] },
      { line: 9, fields: ['', '', 'x', ''] },
    ]);
  });

  it('takes the header up to its last filled cell and keeps cells past it, as the CSV reader would', () => {
    const rows =
      '<row r="1"><c r="A1" t="inlineStr"><is><t> id </t></is></c><c r="B1" t="inlineStr"><is><t>enhet</t></is></c>' +
      '<c r="C1" s="1"/></row>' +
      '<row r="2"><c r="A2" t="inlineStr"><is><t> U-1 </t></is></c><c r="E2"><v>5</v></c></row>';
    const { parsed } = read(oneSheet(rows));
    expect(parsed.header).toEqual(['id', 'enhet']);
    expect(parsed.records).toEqual([{ line: 2, fields: [' U-1 ', '', '', '', '5'] }]);
  });

  it('reads cells and rows without references in order (written so by some programs)', () => {
    const rows =
      '<row><c t="inlineStr"><is><t>a</t></is></c><c t="inlineStr"><is><t>b</t></is></c></row>' +
      '<row><c><v>1</v></c><c><v>2</v></c></row>';
    expect(read(oneSheet(rows)).parsed.records).toEqual([{ line: 2, fields: ['1', '2'] }]);
  });

  it('reads prefixed names, single quotes, comments, a DOCTYPE and namespace-prefixed elements', () => {
    const sheet =
      '<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE x [<!ENTITY e "bomb">]><!-- skapad för test -->' +
      `<x:worksheet xmlns:x='${MAIN}'><x:sheetData><x:row r='1'><x:c r='A1' t='inlineStr'><x:is><x:t>a&e;</x:t></x:is></x:c>` +
      `<!-- <x:c r='B1'><x:v>9</x:v></x:c> --><x:c r = 'B1' t='inlineStr'><x:is><x:t>b</x:t></x:is></x:c></x:row>` +
      `<x:row r='2'><x:c r='A2'><x:v>7</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const bytes = book({ sheets: [{ name: 'Blad1', rows: '' }], files: { 'xl/worksheets/sheet1.xml': sheet } });
    const { parsed } = read(bytes);
    expect(parsed.header).toEqual(['a&e;', 'b']);
    expect(parsed.records).toEqual([{ line: 2, fields: ['7', ''] }]);
  });

  it('reads the cached value of a formula, not its text, and keeps error values as written', () => {
    const rows =
      textRow(1, 'a', 'b') +
      '<row r="2"><c r="A2"><f>1+1</f><v>2</v></c><c r="B2" t="e"><f>NA()</f><v>#N/A</v></c></row>';
    expect(read(oneSheet(rows)).parsed.records).toEqual([{ line: 2, fields: ['2', '#N/A'] }]);
  });

  it('says an empty sheet is empty', () => {
    expect(failure(oneSheet('<row r="1"/><row r="2"><c r="A2" t="inlineStr"><is><t> </t></is></c></row>'))).toEqual({
      ok: false,
      reason: 'empty-sheet',
      message: 'Bladet ”Blad1” är tomt.',
    });
  });
});

// ---- dates -----------------------------------------------------------------------------------

describe('dates', () => {
  it('turns number cells with a date style into YYYY-MM-DD, and a time of day into YYYY-MM-DD HH:MM', () => {
    const serial = 45688; // 2025-01-31
    const bytes = oneSheet(
      numberSheet([
        [1, `${serial}`],
        [2, `${serial + 0.5729166666666666}`], // 13:45
        [2, `${serial}`], // a date-time style at midnight: just the date
        [0, `${serial}`], // General: a number
        [3, `${serial}`],
      ]),
      { styles: stylesWith('yyyy\\-mm\\-dd') },
    );
    expect(read(bytes).parsed.records[0].fields).toEqual([
      oracle1900(serial),
      `${oracle1900(serial)} 13:45`,
      oracle1900(serial),
      '45688',
      oracle1900(serial),
    ]);
    expect(oracle1900(serial)).toBe('2025-01-31');
  });

  it('only styles of cellXfs count, and only custom formats of numFmts', () => {
    // cellStyleXfs[0] is a date and a dxf redefines 164 as a date: neither may leak into cell style 0 or 3.
    const bytes = oneSheet(
      numberSheet([
        [0, '45688'],
        [3, '45688'],
      ]),
      { styles: stylesWith('0&quot; dagar&quot;') },
    );
    expect(read(bytes).parsed.records[0].fields).toEqual(['45688', '45688']);
  });

  it('reads the 1900 system with its leap-year quirk: 59 is 1900-02-28, 60 the nonexistent 1900-02-29, 61 1900-03-01', () => {
    const bytes = oneSheet(
      numberSheet([
        [1, '1'],
        [1, '59'],
        [1, '60'],
        [1, '61'],
      ]),
      { styles: stylesWith('General') },
    );
    expect(read(bytes).parsed.records[0].fields).toEqual(['1900-01-01', '1900-02-28', '1900-02-29', '1900-03-01']);
    // Serials below 60 are one day after what counting from 1899-12-30 gives.
    expect(oracle1900(59 + 1)).toBe('1900-02-28');
    expect(oracle1900(61)).toBe('1900-03-01');
  });

  it('reads the 1904 system when workbook.xml says date1904', () => {
    const bytes = oneSheet(
      numberSheet([
        [1, '0'],
        [1, '60'],
        [1, `${45688 - 1462}`],
      ]),
      { styles: stylesWith('General'), date1904: true },
    );
    expect(read(bytes).parsed.records[0].fields).toEqual([oracle1904(0), oracle1904(60), '2025-01-31']);
    expect(oracle1904(60)).toBe('1904-03-01');
  });

  it('keeps dates typed as text as text, for the CSV date parser', () => {
    const bytes = oneSheet(textRow(1, 'start', 'slut') + textRow(2, '31/1/2025', '2025-01-31 00:00'), {
      styles: stylesWith('General'),
    });
    expect(read(bytes).parsed.records[0].fields).toEqual(['31/1/2025', '2025-01-31 00:00']);
  });

  it('keeps a number with a date style that is no date as a number', () => {
    const bytes = oneSheet(
      numberSheet([
        [1, '-1'],
        [1, '2958466'],
        [1, 'abc'],
      ]),
      { styles: stylesWith('General') },
    );
    expect(read(bytes).parsed.records[0].fields).toEqual(['-1', '2958466', 'abc']);
  });
});

describe('excelSerialText', () => {
  it('agrees with counting days from 1899-12-30 for every serial from 61 to 9999-12-31', () => {
    for (let serial = 61; serial < 2958466; serial += 997)
      expect(excelSerialText(serial, false)).toBe(oracle1900(serial));
    expect(excelSerialText(2958465, false)).toBe('9999-12-31');
  });

  it('is one day after counting from 1899-12-30 for serials 1 to 59 (Excel counts a 1900-02-29)', () => {
    for (let serial = 1; serial <= 59; serial++) expect(excelSerialText(serial, false)).toBe(oracle1900(serial + 1));
  });

  it('agrees with counting days from 1904-01-01 in the 1904 system', () => {
    for (let serial = 0; serial < 2957003; serial += 997)
      expect(excelSerialText(serial, true)).toBe(oracle1904(serial));
  });

  it('rounds the time to the second, then cuts it to the minute', () => {
    const at = (h: number, m: number, s: number) => 45688 + (h * 3600 + m * 60 + s) / 86400;
    expect(excelSerialText(at(23, 59, 40), false)).toBe('2025-01-31 23:59');
    expect(excelSerialText(at(0, 0, 30), false)).toBe('2025-01-31 00:00');
    expect(excelSerialText(at(12, 0, 0) + 1e-10, false)).toBe('2025-01-31 12:00');
    expect(excelSerialText(45688 + 0.9999999, false)).toBe('2025-02-01');
    expect(excelSerialText(59.9999999, false)).toBe('1900-02-29');
  });

  it('returns null for serials that are no date', () => {
    expect(excelSerialText(-0.5, false)).toBeNull();
    expect(excelSerialText(Number.NaN, false)).toBeNull();
    expect(excelSerialText(2958466, false)).toBeNull();
  });
});

describe('isDateFormat', () => {
  it.each([
    ['yyyy\\-mm\\-dd', true],
    ['YYYY-MM-DD', true],
    ['[$-41D]d/m/yyyy;@', true],
    ['d mmmm yyyy', true],
    ['yyyy-mm-dd hh:mm', true],
    ['"Datum: "yyyy-mm-dd', true],
    ['General', false],
    ['0', false],
    ['0.00" dagar"', false],
    ['[Red]0.00', false],
    ['#,##0_);[Red](#,##0)', false],
    ['0\\ \\d', false],
    ['@', false],
  ])('%s → %s', (code, expected) => expect(isDateFormat(code)).toBe(expected));
});

describe('decodeEntities', () => {
  it('decodes the five entities and character references, and leaves others as written', () => {
    expect(decodeEntities('&amp;lt; &lt;&gt;&quot;&apos; &#65;&#x42;&#X43; &nbsp; &#0; &#x110000;')).toBe(
      '&lt; <>"\' ABC &nbsp; &#0; &#x110000;',
    );
  });
});

// ---- sheets ----------------------------------------------------------------------------------

describe('sheets', () => {
  const threeSheets = book({
    sheets: [
      { name: 'Dold', rows: textRow(1, 'dold', 'x'), state: 'hidden' },
      { name: 'Diagram', rows: '', chart: true },
      { name: 'Utredningar', rows: textRow(1, 'id', 'start') + textRow(2, 'U-1', '2025-01-31') },
      { name: 'Beslut', rows: textRow(1, 'beslut_id', 'x') + textRow(4, 'B-1', 'y') },
    ],
  });

  it('lists the worksheets in tab order, chart sheets left out', () => {
    expect(listSheets(threeSheets)).toEqual({
      ok: true,
      sheets: [
        { name: 'Dold', hidden: true },
        { name: 'Utredningar', hidden: false },
        { name: 'Beslut', hidden: false },
      ],
    });
  });

  it('reads the first visible sheet by default', () => {
    const result = read(threeSheets);
    expect(result.sheet).toBe('Utredningar');
    expect(result.parsed.header).toEqual(['id', 'start']);
  });

  it('reads a chosen sheet by name or position', () => {
    expect(read(threeSheets, { sheet: 'Beslut' }).parsed.records).toEqual([{ line: 4, fields: ['B-1', 'y'] }]);
    expect(read(threeSheets, { sheet: 0 }).parsed.header).toEqual(['dold', 'x']);
  });

  it('names the sheets when the chosen one does not exist', () => {
    expect(failure(threeSheets, { sheet: 'Orosanmälningar' }).message).toBe(
      'Arbetsboken har inget blad som heter ”Orosanmälningar”. Bladen är: ”Dold”, ”Utredningar”, ”Beslut”.',
    );
    expect(failure(threeSheets, { sheet: 5 }).reason).toBe('unknown-sheet');
  });

  it('finds parts through the relationships, with absolute targets and other letter case', () => {
    const bytes = zipSync({
      '[Content_Types].xml': strToU8('<Types/>'),
      '_rels/.rels': strToU8(
        `<Relationships><Relationship Id="a" Type="${REL}/officeDocument" Target="/Bok/Arbetsbok.xml"/></Relationships>`,
      ),
      'Bok/_rels/Arbetsbok.xml.rels': strToU8(
        `<Relationships><Relationship Id="s1" Type="${REL}/worksheet" Target="/Bok/Blad/Ett.xml"/>` +
          `<Relationship Id="ss" Type="${REL}/sharedStrings" Target="../Bok/Texter.XML"/></Relationships>`,
      ),
      'Bok/Arbetsbok.xml': strToU8(
        `<workbook xmlns:r="${REL}"><sheets><sheet name="Ett" r:id="s1"/></sheets></workbook>`,
      ),
      'Bok/Blad/ETT.xml': strToU8(
        '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>',
      ),
      'Bok/texter.xml': strToU8(`<sst>${si('hittad')}</sst>`),
    });
    expect(read(bytes).parsed.header).toEqual(['hittad']);
  });

  it('says a workbook without worksheets has none', () => {
    expect(failure(book({ sheets: [{ name: 'Diagram', rows: '', chart: true }] })).message).toBe(
      'Arbetsboken har inget kalkylblad.',
    );
  });
});

// ---- other files -----------------------------------------------------------------------------

describe('sniffWorkbook and other files', () => {
  const xls = new Uint8Array(4096);
  xls.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const encrypted = xls.slice();
  [...'EncryptedPackage'].forEach((c, i) => (encrypted[1024 + 2 * i] = c.charCodeAt(0)));
  const ods = zipSync({
    mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }],
    'content.xml': strToU8('<office:document-content/>'),
    'META-INF/manifest.xml': strToU8('<manifest/>'),
  });
  const odt = zipSync({
    mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }],
    'content.xml': strToU8('<office:document-content/>'),
  });
  const xlsb = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.bin': new Uint8Array(8) });
  const docx = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') });
  const csv = strToU8('utredning_id;startdatum\nU-1;2025-01-31\n');

  it('tells the kinds apart', () => {
    expect(sniffWorkbook(oneSheet(textRow(1, 'a')))).toBe('xlsx');
    expect(sniffWorkbook(xls)).toBe('xls');
    expect(sniffWorkbook(encrypted)).toBe('encrypted');
    expect(sniffWorkbook(ods)).toBe('ods');
    expect(sniffWorkbook(odt)).toBe('zip');
    expect(sniffWorkbook(xlsb)).toBe('xlsb');
    expect(sniffWorkbook(docx)).toBe('zip');
    expect(sniffWorkbook(csv)).toBe('other');
    expect(sniffWorkbook(new Uint8Array(0))).toBe('other');
    expect(sniffWorkbook(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toBe('zip');
    expect(isXlsx(oneSheet(textRow(1, 'a')))).toBe(true);
    expect(isXlsx(csv)).toBe(false);
  });

  it('gives a clear Swedish message for each file that is no .xlsx', () => {
    expect(failure(xls)).toEqual({
      ok: false,
      reason: 'xls',
      message: 'Filen är en äldre Excel-fil (.xls). Spara den som .xlsx eller CSV och försök igen.',
    });
    expect(failure(encrypted).message).toBe(
      'Filen är en lösenordsskyddad Excel-fil. Spara den utan lösenord som .xlsx eller CSV och försök igen.',
    );
    expect(failure(ods).message).toBe(
      'Filen är ett OpenDocument-kalkylblad (.ods). Spara den som .xlsx eller CSV och försök igen.',
    );
    expect(failure(xlsb).message).toBe(
      'Filen är en binär Excel-arbetsbok (.xlsb). Spara den som .xlsx eller CSV och försök igen.',
    );
    for (const bytes of [docx, odt, csv])
      expect(failure(bytes).message).toBe(
        'Filen är en zip-fil men ingen Excel-arbetsbok (.xlsx). Spara uppgifterna som .xlsx eller CSV och försök igen.',
      );
    expect(listSheets(xls)).toMatchObject({ ok: false, reason: 'xls' });
  });

  it('says a damaged workbook is damaged', () => {
    const bytes = oneSheet(textRow(1, 'a', 'b'));
    const cut = bytes.slice();
    // Overwrite the sheet's deflated data: the zip directory still lists it.
    const at = indexOfName(cut, 'xl/worksheets/sheet1.xml', 0x04034b50);
    cut.fill(0xff, at + 30 + 'xl/worksheets/sheet1.xml'.length, at + 40 + 'xl/worksheets/sheet1.xml'.length);
    const result = failure(cut);
    expect(result.reason).toBe('corrupt');
    expect(result.message).toMatch(/^Excel-filen är skadad och kan inte läsas \(delen xl\/worksheets\/sheet1\.xml/);
  });
});

// ---- limits ----------------------------------------------------------------------------------

/** Offset of the zip record (local header or central directory entry) of a part. */
function indexOfName(zip: Uint8Array, name: string, signature: number): number {
  const nameBytes = strToU8(name);
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const nameAt = signature === 0x02014b50 ? 46 : 30;
  for (let i = 0; i + nameAt + nameBytes.length <= zip.length; i++)
    if (view.getUint32(i, true) === signature && nameBytes.every((b, k) => zip[i + nameAt + k] === b)) return i;
  throw new Error(`no ${name}`);
}

/** The same zip with the central directory stating another unpacked size for a part. */
function withStatedSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const copy = zip.slice();
  new DataView(copy.buffer).setUint32(indexOfName(copy, name, 0x02014b50) + 24, size, true);
  return copy;
}

describe('limits', () => {
  // 20 000 identical rows (no references): 1.5 MB of XML that deflates to a few kB, as a zip bomb does.
  const sameRow = '<row><c t="inlineStr"><is><t>x</t></is></c><c t="inlineStr"><is><t>y</t></is></c></row>';
  const manyRows = '<row>' + sameRow.slice(5).replaceAll('x', 'a').replaceAll('y', 'b') + sameRow.repeat(20_000);
  const bomb = oneSheet(manyRows);
  const sheetPath = 'xl/worksheets/sheet1.xml';

  it('reads a highly compressed sheet within the limits', () => {
    expect(bomb.length).toBeLessThan(20_000);
    expect(read(bomb).parsed.records).toHaveLength(20_000);
  });

  it('refuses a workbook that unpacks to more than the limit, before unpacking it', () => {
    const result = failure(bomb, { limits: { unpackedBytes: 1_000_000 } });
    expect(result.reason).toBe('too-large');
    const parts = unzipSync(bomb);
    const sizes = ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', sheetPath].map((p) => parts[p].length);
    const megabytes = Math.ceil(sizes.reduce((a, b) => a + b) / 1e6);
    expect(megabytes).toBe(2);
    expect(result.message).toBe(
      `Excel-filen packas upp till ${megabytes} MB; så stora filer kan inte läsas. Spara bladet som CSV och försök igen.`,
    );
    const huge = withStatedSize(bomb, sheetPath, 0xfffffff0);
    expect(failure(huge).message).toMatch(/^Excel-filen packas upp till 4\u202f295 MB;/);
  });

  it('stops a part that unpacks to more than it states (a lying zip)', () => {
    const lying = withStatedSize(bomb, sheetPath, 5000);
    const result = failure(lying);
    expect(result.reason).toBe('corrupt');
    expect(result.message).toContain('packas upp till en annan storlek än den anger');
  });

  it('refuses a sheet with more cells than the limit', () => {
    const result = failure(bomb, { limits: { cells: 10_000 } });
    expect(result).toEqual({
      ok: false,
      reason: 'too-many-cells',
      message:
        'Bladet har fler än 10\u202f000 celler; så stora blad kan inte läsas. Spara bladet som CSV och försök igen.',
    });
  });

  it('counts the empty fields a far-away cell creates', () => {
    // Three cell elements, but the last column of Excel makes each row 16 384 fields wide.
    const wide = oneSheet(
      textRow(1, 'a') + '<row r="2"><c r="XFD2"><v>1</v></c></row><row r="3"><c r="XFD3"><v>1</v></c></row>',
    );
    expect(read(wide).parsed.records[1].fields).toHaveLength(16_384);
    expect(failure(wide, { limits: { cells: 20_000 } }).reason).toBe('too-many-cells');
  });

  it('says a reference past column XFD is no cell', () => {
    expect(failure(oneSheet('<row r="1"><c r="XFE1"><v>1</v></c></row>')).message).toContain(
      'cellreferensen XFE1 finns inte i Excel',
    );
  });
});

// ---- workbooks saved by LibreOffice Calc -----------------------------------------------------

const FIXTURES = 'fixtures/xlsx';

/**
 * Compares a sheet with the CSV it was saved from: same header and row numbers; a field may differ
 * only as two spellings of the same date. Returns how many fields differed so.
 */
function expectSameAsCsv(sheet: ParsedCsv, csv: ParsedCsv): number {
  expect(sheet.header).toEqual(csv.header);
  expect(sheet.headerLine).toBe(csv.headerLine);
  expect(sheet.records.map((r) => r.line)).toEqual(csv.records.map((r) => r.line));
  let respelled = 0;
  sheet.records.forEach((record, r) => {
    const expected = csv.records[r].fields;
    expect(record.fields).toHaveLength(expected.length);
    record.fields.forEach((field, f) => {
      if (field === expected[f]) return;
      const day = parseDate(field);
      expect({ line: record.line, field, day }).toEqual({ line: record.line, field, day: parseDate(expected[f]) });
      expect(Number.isNaN(day)).toBe(false);
      respelled++;
    });
  });
  return respelled;
}

describe('workbooks saved by LibreOffice Calc from the fixture CSVs', () => {
  it.each([
    // name, records, fields that are the same date spelled otherwise
    ['utredningar_300', 300, 0],
    ['forlangningar_300', 300, 0],
    ['orosanmalningar_300', 300, 0],
    ['beslut_300', 300, 0],
    ['utredningar_komma_citat', 3, 0],
    ['utredningar_tid', 4, 1],
    ['forlangningar_tabb', 2, 1],
  ])('%s.xlsx reads as its CSV does', (name, records, respelled) => {
    const result = read(new Uint8Array(readFileSync(`${FIXTURES}/${name}.xlsx`)));
    const csv = parseCsv(readFileSync(`${FIXTURES}/${name}.csv`, 'utf8'));
    expect(result.sheet).toBe(name);
    expect(result.parsed.records).toHaveLength(records);
    expect(expectSameAsCsv(result.parsed, csv)).toBe(respelled);

    // The same rows through validation: the same table and the same problems.
    const recognition = recognizeDataset(csv.header);
    if (recognition.status !== 'recognised') throw new Error(`${name}: header not recognised`);
    const fromSheet = validateRecords(result.parsed, recognition.dataset, recognition.columns, name);
    const fromCsv = validateRecords(csv, recognition.dataset, recognition.columns, name);
    expect(fromSheet).toEqual(fromCsv);
    expect(fromSheet.rowsRead).toBe(records);
  });

  it('the demo slices hold real date cells, not text (so these tests read serials)', () => {
    const bytes = new Uint8Array(readFileSync(`${FIXTURES}/utredningar_300.xlsx`));
    const sheetXml = strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml']);
    expect(sheetXml).toMatch(/<c r="B2" s="[1-9]\d*" t="n"><v>44214<\/v><\/c>/);
    expect(oracle1900(44214)).toBe('2021-01-18');
    expect(read(bytes).parsed.records[0].fields.slice(0, 3)).toEqual(['U-00001', '2021-01-18', '2021-07-31']);
  });

  it('a date-time saved by Calc keeps its minutes, and text dates stay text', () => {
    const tid = read(new Uint8Array(readFileSync(`${FIXTURES}/utredningar_tid.xlsx`))).parsed.records;
    expect(tid.map((r) => r.fields.slice(1, 3))).toEqual([
      ['2025-01-31 13:45', '2025-05-30 08:05'],
      ['2025-02-01', ''],
      ['2025-02-28 23:59', '2025-06-27 00:01'],
      ['2024-02-29', '2024-06-28 12:00'],
    ]);
    expect(tid[2].fields[3]).toBe('Öster & Väster <ny>');
    expect(tid[3].fields[3]).toBe('Norr; team "A"');
    const text = read(new Uint8Array(readFileSync(`${FIXTURES}/utredningar_komma_citat.xlsx`))).parsed.records;
    expect(text.map((r) => r.fields[1])).toEqual(['10/1/2025', '15/1/2025', '2/2/2025']);
    expect(text[2].fields[3]).toBe('Öster\nmottagning');
  });
});
