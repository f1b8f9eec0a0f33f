/**
 * A table of ready-made rows with a caption and a CSV download. Preliminary rows are marked
 * in text ("prel."), not only by style.
 */
import type { ReactNode } from 'react';
import type { CsvColumn } from '../../format/csv';
import { toCsv } from '../../format/csv';
import { downloadText } from '../ui/download';

export interface Column<Row> {
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  numeric?: boolean;
  /** Row header cell (th scope=row), typically the month. */
  rowHeader?: boolean;
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

export function DataTable<Row>({ caption, columns, rows, rowKey, preliminary, csv, footer, testId }: Props<Row>) {
  const download = async () => {
    if (!csv) return;
    downloadText(csv.fileName, 'text' in csv ? await csv.text() : toCsv(csv.columns, rows));
  };
  return (
    <div className="table-block">
      <div
        className="table-scroll"
        tabIndex={0}
        role="region"
        aria-label={typeof caption === 'string' ? caption : 'Tabell'}
      >
        <table data-testid={testId}>
          <caption>{caption}</caption>
          <thead>
            <tr>
              {columns.map((column, i) => (
                <th key={i} scope="col" className={column.numeric ? 'num' : undefined}>
                  {column.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
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
      </div>
      {csv && (
        <button type="button" className="secondary" onClick={download}>
          Ladda ner CSV <span className="visually-hidden">{csv.fileName}</span>
        </button>
      )}
    </div>
  );
}
