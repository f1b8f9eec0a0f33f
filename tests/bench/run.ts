/**
 * `npm run bench`: times the hot paths on synthetic extracts and prints figures and ratios.
 * Never asserted in tests (machines here are shared and noisy). Sizes: ROWS env var, default 1 000 000
 * (a large city's ~150 years, or a national extract's ~2.5 years, of investigations).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addMonths, parseISO } from 'date-fns';
import { importFile } from '../../src/import/importFile';
import { Engine } from '../../src/engine/engine';
import { firstPageGzipBytes, firstPageScripts } from './firstPage';
import {
  addMonthsClamped,
  buildConcernCube,
  buildDecisionCube,
  buildInvestigationCube,
  dayFromYmd,
  isoDate,
  monthlyCohorts,
  NO_DATE,
  parseIsoDate,
} from '../../src/kpi';

const ROWS = Number(process.env.ROWS ?? 1_000_000);
let seed = 42;
const rand = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296;

function time<T>(label: string, f: () => T, repeat = 3): { result: T; ms: number } {
  let best = Number.POSITIVE_INFINITY;
  let result!: T;
  for (let i = 0; i < repeat; i++) {
    const t0 = performance.now();
    result = f();
    best = Math.min(best, performance.now() - t0);
  }
  console.log(
    `${label.padEnd(58)} ${best.toFixed(0).padStart(7)} ms  (${((ROWS / best) * 1000).toExponential(2)} rader/s)`,
  );
  return { result, ms: best };
}

console.log(
  `Insyn benchmark, ${ROWS.toLocaleString('sv-SE')} rader, Node ${process.version}, TZ=${process.env.TZ ?? '(systemets)'}\n`,
);

// The first page's JavaScript, from a fresh build in a folder of its own (dist/ may be in use by tests).
const site = mkdtempSync(join(tmpdir(), 'insyn-bench-site-'));
const build = spawnSync(
  process.execPath,
  ['node_modules/vite/bin/vite.js', 'build', '--outDir', site, '--emptyOutDir', '--logLevel', 'error'],
  { encoding: 'utf8' },
);
if (build.status === 0) {
  const kB = firstPageGzipBytes(site) / 1000;
  console.log(
    `first-page JavaScript, gzip: ${kB.toFixed(1)} kB = ${(kB / 200).toFixed(2)} × målet 200 kB (${firstPageScripts(site).join(', ')})\n`,
  );
} else console.log(`first-page JavaScript: bygget misslyckades: ${build.stderr.trim()}\n`);

// Synthetic utredningar CSV, 2015–2025.
const base = dayFromYmd(2015, 1, 1);
const units = ['Norr', 'Söder', 'Öster', 'Väster', 'Centrum', 'Hamnen'];
const lines = ['utredning_id;startdatum;avslutsdatum;enhet;kon'];
const starts: string[] = [];
for (let i = 0; i < ROWS; i++) {
  const start = base + Math.floor(rand() * 3900);
  const end = rand() < 0.05 ? NO_DATE : start + 20 + Math.floor(rand() * 200);
  starts.push(isoDate(start));
  lines.push(
    `U${i};${isoDate(start)};${end === NO_DATE ? '' : isoDate(end)};${units[i % units.length]};${i % 2 ? 'pojke' : 'flicka'}`,
  );
}
const bytes = new TextEncoder().encode(lines.join('\n'));
console.log(`CSV: ${(bytes.length / 1e6).toFixed(1)} MB\n`);

const imported = time(
  'import: avkoda + tolka (PapaParse) + validera till kolumner',
  () => importFile(bytes, 'bench.csv'),
  2,
);
if (imported.result.status !== 'loaded') throw new Error('import failed');
const table = imported.result.table;
const ws = new Engine();
ws.add(imported.result);
const asOf = ws.latestEventDate();
const start = table.dates.startdatum;
const end = table.dates.avslutsdatum;
const none = new Int32Array(table.count).fill(NO_DATE);
const cube = time('kub: klassificera alla + räkna per månad × enhet × kön', () =>
  buildInvestigationCube(
    {
      count: table.count,
      start,
      end,
      firstExtension: none,
      extendedTo: none,
      unit: table.categories.enhet.codes,
      sex: table.categories.kon.codes,
      units: table.categories.enhet.labels,
    },
    asOf,
  ),
);
const filter = time(
  'filter: månadsrader för en enhet ur kuben',
  () => monthlyCohorts(cube.result.cube, { units: [2] }),
  5,
);
time(
  'hela vyn, kall: ny Engine + investigations()',
  () => {
    const fresh = new Engine();
    if (imported.result.status === 'loaded') fresh.add(imported.result);
    return fresh.investigations({ asOf });
  },
  2,
);
ws.investigations({ asOf });
// A new unit every time: finished views are cached too, so a repeated choice would cost nothing.
let unitChoice = 0;
time(
  'hela vyn, annat enhetsfilter (kuben cachad)',
  () => ws.investigations({ asOf, units: [units[unitChoice++ % units.length]] }),
  5,
);

// Orosanmälningar, as many rows: the 14-day cube.
const received = new Int32Array(ROWS);
const assessed = new Int32Array(ROWS);
for (let i = 0; i < ROWS; i++) {
  received[i] = base + Math.floor(rand() * 3900);
  assessed[i] = rand() < 0.03 ? NO_DATE : received[i] + Math.floor(rand() * 25);
}
time('orosanmälningar: 14-dagarskub', () =>
  buildConcernCube(
    {
      count: ROWS,
      received,
      assessed,
      protective: received,
      hasProtective: true,
      decision: new Uint8Array(ROWS).fill(1),
      unit: table.categories.enhet.codes,
      sex: table.categories.kon.codes,
      reason: new Uint16Array(ROWS),
      reasons: ['(ingen orsak angiven)'],
      unitCount: table.categories.enhet.labels.length,
    },
    asOf,
  ),
);
time('beslut: tremånaderskub', () =>
  buildDecisionCube(
    {
      count: ROWS,
      decided: received,
      executed: assessed,
      unit: table.categories.enhet.codes,
      sex: table.categories.kon.codes,
      intervention: new Uint16Array(ROWS),
      unitCount: table.categories.enhet.labels.length,
      interventionCount: 1,
    },
    asOf,
  ),
);

console.log('\nFristberäkning, samma rader:');
const integer = time('heltal: parseIsoDate + addMonthsClamped', () => {
  let sum = 0;
  for (const s of starts) sum += addMonthsClamped(parseIsoDate(s) as number, 4);
  return sum;
});
const dateFns = time(
  'date-fns: parseISO + addMonths',
  () => {
    let sum = 0;
    for (const s of starts) sum += addMonths(parseISO(s), 4).getTime();
    return sum;
  },
  1,
);

console.log(
  `\nKvoter: date-fns / heltal = ${(dateFns.ms / integer.ms).toFixed(1)}×; filterbyte / kubbygge = ${(filter.ms / cube.ms).toExponential(1)}`,
);

// The whole command line, file to report files, on the same utredningar CSV: both engines, start-up included.
console.log('\nHela rapporten (npm run report), samma fil:');
const benchDir = mkdtempSync(join(tmpdir(), 'insyn-bench-'));
writeFileSync(join(benchDir, 'utredningar.csv'), bytes);
for (const engine of ['app', 'duckdb']) {
  const report = time(
    `--engine ${engine}`,
    () =>
      spawnSync(
        process.execPath,
        [
          '--import',
          'tsx',
          'src/cli/report.ts',
          '--engine',
          engine,
          '--out',
          join(benchDir, engine),
          join(benchDir, 'utredningar.csv'),
        ],
        { encoding: 'utf8' },
      ),
    1,
  );
  if (report.result.status !== 0) console.log(`  (misslyckades: ${report.result.stderr.trim()})`);
}
