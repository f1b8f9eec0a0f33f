/**
 * Finding personnummer and samordningsnummer in any text, so that none is shown or written as is
 * (DOMAIN.md "Privacy"). Pure: no clock, no DOM.
 *
 * Forms found, anywhere in a text (not inside a longer run of digits):
 * - `YYMMDD-NNNN`, `YYMMDD+NNNN` (the `+` for people aged 100 or more),
 * - `YYYYMMDD-NNNN`, `YYYYMMDDNNNN` (century 19 or 20),
 * - `YYMMDDNNNN`, `YYMMDD NNNN`, `YYYYMMDD NNNN` (no separator, or a space).
 * The hyphen may also be typed as an en dash or a minus sign (text pasted from Word).
 * The date part must be a possible date: month 01–12, day 01–31, or 61–91 for a
 * samordningsnummer (day + 60).
 *
 * The check digit (Luhn), decided by shape:
 * - Hyphen, `+` and the 12-digit forms with a century are masked on the date alone: a mistyped
 *   personnummer is still personal data, and these shapes are not what anything else in the data
 *   looks like. The system's ids (`U24-90002`, `B25-9005`) and dates (`2025-01-31`, `20250131`)
 *   never have six or eight digits, a separator and four digits, so they are not touched.
 * - A bare 10-digit number or a space-separated one is masked only when the check digit is right:
 *   these shapes are also phone numbers (`0701234567`), amounts and date-plus-time
 *   (`250131 1430`), which would otherwise be masked in free text. About one in ten such numbers
 *   still passes by chance and is masked; that is the safe side.
 */

export interface TextSpan {
  start: number;
  end: number;
}

/** What every found number is replaced by. */
export const PERSONNUMMER_MASK = 'ÅÅMMDD-XXXX';

// Hyphen-like separators: hyphen-minus, hyphen, non-breaking hyphen, figure dash, en dash, minus.
const HYPHENS = '-\u2010\u2011\u2012\u2013\u2212';
const SPACES = ' \u00a0';
// With a century: 19|20, YYMMDD, an optional hyphen or space, four digits.
const LONG = new RegExp(`(19|20)(\\d{6})([${HYPHENS}${SPACES}]?)(\\d{4})(?!\\d)`, 'y');
// Without: YYMMDD, an optional hyphen, plus or space, four digits.
const SHORT = new RegExp(`(\\d{6})([${HYPHENS}+${SPACES}]?)(\\d{4})(?!\\d)`, 'y');

interface Candidate {
  span: TextSpan;
  /** The century digits as written, or '' for the 10-digit forms. */
  century: string;
  /** YYMMDDNNNN. */
  tenDigits: string;
  separator: '' | '-' | '+' | ' ';
}

function separatorKind(s: string): Candidate['separator'] {
  if (s === '') return '';
  if (s === '+') return '+';
  return SPACES.includes(s) ? ' ' : '-';
}

function isDatePart(yymmdd: string): boolean {
  const month = Number(yymmdd.slice(2, 4));
  const day = Number(yymmdd.slice(4, 6));
  return month >= 1 && month <= 12 && ((day >= 1 && day <= 31) || (day >= 61 && day <= 91));
}

/**
 * Whether the last of ten digits is the Luhn check digit of the first nine.
 * @example luhnValid('1212121212') // true
 */
export function luhnValid(tenDigits: string): boolean {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let d = tenDigits.charCodeAt(i) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

function accepted(c: Candidate): boolean {
  if (!isDatePart(c.tenDigits.slice(0, 6))) return false;
  const needsCheckDigit = c.separator === ' ' || (c.separator === '' && c.century === '');
  return !needsCheckDigit || luhnValid(c.tenDigits);
}

function candidateAt(text: string, start: number): Candidate | null {
  LONG.lastIndex = start;
  const long = LONG.exec(text);
  if (long) {
    const c: Candidate = {
      span: { start, end: start + long[0].length },
      century: long[1],
      tenDigits: long[2] + long[4],
      separator: separatorKind(long[3]),
    };
    if (accepted(c)) return c;
  }
  SHORT.lastIndex = start;
  const short = SHORT.exec(text);
  if (short) {
    const c: Candidate = {
      span: { start, end: start + short[0].length },
      century: '',
      tenDigits: short[1] + short[3],
      separator: separatorKind(short[2]),
    };
    if (accepted(c)) return c;
  }
  return null;
}

// Where a run of at least six digits starts: every form begins so, never inside a longer number.
const DIGIT_RUN_START = /(?<!\d)\d{6}/g;

function candidates(text: string): Candidate[] {
  const found: Candidate[] = [];
  DIGIT_RUN_START.lastIndex = 0;
  for (let run = DIGIT_RUN_START.exec(text); run; run = DIGIT_RUN_START.exec(text)) {
    const c = candidateAt(text, run.index);
    if (c) {
      found.push(c);
      DIGIT_RUN_START.lastIndex = c.span.end;
    }
  }
  return found;
}

/**
 * Where personnummer and samordningsnummer are in a text, in order, not overlapping.
 * @example findPersonnummer('ring 19121212-1212 i morgon') // [{ start: 5, end: 18 }]
 */
export function findPersonnummer(text: string): TextSpan[] {
  return candidates(text).map((c) => c.span);
}

/**
 * The text with every personnummer replaced by `ÅÅMMDD-XXXX`.
 * @example maskPersonnummer('ring 121212-1212') // 'ring ÅÅMMDD-XXXX'
 */
export function maskPersonnummer(text: string): string {
  const spans = findPersonnummer(text);
  if (spans.length === 0) return text;
  let out = '';
  let at = 0;
  for (const { start, end } of spans) {
    out += text.slice(at, start) + PERSONNUMMER_MASK;
    at = end;
  }
  return out + text.slice(at);
}

/**
 * Whether a text holds a personnummer anywhere.
 * @example containsPersonnummer('U24-90002') // false
 */
export function containsPersonnummer(text: string): boolean {
  return findPersonnummer(text).length > 0;
}

/**
 * The whole 12-digit number (YYYYMMDDNNNN) when the value, trimmed, is one personnummer and nothing
 * else; otherwise null. A 10-digit form gets the century in which the person is under 100 in
 * `referenceYear` (born after `referenceYear - 100`), one century earlier with `+`.
 * @example normalizePersonnummer('121212-1212', 2025) // '201212121212'
 * @example normalizePersonnummer('121212+1212', 2025) // '191212121212'
 */
export function normalizePersonnummer(value: string, referenceYear: number): string | null {
  const text = value.trim();
  const found = candidates(text);
  if (found.length !== 1 || found[0].span.start !== 0 || found[0].span.end !== text.length) return null;
  const c = found[0];
  if (c.century !== '') return c.century + c.tenDigits;
  const yy = Number(c.tenDigits.slice(0, 2));
  // The latest year not after referenceYear that ends in yy.
  let year = referenceYear - ((((referenceYear - yy) % 100) + 100) % 100);
  if (c.separator === '+') year -= 100;
  return String(Math.floor(year / 100)).padStart(2, '0') + c.tenDigits;
}
