/**
 * Remembering the files (issue 14): off by default, a reload forgets them; opted in, a reload loads
 * them again on every page with the same figures, the page says where they came from, removing a
 * file removes it from storage, and "Glöm alla filer" leaves nothing of ours in IndexedDB or
 * localStorage, after which the app shows the published data again.
 */
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { ownExtract, recordsSession, screenshot } from './browser';

const baseUrl = inject('baseUrl');
const session = recordsSession();
let page: Page;
beforeEach(() => {
  page = session.page;
});

/** The demo's as-of date 2025-11-30, four years on. */
const AS_OF = '2029-11-30';
const UNKNOWN_HEADERS = 'fixtures/dialects/utredningar_okanda_rubriker.csv';
const DATABASE = 'insyn-filer';
const extract = ownExtract();

const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ').replace(/\s+/g, ' ');
const optIn = () => page.getByLabel('Kom ihåg filerna i den här webbläsaren');
const stored = () => page.locator('ul.files .badge', { hasText: 'Sparad i webbläsaren' });

/** Names of the IndexedDB databases and the localStorage keys the page's origin holds. */
async function storage(): Promise<{ databases: string[]; keys: string[] }> {
  return page.evaluate(async () => ({
    databases: (await indexedDB.databases()).map((d) => d.name ?? ''),
    keys: Object.keys(localStorage),
  }));
}

async function waitForFiles(n: number) {
  await page.waitForFunction(
    (count) => document.querySelectorAll('[data-testid="reconciliation-lines"] > li').length === count,
    n,
  );
}

async function dropOwnExtract() {
  await page.goto(`${baseUrl}?sida=data`);
  await page.getByTestId('demo-badge').waitFor();
  await page.getByTestId('file-input').setInputFiles(extract.paths);
  await waitForFiles(extract.paths.length);
  await page.waitForFunction(
    (asOf) => document.querySelector('[data-testid="as-of"]')?.textContent?.includes(asOf),
    AS_OF,
  );
}

/** Each file's reconciliation line, by file. */
async function reconciliation(): Promise<string[]> {
  return (await page.getByTestId('reconciliation-lines').locator(':scope > li').allInnerTexts()).map(plain).sort();
}

/** The row for January 2029 in Utredningstid's monthly table. */
async function january2029(): Promise<string> {
  const row = page.locator('[data-testid="monthly-table"] tbody tr', {
    has: page.locator('th', { hasText: /^jan 2029/ }),
  });
  await row.first().waitFor();
  return plain((await row.first().locator('th, td').allInnerTexts()).join(' | '));
}

