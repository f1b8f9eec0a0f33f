/**
 * A table of ready-made rows with a caption and a CSV download. Preliminary rows are marked
 * in text ("prel."), not only by style. A long table shows 200 rows at a time (TablePager.tsx);
 * copy, CSV and print always take every row.
 */
import { useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { TableScroll } from './cells';
import { copyTable } from './copyTable';
import { TablePager, usePaging } from './TablePager';
import type { CsvColumn } from '../../format/csv';
import { toCsv } from '../../format/csv';
import { downloadText } from '../ui/download';
import { memoOnData } from '../sameData';

export interface Column<Row> {
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  numeric?: boolean;
  /** Row header cell (th scope=row), typically the month. */
  rowHeader?: boolean;
  /** Makes the column sortable by this value (a button in the header). */
  sortValue?: (row: Row) => number | string;
}

interface Props<Row> {
  caption: ReactNode;
  columns: Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string | number;
  preliminary?: (row: Row) => boolean;
  csv?: { fileName: string; columns: CsvColumn<Row>[] } | { fileName: string; text: () => Promise<string> | string };
  footer?: ReactNode;
  testId?: string;
}

/** Drawn again only when its props change as data (`sameData`): a page rendered again with the same rows keeps the table. */
export const DataTable = memoOnData(Table) as typeof Table;

function Table<Row>({ caption, columns, rows, rowKey, preliminary, csv, footer, testId }: Props<Row>) {
  const [sort, setSort] = useState<{ column: number; descending: boolean } | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const captionId = useId();
  const paging = usePaging(rows.length);
  const copy = async () => {
    if (!tableRef.current) return;
    try {
      // Every row, not only the page: render them all for the moment the copy is taken.
      const wasAll = paging.all;
      if (paging.paged) flushSync(() => paging.setAll(true));
      const copied = copyTable(tableRef.current);
      if (!wasAll) paging.setAll(false);
      await copied;
      setCopied('Tabellen är kopierad – klistra in den i Word eller Excel.');
    } catch (e) {
      setCopied(e instanceof Error ? e.message : 'Kopieringen misslyckades.');
    }
  };
  const sortBy = sort ? columns[sort.column]?.sortValue : undefined;
  const sorted = useMemo(
    () =>
      sort && sortBy ? [...rows].sort((a, b) => compare(sortBy(a), sortBy(b)) * (sort.descending ? -1 : 1)) : rows,
    [rows, sort, sortBy],
  );
  const shown = paging.paged ? sorted.slice(paging.range.start, paging.range.end) : sorted;
  const download = async () => {
    if (!csv) return;
    downloadText(csv.fileName, 'text' in csv ? await csv.text() : toCsv(csv.columns, rows));
  };
  return (
    <div className="table-block">
      <TableScroll captionId={captionId}>
        <table data-testid={testId} ref={tableRef}>
          <caption id={captionId}>{caption}</caption>
          <thead>
            <tr>
              {columns.map((column, i) => (
                <th
                  key={i}
                  scope="col"
                  className={column.numeric ? 'num' : undefined}
                  aria-sort={sort?.column === i ? (sort.descending ? 'descending' : 'ascending') : undefined}
                >
                  {column.sortValue ? (
                    <button
                      type="button"
                      className="sort"
                      onClick={() => {
                        setSort({ column: i, descending: sort?.column === i ? !sort.descending : false });
                        paging.setPage(0);
                      }}
                    >
                      {column.header}
                      <span aria-hidden="true">{sort?.column === i ? (sort.descending ? ' ▼' : ' ▲') : ' ↕'}</span>
                    </button>
                  ) : (
                    column.header
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={rowKey(row)} className={preliminary?.(row) ? 'preliminary' : undefined}>
                {columns.map((column, i) =>
                  column.rowHeader ? (
                    <th key={i} scope="row">
                      {column.cell(row)}
                    </th>
                  ) : (
                    <td key={i} className={column.numeric ? 'num' : undefined}>
                      {column.cell(row)}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
          {footer && <tfoot>{footer}</tfoot>}
        </table>
      </TableScroll>
      <TablePager total={rows.length} paging={paging} />
      <div className="table-actions">
        {csv && (
          <button type="button" className="secondary" onClick={download}>
            Ladda ner CSV <span className="visually-hidden">{csv.fileName}</span>
          </button>
        )}
        <button type="button" className="secondary" onClick={copy}>
          Kopiera tabell
        </button>
        <span role="status" className="hint">
          {copied}
        </span>
      </div>
    </div>
  );
}

function compare(a: number | string, b: number | string): number {
  return typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b), 'sv');
}
