import { describe, expect, it } from 'vitest';
import { pageRange, pagerText } from '../../../src/components/tables/TablePager';

describe('pageRange', () => {
  it('returns the rows of a page, the last one short', () => {
    expect(pageRange(5000, 0)).toEqual({ start: 0, end: 200, page: 0, pageCount: 25 });
    expect(pageRange(450, 2, 200)).toEqual({ start: 400, end: 450, page: 2, pageCount: 3 });
  });

  describe('edge cases', () => {
    it('clamps a page past the end (the rows shrank after a filter) and before the start', () => {
      expect(pageRange(450, 9, 200)).toEqual({ start: 400, end: 450, page: 2, pageCount: 3 });
      expect(pageRange(450, -1, 200)).toEqual({ start: 0, end: 200, page: 0, pageCount: 3 });
    });

    it('returns one empty page for no rows, and one full page for exactly a page of rows', () => {
      expect(pageRange(0, 0, 200)).toEqual({ start: 0, end: 0, page: 0, pageCount: 1 });
      expect(pageRange(200, 1, 200)).toEqual({ start: 0, end: 200, page: 0, pageCount: 1 });
    });
  });
});

describe('pagerText', () => {
  it('returns the rows shown of all, in Swedish number format', () => {
    expect(pagerText(pageRange(5000, 1), 5000)).toMatch(/^Visar 201–400 av 5\s000 rader$/);
  });

  it('says all rows are shown when they are', () => {
    expect(pagerText({ start: 0, end: 222, page: 0, pageCount: 1 }, 222)).toBe('Visar alla 222 rader');
  });
});
