/**
 * `tsx tests/bench/filterTrace.ts`: where the time of a unit filter change goes, 1 M rows by default
 * (ROWS=…). Builds the app into a temp folder (or serves SITE=<folder> as it is), loads the synthetic
 * extract, opens Utredningstid and changes the unit filter several times, each a choice not made before
 * (so the engine computes it), under a Chromium trace of the page's main thread and its worker. Prints per
 * change: click → monthly table redrawn, and the tasks of each thread in that span (what ran, how long).
 * A diagnostic, never asserted anywhere.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { writeBenchFiles } from './ratios';
import { buildSite, openSite } from './site';

const ROWS = Number(process.env.ROWS ?? 1_000_000);
const CHANGES: string[][] = [['Norr'], ['Norr', 'Söder'], ['Söder'], ['Söder', 'Öster', 'Väster'], []];

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  pid: number;
  args?: { name?: string; data?: { type?: string; functionName?: string; url?: string } };
}

/** Clicks the units' checkboxes so that exactly `units` are chosen; returns click → table changed, in ms. */
async function change(page: Page, units: string[]): Promise<number> {
  return page.evaluate(
    (wanted) =>
      new Promise<number>((resolve) => {
        const boxes = [...document.querySelectorAll<HTMLInputElement>('fieldset.units input[type=checkbox]')];
        // No named arrow functions here: tsx would wrap them in a helper the page does not have.
        const toggle = boxes.filter((b) => b.checked !== wanted.includes(b.parentElement?.textContent?.trim() ?? ''));
        // All but the last click first (each its own change), then the measured one.
        const last = toggle.pop();
        for (const b of toggle) b.click();
        setTimeout(() => {
          const before = document.querySelector('[data-testid="monthly-table"] tbody')?.textContent;
          performance.mark('filter-start');
          const start = performance.now();
          const observer = new MutationObserver(() => {
            if (document.querySelector('[data-testid="monthly-table"] tbody')?.textContent === before) return;
            observer.disconnect();
            performance.mark('filter-end');
            resolve(performance.now() - start);
          });
          observer.observe(document.querySelector('main') ?? document.body, {
            subtree: true,
            childList: true,
            characterData: true,
          });
          if (last) last.click();
          else (document.querySelector('fieldset.units button') as HTMLButtonElement).click();
        }, 1500);
      }),
    units,
  );
}

function summarize(events: TraceEvent[]) {
  const threadNames = new Map<number, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threadNames.set(e.tid, e.args?.name ?? '');
  const start = events.find((e) => e.name === 'filter-start');
  const end = events.find((e) => e.name === 'filter-end');
  if (!start || !end) return console.log('  (no marks in the trace)');
  const t0 = start.ts;
  const t1 = end.ts;
  const mainTid = start.tid;
  const workerTids = [...threadNames].filter(([, n]) => n.includes('DedicatedWorker')).map(([t]) => t);
  const ms = (us: number) => (us / 1000).toFixed(1);
  for (const tid of [mainTid, ...workerTids]) {
    const mine = events.filter((e) => e.tid === tid && e.ph === 'X' && e.ts >= t0 - 2000 && e.ts <= t1 + 1000);
    const tasks = mine.filter((e) => e.name === 'ThreadControllerImpl::RunTask');
    console.log(`  ${threadNames.get(tid) ?? tid}: ${tasks.length} tasks`);
    for (const task of tasks) {
      const inside = mine.filter(
        (e) => e !== task && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= task.ts + (task.dur ?? 0) && (e.dur ?? 0) >= 300,
      );
      const what = inside
        .filter((e) =>
          /^(EventDispatch|FunctionCall|TimerFire|FireAnimationFrame|Layout|UpdateLayoutTree|Paint|PrePaint|MajorGC|MinorGC|V8\.GC.*|v8\.deserialize|v8\.serialize|RunMicrotasks|ParseHTML|Commit|HitTest|IntersectionObserverController::computeIntersections|ScheduleStyleRecalculation|v8\.run|V8\.GCScavenger|BlinkGC.*|PostMessage|HandlePostMessage|ProfileCall)$/.test(
            e.name,
          ),
        )
        .map((e) => `${e.name}${e.args?.data?.type ? `(${e.args.data.type})` : ''} ${ms(e.dur ?? 0)}`);
      const marks = events
        .filter(
          (e) =>
            e.tid === tid &&
            e.cat.includes('blink.user_timing') &&
            e.ts >= task.ts &&
            e.ts <= task.ts + (task.dur ?? 0),
        )
        .map((e) => `[${e.name} @${ms(e.ts - t0)}]`);
      what.unshift(...marks);
      if ((task.dur ?? 0) < 500 && what.length === 0) continue;
      console.log(
        `    +${ms(task.ts - t0).padStart(6)} ms  ${ms(task.dur ?? 0).padStart(6)} ms  ${what.slice(0, 16).join(', ')}`,
      );
    }
  }
  console.log(`  click → table: ${ms(t1 - t0)} ms (trace marks)`);
  if (process.env.PROFILE) profileSummary(events, mainTid, t0, t1);
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { functionName: string; url?: string; lineNumber?: number };
}

