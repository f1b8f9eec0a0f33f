/**
 * An analyst drops their own extract (issue 9): the demo records moved four years forward and
 * renamed, data the app has never seen. The files decide the as-of date and the report's header;
 * nothing of the demo's metadata is left. Expected figures come from the files themselves (lines
 * counted) and the independent oracle (fixtures/oracle), never from the app.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { loadExtract } from '../../fixtures/oracle/extract';
import { ownExtract, recordsSession, screenshot } from './browser';

const baseUrl = inject('baseUrl');
const session = recordsSession();
let page: Page;
beforeEach(() => {
  page = session.page;
});

/** The demo's as-of date 2025-11-30, four years on. */
const AS_OF = '2029-11-30';
const extract = ownExtract();

/** Records in a file: its non-empty lines less the header (the demo files hold no embedded newlines). */
function recordsIn(path: string): number {
  return (
    readFileSync(path, 'utf8')
      .split(/\r\n|\n|\r/)
      .filter((line) => line !== '').length - 1
  );
}

/** The page's text with thin and non-breaking spaces as plain spaces. */
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');
const group = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');

async function dropOwnExtract() {
  await page.goto(`${baseUrl}?sida=data`);
  await page.getByTestId('demo-badge').waitFor();
  await page.getByTestId('file-input').setInputFiles(extract.paths);
  await page.waitForFunction(
    (n) => document.querySelectorAll('[data-testid="reconciliation-lines"] > li').length === n,
    extract.paths.length,
  );
  await page.waitForFunction(
    (asOf) => document.querySelector('[data-testid="as-of"]')?.textContent?.includes(asOf),
    AS_OF,
  );
}

describe('Own extract', () => {
  it('takes the as-of date from the files and reconciles every file', async () => {
    await dropOwnExtract();
    expect(await page.getByTestId('demo-badge').count()).toBe(0);
    const asOf = plain(await page.getByTestId('as-of').innerText());
    expect(asOf).toContain(`Uttagsdatum ${AS_OF} (från filerna:`);
    expect(asOf).not.toContain('publicerade');

    const oracle = loadExtract(extract.paths, AS_OF).files;
    for (const path of extract.paths) {
      const name = path.split('/').pop() ?? '';
      const read = recordsIn(path);
      const expected = oracle.find((f) => f.file === name);
      expect(expected?.read).toBe(read);
      const rejected = expected?.rejected ?? -1;
      const line = plain(
        await page
          .locator(`[data-testid="reconciliation-lines"] > li[data-file="${name}"]`)
          .getByTestId('reconciliation-line')
          .innerText(),
      );
      expect(line).toMatch(
        new RegExp(
          `^${group(read)} rader lästa = ${group(read - rejected)} godkända( \\(varav [\\d ]+ med varning\\))? \\+ ${group(rejected)} avvisade$`,
        ),
      );
    }
    await screenshot(page, 'own-extract-import');
  });

  it('names the dropped files in the report header and never the demo source', async () => {
    await dropOwnExtract();
    await page.getByRole('link', { name: 'Rapport för nämnden' }).click();
    await page.getByTestId('report-source').waitFor();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="report-source"] li').length === 4);
    const source = plain(await page.getByTestId('report-source').innerText());
    for (const path of extract.paths) {
      const name = path.split('/').pop() ?? '';
      expect(source).toContain(`${name}: ${group(recordsIn(path))} rader`);
    }
    expect(source).toContain(`uttagsdatum ${AS_OF}`);
    expect(source).toMatch(/inläst \d{4}-\d{2}-\d{2} kl\. \d{2}:\d{2}/);
    const header = plain(await page.locator('header.report-header').innerText());
    expect(header).toMatch(new RegExp(`Uttagsdatum\\s+${AS_OF} \\(från filerna:`));
    for (const demo of ['Påhittade', 'generate.ts', 'publicerade', 'Exempeldata']) {
      expect(header).not.toContain(demo);
      expect(plain(await page.locator('body').innerText())).not.toContain(demo);
    }
    await screenshot(page, 'own-extract-report');
  });

  it('returns to the published data when every file is removed', async () => {
    await dropOwnExtract();
    await page.getByRole('button', { name: 'Ta bort alla filer' }).click();
    await page.getByTestId('demo-badge').waitFor();
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="as-of"]')?.textContent?.includes('2025-11-30'),
    );
    const asOf = plain(await page.getByTestId('as-of').innerText());
    expect(asOf).toContain('Uttagsdatum 2025-11-30 (enligt publicerade data)');
    expect(await page.getByRole('alert').count()).toBe(0);
  });
});
