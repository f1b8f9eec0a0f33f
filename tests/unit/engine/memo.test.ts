import { describe, expect, it } from 'vitest';
import { LruCache, memoKey } from '../../../src/engine/memo';

describe('LruCache', () => {
  it('drops the least recently used entry beyond its limit', () => {
    const cache = new LruCache<number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('c', 3);
    expect(cache.keys()).toEqual(['b', 'c']);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(2);
  });
  it('counts reading and re-setting as use', () => {
    const cache = new LruCache<number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1); // a is now the newest
    cache.set('c', 3);
    expect(cache.keys()).toEqual(['a', 'c']);
    cache.set('a', 10); // re-set: newest again, with the new value
    cache.set('d', 4);
    expect(cache.keys()).toEqual(['a', 'd']);
    expect(cache.get('a')).toBe(10);
  });
  it('computes a missing value once, and again after it was dropped', () => {
    const cache = new LruCache<string>(1);
    let computed = 0;
    const compute = () => `v${++computed}`;
    expect(cache.getOrCompute('x', compute)).toBe('v1');
    expect(cache.getOrCompute('x', compute)).toBe('v1');
    cache.getOrCompute('y', compute);
    expect(cache.getOrCompute('x', compute)).toBe('v3');
    expect(computed).toBe(3);
  });
  it('never holds more than its limit, however many keys pass through', () => {
    const cache = new LruCache<number>(64);
    for (let i = 0; i < 10_000; i++) cache.getOrCompute(`filter-${i}`, () => i);
    expect(cache.size).toBe(64);
    expect(cache.keys()[0]).toBe('filter-9936');
    expect(cache.keys()[63]).toBe('filter-9999');
  });
  describe('edge cases', () => {
    it('caches null and undefined results like any other', () => {
      const cache = new LruCache<null | undefined>(4);
      let computed = 0;
      cache.getOrCompute('none', () => (computed++, null));
      cache.getOrCompute('none', () => (computed++, null));
      cache.getOrCompute('nothing', () => (computed++, undefined));
      cache.getOrCompute('nothing', () => (computed++, undefined));
      expect(computed).toBe(2);
    });
    it('refuses a limit below one', () => {
      expect(() => new LruCache(0)).toThrow(RangeError);
    });
    it('empties on clear', () => {
      const cache = new LruCache<number>(3);
      cache.set('a', 1);
      cache.clear();
      expect(cache.size).toBe(0);
    });
  });
});

describe('memoKey', () => {
  it('gives equal filters the same key whatever the order of their fields', () => {
    expect(memoKey('1,2', 'investigations', { units: ['Norr'], asOf: 20422 })).toBe(
      memoKey('1,2', 'investigations', { asOf: 20422, units: ['Norr'] }),
    );
    expect(memoKey('1', 'v', { a: { y: 1, x: 2 } })).toBe(memoKey('1', 'v', { a: { x: 2, y: 1 } }));
  });
  it('tells files, views, filters and as-of dates apart', () => {
    const key = memoKey('1,2', 'investigations', { asOf: 20422, units: ['Norr'] });
    expect(memoKey('1,3', 'investigations', { asOf: 20422, units: ['Norr'] })).not.toBe(key);
    expect(memoKey('1,2', 'concerns', { asOf: 20422, units: ['Norr'] })).not.toBe(key);
    expect(memoKey('1,2', 'investigations', { asOf: 20423, units: ['Norr'] })).not.toBe(key);
    expect(memoKey('1,2', 'investigations', { asOf: 20422, units: ['Söder'] })).not.toBe(key);
    expect(memoKey('1,2', 'investigations', { asOf: 20422, units: ['Norr', 'Söder'] })).not.toBe(
      memoKey('1,2', 'investigations', { asOf: 20422, units: ['Söder', 'Norr'] }),
    );
  });
});
