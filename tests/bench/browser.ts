/**
 * `npm run bench:browser` (or `tsx tests/bench/browser.ts`): the built app in headless Chromium on
 * synthetic extracts of ROWS investigations (default "1000000,5000000"; BROWSER_ROWS=1000000 for one).
 * Builds into a temp folder (dist/ is the tests'), serves it, and per size, in a fresh page:
 * drops the file on Data och import and opens Utredningstid → file → first chart; the worker's JS
 * heap after a garbage collection (CDP Runtime.getHeapUsage on the worker target) and the page's;
 * the longest main-thread task (PerformanceObserver 'longtask') during the import, while the chart
 * page opens, and during the unit filter changes; the filter changes themselves (click → monthly table
 * redrawn): the first as soon as the page is there, then six more, each a choice not made before (their
 * median and highest). Prints a table. Never asserted anywhere.
 */
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { writeBenchFiles } from './ratios';
import { buildSite, openSite } from './site';

const SIZES = (process.env.BROWSER_ROWS ?? '1000000,5000000').split(',').map(Number);
const TIMEOUT = 600_000;

declare global {
  interface Window {
    longTasks: { start: number; duration: number }[];
    progress: { at: number; text: string }[];
  }
}

/** Records every long task (≥ 50 ms) of the page's main thread from the first script on. */
const LONG_TASKS = () => {
  window.longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  // The progress line's texts as they change (rows and MB read), with when.
  window.progress = [];
  new MutationObserver(() => {
    const text = document.querySelector('.progress')?.textContent ?? '';
    if (text !== (window.progress.at(-1)?.text ?? '')) window.progress.push({ at: performance.now(), text });
  }).observe(document, { subtree: true, childList: true, characterData: true });
};

const longestBetween = (page: Page, from: number, to: number) =>
  page.evaluate(
    ([a, b]) => Math.max(0, ...window.longTasks.filter((t) => t.start >= a && t.start <= b).map((t) => t.duration)),
    [from, to],
  );
const now = (page: Page) => page.evaluate(() => performance.now());

/** One message to a target attached without flattening; its answer. */
function sendToTarget(session: CDPSession, sessionId: string, method: string): Promise<Record<string, unknown>> {
  const id = Math.floor(Math.random() * 1e9);
  return new Promise((resolve) => {
    const listener = (event: { sessionId: string; message: string }) => {
      const message = JSON.parse(event.message) as { id?: number; result?: Record<string, unknown> };
      if (event.sessionId !== sessionId || message.id !== id) return;
      session.off('Target.receivedMessageFromTarget', listener);
      resolve(message.result ?? {});
    };
    session.on('Target.receivedMessageFromTarget', listener);
    void session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
  });
}

/**
 * The page's dedicated worker after a garbage collection there: its JS heap in use and the
 * ArrayBuffers' backing stores outside it (the typed columns), in MB.
 */
async function workerHeapMB(browser: Browser): Promise<{ heap: number; buffers: number } | null> {
  const session = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = (await session.send('Target.getTargets')) as {
      targetInfos: { targetId: string; type: string }[];
    };
    const worker = targetInfos.find((t) => t.type === 'worker');
    if (!worker) return null;
    const { sessionId } = (await session.send('Target.attachToTarget', {
      targetId: worker.targetId,
      flatten: false,
    })) as { sessionId: string };
    await sendToTarget(session, sessionId, 'HeapProfiler.collectGarbage');
    const usage = await sendToTarget(session, sessionId, 'Runtime.getHeapUsage');
    return { heap: (usage.usedSize as number) / 1e6, buffers: ((usage.backingStorageSize as number) ?? 0) / 1e6 };
  } finally {
    await session.detach();
  }
}

async function pageHeapMB(page: Page): Promise<number> {
  const session = await page.context().newCDPSession(page);
  await session.send('HeapProfiler.collectGarbage');
  const { usedSize } = await session.send('Runtime.getHeapUsage');
  await session.detach();
  return usedSize / 1e6;
}

interface Row {
  rows: number;
  mb: number;
  loadedS: number;
  chartS: number;
  workerMB: { heap: number; buffers: number } | null;
  pageMB: number;
  longImportMs: number;
  /** From the import's end to the chart drawn: opening Utredningstid. */
  longChartMs: number;
  /** The first unit filter change, right after the page opened. */
  filterMs: number;
  /** The changes after it. */
  moreFilterMs: { median: number; max: number };
  /** The longest main-thread task during all of them. */
  longFilterMs: number;
}

/**
 * After the first change (Norr), toggled in turn: Norr + Söder, Söder, Söder + Öster, Söder + Öster +
 * Väster, Öster + Väster, Öster + Väster + Centrum – each a choice not made before.
 */
const FURTHER_CLICKS = ['Söder', 'Norr', 'Öster', 'Väster', 'Söder', 'Centrum'];

