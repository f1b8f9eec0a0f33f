/**
 * The built demo ships a package made from the demo records (issue 13): the committed
 * public/data/manifest.json and `<table>.json` files equal a fresh publish of the committed record
 * files, so the two never drift; the records stay available through public/data/exempel.json.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO_AS_OF, DEMO_RECORD_FILES, demoPackageFiles } from '../../../fixtures/demoPackage';
import { PACKAGE_KIND, type PackageManifest } from '../../../src/kpi/publishedPackage';

const DIR = 'public/data';
const committed = (name: string) => readFileSync(`${DIR}/${name}`, 'utf8');

describe('the built demo package', () => {
  it('equals a fresh publish of the committed record files, file by file', () => {
    const fresh = demoPackageFiles(DIR);
    const manifest = JSON.parse(committed('manifest.json')) as PackageManifest & { demo?: boolean };
    expect(fresh.map((f) => f.name)).toEqual(['manifest.json', ...manifest.tables.map((t) => `${t}.json`)]);
    for (const file of fresh) expect(committed(file.name), file.name).toBe(file.text);
    expect(manifest.kind).toBe(PACKAGE_KIND);
    expect(manifest.demo).toBe(true);
    expect(manifest.asOf).toBe(DEMO_AS_OF);
  }, 120_000);

  it('leaves the record files reachable for "Prova med exempelfilerna"', () => {
    const records = JSON.parse(committed('exempel.json')) as { demo: boolean; asOf: string; files: string[] };
    expect(records).toMatchObject({ demo: true, asOf: DEMO_AS_OF, files: DEMO_RECORD_FILES });
    for (const name of records.files) expect(committed(name).length).toBeGreaterThan(1000);
  });
});
