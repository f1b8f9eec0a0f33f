import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { toCsv, type CsvColumn } from '../../../src/format/csv';
import { containsPersonnummer, maskPersonnummer } from '../../../src/format/personnummer';

const FORMULA_START = /^[=+\-@\t\r]/;
// Only a sign followed by digits, separators, spaces and % may start with a formula character.
const HARMLESS_NUMBER = /^[-+][\d.,\s%]*$/;

/** The CSV read back by papaparse: an independent reader. */
function readBack(csv: string): string[][] {
  expect(csv.startsWith('\ufeff')).toBe(true);
  expect(csv.endsWith('\r\n')).toBe(true);
  const result = Papa.parse<string[]>(csv.slice(1, -2), { delimiter: ';', newline: '\r\n', quoteChar: '"' });
  expect(result.errors).toEqual([]);
  return result.data;
}

/** Luhn check digit of nine digits, written out here apart from the code under test. */
function checkDigit(nine: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    const d = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
    sum += d > 9 ? d - 9 : d;
  }
  return (10 - (sum % 10)) % 10;
}

/** A plain assertion: expect() per cell is too slow for thousands of inputs. */
function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

const two = (n: number) => String(n).padStart(2, '0');

/** A personnummer or samordningsnummer in one of the forms that must always be masked. */
const personnummer = fc
  .record({
    century: fc.constantFrom('19', '20'),
    yy: fc.integer({ min: 0, max: 99 }),
    mm: fc.integer({ min: 1, max: 12 }),
    dd: fc.integer({ min: 1, max: 31 }),
    coordination: fc.boolean(),
    serial: fc.integer({ min: 0, max: 999 }),
    form: fc.constantFrom('YYMMDD-NNNN', 'YYMMDD+NNNN', 'YYYYMMDD-NNNN', 'YYYYMMDDNNNN', 'YYMMDDNNNN', 'YYMMDD NNNN'),
    wrongCheckDigit: fc.boolean(),
  })
  .map((p) => {
    const nine = two(p.yy) + two(p.mm) + two(p.dd + (p.coordination ? 60 : 0)) + String(p.serial).padStart(3, '0');
    // Hyphen, plus and century forms are masked even when mistyped; bare and space forms need the check digit.
    const lenient = p.form.includes('-') || p.form.includes('+') || p.form.startsWith('YYYY');
    const check = (checkDigit(nine) + (lenient && p.wrongCheckDigit ? 1 : 0)) % 10;
    const last4 = nine.slice(6) + check;
    const date = nine.slice(0, 6);
    switch (p.form) {
      case 'YYMMDD-NNNN':
        return `${date}-${last4}`;
      case 'YYMMDD+NNNN':
        return `${date}+${last4}`;
      case 'YYYYMMDD-NNNN':
        return `${p.century}${date}-${last4}`;
      case 'YYYYMMDDNNNN':
        return `${p.century}${date}${last4}`;
      case 'YYMMDDNNNN':
        return `${date}${last4}`;
      default:
        return `${date} ${last4}`;
    }
  });

interface Fragment {
  text: string;
  planted: boolean;
}

const fragment: fc.Arbitrary<Fragment> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 8 }).map((text) => ({ text, planted: false })),
  fc
    .constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '\r\n', ';', '"', "'", ' ', '\u2212', ',', '.', '%', 'Söder')
    .map((text) => ({ text, planted: false })),
  fc.string({ unit: fc.constantFrom(...'0123456789-+ '), maxLength: 14 }).map((text) => ({ text, planted: false })),
  // Set apart by spaces so it cannot run into digits of its neighbours.
  personnummer.map((text) => ({ text: ` ${text} `, planted: true })),
);

const cellText = fc.array(fragment, { maxLength: 5 });

describe('toCsv, arbitrary text (fast-check)', () => {
  it('every cell read back is a harmless number or starts no formula, and holds no personnummer', () => {
    let inputs = 0;
    let neutralised = 0;
    let masked = 0;
    const runs = 3000;
    fc.assert(
      fc.property(fc.array(fc.tuple(cellText, cellText, cellText), { maxLength: 4 }), cellText, (rows, header) => {
        inputs++;
        const headerText = header.map((f) => f.text).join('');
        const texts = rows.map((row) => row.map((cell) => cell.map((f) => f.text).join('')));
        const columns: CsvColumn<string[]>[] = [0, 1, 2].map((i) => ({
          header: i === 0 ? headerText : `k${i}`,
          value: (r) => r[i],
        }));
        const csv = toCsv(columns, texts);
        const back = readBack(csv);
        expect(back).toHaveLength(texts.length + 1);
        const inputsRead = [[headerText, 'k1', 'k2'], ...texts];
        back.forEach((cells, r) => {
          expect(cells).toHaveLength(3);
          cells.forEach((cell, c) => {
            const where = `row ${r} column ${c}: ${JSON.stringify(cell)}`;
            if (FORMULA_START.test(cell)) check(HARMLESS_NUMBER.test(cell), `formula start, ${where}`);
            check(!containsPersonnummer(cell), `personnummer, ${where}`);
            // Nothing else changes: the text, masked, with a leading ' only where a formula would start.
            const m = maskPersonnummer(inputsRead[r][c]);
            if (m !== inputsRead[r][c]) masked++;
            if (FORMULA_START.test(m) && !HARMLESS_NUMBER.test(m)) {
              check(cell === `'${m}`, `not neutralised, ${where}`);
              neutralised++;
            } else if (!FORMULA_START.test(m)) {
              check(cell === m, `changed, ${where}`);
            } else {
              check(cell === m || cell === `'${m}`, `changed, ${where}`);
            }
          });
        });
        // Every planted number is gone from the file.
        for (const cell of [header, ...rows.flat()]) {
          for (const f of cell) if (f.planted) check(!csv.includes(f.text.trim()), `left in: ${f.text}`);
        }
      }),
      { numRuns: runs },
    );
    expect(inputs).toBe(runs);
    console.info(`csv.property: ${inputs} inputs, ${masked} cells masked, ${neutralised} cells neutralised`);
    expect(masked).toBeGreaterThan(0);
    expect(neutralised).toBeGreaterThan(0);
  }, 60_000);

  it('JS numbers come back as the same numbers, never as text', () => {
    let inputs = 0;
    const runs = 2000;
    fc.assert(
      fc.property(
        fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: -1e6, max: 1e6 })),
        (value) => {
          fc.pre(!containsPersonnummer(String(value)));
          inputs++;
          const [, [cell]] = readBack(toCsv([{ header: 'v', value: (r: number) => r }], [value]));
          expect(cell.startsWith("'")).toBe(false);
          expect(Number(cell.replace(',', '.'))).toBe(value === 0 ? 0 : value);
        },
      ),
      { numRuns: runs },
    );
    console.info(`csv.property: ${inputs} numbers`);
    expect(inputs).toBeGreaterThan(runs / 2);
  }, 60_000);
});
