/**
 * What every command line shares: Swedish failure, column mappings, loading files into one Engine
 * exactly as the app's worker does, the as-of date by the app's rule, and the reconciliation lines.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Engine } from '../engine/engine';
import { maskPersonnummer } from '../format/personnummer';
import type { FileReconciliation } from '../import/acceptance';
import { importFile, importSheet, type MappingStore } from '../import/importFile';
import { looksLikeWorkbook } from '../import/magic';
import { readSheet } from '../import/xlsx';
import { isoDate, NO_DATE, parseIsoDate, type DayNumber } from '../kpi';

/** Stops with a Swedish message; personnummer in it (a path, a header) are masked, as on every page. */
export function fail(message: string): never {
  process.stderr.write(`Fel: ${maskPersonnummer(message)}\n`);
  process.exit(1);
}

/** The mappings file given with `--mapping`, or none. */
export function readMappings(path: string | undefined): MappingStore {
  if (!path) return {};
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as MappingStore;
  } catch (error) {
    return fail(`kolumnmappningen ${path} kan inte läsas: ${(error as Error).message}`);
  }
}

/**
 * Imports every file into one engine, a CSV or the first visible sheet of an .xlsx (told apart by
 * their bytes, as in the app); stops with a Swedish message on a file it cannot take.
 */
export function loadFiles(paths: readonly string[], mappings: MappingStore): Engine {
  const engine = new Engine();
  for (const path of paths) {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(readFileSync(path));
    } catch {
      fail(`filen ${path} kan inte läsas.`);
    }
    const name = basename(path);
    const result = looksLikeWorkbook(bytes)
      ? importSheet(readSheet(bytes), name, mappings)
      : importFile(bytes, name, mappings);
    if (result.status === 'failed') fail(result.problem.message);
    if (result.status === 'needs-mapping') {
      fail(
        `rubrikerna i ${path} känns inte igen (${result.header.join(', ')}). Bekräfta en kolumnmappning i appen, spara den och ange filen med --mapping.`,
      );
    }
    engine.add(result);
  }
  return engine;
}

/** `--as-of` when given, else the files' last day of ordinary activity (DOMAIN.md), with where it came from. */
export function resolveAsOf(option: string | undefined, engine: Engine): { asOf: DayNumber; source: string } {
  if (option) {
    const asOf = parseIsoDate(option);
    if (asOf === null || asOf === NO_DATE) fail(`ogiltigt uttagsdatum ${option} (skriv ÅÅÅÅ-MM-DD).`);
    return { asOf, source: 'angivet med --as-of' };
  }
  const files = engine.defaultAsOf();
  if (files.asOf === NO_DATE) fail('filerna har inga händelsedatum; ange uttagsdatum med --as-of ÅÅÅÅ-MM-DD.');
  return { asOf: files.asOf, source: files.source };
}

/** The as-of line and one reconciliation line per file, as both commands print them; file names masked. */
export function reconciliationLines(asOf: DayNumber, source: string, files: readonly FileReconciliation[]): string {
  const lines = [`Uttagsdatum: ${isoDate(asOf)} (${source})`];
  for (const f of files)
    lines.push(
      `${f.file} (${f.dataset}): ${f.rowsRead} rader lästa = ${f.rowsAccepted} godkända + ${f.rowsRejected} avvisade` +
        (f.rowsWithWarning > 0 ? ` (${f.rowsWithWarning} godkända med varning)` : ''),
    );
  return maskPersonnummer(lines.join('\n')) + '\n';
}
