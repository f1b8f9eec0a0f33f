import { describe, expect, it } from 'vitest';
import {
  containsPersonnummer,
  findPersonnummer,
  luhnValid,
  maskPersonnummer,
  normalizePersonnummer,
} from '../../../src/format/personnummer';

// Valid numbers published by Skatteverket as examples: 19121212-1212 (personnummer) and
// 701063-2391 (samordningsnummer, day 03 + 60). 0701234569 passes the check digit by hand:
// 0·2 + 7 + 0·2 + 1 + 2·2 + 3 + 4·2 + 5 + (6·2 → 1+2) = 31, so the check digit is 9.

describe('findPersonnummer', () => {
  it('finds a number inside free text, with its position', () => {
    expect(findPersonnummer('ring 19121212-1212 i morgon')).toEqual([{ start: 5, end: 18 }]);
  });

  it('finds several numbers and the whole value', () => {
    expect(findPersonnummer('a 121212-1212 b 701063-2391')).toEqual([
      { start: 2, end: 13 },
      { start: 16, end: 27 },
    ]);
    expect(findPersonnummer('191212121212')).toEqual([{ start: 0, end: 12 }]);
  });

  it('finds nothing in an empty text', () => {
    expect(findPersonnummer('')).toEqual([]);
  });
});

describe('maskPersonnummer: what is masked', () => {
  it.each([
    ['19121212-1212', 'YYYYMMDD-NNNN'],
    ['191212121212', 'YYYYMMDDNNNN'],
    ['121212-1212', 'YYMMDD-NNNN'],
    ['121212+1212', 'YYMMDD+NNNN'],
    ['1212121212', 'YYMMDDNNNN with a right check digit'],
    ['121212 1212', 'YYMMDD NNNN with a right check digit'],
    ['19121212 1212', 'YYYYMMDD NNNN with a right check digit'],
    ['701063-2391', 'samordningsnummer'],
    ['197010632391', 'samordningsnummer with century'],
    ['121212\u20131212', 'en dash as separator'],
    ['121212\u22121212', 'minus sign as separator'],
    ['121212-1213', 'hyphen form with a wrong check digit (mistyped, still personal data)'],
    ['191212121213', '12-digit form with a wrong check digit'],
    ['20121212-1213', '12-digit hyphen form with a wrong check digit'],
    ['0701234569', 'a phone number that happens to pass the check digit (the safe side)'],
  ])('%s (%s)', (value) => {
    expect(maskPersonnummer(value)).toBe('ÅÅMMDD-XXXX');
    expect(containsPersonnummer(value)).toBe(true);
  });

  it('masks inside free text and keeps the rest', () => {
    expect(maskPersonnummer('ring 19121212-1212 i morgon')).toBe('ring ÅÅMMDD-XXXX i morgon');
    expect(maskPersonnummer('pnr:121212-1212.')).toBe('pnr:ÅÅMMDD-XXXX.');
    expect(maskPersonnummer('Barnet (701063-2391) och 121212+1212')).toBe('Barnet (ÅÅMMDD-XXXX) och ÅÅMMDD-XXXX');
  });

  it('masks a number inside a raw CSV line', () => {
    expect(maskPersonnummer('U24-90002;2025-01-31;19121212-1212;Söder')).toBe('U24-90002;2025-01-31;ÅÅMMDD-XXXX;Söder');
  });

  it('accepts the date bounds: month 01 and 12, day 01, 31, 61 and 91', () => {
    for (const v of ['120101-1234', '121201-1234', '120131-1234', '120161-1234', '120191-1234']) {
      expect(containsPersonnummer(v), v).toBe(true);
    }
  });
});

