/**
 * The baseline process of `npm run bench`'s ratios: reads each file given and parses it whole with
 * plain PapaParse (no validation, no columns), printing the records read. Started like the CLI
 * report (`node --import tsx`), so both processes pay the same start-up.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';

let records = 0;
for (const path of process.argv.slice(2)) {
  const parsed = Papa.parse<string[]>(readFileSync(path, 'utf8'), { delimiter: ';', skipEmptyLines: true });
  records += parsed.data.length - 1;
}
process.stdout.write(`${records} poster\n`);
