/** Playwright (playwright-core) on Debian's Chromium; no browser download. */
import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, inject } from 'vitest';

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
 * One browser per spec file and a fresh context and page per test (with downloads allowed and
 * requests to other origins recorded). Read `session.page` in the test, after its beforeEach.
 */
export function browserSession(
  options: BrowserContextOptions = {},
  prepare?: (context: BrowserContext) => Promise<void>,
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
    await prepare?.(context);
    session.page = await context.newPage();
    session.external = watchExternalRequests(session.page, inject('baseUrl'));
  });
  return session;
}
