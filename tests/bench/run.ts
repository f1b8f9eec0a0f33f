/**
 * `npm run bench`: times the hot paths on synthetic extracts and prints figures and ratios.
 * Never asserted in tests (machines here are shared and noisy). Sizes: ROWS env var, default 1 000 000
 * (a large city's ~150 years, or a national extract's ~2.5 years, of investigations).
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addMonths, parseISO } from 'date-fns';
import { importFile } from '../../src/import/importFile';
import { Engine } from '../../src/engine/engine';
import { firstPageGzipBytes, firstPageScripts } from './firstPage';
import { best, runRatios } from './ratios';
import { buildSite } from './site';
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
  const timed = best(f, repeat);
  console.log(
    `${label.padEnd(58)} ${timed.ms.toFixed(0).padStart(7)} ms  (${((ROWS / timed.ms) * 1000).toExponential(2)} rader/s)`,
  );
  return timed;
}

console.log(
  `Insyn benchmark, ${ROWS.toLocaleString('sv-SE')} rader, Node ${process.version}, TZ=${process.env.TZ ?? '(systemets)'}\n`,
);

// The first page's JavaScript, from a fresh build in a folder of its own (dist/ may be in use by tests).
try {
  const site = buildSite('insyn-bench-site-');
  const kB = firstPageGzipBytes(site) / 1000;
  console.log(
    `first-page JavaScript, gzip: ${kB.toFixed(1)} kB = ${(kB / 200).toFixed(2)} × målet 200 kB (${firstPageScripts(site).join(', ')})\n`,
  );
} catch (error) {
  console.log(`first-page JavaScript: ${(error as Error).message}\n`);
}

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

// The whole command line, files to report files, both engines, start-up included: the utredningar
// CSV above and, as many rows each, orosanmälningar and beslut, plus förlängningar for a tenth of
// the investigations. A few exact copies of rows and dates after the as-of date are mixed in (both
// engines must reject them alike). Then every file the DuckDB engine writes is compared byte for
// byte with the app's (the app also writes its reconciliation, avstamning.csv and problem.csv).
console.log('\nHela rapporten (npm run report), fyra filer:');
const benchDir = mkdtempSync(join(tmpdir(), 'insyn-bench-'));
const reportFiles = writeReportFiles(benchDir, bytes, ROWS);
const timed = existsSync('/usr/bin/time');
for (const engine of ['app', 'duckdb']) {
  const stats = join(benchDir, `${engine}.tid`);
  const command = [process.execPath, '--import', 'tsx', 'src/cli/report.ts', '--engine', engine];
  const report = time(
    `--engine ${engine}`,
    () =>
      spawnSync(
        timed ? '/usr/bin/time' : command[0],
        [
          ...(timed ? ['-f', '%U %S %M', '-o', stats, ...command] : command.slice(1)),
          '--out',
          join(benchDir, engine),
          ...reportFiles,
        ],
        { encoding: 'utf8', env: { ...process.env, TZ: 'Europe/Stockholm' } },
      ),
    1,
  );
  if (report.result.status !== 0) console.log(`  (misslyckades: ${report.result.stderr.trim()})`);
  // The app's reconciliation: the copies and later dates rejected.
  for (const line of report.result.stdout.split('\n'))
    if (/rader lästa|^Uttagsdatum/.test(line)) console.log(`  ${line}`);
  if (report.result.status === 0 && timed) {
    const [user, system, kB] = readFileSync(stats, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
    console.log(
      `  CPU ${user.toFixed(1)} s user + ${system.toFixed(1)} s system, minne (topp) ${(kB / 1024).toFixed(0)} MB`,
    );
  }
}
const duckFiles = existsSync(join(benchDir, 'duckdb')) ? readdirSync(join(benchDir, 'duckdb')).sort() : [];
const differing = duckFiles.filter(
  (name) =>
    !existsSync(join(benchDir, 'app', name)) ||
    !readFileSync(join(benchDir, 'duckdb', name)).equals(readFileSync(join(benchDir, 'app', name))),
);
const appOnly = existsSync(join(benchDir, 'app'))
  ? readdirSync(join(benchDir, 'app')).filter(
      (n) => !['avstamning.csv', 'problem.csv'].includes(n) && !duckFiles.includes(n),
    )
  : [];
console.log(
  `identiska: ${duckFiles.length - differing.length}/${duckFiles.length + appOnly.length} filer` +
    (differing.length + appOnly.length > 0 ? ` – skiljer: ${[...differing, ...appOnly].join(', ')}` : ''),
);

/**
 * Writes the report's input files next to `utredningar` (already generated, `rows` rows): as many
 * orosanmälningar and beslut, förlängningar for every tenth investigation; returns the four paths.
 */
