/**
 * "Publicera för nämnden" on Data och import: the zip the app downloads holds exactly the files
 * `npm run publish` writes for the same files, as-of date and creation time, byte for byte.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { loadFiles } from '../../../src/cli/load';
import { publishView } from '../../../src/engine/views/publish';
import { packageZip } from '../../../src/features/data-import/PublishPackage';
import { parseIsoDate } from '../../../src/kpi';

const FILES = ['utredningar', 'forlangningar', 'orosanmalningar', 'beslut'].map((name) => `public/data/${name}.csv`);
const CREATED = '2025-12-01T08:00';

describe('the app’s nämnd package zip', () => {
  it('holds the CLI’s package files, byte for byte, in one dated folder', () => {
    const out = mkdtempSync(join(tmpdir(), 'insyn-zip-'));
    const cli = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/cli/publish.ts', '--as-of', '2025-11-30', '--created', CREATED, '--out', out, ...FILES],
      { encoding: 'utf8' },
    );
    expect(cli.status).toBe(0);

    const asOf = parseIsoDate('2025-11-30') ?? 0;
    const result = publishView(loadFiles(FILES, {}), { asOf, created: CREATED });
    const entries = unzipSync(packageZip(asOf, result?.files ?? []));

    const written = readdirSync(out).sort();
    expect(written).toContain('manifest.json');
    expect(Object.keys(entries).sort()).toEqual(written.map((name) => `namndpaket-2025-11-30/${name}`));
    for (const name of written)
      expect(Buffer.from(entries[`namndpaket-2025-11-30/${name}`]).equals(readFileSync(join(out, name))), name).toBe(
        true,
      );
    expect(JSON.parse(strFromU8(entries['namndpaket-2025-11-30/manifest.json'])).kind).toBe('aggregat');
    // Publishing twice (CLI and in-process) takes ~40 s here; shared machines can double that.
  }, 180_000);
});
