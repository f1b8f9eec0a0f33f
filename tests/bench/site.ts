/**
 * The built app for the benchmarks: built into a temp folder of its own (dist/ may be in use by
 * the tests), served by Vite's preview server, opened in headless Chromium.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';

/** Builds the app into a new temp folder and returns it; throws with the build's message when it fails. */
export function buildSite(prefix: string): string {
  const site = mkdtempSync(join(tmpdir(), prefix));
  const build = spawnSync(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', '--outDir', site, '--emptyOutDir', '--logLevel', 'error'],
    { encoding: 'utf8' },
  );
  if (build.status !== 0) throw new Error(`bygget misslyckades: ${build.stderr.trim()}`);
  return site;
}

/** Serves a built site on a free port and starts Chromium (`CHROMIUM_PATH`, else /usr/bin/chromium). */
export async function openSite(site: string): Promise<{ server: PreviewServer; url: string; browser: Browser }> {
  const server = await preview({
    build: { outDir: site },
    preview: { port: 0, strictPort: false },
    logLevel: 'silent',
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('ingen adress');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  return { server, url, browser };
}
