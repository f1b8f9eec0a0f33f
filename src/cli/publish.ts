/**
 * Publicera för nämnden, headless: the same import and engine as the report, and a package of
 * aggregates only (manifest.json and the tables as JSON and CSV), small counts suppressed.
 *
 *   npm run publish -- [--as-of 2025-11-30] [--created 2025-12-01] [--title TEXT] [--mapping mappning.json] --out DIR FILE...
 *
 * Exits 1 with a Swedish message when a file cannot be read, needs a column mapping that was not
 * given, or an option is wrong.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { countsInPackage, publishView } from '../engine/views/publish';
import { parseIsoDate } from '../kpi';
import { fail, loadFiles, readMappings, reconciliationLines, resolveAsOf } from './load';

const { values, positionals } = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        'as-of': { type: 'string' },
        created: { type: 'string' },
        title: { type: 'string' },
        out: { type: 'string' },
        mapping: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return fail((error as Error).message);
  }
})();

if (values.help) {
  process.stdout.write(
    'Användning: npm run publish -- [--as-of ÅÅÅÅ-MM-DD] [--created ÅÅÅÅ-MM-DD] [--title TEXT] [--mapping FIL] --out KATALOG FIL...\n',
  );
  process.exit(0);
}
if (!values.out) fail('ange --out KATALOG för paketet.');
if (positionals.length === 0) fail('ange minst en CSV-fil.');

const engine = loadFiles(positionals, readMappings(values.mapping));
const { asOf, source: asOfSource } = resolveAsOf(values['as-of'], engine);
// The package says when it was made; the CLI may read the clock, the rules never do.
const created = values.created ?? localDate(new Date());
if (parseIsoDate(created.slice(0, 10)) === null) fail(`ogiltigt datum för --created: ${created} (skriv ÅÅÅÅ-MM-DD).`);

const result = publishView(engine, { asOf, created, title: values.title });
if (!result) fail('inga filer att publicera.');

mkdirSync(values.out, { recursive: true });
for (const file of result.files) writeFileSync(join(values.out, file.name), file.text);

const out = process.stdout;
const { files } = engine.reconciliation(asOf);
out.write(reconciliationLines(asOf, asOfSource, files));
const { counts, hidden } = countsInPackage(result.package);
out.write(
  `Paketet har ${counts} antal, varav ${hidden} dolda (färre än 5, eller dolda så att de inte kan räknas fram).\n`,
);
out.write(`Skrev ${result.files.map((f) => f.name).join(', ')} till ${values.out}\n`);

/** `YYYY-MM-DD` of a moment in the machine's time zone. */
function localDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