/** PROFILE=1: the main thread's JavaScript between the marks, by function (self time, from the samples). */
function profileSummary(events: TraceEvent[], tid: number, t0: number, t1: number) {
  const nodes = new Map<number, ProfileNode>();
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let time = 0;
  let previous = 0;
  // The thread's profile; its chunks come from the profiler's own thread, under the same id.
  const started = events.find((e) => e.name === 'Profile' && e.tid === tid) as
    (TraceEvent & { id?: string }) | undefined;
  for (const e of events as (TraceEvent & { id?: string })[]) {
    if (!started || e.id !== started.id) continue;
    const data = (e.args as { data?: Record<string, unknown> } | undefined)?.data;
    if (e.name === 'Profile') time = previous = (data?.startTime as number) ?? 0;
    if (e.name !== 'ProfileChunk' || !data) continue;
    const profile = data.cpuProfile as { nodes?: ProfileNode[]; samples?: number[] } | undefined;
    for (const node of profile?.nodes ?? []) nodes.set(node.id, node);
    const deltas = (data.timeDeltas as number[] | undefined) ?? [];
    for (const [i, sample] of (profile?.samples ?? []).entries()) {
      time += deltas[i] ?? 0;
      const span = time - previous;
      previous = time;
      if (time < t0 || time > t1) continue;
      const name = (n: ProfileNode) =>
        `${n.callFrame.functionName || '(anon)'} ${(n.callFrame.url ?? '').split('/').pop()}:${n.callFrame.lineNumber}`;
      const leaf = nodes.get(sample);
      if (!leaf) continue;
      self.set(name(leaf), (self.get(name(leaf)) ?? 0) + span);
      const seen = new Set<string>();
      for (let n: ProfileNode | undefined = leaf; n; n = n.parent === undefined ? undefined : nodes.get(n.parent)) {
        if (seen.has(name(n))) continue;
        seen.add(name(n));
        total.set(name(n), (total.get(name(n)) ?? 0) + span);
      }
    }
  }
  const top = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 25)
      .map(([k, v]) => `      ${(v / 1000).toFixed(1).padStart(6)} ms  ${k}`);
  console.log('    self:');
  console.log(top(self).join('\n'));
  console.log('    total:');
  console.log(top(total).join('\n'));
}

const { server, url, browser } = await openSite(process.env.SITE ?? buildSite('insyn-trace-site-'));
try {
  const dir = mkdtempSync(join(tmpdir(), 'insyn-trace-'));
  const { utredningar } = writeBenchFiles(dir, ROWS);
  const page = await browser.newPage();
  page.setDefaultTimeout(600_000);
  await page.goto(`${url}?sida=data`);
  await page.waitForLoadState('networkidle');
  await page.getByTestId('file-input').setInputFiles(utredningar);
  await page.locator('.ok', { hasText: 'inläst som' }).waitFor();
  await page.getByRole('link', { name: 'Utredningstid' }).click();
  await page.locator('.recharts-bar-rectangle').first().waitFor();
  await page.locator('[data-testid="monthly-table"] tbody tr').first().waitFor();
  await page.waitForTimeout(2000);
  for (const units of CHANGES) {
    await browser.startTracing(page, {
      categories: [
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'blink.user_timing',
        'v8',
        'v8.execute',
        'toplevel',
        'blink',
        'disabled-by-default-v8.gc',
        ...(process.env.PROFILE ? ['disabled-by-default-v8.cpu_profiler'] : []),
      ],
    });
    const measured = await change(page, units);
    await page.waitForTimeout(800);
    const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
    if (process.env.DUMP) (await import('node:fs')).writeFileSync(process.env.DUMP, JSON.stringify(trace));
    console.log(`\n${units.length ? units.join(' + ') : 'alla enheter'}: ${measured.toFixed(1)} ms (performance.now)`);
    summarize(trace.traceEvents);
  }
} finally {
  await browser.close();
  await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
}
