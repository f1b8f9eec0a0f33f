/**
 * Kept for older notes and scripts: the same as `npm run report -- --engine duckdb …` (src/cli/report.ts),
 * the monthly report through the SQL in `sql/` on embedded DuckDB.
 *
 *   npx tsx src/cli/duckdb/report.ts [options of npm run report] [--delimiter ';'|','|tab]
 *     [--encoding utf-8|latin-1|utf-16] [--threads N] --out DIR FILE...
 */
process.argv.splice(2, 0, '--engine', 'duckdb');
await import('../report');

export {};
