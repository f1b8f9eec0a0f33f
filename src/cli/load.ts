/**
 * What every command line shares: Swedish failure, column mappings, loading files into one Engine
 * exactly as the app's worker does, the as-of date by the app's rule, and the reconciliation lines.
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import { Engine } from '../engine/engine';
import { maskPersonnummer } from '../format/personnummer';
import type { FileReconciliation } from '../format/importRecords';
import { importSheet, StreamImport, type FileImport, type MappingStore } from '../import/importFile';
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

/** Bytes read from a file at a time: the file's text and rows are never held whole. */
const CHUNK_BYTES = 1 << 20;

/**
 * Imports one file read in 1 MB chunks into one reused buffer (`StreamImport`, as the app's worker
 * does with `File.stream()`); a workbook is read whole, as its reader needs. Null when the file
 * cannot be opened or read.
 */
export function importPath(path: string, mappings: MappingStore): FileImport | null {
  const name = basename(path);
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return null;
  }
  const buffer = new Uint8Array(CHUNK_BYTES);
  const next = () => {
    try {
      return readSync(fd, buffer, 0, CHUNK_BYTES, null);
    } catch {
      return -1;
    }
  };
  try {
    let length = next();
    if (length < 0) return null;
    if (looksLikeWorkbook(buffer.subarray(0, length)))
      return importSheet(readSheet(readFileSync(path)), name, mappings);
    const reading = new StreamImport(name, mappings, undefined, fstatSync(fd).size);
    for (; length > 0; length = next()) {
      const outcome = reading.push(buffer.subarray(0, length));
      if (outcome) return outcome;
    }
    return length < 0 ? null : reading.finish();
  } finally {
    closeSync(fd);
  }
}

/**
 * Imports every file into one engine, a CSV or the first visible sheet of an .xlsx (told apart by
 * their bytes, as in the app); stops with a Swedish message on a file it cannot take.
 */
export function loadFiles(paths: readonly string[], mappings: MappingStore): Engine {
  const engine = new Engine();
  for (const path of paths) {
    const result = importPath(path, mappings) ?? fail(`filen ${path} kan inte läsas.`);
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
