/**
 * Paging for long tables: a table shows PAGE_SIZE rows at a time, so thousands of rows never block
 * the page. The controls are plain buttons (keyboard-reachable) and a live count ("Visar 1–200 av
 * 5 000 rader"). Printing, copying and CSV always cover every row (DataTable shows them all while it
 * prints or copies).
 */
import { useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { formatNumber } from '../../format/number';

export const PAGE_SIZE = 200;

export interface PageRange {
  /** First row shown, 0-based. */
  start: number;
  /** One past the last row shown. */
  end: number;
  page: number;
  pageCount: number;
}

/**
 * The rows of page `page` (0-based, clamped to the pages there are) of `total` rows, `size` a page.
 * @example pageRange(450, 2, 200) // { start: 400, end: 450, page: 2, pageCount: 3 }
 */
export function pageRange(total: number, page: number, size = PAGE_SIZE): PageRange {
  const pageCount = Math.max(1, Math.ceil(total / size));
  const clamped = Math.min(Math.max(0, page), pageCount - 1);
  return { start: clamped * size, end: Math.min(total, (clamped + 1) * size), page: clamped, pageCount };
}

/**
 * What the count says. @example pagerText({ start: 0, end: 200, page: 0, pageCount: 25 }, 5000) // "Visar 1–200 av 5 000 rader"
 */
export function pagerText(range: PageRange, total: number): string {
  if (range.end - range.start >= total) return `Visar alla ${formatNumber(total)} rader`;
  return `Visar ${formatNumber(range.start + 1)}–${formatNumber(range.end)} av ${formatNumber(total)} rader`;
}

/**
 * The page of a table and whether every row is shown: all of them while the browser prints
 * (`beforeprint`/`afterprint`), or when the reader asks for all.
 */
export function usePaging(total: number) {
  const [page, setPage] = useState(0);
  const [all, setAll] = useState(false);
  const [printing, setPrinting] = useState(false);
  const long = total > PAGE_SIZE;
  useEffect(() => {
    if (!long) return;
    // flushSync: the rows must be in the document before the browser lays out the printout.
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, [long]);
  const paged = long && !all && !printing;
  const range = paged ? pageRange(total, page) : { start: 0, end: total, page: 0, pageCount: 1 };
  return { range, paged, all, setPage, setAll };
}

export function TablePager({ total, paging }: { total: number; paging: ReturnType<typeof usePaging> }) {
  const { range, paged, all, setPage, setAll } = paging;
  const previous = useRef<HTMLButtonElement>(null);
  const next = useRef<HTMLButtonElement>(null);
  if (total <= PAGE_SIZE) return null;
  // A button that becomes disabled loses focus: hand it to the other one.
  const go = (page: number, from: 'previous' | 'next') => {
    flushSync(() => setPage(page));
    const other = from === 'next' ? previous : next;
    const self = from === 'next' ? next : previous;
    if (self.current?.disabled) other.current?.focus();
  };
  return (
    <div className="table-actions table-pager">
      {paged && (
        <>
          <button
            ref={previous}
            type="button"
            className="secondary"
            disabled={range.page === 0}
            onClick={() => go(range.page - 1, 'previous')}
          >
            Föregående {formatNumber(PAGE_SIZE)}
          </button>
          <button
            ref={next}
            type="button"
            className="secondary"
            disabled={range.page >= range.pageCount - 1}
            onClick={() => go(range.page + 1, 'next')}
          >
            Nästa {formatNumber(Math.min(PAGE_SIZE, total - range.end) || PAGE_SIZE)}
          </button>
        </>
      )}
      <button type="button" className="secondary" onClick={() => setAll(!all)}>
        {all ? `Visa ${formatNumber(PAGE_SIZE)} åt gången` : `Visa alla ${formatNumber(total)}`}
      </button>
      <span role="status" className="hint">
        {pagerText(range, total)}
      </span>
    </div>
  );
}
