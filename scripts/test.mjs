#!/usr/bin/env node
/**
 * `npm test`: every test runner, in order.
 *  1. unit tests under TZ=Europe/Stockholm (the users' zone),
 *  2. the same unit tests under TZ=America/Sao_Paulo (rules must not depend on the zone),
 *  3. build the app, then the browser tests (Playwright + Debian Chromium) against dist/.
 * Each run writes a JSON report to test-results/; the last line sums them: `N passed, N failed`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureChromium } from './chromium.mjs';

// Before anything else: a machine without Chromium gets it installed, or one line on what to run.
const missingChromium = ensureChromium();
if (missingChromium) {
  console.log(missingChromium);
  console.log('\n0 passed, 1 failed');
  process.exit(1);
}

const runs = [
  { name: 'unit (Europe/Stockholm)', tz: 'Europe/Stockholm', args: ['--project', 'unit'] },
  { name: 'unit (America/Sao_Paulo)', tz: 'America/Sao_Paulo', args: ['--project', 'unit'] },
  { name: 'browser', tz: 'Europe/Stockholm', args: ['--project', 'e2e'], build: true },
];

mkdirSync('test-results', { recursive: true });
let passed = 0;
let failed = 0;
for (const [index, run] of runs.entries()) {
  if (run.build) {
    console.log('\n— npm run build');
    const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
    if (build.status !== 0) {
      console.log('Bygget misslyckades: webbläsartesterna räknas som misslyckade.');
      failed += 1;
      continue;
    }
  }
  const report = `test-results/vitest-${index}.json`;
  rmSync(report, { force: true });
  console.log(`\n— ${run.name}`);
  spawnSync(
    'npx',
    ['vitest', 'run', ...run.args, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
    {
      stdio: 'inherit',
      env: { ...process.env, TZ: run.tz },
    },
  );
  if (!existsSync(report)) {
    console.log(`${run.name}: ingen rapport – räknas som ett misslyckat test.`);
    failed += 1;
    continue;
  }
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed += json.numPassedTests;
  failed +=
    json.numFailedTests + (json.numTotalTestSuites > 0 && json.success === false && json.numFailedTests === 0 ? 1 : 0);
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