describe('Remembering the files', () => {
  it('is off by default: a reload forgets the files and nothing is stored', async () => {
    await dropOwnExtract();
    expect(await optIn().isChecked()).toBe(false);
    expect(await stored().count()).toBe(0);
    expect((await storage()).databases).not.toContain(DATABASE);

    await page.reload();
    await page.getByTestId('demo-badge').waitFor();
    await page.getByRole('heading', { name: 'Inlästa filer' }).waitFor();
    expect(await page.locator('body').innerText()).not.toContain(AS_OF.slice(0, 4));
    expect(await page.getByTestId('from-browser-memory').count()).toBe(0);
    expect((await storage()).databases).not.toContain(DATABASE);
  });

  it('opted in, survives a reload on every page; "Glöm alla filer" leaves the storage empty', async () => {
    await page.goto(`${baseUrl}?sida=data`);
    await page.getByTestId('demo-badge').waitFor();
    expect(await page.getByRole('button', { name: 'Glöm alla filer' }).count()).toBe(0);
    // By keyboard: the checkbox is focusable and named by its label.
    await optIn().focus();
    await page.keyboard.press('Space');
    expect(await optIn().isChecked()).toBe(true);
    expect(await optIn().getAttribute('aria-describedby')).toBe('remember-statement');
    expect(plain(await page.locator('#remember-statement').innerText())).toContain(
      'Då sparas filerna som de är (med eventuella personnummer) okrypterade i den här webbläsarens lagring på den här datorn, för ditt användarkonto',
    );

    await page.getByTestId('file-input').setInputFiles(extract.paths);
    await waitForFiles(extract.paths.length);
    // A file with unknown headers: its confirmed mapping is saved too (and forgotten by "Glöm").
    await page.getByTestId('file-input').setInputFiles(UNKNOWN_HEADERS);
    const form = page.locator('form.mapping');
    await form.getByLabel('Utrednings-id (obligatorisk)').selectOption('Nr');
    await form.getByLabel('Startdatum (obligatorisk)').selectOption('Öppnad');
    await form.getByRole('button', { name: 'Bekräfta och läs in' }).click();
    await waitForFiles(extract.paths.length + 1);
    await page.waitForFunction(
      (n) =>
        [...document.querySelectorAll('ul.files .badge')].filter((b) => b.textContent === 'Sparad i webbläsaren')
          .length === n,
      extract.paths.length + 1,
    );
    const before = await reconciliation();
    expect(before.join('\n')).toContain('utredningar_okanda_rubriker.csv');
    const beforeStorage = await storage();
    expect(beforeStorage.databases).toContain(DATABASE);
    expect(beforeStorage.keys.sort()).toEqual(['insyn.kolumnmappningar.v1', 'insyn.kom-ihag-filer.v1']);
    await page.getByRole('link', { name: 'Utredningstid' }).click();
    const figures = await january2029();

    // A fresh start on another page: the files are there, with the same figures, and no demo data.
    await page.goto(`${baseUrl}?sida=utredningstid`);
    expect(await january2029()).toBe(figures);
    expect(await page.getByTestId('demo-badge').count()).toBe(0);

    await page.goto(`${baseUrl}?sida=data`);
    await waitForFiles(extract.paths.length + 1);
    expect(await reconciliation()).toEqual(before);
    expect(plain(await page.getByTestId('from-browser-memory').innerText())).toBe(
      `${extract.paths.length + 1} filer lästes in ur den här webbläsarens minne när sidan öppnades.`,
    );
    expect(await optIn().isChecked()).toBe(true);
    expect(await page.getByTestId('as-of').innerText()).toContain(AS_OF);
    await screenshot(page, 'remember-restored');

    await page.getByRole('button', { name: 'Glöm alla filer' }).click();
    await page.getByTestId('demo-badge').waitFor();
    await page.waitForFunction((year) => !document.body.innerText.includes(year), AS_OF.slice(0, 4));
    expect(await optIn().isChecked()).toBe(false);
    expect(await storage()).toEqual({ databases: [], keys: [] });

    await page.reload();
    await page.getByTestId('demo-badge').waitFor();
    await page.getByRole('heading', { name: 'Inlästa filer' }).waitFor();
    const body = await page.locator('body').innerText();
    expect(body).not.toContain(AS_OF.slice(0, 4));
    expect(body).not.toContain('utredningar_okanda_rubriker.csv');
    expect(await optIn().isChecked()).toBe(false);
    expect(await page.getByRole('button', { name: 'Glöm alla filer' }).count()).toBe(0);
    expect(await storage()).toEqual({ databases: [], keys: [] });
  });

  it('removing a remembered file removes it from storage', async () => {
    await page.goto(`${baseUrl}?sida=data`);
    await page.getByTestId('demo-badge').waitFor();
    await optIn().check();
    await page.getByTestId('file-input').setInputFiles(extract.paths);
    await waitForFiles(extract.paths.length);
    await page.waitForFunction(
      (n) =>
        [...document.querySelectorAll('ul.files .badge')].filter((b) => b.textContent === 'Sparad i webbläsaren')
          .length === n,
      extract.paths.length,
    );
    const removed = extract.paths[0].split('/').pop() ?? '';
    await page.getByRole('button', { name: `Ta bort ${removed}` }).click();
    await waitForFiles(extract.paths.length - 1);
    await page.waitForFunction(
      (n) =>
        [...document.querySelectorAll('ul.files .badge')].filter((b) => b.textContent === 'Sparad i webbläsaren')
          .length === n,
      extract.paths.length - 1,
    );

    await page.reload();
    await page.getByTestId('from-browser-memory').waitFor();
    await waitForFiles(extract.paths.length - 1);
    expect((await reconciliation()).join('\n')).not.toContain(removed);
    const names = await page.evaluate(
      (database) =>
        new Promise<string[]>((resolve, reject) => {
          const open = indexedDB.open(database);
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const keys = open.result.transaction('filer').objectStore('filer').getAllKeys();
            keys.onsuccess = () => {
              resolve(keys.result.map(String).sort());
              open.result.close();
            };
          };
        }),
      DATABASE,
    );
    expect(names).toEqual(
      extract.paths
        .slice(1)
        .map((p) => p.split('/').pop() ?? '')
        .sort(),
    );
  });
});
