/**
 * Exact copies (`duplicate-row`, within one file) and repeated ids (`duplicate-id`, across the
 * dataset) on large files: a copy is found however far after its first row, a row that only
 * shares the id is not a copy, and the same row in two files is a repeated id, not a copy.
 */
import { describe, expect, it } from 'vitest';
import { importFile, type LoadedFile } from '../../../src/import/importFile';
import { concatTables } from '../../../src/import/table';
import { findDuplicateIds } from '../../../src/import/keptRows';

const header = 'utredning_id;startdatum;avslutsdatum;enhet;kon';
const row = (i: number) => `U${i};2025-01-${String(1 + (i % 28)).padStart(2, '0')};;Norr;${i % 2 ? 'pojke' : 'flicka'}`;

function load(lines: string[], name: string): LoadedFile {
  const result = importFile(new TextEncoder().encode(lines.join('\n') + '\n'), name);
  if (result.status !== 'loaded') throw new Error(`expected loaded, got ${result.status}`);
  return result;
}
const summary = (f: LoadedFile) => f.problems.map((p) => [p.line, p.code, p.severity, p.message]);

describe('exact copies and repeated ids', () => {
  // Lines: 1 header, 2 … 50 001 rows U0 … U49999, then the copies and near-copies.
  const rows = Array.from({ length: 50_000 }, (_, i) => row(i));
  const f = load(
    [
      header,
      ...rows,
      row(0), // 50 002: copy of line 2, 50 000 rows later
      ` ${row(1).replaceAll(';', ' ; ')} `, // 50 003: copy of line 3 up to blanks around fields
      row(2).replace('Norr', 'Söder'), // 50 004: id U2 again, other unit: accepted, no copy
      row(2).replace('Norr', 'Söder'), // 50 005: copy of line 50 004 (not of line 4)
      row(3).replace('U3', 'u3'), // 50 006: another id (ids are case-sensitive): accepted
      row(49_999), // 50 007: copy of the last row
    ],
    'a.csv',
  );

  it('rejects each copy, naming its first line, however far back; a row that only shares the id is kept', () => {
    expect(f.rowsRead).toBe(50_006);
    expect(summary(f)).toEqual([
      [50_002, 'duplicate-row', 'avvisad', 'Raden är en exakt kopia av rad 2; den räknas bara en gång.'],
      [50_003, 'duplicate-row', 'avvisad', 'Raden är en exakt kopia av rad 3; den räknas bara en gång.'],
      [50_005, 'duplicate-row', 'avvisad', 'Raden är en exakt kopia av rad 50004; den räknas bara en gång.'],
      [50_007, 'duplicate-row', 'avvisad', 'Raden är en exakt kopia av rad 50001; den räknas bara en gång.'],
    ]);
    expect(f.rowsRejected).toBe(4);
    expect(f.table.count).toBe(50_002);
  });

  it('across two files the same row is a repeated id (first file kept), not an exact copy', () => {
    const g = load([header, row(5), row(7).replace('Norr', 'Öster'), row(50_000)], 'b.csv');
    expect(g.problems).toEqual([]);
    const all = concatTables('utredningar', [f.table, g.table]);
    const { keep, problems } = findDuplicateIds(all, 'utredning_id');
    expect(problems.map((p) => [p.file, p.line, p.code, p.severity, p.message])).toEqual([
      ['a.csv', 50_004, 'duplicate-id', 'avvisad', 'Id U2 finns redan (rad 4 i a.csv); raden räknas inte två gånger.'],
      ['b.csv', 2, 'duplicate-id', 'avvisad', 'Id U5 finns redan (rad 7 i a.csv); raden räknas inte två gånger.'],
      ['b.csv', 3, 'duplicate-id', 'avvisad', 'Id U7 finns redan (rad 9 i a.csv); raden räknas inte två gånger.'],
    ]);
    expect(keep.reduce((sum, k) => sum + k, 0)).toBe(50_002 + 3 - 3);
  });
});
