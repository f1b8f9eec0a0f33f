/**
 * Personnummer in imported values: a salted per-session pseudonym in key columns, the mask in
 * everything shown. Finding and masking the numbers is `format/personnummer.ts`; this is what the
 * import does with them.
 */
import { findPersonnummer, maskPersonnummer, normalizePersonnummer, PERSONNUMMER_MASK } from '../format/personnummer';

// The year a 10-digit personnummer is read against (`-`: under 100 then, `+`: 100 or more), fixed
// for the session so that the same number always gets the same pseudonym, whatever file it is in.
const REFERENCE_YEAR = new Date().getFullYear();

/**
 * Whether a value, trimmed, is one personnummer or samordningsnummer and nothing else.
 * @example looksLikePersonnummer('121212-1212') // true
 * @example looksLikePersonnummer('U24-90002') // false
 */
export function looksLikePersonnummer(value: string): boolean {
  return normalizePersonnummer(value, REFERENCE_YEAR) !== null;
}

/**
 * A value as it may be shown in a problem: every personnummer masked (`ÅÅMMDD-XXXX`), then cut
 * to 80 characters (masking first, so a cut never leaves part of a number readable).
 * @example displayValue('ring 19121212-1212') // 'ring ÅÅMMDD-XXXX'
 */
export function displayValue(value: string): string {
  const masked = maskPersonnummer(value);
  return masked.length > 80 ? `${masked.slice(0, 77)}…` : masked;
}

// A per-session random salt: the pseudonym links rows within the session (for the
// close-and-reopen check) but cannot be looked up from a personnummer by anyone else.
const salt = (() => {
  const bytes = new Uint32Array(2);
  globalThis.crypto.getRandomValues(bytes);
  return bytes;
})();

/** Salted pseudonym of a whole 12-digit personnummer (YYYYMMDDNNNN). */
function pseudonymOf(twelveDigits: string): string {
  let h1 = 0x811c9dc5 ^ salt[0];
  let h2 = 0x01000193 ^ salt[1];
  for (let i = 0; i < twelveDigits.length; i++) {
    const c = twelveDigits.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
  }
  return `P-${(h1 >>> 0).toString(16).padStart(8, '0')}${(h2 >>> 0).toString(16).padStart(8, '0')}`;
}

/**
 * Replaces every personnummer in a key value (id, person key) by a salted per-session pseudonym
 * of its whole normalised 12-digit number, century included, so `121212-1212` and
 * `20121212-1212` are one person and `19121212-1212` another. Other text passes unchanged.
 * @example pseudonymize('121212-1212') === pseudonymize('20121212-1212')
 * @example pseudonymize('U24-90002') // 'U24-90002'
 */
export function pseudonymize(value: string): string {
  const spans = findPersonnummer(value);
  if (spans.length === 0) return value;
  let out = '';
  let at = 0;
  for (const { start, end } of spans) {
    const digits = normalizePersonnummer(value.slice(start, end), REFERENCE_YEAR);
    out += value.slice(at, start) + (digits === null ? PERSONNUMMER_MASK : pseudonymOf(digits));
    at = end;
  }
  return out + value.slice(at);
}

/** Whether a text has the ten digits any personnummer has: a cheap test before the full search. */
export function mayHoldPersonnummer(text: string): boolean {
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57 && ++digits === 10) return true;
  }
  return false;
}
