/**
 * A figure hidden in a published package (NaN in a view, issue 13) leaves the app in a CSV as
 * `dolt` – as in the package's own CSV files – never as `NaN`, 0 or an empty cell.
 */
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../src/format/csv';

describe('CSV of hidden figures', () => {
  it('writes NaN as "dolt", and a 0 or a missing value as before', () => {
    const columns = [{ header: 'antal', value: (r: number | null) => r }];
    expect(toCsv(columns, [NaN, 0, null, 4])).toBe('\ufeffantal\r\ndolt\r\n0\r\n\r\n4\r\n');
  });
});