/** Clicks a unit's checkbox: the moment of the click and of the monthly table's text changing (a MutationObserver notes it). */
async function filterChange(page: Page, unit: string): Promise<[number, number]> {
  const box = await page.getByRole('checkbox', { name: unit, exact: true }).elementHandle();
  return page.evaluate(
    ([checkbox]) =>
      new Promise<[number, number]>((resolve) => {
        const body = document.querySelector('[data-testid="monthly-table"] tbody')!;
        const before = body.textContent;
        const start = performance.now();
        const observer = new MutationObserver(() => {
          if (document.querySelector('[data-testid="monthly-table"] tbody')?.textContent === before) return;
          observer.disconnect();
          resolve([start, performance.now()]);
        });
        observer.observe(document.querySelector('main') ?? document.body, {
          subtree: true,
          childList: true,
          characterData: true,
        });
        (checkbox as HTMLInputElement).click();
      }),
    [box],
  );
}

async function measure(browser: Browser, url: string, rows: number): Promise<Row> {
  const dir = mkdtempSync(join(tmpdir(), 'insyn-browser-bench-'));
  const { utredningar } = writeBenchFiles(dir, rows);
  const mb = statSync(utredningar).size / 1e6;
  const context = await browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  await page.addInitScript(LONG_TASKS);
  await page.goto(`${url}?sida=data`);
  await page.getByTestId('file-input').waitFor({ state: 'attached' });
  // Let the published data load and settle first.
  await page.waitForLoadState('networkidle');
  const t0 = await now(page);
  await page.getByTestId('file-input').setInputFiles(utredningar);
  await page.locator('.ok', { hasText: 'inläst som' }).waitFor();
  const loaded = await now(page);
  await page.getByRole('link', { name: 'Utredningstid' }).click();
  await page.locator('.recharts-bar-rectangle').first().waitFor();
  const chart = await now(page);
  const longImportMs = await longestBetween(page, t0, loaded);
  const longChartMs = await longestBetween(page, loaded, chart);
  if (process.env.BENCH_VERBOSE) {
    const steps = await page.evaluate(() => window.progress);
    for (const step of steps) console.log(`${((step.at - t0) / 1000).toFixed(2)} s  ${step.text}`);
    console.log(
      `inläst ${((loaded - t0) / 1000).toFixed(2)} s, diagram ${((chart - t0) / 1000).toFixed(2)} s; långa tasks:`,
    );
    for (const task of await page.evaluate(() => window.longTasks))
      console.log(`  ${((task.start - t0) / 1000).toFixed(2)} s  ${task.duration.toFixed(0)} ms`);
  }

  const table = page.locator('[data-testid="monthly-table"] tbody');
  await table.locator('tr').first().waitFor();
  // The first change as soon as the page is there (its charts may still be drawing), then more with a
  // pause between them, each a choice of units not made before (so the worker computes it).
  const first = await filterChange(page, 'Norr');
  const more: [number, number][] = [];
  for (const unit of FURTHER_CLICKS) {
    await page.waitForTimeout(300);
    more.push(await filterChange(page, unit));
  }
  // Long tasks are reported after they end: wait a moment for the last one.
  await page.waitForTimeout(500);
  const longFilterMs = await longestBetween(page, first[0], (more.at(-1) ?? first)[1] + 500);
  const moreMs = more.map(([a, b]) => b - a).sort((a, b) => a - b);
  const workerMB = await workerHeapMB(browser);
  const pageMB = await pageHeapMB(page);
  await context.close();
  return {
    rows,
    mb,
    loadedS: (loaded - t0) / 1000,
    chartS: (chart - t0) / 1000,
    workerMB,
    pageMB,
    longImportMs,
    longChartMs,
    filterMs: first[1] - first[0],
    moreFilterMs: { median: moreMs[Math.floor(moreMs.length / 2)] ?? NaN, max: moreMs.at(-1) ?? NaN },
    longFilterMs,
  };
}

const { server, url, browser } = await openSite(buildSite('insyn-bench-site-'));
const results: Row[] = [];
try {
  for (const rows of SIZES) {
    const row = await measure(browser, url, rows);
    results.push(row);
    console.log(JSON.stringify(row));
  }
} finally {
  await browser.close();
  await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
}

const n = (value: number, decimals = 0) => value.toFixed(decimals).replace('.', ',');
console.log(`\nChromium ${browser.version()}, headless, byggd app (${new Date().toISOString().slice(0, 10)})\n`);
console.log(
  '| rader | MB | fil → inläst | fil → första diagram | worker: JS-heap + ArrayBuffers | sidans heap | längsta task: import / diagram | filterbyte: första / sex till, median (högst) | längsta task, filter |',
);
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of results)
  console.log(
    `| ${r.rows.toLocaleString('sv-SE')} | ${n(r.mb)} | ${n(r.loadedS, 1)} s | ${n(r.chartS, 1)} s | ` +
      `${r.workerMB === null ? '–' : `${n(r.workerMB.heap)} + ${n(r.workerMB.buffers)} MB`} | ${n(r.pageMB)} MB | ${n(r.longImportMs)} / ${n(r.longChartMs)} ms | ` +
      `${n(r.filterMs)} / ${n(r.moreFilterMs.median)} (${n(r.moreFilterMs.max)}) ms | ${n(r.longFilterMs)} ms |`,
  );
