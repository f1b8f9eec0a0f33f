/**
 * A bounded cache of derived results, least recently used out first: flipping filters for an hour
 * keeps at most `limit` results, not one per choice ever made.
 */
export class LruCache<V> {
  private readonly entries = new Map<string, V>();

  constructor(readonly limit: number) {
    if (!(limit >= 1)) throw new RangeError('LruCache needs room for at least one entry.');
  }

  get size(): number {
    return this.entries.size;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** The value under `key`, which becomes the most recently used; undefined when absent. */
  get(key: string): V | undefined {
    if (!this.entries.has(key)) return undefined;
    const value = this.entries.get(key) as V;
    // A Map iterates in insertion order: re-inserting makes the key the newest.
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  /** Stores `value` as the most recently used, dropping the least recently used beyond the limit. */
  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value as string);
  }

  /** The cached value, or `compute()` stored under `key`. */
  getOrCompute<T extends V>(key: string, compute: () => T): T {
    if (this.entries.has(key)) return this.get(key) as T;
    const value = compute();
    this.set(key, value);
    return value;
  }

  clear(): void {
    this.entries.clear();
  }

  /** Keys from least to most recently used (for tests and diagnostics). */
  keys(): string[] {
    return [...this.entries.keys()];
  }
}

/**
 * A cache key from the parts a result depends on: file fingerprints, view, filters, as-of. Object
 * keys are sorted so that equal filters give equal keys whatever order they were written in.
 * @example memoKey('1,2', 'investigations', { units: ['Norr'], asOf: 20422 }) // '1,2|investigations|{"asOf":20422,"units":["Norr"]}'
 */
export function memoKey(...parts: unknown[]): string {
  return parts.map((part) => (typeof part === 'string' ? part : stableJson(part))).join('|');
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}
