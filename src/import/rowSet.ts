/** Exact copies of rows within one file, found without keeping the rows. */

/** The two 32-bit halves of the last fingerprint (one buffer, so no object per row). */
const fingerprint = new Uint32Array(2);

/**
 * 64-bit fingerprint of a row's first `count` fields, field f being `text[starts[f], ends[f])`,
 * each trimmed: two multiply-xorshift lanes (FNV's and MurmurHash2's multipliers) fed two chars
 * (32 bits) per step, each field closed by its length, each lane finished by MurmurHash3's
 * finaliser, written to `fingerprint`. Fields given as strings and fields given as spans of a
 * line get the same fingerprint, so a row read either way finds a copy read the other way.
 */
function fingerprintSpans(text: string, starts: Int32Array, ends: Int32Array, count: number): void {
  let h1 = 0x811c9dc5;
  let h2 = 0x9747b28c;
  for (let f = 0; f < count; f++) {
    let from = starts[f];
    let to = ends[f];
    while (from < to && text.charCodeAt(from) <= 32) from++;
    while (to > from && text.charCodeAt(to - 1) <= 32) to--;
    let i = from;
    for (; i + 1 < to; i += 2) {
      const c = text.charCodeAt(i) | (text.charCodeAt(i + 1) << 16);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h1 ^= h1 >>> 13;
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
    // The odd last char, then the field's length (so 'ab' + 'c' differs from 'a' + 'bc').
    const last = ((i < to ? text.charCodeAt(i) : 0) | ((to - from) << 16)) ^ 0x80000000;
    h1 = Math.imul(h1 ^ last, 0x01000193);
    h1 ^= h1 >>> 13;
    h2 = Math.imul(h2 ^ last, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  fingerprint[0] = finalMix(h1);
  fingerprint[1] = finalMix(h2);
}

function finalMix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * The accepted rows of one file seen so far, to find exact copies: an open-addressing table of
 * 64-bit row fingerprints and first lines, each slot three adjacent numbers of one typed array (so a
 * probe costs one cache miss, not three), doubled when half full (a Map of 260 000 rows cost a
 * third of the import). Rows are not kept, so a file is never held whole: two different rows are
 * taken for copies only if their 64-bit fingerprints are equal, a chance of about 1 in 1.5
 * million for a file of 5 million rows.
 */
/** At most 2^26 slots (800 MB) are reserved ahead; beyond that the table grows as rows come. */
const MAX_MASK = (1 << 26) - 1;

export class RowSet {
  /** Per slot: line of the row (0 = empty slot), low and high half of its fingerprint. */
  private slots = new Uint32Array(3 * 1024);
  private mask = 1023;
  private size = 0;

  private starts = new Int32Array(16);
  private ends = new Int32Array(16);

  /** The line of an earlier added row with the same fields; else adds this row and returns -1. */
  addOrFind(cells: readonly string[], count: number, line: number): number {
    if (this.starts.length < count) [this.starts, this.ends] = [new Int32Array(count), new Int32Array(count)];
    let at = 0;
    for (let f = 0; f < count; f++) {
      this.starts[f] = at;
      at += f < cells.length ? cells[f].length : 0;
      this.ends[f] = at;
    }
    return this.addOrFindSpans(cells.slice(0, count).join(''), this.starts, this.ends, count, line);
  }

  /** `addOrFind` for a row whose field f is `text[starts[f], ends[f])` (a line read without splitting it). */
  addOrFindSpans(text: string, starts: Int32Array, ends: Int32Array, count: number, line: number): number {
    fingerprintSpans(text, starts, ends, count);
    const found = this.place(fingerprint[0], fingerprint[1], line);
    if (found < 0 && ++this.size * 2 > this.mask + 1) this.grow();
    return found;
  }

  private place(low: number, high: number, line: number): number {
    const { slots, mask } = this;
    for (let slot = low & mask; ; slot = (slot + 1) & mask) {
      const at = slot * 3;
      const stored = slots[at];
      if (stored === 0) {
        slots[at] = line;
        slots[at + 1] = low;
        slots[at + 2] = high;
        return -1;
      }
      if (slots[at + 1] === low && slots[at + 2] === high) return stored;
    }
  }

  /**
   * Makes room for `rows` rows at once (the file's size tells how many are coming): growing step
   * by step re-places every row each time the table doubles.
   */
  reserve(rows: number): void {
    while (rows * 2 > this.mask + 1 && this.mask < MAX_MASK) this.grow();
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Uint32Array(old.length * 2);
    this.mask = this.mask * 2 + 1;
    for (let at = 0; at < old.length; at += 3) if (old[at] !== 0) this.place(old[at + 1], old[at + 2], old[at]);
  }
}