function writeReportFiles(dir: string, investigations: Uint8Array, rows: number): string[] {
  let state = 7;
  const random = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 4294967296;
  const write = (name: string, header: string, line: (i: number) => string, count: number) => {
    const path = join(dir, name);
    writeFileSync(path, header + '\n');
    for (let from = 0; from < count; from += 100_000) {
      const chunk: string[] = [];
      for (let i = from; i < Math.min(count, from + 100_000); i++) {
        const text = line(i);
        chunk.push(text);
        // Every 100 000th row also as an exact copy (a duplicate the engines must drop).
        if (i % 100_000 === 99_999) chunk.push(text);
      }
      appendFileSync(path, chunk.join('\n') + '\n');
    }
    return path;
  };
  const utredningar = join(dir, 'utredningar.csv');
  writeFileSync(utredningar, investigations);
  const last = base + 3899;
  // For every 400 000th row a date some 100 days after the last ordinary one (the investigations
  // end up to 220 days after their start): a handful, so the default as-of date stays and they are rejected.
  const event = (i: number, day: number) => (i % 400_000 === 123 ? base + 4300 + (i % 7) : day);
  const date = (day: number) => (day === NO_DATE ? '' : isoDate(day));
  // Kön as exports write it; an unknown one (a warning) only for every 100 000th row: the app's
  // CLI report cannot yet list some 100 000 problems of one file (a stack overflow in reconcile).
  const sexOf = (i: number) => (i % 100_000 === 7 ? '?' : ['pojke', 'flicka', 'P', 'F', 'M', 'K'][i % 6]);
  const reasons = ['Vårdnadshavare uteblev', 'Organisatoriska skäl', 'Förundersökningssekretess'];
  const outcomes = ['Inleds', 'Inleds ej', 'Pågående utredning'];
  const interventions = ['Öppenvård', 'Kontaktperson/kontaktfamilj', 'Familjehem', 'HVB'];
  const forlangningar = write(
    'forlangningar.csv',
    'utredning_id;beslutsdatum;forlangd_till',
    (k) => {
      const i = k * 10;
      const start = parseIsoDate(starts[i]) as number;
      const decided = addMonthsClamped(start, 4) - 20 + Math.floor(random() * 30);
      return `U${i};${date(Math.min(decided, last))};${date(addMonthsClamped(start, 6))}`;
    },
    Math.floor(rows / 10),
  );
  const orosanmalningar = write(
    'orosanmalningar.csv',
    'anmalan_id;inkomstdatum;skyddsbedomning_datum;forhandsbedomning_datum;beslut;orsak_forsening;enhet;kon',
    (i) => {
      const received = base + Math.floor(random() * 3900);
      const assessed = random() < 0.03 ? NO_DATE : Math.min(last, received + Math.floor(random() * 25));
      const late = assessed === NO_DATE || assessed - received > 14;
      return [
        `A${i}`,
        date(event(i, received)),
        date(random() < 0.1 ? NO_DATE : Math.min(last, received + Math.floor(random() * 2))),
        date(assessed),
        assessed === NO_DATE ? '' : outcomes[Math.floor(random() * 3)],
        late ? reasons[i % 3] : '',
        units[i % units.length],
        sexOf(i),
      ].join(';');
    },
    rows,
  );
  const beslut = write(
    'beslut.csv',
    'beslut_id;beslutsdatum;insats;verkstalldatum;avbrottsdatum;aterupptagen_datum;orsak;enhet;kon',
    (i) => {
      const decided = base + Math.floor(random() * 3900);
      const executed = random() < 0.02 ? NO_DATE : decided + Math.floor(random() * 120);
      const interrupted = executed !== NO_DATE && random() < 0.01 ? executed + Math.floor(random() * 60) : NO_DATE;
      const resumed = interrupted !== NO_DATE && random() < 0.7 ? interrupted + Math.floor(random() * 120) : NO_DATE;
      const clip = (day: number) => (day > last ? NO_DATE : day);
      return [
        `B${i}`,
        date(event(i, decided)),
        interventions[i % interventions.length],
        date(clip(executed)),
        date(clip(executed) === NO_DATE ? NO_DATE : clip(interrupted)),
        date(clip(interrupted) === NO_DATE || clip(executed) === NO_DATE ? NO_DATE : clip(resumed)),
        executed === NO_DATE ? 'Ingen plats' : '',
        units[i % units.length],
        sexOf(i),
      ].join(';');
    },
    rows,
  );
  const sizes = [utredningar, forlangningar, orosanmalningar, beslut].map((p) => statSync(p).size);
  console.log(
    `Filer: ${(sizes.reduce((a, b) => a + b) / 1e6).toFixed(1)} MB (${sizes.map((b) => (b / 1e6).toFixed(1)).join(' + ')} MB)`,
  );
  return [utredningar, forlangningar, orosanmalningar, beslut];
}

// Issue 12's ratios: full import + every view ÷ PapaParse, and the CLI report ÷ PapaParse as processes.
runRatios(ROWS);
