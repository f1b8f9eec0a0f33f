/**
 * Issue 10's "done when", on the command line: a hostile extract — formulas in unit names, insats
 * and reason texts, personnummer typed into ids, units, free text and a row with too many fields —
 * through `npm run report` (with --quarter, so the IVO list is written) and `npm run publish`. No
 * output file and no console line may hold a planted personnummer, and no CSV cell may be one that a
 * spreadsheet runs as a formula. The checks (fixtures/hostile/hostile.ts) are written apart from the
 * code under test: every digit form of the planted numbers, and OWASP's formula rule.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formulaCells, HOSTILE_FILES, personnummerIn } from '../../../fixtures/hostile/hostile';

const dir = mkdtempSync(join(tmpdir(), 'insyn-hostile-'));
const cli = (script: string, out: string, ...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', `src/cli/${script}.ts`, ...args, '--out', out, ...HOSTILE_FILES], {
    encoding: 'utf8',
  });

function written(out: string): Map<string, string> {
  return new Map(readdirSync(out).map((name) => [name, readFileSync(join(out, name), 'utf8')]));
}

describe('a hostile extract through the command line', () => {
  const reportDir = join(dir, 'rapport');
  const report = cli('report', reportDir, '--as-of', '2025-11-30', '--quarter', '2025Q3');
  const publishDir = join(dir, 'paket');
  const publish = cli('publish', publishDir, '--as-of', '2025-11-30', '--created', '2025-12-01');

  it('writes every report file, the IVO list included', () => {
    expect(report.status, report.stderr).toBe(0);
    const names = [...written(reportDir).keys()];
    expect(names).toEqual(expect.arrayContaining(['ivo_2025Q3.csv', 'problem.csv', 'beslut_enhet.csv']));
    expect(names.length).toBeGreaterThanOrEqual(14);
    expect(publish.status, publish.stderr).toBe(0);
  });

  it('shows no planted personnummer in any file or on the console', () => {
    const found: string[] = [];
    for (const [name, text] of [...written(reportDir), ...written(publishDir)])
      for (const form of personnummerIn(text)) found.push(`${name}: ${form}`);
    for (const [name, text] of Object.entries({
      'report stdout': report.stdout,
      'report stderr': report.stderr,
      'publish stdout': publish.stdout,
      'publish stderr': publish.stderr,
    }))
      for (const form of personnummerIn(text)) found.push(`${name}: ${form}`);
    expect(found).toEqual([]);
  });

  it('writes no CSV cell that a spreadsheet would run, while the hostile values stay readable', () => {
    const offending: string[] = [];
    let cells = 0;
    let neutralised = 0;
    for (const [name, text] of [...written(reportDir), ...written(publishDir)]) {
      if (!name.endsWith('.csv')) continue;
      const found = formulaCells(text);
      offending.push(...found.offending.map((cell) => `${name}: ${cell}`));
      cells += found.cells;
      neutralised += found.neutralised;
    }
    expect(offending).toEqual([]);
    expect(cells).toBeGreaterThan(500);
    // The hostile units and insats are still there, neutralised, not dropped.
    expect(neutralised).toBeGreaterThanOrEqual(6);
    const units = readFileSync(join(reportDir, 'beslut_enhet.csv'), 'utf8');
    expect(units).toContain("'@Väster");
    expect(units).toContain("'+Söder");
  });

  it('keeps the counts: rows read = accepted + rejected, the extra-field row rejected', () => {
    expect(report.stdout).toMatch(/utredningar\.csv \(utredningar\): 7 rader lästa = 6 godkända \+ 1 avvisade/);
    expect(report.stdout).toMatch(/beslut\.csv \(beslut\): 4 rader lästa = 4 godkända \+ 0 avvisade/);
  });
});
