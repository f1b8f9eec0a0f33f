/**
 * A national extract can hold hundreds of thousands of problem rows (kön missing on every fifth row
 * of a million crashed the report with "Maximum call stack size exceeded": the problems were
 * spread into one push call). Reconciliation must hold any number, each file's and the cross-file ones.
 */
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/engine/engine';
import { importFile } from '../../../src/import/importFile';
import { dayFromYmd } from '../../../src/kpi';

const ROWS = 200_000;

describe('Reconciliation with very many problems', () => {
  it('lists every rejected row and every duplicate, and the counts add up', () => {
    const lines = ['utredning_id;startdatum;avslutsdatum;enhet'];
    // Every row: a bad start date (rejected); then the same ids again in a second file (duplicates).
    for (let i = 0; i < ROWS; i++) lines.push(`U${i};2025-02-30;;Norr`);
    const good = ['utredning_id;startdatum;avslutsdatum;enhet'];
    for (let i = 0; i < ROWS; i++) good.push(`V${i};2025-01-10;;Norr`);
    const engine = new Engine();
    for (const [name, text] of [
      ['fel.csv', lines],
      ['a.csv', good],
      ['b.csv', good],
    ] as const) {
      const file = importFile(new TextEncoder().encode(text.join('\n') + '\n'), name);
      if (file.status !== 'loaded') throw new Error(file.status);
      engine.add(file);
    }
    const { files, problems } = engine.reconciliation(dayFromYmd(2025, 11, 30));
    expect(problems.length).toBe(2 * ROWS);
    expect(files.map((f) => [f.file, f.rowsRead, f.rowsAccepted, f.rowsRejected])).toEqual([
      ['fel.csv', ROWS, 0, ROWS],
      ['a.csv', ROWS, ROWS, 0],
      ['b.csv', ROWS, 0, ROWS],
    ]);
  });
});
