/**
 * The issue-12 ratios of `npm run bench` (also `tsx tests/bench/ratios.ts`), on synthetic files of
 * ROWS investigations (default 1 000 000) and ROWS / 10 extensions, written to a temp folder:
 * - in one process: the app's full import of the investigations (read in chunks, decoded, parsed,
 *   validated into columns) and every view of them ÷ a plain PapaParse parse of the same file;
 * - whole processes: `npm run report` on both files ÷ a process that reads and parses them with
 *   plain PapaParse, with each one's peak memory (GNU time's maximum resident set).
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { importPath } from '../../src/cli/load';
import { Engine } from '../../src/engine/engine';
import { addMonthsClamped, dayFromYmd, isoDate, NO_DATE } from '../../src/kpi';

const ROWS = Number(process.env.ROWS ?? 1_000_000);
/** Rounds of PapaParse, import and import + views, one after the other. */
const ROUNDS = 7;
/** Rounds of the two whole processes. */
const PROCESS_ROUNDS = 3;
const UNITS = ['Norr', 'Söder', 'Öster', 'Väster', 'Centrum', 'Hamnen'];

/** Writes the synthetic files (seeded) in pieces; returns their paths. */
export function writeBenchFiles(dir: string, rows: number): { utredningar: string; forlangningar: string } {
  let seed = 42;
  const rand = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296;
  const base = dayFromYmd(2015, 1, 1);
  const utredningar = join(dir, 'utredningar.csv');
  const forlangningar = join(dir, 'forlangningar.csv');
  const investigations = openSync(utredningar, 'w');
  const extensions = openSync(forlangningar, 'w');
  writeSync(investigations, 'utredning_id;startdatum;avslutsdatum;enhet;kon\n');
  writeSync(extensions, 'utredning_id;beslutsdatum;forlangd_till\n');
  for (let from = 0; from < rows; from += 100_000) {
    const lines: string[] = [];
    const extensionLines: string[] = [];
    for (let i = from; i < Math.min(rows, from + 100_000); i++) {
      const start = base + Math.floor(rand() * 3900);
      const end = rand() < 0.05 ? NO_DATE : start + 20 + Math.floor(rand() * 200);
      const sex = i % 2 ? 'pojke' : 'flicka';
      lines.push(`U${i};${isoDate(start)};${end === NO_DATE ? '' : isoDate(end)};${UNITS[i % UNITS.length]};${sex}`);
      if (i % 10 === 0) {
        const decided = Math.min(base + 3899, addMonthsClamped(start, 4) - 20 + Math.floor(rand() * 30));
        extensionLines.push(`U${i};${isoDate(decided)};${isoDate(addMonthsClamped(start, 6))}`);
      }
    }
    writeSync(investigations, lines.join('\n') + '\n');
    writeSync(extensions, extensionLines.join('\n') + '\n');
  }
  closeSync(investigations);
  closeSync(extensions);
  return { utredningar, forlangningar };
}

/** The fastest of `repeat` runs of f, with its result. */
export function best<T>(f: () => T, repeat: number): { result: T; ms: number } {
  let ms = Number.POSITIVE_INFINITY;
  let result!: T;
  for (let i = 0; i < repeat; i++) {
    const t0 = performance.now();
    result = f();
    ms = Math.min(ms, performance.now() - t0);
  }
  return { result, ms };
}

