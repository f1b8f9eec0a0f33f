/**
 * A long import shows its progress in rows and MB and can be cancelled (issue 12): "Avbryt" stops
 * it, the page says so, nothing of the cancelled file is kept and the file loaded before stays.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { browserSession } from './browser';

const baseUrl = inject('baseUrl');
const session = browserSession();
let page: Page;
beforeEach(() => {
  page = session.page;
});

const ROWS = 1_500_000;
let dir = '';
let small = '';
let large = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'insyn-cancel-'));
  small = join(dir, 'beslut_liten.csv');
  writeFileSync(small, 'beslut_id;beslutsdatum;insats\r\nB1;2025-01-10;Öppenvård\r\nB2;2025-02-10;Familjehem\r\n');
  large = join(dir, 'utredningar_stor.csv');
  const lines = ['utredning_id;startdatum;avslutsdatum;enhet'];
  for (let i = 0; i < ROWS; i++) lines.push(`U${i};2025-0${1 + (i % 9)}-1${i % 10};;Enhet ${i % 7}`);
  writeFileSync(large, lines.join('\r\n') + '\r\n');
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const reconciled = () => page.locator('[data-testid="reconciliation-lines"] > li').allInnerTexts();

describe('Cancelling an import', () => {
  it('stops a long import, keeps nothing of it and leaves the file loaded before', async () => {
    await page.goto(`${baseUrl}?sida=data`);
    await page.getByTestId('file-input').setInputFiles([small]);
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="reconciliation-lines"] > li').length === 1,
    );
    const before = await reconciled();

    await page.getByTestId('file-input').setInputFiles([large]);
    const progress = page.locator('.progress[role="status"]');
    await progress.waitFor();
    // Progress names the file and counts rows and megabytes.
    await page.waitForFunction(() =>
      /rader, [\d,]+ av [\d,]+ MB/.test(document.querySelector('.progress')?.textContent ?? ''),
    );
    await progress.getByRole('button', { name: 'Avbryt' }).click();

    await page.getByText('Inläsningen av utredningar_stor.csv avbröts.').waitFor();
    await progress.waitFor({ state: 'detached' });
    expect(await reconciled()).toEqual(before);
    expect(before[0]).toContain('beslut_liten.csv');
  });
});