describe('maskPersonnummer: what is not masked', () => {
  it.each([
    ['U24-90002', 'id of the system'],
    ['B25-9005', 'id of the system'],
    ['2025-01-31', 'ISO date'],
    ['20250131', 'compact date'],
    ['2025-01-31 14:30', 'date and time'],
    ['250131 1430', 'date and time, compact, wrong check digit'],
    ['0701234567', 'phone number, wrong check digit'],
    ['070-123 45 67', 'phone number as written'],
    ['1212121213', 'bare 10 digits, wrong check digit'],
    ['121212 1213', 'space-separated, wrong check digit'],
    ['121312-1212', 'month 13'],
    ['120012-1212', 'month 00'],
    ['121200-1212', 'day 00'],
    ['121232-1212', 'day 32'],
    ['121260-1212', 'day 60'],
    ['121292-1212', 'day 92'],
    ['1121212-1212', 'seven digits before the separator'],
    ['121212-12120', 'five digits after the separator'],
    ['1234567890123', 'a 13-digit number'],
    ['12121212121212', 'a 14-digit number'],
    ['-4,5', 'a number'],
    ['ÅÅMMDD-XXXX', 'the mask itself'],
  ])('%s (%s)', (value) => {
    expect(maskPersonnummer(value)).toBe(value);
    expect(containsPersonnummer(value)).toBe(false);
  });
});

describe('luhnValid', () => {
  it('accepts the right check digit and rejects every other', () => {
    expect(luhnValid('1212121212')).toBe(true);
    expect(luhnValid('7010632391')).toBe(true);
    for (let d = 0; d <= 9; d++) {
      if (d !== 2) expect(luhnValid(`121212121${d}`)).toBe(false);
    }
  });
});

describe('normalizePersonnummer', () => {
  it('keeps a written century', () => {
    expect(normalizePersonnummer('19121212-1212', 2025)).toBe('191212121212');
    expect(normalizePersonnummer('191212121212', 2025)).toBe('191212121212');
    expect(normalizePersonnummer('20121212-1212', 2025)).toBe('201212121212');
  });

  it('tells 19121212-1212 and 20121212-1212 apart (no false duplicate)', () => {
    expect(normalizePersonnummer('19121212-1212', 2025)).not.toBe(normalizePersonnummer('20121212-1212', 2025));
  });

  it('gives a 10-digit form the century in which the person is under 100', () => {
    expect(normalizePersonnummer('121212-1212', 2025)).toBe('201212121212');
    expect(normalizePersonnummer('251231-1234', 2025)).toBe('202512311234'); // born this year
    expect(normalizePersonnummer('260101-1234', 2025)).toBe('192601011234'); // 99 this year
    expect(normalizePersonnummer('991231-1234', 2025)).toBe('199912311234');
    expect(normalizePersonnummer('1212121212', 2025)).toBe('201212121212');
    expect(normalizePersonnummer('121212 1212', 2025)).toBe('201212121212');
  });

  it('takes one century earlier with +', () => {
    expect(normalizePersonnummer('121212+1212', 2025)).toBe('191212121212');
    expect(normalizePersonnummer('260101+1234', 2025)).toBe('182601011234');
  });

  it('depends on the reference year, not the clock', () => {
    expect(normalizePersonnummer('000101-1234', 2000)).toBe('200001011234');
    expect(normalizePersonnummer('010101-1234', 2000)).toBe('190101011234');
    expect(normalizePersonnummer('121212-1212', 2011)).toBe('191212121212');
    expect(normalizePersonnummer('121212-1212', 2012)).toBe('201212121212');
  });

  it('keeps a samordningsnummer day as written', () => {
    expect(normalizePersonnummer('701063-2391', 2025)).toBe('197010632391');
  });

  it('trims surrounding spaces', () => {
    expect(normalizePersonnummer('  121212-1212 ', 2025)).toBe('201212121212');
  });

  it('is null unless the whole value is one number', () => {
    expect(normalizePersonnummer('ring 121212-1212', 2025)).toBeNull();
    expect(normalizePersonnummer('121212-1212 121212-1212', 2025)).toBeNull();
    expect(normalizePersonnummer('U24-90002', 2025)).toBeNull();
    expect(normalizePersonnummer('20250131', 2025)).toBeNull();
    expect(normalizePersonnummer('0701234567', 2025)).toBeNull();
    expect(normalizePersonnummer('', 2025)).toBeNull();
  });
});
