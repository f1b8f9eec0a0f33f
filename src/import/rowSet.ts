/** Exact copies of rows within one file, and rows whose key an earlier row has, found without keeping the rows. */
import { grown } from './table';

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

/** At most 2^26 slots are reserved ahead; beyond that the table grows as rows come. */
const MAX_SLOTS = 1 << 26;

/** A 32-bit hash of a key (FNV-1a, MurmurHash3's finaliser). */
function keyHash(key: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < key.length; k++) h = Math.imul(h ^ key.charCodeAt(k), 0x01000193);
  return finalMix(h) | 0;
}

/**
 * The accepted rows of one file so far, by their key (the id, or the investigation an extension
 * belongs to), to find exact copies without keeping the rows. An exact copy has the same key, so a
 * row is compared only with the earlier rows of its key, by 64-bit fingerprints of all its fields;
 * a row with a new key (nearly every row) costs one probe of an open-addressing table and no
 * comparison. Two different rows of one key are taken for copies only if their fingerprints are
 * equal, a chance of 1 in 2^64 per pair. Also lists each row whose key an earlier row has, with
 * that first row (`repeats`): for a dataset with ids, one file's repeated ids without another pass.
 *
 * Use: `findCopy` (or `findCopyOfFields`) for a row; when it gives -1 and the row is kept, `add`.
 */
export class RowSet {
  /** Per slot: the first row of a key (-1 = empty) and the key's hash. Kept at most half full. */
  private slots = new Int32Array(2 * 1024).fill(-1);
  private keyCount = 0;
  private rows = 0;
  /** Per row: its fingerprint, line and the next row of its key (-1: none yet). */
  private low = new Uint32Array(1024);
  private high = new Uint32Array(1024);
  private lines = new Int32Array(1024);
  private next = new Int32Array(1024);
  /** Pairs (row, first row of its key) for rows whose key was seen before. */
  private readonly repeatPairs: number[] = [];
  /** What the last `findCopy` found: the key's slot, its hash, first row and last row (-1: new key). */
  private slot = 0;
  private hash = 0;
  private first = -1;
  private last = -1;
  private starts = new Int32Array(16);
  private ends = new Int32Array(16);

  /** `keys`: the key of every row added so far, by row (the caller's stored key column). */
  constructor(private readonly keys: readonly string[]) {}

  /**
   * The line of an earlier added row of the same key with the same first `count` fields, field f
   * being `text[starts[f], ends[f])`, compared trimmed; -1 when there is none.
   */
  findCopy(key: string, text: string, starts: Int32Array, ends: Int32Array, count: number): number {
    fingerprintSpans(text, starts, ends, count);
    const hash = keyHash(key);
    const { slots, keys } = this;
    const mask = slots.length / 2 - 1;
    let slot = hash & mask;
    for (; slots[2 * slot] >= 0; slot = (slot + 1) & mask)
      if (slots[2 * slot + 1] === hash && keys[slots[2 * slot]] === key) break;
    this.slot = slot;
    this.hash = hash;
    this.first = slots[2 * slot];
    this.last = -1;
    for (let row = this.first; row >= 0; row = this.next[row]) {
      if (this.low[row] === fingerprint[0] && this.high[row] === fingerprint[1]) return this.lines[row];
      this.last = row;
    }
    return -1;
  }

  /** `findCopy` for a row given as fields (a missing field reads as empty). */
  findCopyOfFields(key: string, cells: readonly string[], count: number): number {
    if (this.starts.length < count) [this.starts, this.ends] = [new Int32Array(count), new Int32Array(count)];
    let at = 0;
    for (let f = 0; f < count; f++) {
      this.starts[f] = at;
      at += f < cells.length ? cells[f].length : 0;
      this.ends[f] = at;
    }
    return this.findCopy(key, cells.slice(0, count).join(''), this.starts, this.ends, count);
  }

  /**
   * Adds the row of the last `findCopy` (which gave -1) as the next row, with its line; its key
   * must by then be the next entry of `keys`.
   */
  add(line: number): void {
    const row = this.rows++;
    if (row === this.low.length) this.growRows(row * 2);
    this.low[row] = fingerprint[0];
    this.high[row] = fingerprint[1];
    this.lines[row] = line;
    this.next[row] = -1;
    if (this.first >= 0) {
      this.next[this.last] = row;
      this.repeatPairs.push(row, this.first);
      return;
    }
    this.slots[2 * this.slot] = row;
    this.slots[2 * this.slot + 1] = this.hash;
    if (++this.keyCount * 4 > this.slots.length) this.resize(this.slots.length);
  }

  /** Rows whose key an earlier row has, each with that first row: [row, first, row, first, …]. */
  repeats(): Int32Array {
    return Int32Array.from(this.repeatPairs);
  }

  /**
   * Makes room for `rows` rows at once (the file's size tells how many are coming): growing step
   * by step re-places every key each time the table doubles.
   */
  reserve(rows: number): void {
    if (rows > this.low.length) this.growRows(rows);
    let slots = this.slots.length / 2;
    while (rows * 2 > slots && slots < MAX_SLOTS) slots *= 2;
    if (slots > this.slots.length / 2) this.resize(slots);
  }

  private growRows(rows: number): void {
    this.low = grown(this.low, rows);
    this.high = grown(this.high, rows);
    this.lines = grown(this.lines, rows);
    this.next = grown(this.next, rows);
  }

  private resize(slotCount: number): void {
    const old = this.slots;
    const slots = new Int32Array(2 * slotCount).fill(-1);
    const mask = slotCount - 1;
    for (let at = 0; at < old.length; at += 2) {
      if (old[at] < 0) continue;
      let slot = old[at + 1] & mask;
      while (slots[2 * slot] >= 0) slot = (slot + 1) & mask;
      slots[2 * slot] = old[at];
      slots[2 * slot + 1] = old[at + 1];
    }
    this.slots = slots;
  }
}
