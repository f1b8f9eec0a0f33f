/**
 * Issue 10: the command lines' console output never shows a personnummer, whether it was typed
 * into a file name or into a header the CLI echoes when it cannot recognise it.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const PERSONNUMMER = '19121212-1212';
const run = (script: string, ...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { encoding: 'utf8' });

describe('CLI console output', () => {
  const dir = mkdtempSync(join(tmpdir(), 'insyn-console-'));
  const named = join(dir, `utredningar ${PERSONNUMMER}.csv`);
  copyFileSync('public/data/utredningar.csv', named);

  it('masks a personnummer in a file name on the reconciliation lines', () => {
    const result = run('src/cli/report.ts', '--as-of', '2025-11-30', '--out', join(dir, 'out'), named);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('utredningar ÅÅMMDD-XXXX.csv (utredningar):');
    expect(result.stdout + result.stderr).not.toContain(PERSONNUMMER);
  });

  it('masks a personnummer in an unrecognised header echoed in the error', () => {
    const odd = join(dir, 'okand.csv');
    writeFileSync(odd, `kolumn_a;${PERSONNUMMER};kolumn_c\n1;2;3\n`);
    const result = run('src/cli/report.ts', '--as-of', '2025-11-30', '--out', join(dir, 'out2'), odd);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('kolumn_a');
    expect(result.stderr).not.toContain(PERSONNUMMER);
  });
});
