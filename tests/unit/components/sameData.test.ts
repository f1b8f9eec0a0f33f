import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { sameData } from '../../../src/components/sameData';

describe('sameData: props compared as data', () => {
  it('finds rebuilt plain data equal', () => {
    const rows = () => [
      { key: '2025-01', label: 'jan 2025', current: 0.1, previous: null, preliminary: false, details: ['1 av 10'] },
      { key: '2025-02', label: 'feb 2025', current: NaN, previous: 0.2, preliminary: true, details: [] },
    ];
    expect(
      sameData({ rows: rows(), title: 'T', lowerIsBetter: true }, { rows: rows(), title: 'T', lowerIsBetter: true }),
    ).toBe(true);
    expect(sameData([], [])).toBe(true);
    expect(sameData(Object.create(null), {})).toBe(true);
  });

  it('tells changed data apart', () => {
    expect(sameData({ a: [1, 2] }, { a: [1, 3] })).toBe(false);
    expect(sameData({ a: [1, 2] }, { a: [1, 2, 3] })).toBe(false);
    expect(sameData({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameData({ a: 1, c: undefined }, { a: 1, b: undefined })).toBe(false);
    expect(sameData({ a: null }, { a: undefined })).toBe(false);
    expect(sameData({ a: 0 }, { a: -0 })).toBe(false);
    expect(sameData({ a: [] }, { a: {} })).toBe(false);
    expect(sameData({ a: '1' }, { a: 1 })).toBe(false);
  });

  it('compares functions, elements and other objects by identity only', () => {
    const f = () => 1;
    expect(sameData({ cell: f }, { cell: f })).toBe(true);
    expect(sameData({ cell: () => 1 }, { cell: () => 1 })).toBe(false);
    const element = createElement('abbr', { title: 'x' }, 'y');
    expect(sameData({ header: element }, { header: element })).toBe(true);
    expect(sameData({ header: element }, { header: createElement('abbr', { title: 'x' }, 'y') })).toBe(false);
    expect(sameData({ at: new Date(0) }, { at: new Date(0) })).toBe(false);
    expect(sameData({ codes: new Uint8Array([1]) }, { codes: new Uint8Array([1]) })).toBe(false);
  });
});
