/** Playwright (playwright-core) on Debian's Chromium; no browser download. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, inject } from 'vitest';
import { RENAMED_UNITS, shiftFiles } from '../../fixtures/oracle/shift';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

/** Records every request that leaves the test server's origin. */
export function watchExternalRequests(page: Page, baseUrl: string): string[] {
  const origin = new URL(baseUrl).origin;
  const external: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) external.push(url);
  });
  return external;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync('test-results', { recursive: true });
  await page.screenshot({ path: `test-results/${name}.png`, fullPage: true });
}

/**
 * Serves the record-level demo files as the site's published data: data/manifest.json answers with
 * data/exempel.json, the manifest of the files the built demo's package was made from. The app then
 * reads them as a site that publishes records would – the same as "Prova med exempelfilerna" on
 * Data och import, but before the first page is drawn, on every reload and in every page of the context.
 * Specs that check record-level figures, lists or the import open the app this way (`recordsSession`).
 */
export async function serveExampleRecords(target: BrowserContext | Page): Promise<void> {
  const manifest = readFileSync('public/data/exempel.json', 'utf8');
  await target.route('**/data/manifest.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: manifest }),
  );
}

/**
 * One browser per spec file and a fresh context and page per test (with downloads allowed and
 * requests to other origins recorded). Read `session.page` in the test, after its beforeEach. The site's
 * data is the built demo's package of aggregates; `recordsSession` serves the demo records instead.
 */
export function browserSession(
  options: BrowserContextOptions = {},
  prepare?: (context: BrowserContext) => Promise<void>,
  data: { records?: boolean } = {},
): { page: Page; external: string[] } {
  let browser: Browser | undefined;
  const session = { page: undefined as unknown as Page, external: [] as string[] };
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    if (!browser) throw new Error('Chromium startade inte.');
    const context = await browser.newContext({
      viewport: { width: 1400, height: 1000 },
      acceptDownloads: true,
      ...options,
    });
    if (data.records) await serveExampleRecords(context);
    await prepare?.(context);
    session.page = await context.newPage();
    session.external = watchExternalRequests(session.page, inject('baseUrl'));
  });
  return session;
}

/** A browser session on the demo records (serveExampleRecords) instead of the built demo's package. */
export function recordsSession(
  options: BrowserContextOptions = {},
  prepare?: (context: BrowserContext) => Promise<void>,
): { page: Page; external: string[] } {
  return browserSession(options, prepare, { records: true });
}

/**
 * An analyst's own extract the app has never seen: the demo records four years on with renamed units
 * (fixtures/oracle/shift.ts), written to a temporary folder while this spec file runs. Read
 * `paths` (sorted) in the tests.
 */
export function ownExtract(): { paths: string[] } {
  const extract = { paths: [] as string[] };
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'insyn-own-'));
    const demo = ['beslut', 'forlangningar', 'orosanmalningar', 'utredningar'].map((f) => `public/data/${f}.csv`);
    extract.paths = shiftFiles(demo, dir, { years: 4, units: RENAMED_UNITS, idPrefix: '' }).sort();
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return extract;
}
