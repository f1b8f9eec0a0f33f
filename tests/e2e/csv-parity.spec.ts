/**
 * The app's CSV downloads are the CLI's report files, byte for byte, for the same files and the same
 * choices (issue 11): as-of date, month range, comparison period and IVO quarter. One writer, one
 * engine — a difference here means a page computes or formats something on its own.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { recordsSession } from './browser';

const baseUrl = inject('baseUrl');
const session = recordsSession();
let page: Page;
beforeEach(() => {
  page = session.page;
});

const FILES = ['utredningar', 'forlangningar', 'orosanmalningar', 'beslut'].map((name) => `public/data/${name}.csv`);
const CHOICES = { uttag: '2025-11-30', fran: '2024-01', till: '2025-06', period: '2-7', kvartal: '2025Q3' };
const PAGES = ['utredningstid', 'orosanmalningar', 'verkstallighet', 'data'];

describe('CSV downloads and the CLI report', () => {
  it('give the same bytes for the same data and choices', async () => {
    const out = mkdtempSync(join(tmpdir(), 'insyn-parity-'));
    const cli = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli/report.ts',
        ...['--as-of', CHOICES.uttag, '--from', CHOICES.fran, '--to', CHOICES.till],
        ...['--period', CHOICES.period, '--quarter', CHOICES.kvartal, '--out', out],
        ...FILES,
      ],
      { encoding: 'utf8' },
    );
    expect(cli.status, cli.stderr).toBe(0);

    const compared: string[] = [];
    const differing: string[] = [];
    const notInCli: string[] = [];
    for (const id of PAGES) {
      await page.goto(`${baseUrl}?sida=${id}&${new URLSearchParams(CHOICES)}`);
      await page.locator('main h1').first().waitFor();
      await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
      // Tables folded into <details> have their buttons too.
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
      const buttons = page.getByRole('button', { name: /^Ladda ner CSV/ });
      await buttons.first().waitFor();
      for (let i = 0; i < (await buttons.count()); i++) {
        const [download] = await Promise.all([page.waitForEvent('download'), buttons.nth(i).click()]);
        const name = download.suggestedFilename();
        const cliFile = join(out, name);
        if (!existsSync(cliFile)) {
          notInCli.push(name);
          continue;
        }
        compared.push(name);
        if (!readFileSync(await download.path()).equals(readFileSync(cliFile))) differing.push(name);
      }
    }
    expect(differing).toEqual([]);
    // Every file the CLI writes has its download button in the app.
    expect(compared.sort()).toEqual(
      expect.arrayContaining([
        'avstamning.csv',
        'beslut_enhet.csv',
        'beslut_insats.csv',
        'beslut_kvartal.csv',
        'beslut_manad.csv',
        'ivo_2025Q3.csv',
        'ivo_2025Q3_sammanstallning.csv',
        'orosanmalningar_manad.csv',
        'orosanmalningar_orsaker.csv',
        'orosanmalningar_period.csv',
        'orosanmalningar_volym.csv',
        'problem.csv',
        'utredningar_manad.csv',
        'utredningar_period.csv',
      ]),
    );
    console.info(
      `csv-parity: ${compared.length} downloads byte-identical to the CLI; app only: ${notInCli.join(', ')}`,
    );
  });
});
