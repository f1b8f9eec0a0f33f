/**
 * Rows by id, for joins and repeated ids over millions of rows: an open-addressing table of row
 * numbers and 32-bit id hashes side by side, so ids are compared only when their hashes are equal
 * (a Map of 5 M ids took a quarter of the import in the browser, its growth and garbage; a Map
 * of 1 M investigation ids, a fifth of `npm run report`).
 */
export class IdIndex {
  /** Per slot: a row (-1 = empty) and its id's hash. Sized for `capacity` ids at most half full. */
  private readonly slots: Int32Array;
  private readonly mask: number;

  /** `ids` by row: the index keeps row numbers, and reads their ids there. */
  constructor(
    private readonly ids: readonly string[],
    capacity: number,
  ) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.mask = size - 1;
    this.slots = new Int32Array(2 * size).fill(-1);
  }

  /** The first row added with this row's id; the row itself (now added) when its id is new. */
  findOrAdd(row: number): number {
    const id = this.ids[row] ?? '';
    const h = idHash(id);
    const { slots, mask, ids } = this;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const found = slots[2 * slot];
      if (found < 0) {
        slots[2 * slot] = row;
        slots[2 * slot + 1] = h;
        return row;
      }
      if (slots[2 * slot + 1] === h && ids[found] === id) return found;
    }
  }

  /** The first row added with this id, or -1. */
  find(id: string): number {
    const h = idHash(id);
    const { slots, mask, ids } = this;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const found = slots[2 * slot];
      if (found < 0) return -1;
      if (slots[2 * slot + 1] === h && ids[found] === id) return found;
    }
  }
}

/**
 * Rows grouped by id: `index.find(id)` gives an id's first row, `next[row]` the row after it with
 * the same id (-1 after the last). For joins: index the smaller side, look each row of the larger
 * side up once (the index then stays in the cache).
 * @example const { index, next } = rowsById(['a', 'b', 'a'], 3); index.find('a') // 0, next[0] // 2, next[2] // -1
 */
export function rowsById(ids: readonly string[], count: number): { index: IdIndex; next: Int32Array } {
  const index = new IdIndex(ids, count);
  const next = new Int32Array(count).fill(-1);
  const last = new Int32Array(count);
  for (let row = 0; row < count; row++) {
    const first = index.findOrAdd(row);
    if (first !== row) next[last[first]] = row;
    last[first] = row;
  }
  return { index, next };
}

/** FNV-1a over the chars, MurmurHash3's finaliser. */
function idHash(id: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < id.length; k++) h = Math.imul(h ^ id.charCodeAt(k), 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}
