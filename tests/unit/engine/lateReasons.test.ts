/**
 * Delay reasons read the same from the records and from a published package (issue 13): an empty
 * reason has one label in both, and only the package folds a reason given fewer than 5 times into
 * "Övriga orsaker" (no rare free-typed wording is published).
 */
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/engine/engine';
import { PackageViews } from '../../../src/engine/views/fromPackage';
import { publishView } from '../../../src/engine/views/publish';
import { importFile } from '../../../src/import/importFile';
import { dayFromYmd } from '../../../src/kpi';
import { NO_REASON_LABEL, OTHER_REASONS_LABEL } from '../../../src/kpi/publishedPackage';

/** Late reports in March 2025 (assessed on day 20): 8 without a reason, 6 "Tolk saknades", 3 + 2 rare ones. */
function engine(): Engine {
  const late = (n: number, reason: string, from: number) =>
    Array.from({ length: n }, (_, i) => `A${from + i};2025-03-03;2025-03-23;inleds ej;${reason};Norr;pojke`);
  const lines = [
    'anmalan_id;inkomstdatum;forhandsbedomning_datum;beslut;orsak_forsening;enhet;kon',
    ...late(8, '', 0),
    ...late(6, 'Tolk saknades', 100),
    ...late(3, 'Annat skäl', 200),
    ...late(2, 'Ovanligt skäl', 250),
    ...Array.from({ length: 20 }, (_, i) => `A${300 + i};2025-03-03;2025-03-05;inleds;;Norr;flicka`),
  ];
  const result = importFile(new TextEncoder().encode(lines.join('\n') + '\n'), 'orosanmalningar.csv');
  if (result.status !== 'loaded') throw new Error(JSON.stringify(result));
  const e = new Engine();
  e.add(result);
  return e;
}

describe('late reasons from records and from a package', () => {
  it('label an empty reason alike; the package folds the rare ones into "Övriga orsaker"', () => {
    const records = engine();
    const asOf = dayFromYmd(2025, 11, 30);
    const fromRecords = records.concerns({ asOf })?.reasons.map((r) => [r.reason, r.count]);
    expect(fromRecords).toEqual([
      [NO_REASON_LABEL, 8],
      ['Tolk saknades', 6],
      ['Annat skäl', 3],
      ['Ovanligt skäl', 2],
    ]);
    const published = publishView(records, { asOf, created: '2025-12-01' });
    if (!published) throw new Error('no package');
    const fromPackage = new PackageViews(published.package).concerns({ asOf })?.reasons.map((r) => [r.reason, r.count]);
    expect(fromPackage).toEqual([
      [NO_REASON_LABEL, 8],
      ['Tolk saknades', 6],
      [OTHER_REASONS_LABEL, 5],
    ]);
  });
});
