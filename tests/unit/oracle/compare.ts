// Reading the report's CSV files and listing where they differ from the oracle's tables.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { oracleTables, type Cell, type Table } from '../../../fixtures/oracle/report';

/** Runs the headless report (`npm run report`) the way a user does. */
export function runReport(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/report.ts', ...args], { encoding: 'utf8' });
}

/**
 * A report cell as a plain value: empty → undefined, ja/nej → boolean, `20,2` → 20.2, else the text.
 * @example parseCell('20,2') // 20.2
 */
export function parseCell(text: string): Cell {
  if (text === '') return undefined;
  if (text === 'ja') return true;
  if (text === 'nej') return false;
  if (/^-?\d+(,\d+)?$/.test(text)) return Number(text.replace(',', '.'));
  return text;
}

/** A report CSV (`;`, BOM, CRLF) as a table keyed by its first column, or by `beslut_id|typ` for the IVO list. */
export function readReportTable(dir: string, file: string): Table {
  const [header, ...lines] = readFileSync(join(dir, file), 'utf8')
    .replace(/^\ufeff/, '')
    .split('\r\n');
  const columns = header.split(';');
  const table: Table = new Map();
  for (const line of lines.filter((l) => l !== '')) {
    const values = line.split(';');
    const row = Object.fromEntries(columns.map((c, i) => [c, parseCell(values[i] ?? '')]));
    table.set(file.startsWith('ivo_') ? `${row.beslut_id}|${row.typ}` : values[0], row);
  }
  return table;
}

/**
 * Every cell where the report differs from the oracle, as `file key column: app ≠ oracle` lines.
 * A report row the oracle lacks (a month with no rows) must have zero counts and empty shares.
 */
export function differences(file: string, oracle: Table, app: Table): string[] {
  const found: string[] = [];
  for (const [key, want] of oracle) {
    const got = app.get(key);
    if (!got) {
      found.push(`${file} ${key}: saknas i rapporten`);
      continue;
    }
    for (const [column, value] of Object.entries(want))
      if (got[column] !== value) found.push(`${file} ${key} ${column}: app ${got[column]} ≠ orakel ${value}`);
  }
  for (const [key, got] of app)
    if (!oracle.has(key)) {
      const nonEmpty = Object.entries(got).filter(
        ([column, v]) => column !== Object.keys(got)[0] && v !== undefined && v !== 0 && v !== false,
      );
      if (file.startsWith('ivo_') || nonEmpty.length > 0)
        found.push(`${file} ${key}: bara i rapporten (${nonEmpty.map(([c, v]) => `${c}=${v}`).join(', ')})`);
    }
  return found;
}

/** Number of cells of the oracle's tables, i.e. how many values a comparison checked. */
export const cellCount = (tables: Map<string, Table>) =>
  [...tables.values()].reduce((n, t) => n + [...t.values()].reduce((m, row) => m + Object.keys(row).length, 0), 0);

export interface Comparison {
  /** The report's output folder. */
  out: string;
  stdout: string;
  status: number | null;
  /** The as-of date the report printed (`Uttagsdatum: …`). */
  printedAsOf: string | undefined;
  /** Every disagreeing cell; empty when the report and the oracle agree. */
  found: string[];
  cells: number;
  tables: Map<string, Table>;
}

/**
 * Runs the report on `files` for `quarter` — with `--as-of` only when `given` — and compares every
 * table the oracle restates at `oracleAsOf`.
 */
export function compareWithOracle(
  files: string[],
  options: { quarter: string; oracleAsOf: string; given?: string },
): Comparison {
  const out = mkdtempSync(join(tmpdir(), 'insyn-oracle-'));
  const asOfArgs = options.given ? ['--as-of', options.given] : [];
  const result = runReport(...asOfArgs, '--quarter', options.quarter, '--out', out, ...files);
  const tables = oracleTables(files, options.oracleAsOf, options.quarter);
  const found =
    result.status === 0
      ? [...tables].flatMap(([file, table]) => differences(file, table, readReportTable(out, file)))
      : [`rapporten avslutades med kod ${result.status}: ${result.stderr}`];
  return {
    out,
    stdout: result.stdout,
    status: result.status,
    printedAsOf: /Uttagsdatum: (\d{4}-\d{2}-\d{2})/.exec(result.stdout)?.[1],
    found,
    cells: cellCount(tables),
    tables,
  };
}
