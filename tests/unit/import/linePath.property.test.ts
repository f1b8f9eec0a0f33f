/**
 * The validator's line path (`addLine`: a line without quotes read by spans, never split) against
 * its split path (`add`): the same file written once plain and once with every field quoted (a
 * quoted line always takes the split path) must give the same table, problems and counts — with
 * blanks and Unicode spaces around values, odd and impossible dates, ages, kön spellings, units
 * with personnummer, empty and missing fields, exact copies and repeated ids mixed in.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importFile, type FileImport } from '../../../src/import/importFile';
import { createRowValidator } from '../../../src/import/validate';

/** Mostly what exports write, now and then something odd: most lines take the line path, some not. */
const usually = <T>(common: fc.Arbitrary<T>, odd: fc.Arbitrary<T>, weight = 15): fc.Arbitrary<T> =>
  fc.noBias(fc.oneof({ arbitrary: common, weight }, { arbitrary: odd, weight: 1 }));
const pad = usually(fc.constant(''), fc.constantFrom(' ', '  ', '\t', '\u00a0', '\u3000', '\ufeff'), 60);
const padded = (value: fc.Arbitrary<string>) =>
  fc.tuple(pad, value, pad).map(([before, text, after]) => before + text + after);
const date = usually(
  fc
    .date({ min: new Date('2019-01-01'), max: new Date('2026-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom(
    ...['', '2024-02-29', '2025-02-29', '2025-13-01', '2025-1-5', '20250131', '31/1/2025', '2025-01-31 00:00'],
    ...['1899-12-31', '2025-0A-01', '2025/01/31', 'igår', '2025-03-01T23:30:00Z', '2101-01-01'],
  ),
);
const id = usually(
  fc.integer({ min: 1, max: 80 }).map((n) => `U${n}`),
  fc.constantFrom('', '19121212-1212', 'U-lång-identitet-01', 'U 1'),
);
const unit = usually(
  fc.constantFrom('Norr', 'Söder', 'Östermalm'),
  fc.constantFrom('', 'Enhet 191212121212', '(ingen enhet)', 'norr'),
);
const sex = usually(fc.constantFrom('pojke', 'flicka', 'P', 'k'), fc.constantFrom('', 'Flicka', 'x', 'okänd', '?'));
const age = usually(
  fc.constantFrom('', '0', '7', '20'),
  fc.constantFrom('007', '21', '-1', '5,0', '12a', '1234567', ' 3'),
);
const row = fc.tuple(
  padded(id),
  padded(date),
  padded(usually(fc.constant(''), date, 1)),
  padded(unit),
  padded(sex),
  padded(age),
);
const rows = fc.array(row, { minLength: 20, maxLength: 60 }).chain((list) =>
  // Copies of earlier rows, as they were or with other blanks, to exercise `duplicate-row`.
  fc
    .array(fc.nat({ max: list.length - 1 }), { maxLength: 6 })
    .map((copies) => [...list, ...copies.map((i) => list[i])]),
);
/** A line as it is, with an empty or a filled field too many, or a field too few. */
const fieldCount = usually(fc.constant('as-is'), fc.constantFrom('empty-extra', 'filled-extra', 'one-short'));

const header = ['utredning_id', 'startdatum', 'avslutsdatum', 'enhet', 'kon', 'alder'];
const load = (lines: string[][], quoted: boolean): FileImport =>
  importFile(
    new TextEncoder().encode(
      [header, ...lines].map((fields) => fields.map((f) => (quoted ? `"${f}"` : f)).join(';')).join('\r\n'),
    ),
    'u.csv',
  );

describe('line path = split path', () => {
  it('gives the same table, problems and counts whether a line is read by spans or split', () => {
    fc.assert(
      fc.property(rows, fc.array(fieldCount, { minLength: 66, maxLength: 66 }), (list, counts) => {
        const lines = list.map((fields, i) =>
          counts[i] === 'one-short'
            ? fields.slice(0, -1)
            : [...fields, ...(counts[i] === 'empty-extra' ? [''] : counts[i] === 'filled-extra' ? ['x'] : [])],
        );
        const plain = load(lines, false);
        const quoted = load(lines, true);
        expect(plain.status).toBe('loaded');
        expect(plain).toEqual(quoted);
      }),
      { numRuns: 300 },
    );
  });

  it('the generated rows mostly take the line path (else the property above would prove little)', () => {
    const columns = Object.fromEntries(header.map((key, index) => [key, index]));
    let taken = 0;
    let total = 0;
    for (const list of fc.sample(rows, { numRuns: 100, seed: 1 })) {
      const validator = createRowValidator(header, ';', 'utredningar', columns, 'u.csv');
      list.forEach((fields, i) => {
        const text = fields.join(';');
        total++;
        if (validator.addLine(text, 0, text.length, i + 2)) taken++;
        else validator.add(text.split(';'), i + 2, undefined);
      });
    }
    expect(taken / total).toBeGreaterThan(0.3);
    expect(taken).toBeLessThan(total);
  });

  it('takes the line path for plain rows (a row stored from spans reads back as written)', () => {
    const result = load(
      [
        ['U1', '2025-01-31', '', 'Norr', 'pojke', '7'],
        ['U2', ' 2025-02-01 ', '2025-03-01', ' Söder ', 'F', ''],
      ],
      false,
    );
    if (result.status !== 'loaded') throw new Error(result.status);
    expect(result.rowsRead).toBe(2);
    expect(result.problems).toEqual([]);
    expect(result.table.texts.utredning_id).toEqual(['U1', 'U2']);
    expect(result.table.categories.enhet.labels).toEqual(['Norr', 'Söder']);
    expect([...result.table.integers.alder]).toEqual([7, -2147483648]);
    expect([...result.table.line]).toEqual([2, 3]);
  });
});