/** A whole process under GNU time (when there): wall time and peak resident memory. */
function processRun(
  args: string[],
  statsFile: string,
): { ms: number; peakMB: number | null; ok: boolean; out: string } {
  const timed = existsSync('/usr/bin/time');
  const t0 = performance.now();
  const run = spawnSync(
    timed ? '/usr/bin/time' : process.execPath,
    [...(timed ? ['-f', '%M', '-o', statsFile, process.execPath] : []), '--import', 'tsx', ...args],
    { encoding: 'utf8', env: { ...process.env, TZ: 'Europe/Stockholm' }, maxBuffer: 1 << 26 },
  );
  const ms = performance.now() - t0;
  const peakMB =
    timed && run.status === 0 ? Number(readFileSync(statsFile, 'utf8').trim().split('\n').pop()) / 1024 : null;
  return { ms, peakMB, ok: run.status === 0, out: run.status === 0 ? run.stdout : run.stderr };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export function runRatios(rows: number = ROWS): void {
  const dir = mkdtempSync(join(tmpdir(), 'insyn-ratios-'));
  const files = writeBenchFiles(dir, rows);
  const mb = statSync(files.utredningar).size / 1e6;
  console.log(`\nKvoter för issue 12: ${rows.toLocaleString('sv-SE')} utredningar (${mb.toFixed(1)} MB)`);

  // Interleaved rounds, the ratio taken within each round: load from other jobs on a shared
  // machine shifts all three alike, so the median ratio is steadier than a ratio of best times.
  const parsePapa = () => Papa.parse<string[]>(readFileSync(files.utredningar, 'utf8'), { delimiter: ';' }).data.length;
  const importOnly = () => importPath(files.utredningar, {});
  const importAndViews = () => {
    const imported = importPath(files.utredningar, {});
    if (imported?.status !== 'loaded') throw new Error('importen misslyckades');
    const engine = new Engine();
    engine.add(imported);
    const asOf = engine.latestEventDate();
    // Every view of an investigations file: its page, the overview, the watch list, the reconciliation.
    engine.investigations({ asOf });
    engine.overview({ asOf });
    engine.watch({ asOf, reopenWindow: 30 });
    engine.reconciliation(asOf);
    return engine;
  };
  const rounds: { papa: number; importOnly: number; app: number }[] = [];
  for (let round = 0; round < ROUNDS; round++)
    rounds.push({ papa: best(parsePapa, 1).ms, importOnly: best(importOnly, 1).ms, app: best(importAndViews, 1).ms });
  const heapMB = process.memoryUsage().heapUsed / 1e6;
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const spread = (values: number[]) =>
    `${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)}×`.replaceAll('.', ',');
  const papa = median(rounds.map((r) => r.papa));
  const importRatios = rounds.map((r) => r.importOnly / r.papa);
  const appRatios = rounds.map((r) => r.app / r.papa);
  console.log(`${ROUNDS} omgångar omväxlande, median (spridning):`);
  console.log(`PapaParse (läs + tolka hela texten)                 ${seconds(papa)}`);
  console.log(
    `appen: import i 1 MB-bitar (validerad, kolumner)      ${seconds(median(rounds.map((r) => r.importOnly)))}` +
      `  = ${median(importRatios).toFixed(2)}× PapaParse (${spread(importRatios)})`,
  );
  console.log(
    `appen: import i 1 MB-bitar + alla vyer                ${seconds(median(rounds.map((r) => r.app)))}` +
      `  = ${median(appRatios).toFixed(2)}× PapaParse (${spread(appRatios)})  (heap efteråt ${heapMB.toFixed(0)} MB)`,
  );

  const args = [files.utredningar, files.forlangningar];
  const processes: { baseline: ReturnType<typeof processRun>; report: ReturnType<typeof processRun> }[] = [];
  for (let round = 0; round < PROCESS_ROUNDS; round++)
    processes.push({
      baseline: processRun(['tests/bench/papa.ts', ...args], join(dir, 'papa.tid')),
      report: processRun(['src/cli/report.ts', '--out', join(dir, 'rapport'), ...args], join(dir, 'rapport.tid')),
    });
  const failed = processes.find((p) => !p.report.ok);
  const memory = (run: { peakMB: number | null }) =>
    run.peakMB === null ? '' : `, minne (topp) ${run.peakMB.toFixed(0)} MB`;
  const baseline = processes.map((p) => p.baseline);
  const report = processes.map((p) => p.report);
  const middle = <T extends { ms: number }>(runs: T[]) =>
    [...runs].sort((a, b) => a.ms - b.ms)[Math.floor(runs.length / 2)];
  console.log(`${PROCESS_ROUNDS} omgångar omväxlande, median (spridning):`);
  console.log(
    `process: PapaParse på båda filerna                   ${seconds(middle(baseline).ms)}${memory(middle(baseline))}`,
  );
  if (failed) console.log(`process: npm run report misslyckades: ${failed.report.out.trim()}`);
  else {
    const ratios = processes.map((p) => p.report.ms / p.baseline.ms);
    console.log(
      `process: npm run report på båda filerna              ${seconds(middle(report).ms)}${memory(middle(report))}` +
        `  = ${median(ratios).toFixed(2)}× PapaParse (${spread(ratios)})`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) runRatios();
