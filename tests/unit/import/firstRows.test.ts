/** firstRowsById against a Map: the same first row for every id, with many repeats and long ids. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../src/import/importFile';
import { findDuplicateIds, firstRowsById } from '../../../src/import/keptRows';

function byMap(ids: readonly string[]): number[] {
  const seen = new Map<string, number>();
  return ids.map((id, i) => {
    const first = seen.get(id);
    if (first !== undefined) return first;
    seen.set(id, i);
    return i;
  });
}

describe('firstRowsById', () => {
  it('gives each row the first row with its id, as a Map would', () => {
    const id = fc.oneof(fc.constantFrom('U1', 'U2', 'u1', '', 'Ö', 'U1 '), fc.string({ maxLength: 12 }));
    fc.assert(
      fc.property(fc.array(id, { maxLength: 300 }), (ids) => {
        expect(Array.from(firstRowsById(ids, ids.length))).toEqual(byMap(ids));
      }),
      { seed: 12, numRuns: 500 },
    );
  });

  it('handles 200 000 ids, a tenth of them repeated', () => {
    const ids = Array.from({ length: 200_000 }, (_, i) => `U${i % 10 === 9 ? i - 9 : i}`);
    const first = firstRowsById(ids, ids.length);
    expect(Array.from(first)).toEqual(byMap(ids));
    expect(first.filter((row, i) => row !== i).length).toBe(20_000);
  });
});

describe('repeated ids found while a file is read (Table.repeatedIds)', () => {
  it('give each row the first row with its id, as a Map would, whichever path a line took', () => {
    // Ids with blanks, a personnummer (stored as a pseudonym) and copies; lines plain or quoted.
    const id = fc.constantFrom('U1', 'U2', ' U1', 'U3 ', 'u1', '19121212-1212', '191212121212', 'U-lång-identitet-9');
    const line = fc.tuple(id, fc.integer({ min: 1, max: 3 }), fc.boolean());
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 80 }), (lines) => {
        const text = [
          'utredning_id;startdatum',
          ...lines.map(([key, day, quoted]) => (quoted ? `"${key}";"2025-01-0${day}"` : `${key};2025-01-0${day}`)),
        ].join('\n');
        const result = importFile(new TextEncoder().encode(text), 'u.csv');
        if (result.status !== 'loaded') throw new Error(result.status);
        const { table } = result;
        expect(table.repeatedIds).toBeDefined();
        const ids = table.texts.utredning_id;
        const fromRepeats = findDuplicateIds(table, 'utredning_id');
        const lookedUp = findDuplicateIds({ ...table, repeatedIds: undefined }, 'utredning_id');
        expect(fromRepeats).toEqual(lookedUp);
        expect(Array.from(fromRepeats.keep)).toEqual(byMap(ids).map((first, i) => (first === i ? 1 : 0)));
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});
