/**
 * Privacy (issue 10 §3): the built app talks to its own origin only. Its index.html carries a
 * Content-Security-Policy with `default-src 'self'` and no inline script, and opening every page
 * and importing the published files sends no request anywhere else, and the policy blocks nothing
 * the app itself needs (no console error about the Content Security Policy).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { recordsSession } from './browser';

const baseUrl = inject('baseUrl');
const origin = new URL(baseUrl).origin;
const session = recordsSession();
let page: Page;
/**
 * Every request the page made (workers included), and console errors that name the policy: a
 * request the policy blocks never reaches the network, so it shows up only as such an error.
 */
let requests: string[] = [];
let cspErrors: string[] = [];
beforeEach(() => {
  page = session.page;
  requests = [];
  cspErrors = [];
  page.on('request', (request) => {
    requests.push(request.url());
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) cspErrors.push(message.text());
  });
});

const PAGES = ['oversikt', 'utredningstid', 'orosanmalningar', 'verkstallighet', 'bevakning', 'rapport', 'data', 'om'];
const CSV_FILES = readdirSync('public/data')
  .filter((f) => f.endsWith('.csv'))
  .sort()
  .map((f) => join('public/data', f));

/** Requests whose URL is neither the app's origin nor in-memory (data:, blob:). */
const foreign = (urls: string[]) =>
  urls.filter((url) => !url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin);

/** The directives of the CSP meta tag in dist/index.html, keyed by name. */
function builtPolicy(): Map<string, string[]> {
  const html = readFileSync('dist/index.html', 'utf8');
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
  expect(meta, 'dist/index.html saknar Content-Security-Policy').not.toBeNull();
  const directives = new Map<string, string[]>();
  for (const part of (meta?.[1] ?? '').split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

describe('Privacy', () => {
  it("ships a Content-Security-Policy with default-src 'self' and no inline script", () => {
    const policy = builtPolicy();
    expect(policy.get('default-src')).toEqual(["'self'"]);
    const scriptSources = policy.get('script-src') ?? policy.get('default-src') ?? [];
    expect(scriptSources).not.toContain("'unsafe-inline'");
    expect(scriptSources).not.toContain("'unsafe-eval'");
    expect(scriptSources.every((s) => s.startsWith("'") || s === 'blob:')).toBe(true);

    const html = readFileSync('dist/index.html', 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc="\.?\/?assets\//);
      expect(body.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
  });

  it('opens every page and imports the published files without leaving its origin', async () => {
    for (const id of PAGES) {
      await page.goto(`${baseUrl}?sida=${id}`);
      await page.locator('main h1, main h2').first().waitFor();
      await page.waitForLoadState('networkidle');
    }

    await page.goto(`${baseUrl}?sida=data`);
    await page.getByTestId('demo-badge').waitFor();
    await page.getByTestId('file-input').setInputFiles(CSV_FILES);
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="reconciliation-lines"] > li').length === n,
      CSV_FILES.length,
    );
    // Every page once more with the imported data, through the navigation (no reload).
    for (const id of PAGES) {
      await page.locator(`a[href="?sida=${id}"]`).first().click();
      await page.waitForURL((url) => url.searchParams.get('sida') === id);
      await page.locator('main h1, main h2').first().waitFor();
      await page.waitForLoadState('networkidle');
    }

    console.log(
      `privacy: ${requests.length} requests, ${2 * PAGES.length} page visits, ${CSV_FILES.length} files imported`,
    );
    expect(CSV_FILES.length).toBe(4);
    // The app did fetch its own files, so the listener saw real traffic.
    expect(requests.some((url) => url.startsWith(origin) && url.includes('/assets/'))).toBe(true);
    expect(requests.some((url) => url.includes('manifest.json'))).toBe(true);
    expect(foreign(requests)).toEqual([]);
    expect(foreign(session.external)).toEqual([]);
    expect(cspErrors).toEqual([]);
  });
});
