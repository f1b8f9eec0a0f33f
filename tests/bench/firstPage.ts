/**
 * The JavaScript a first visit downloads: the scripts and module preloads in the built index.html
 * and, transitively, every chunk they import statically. Chunks loaded by `import()` (the other
 * pages) and workers are not counted.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Static `import … from "./x.js"` / `import "./x.js"` / `export … from "./x.js"`, never `import("./x.js")`. */
const STATIC_IMPORT = /\b(?:import|export)\s*(?:[^"'();]*?\bfrom\s*)?["']([^"']+\.js)["']/g;
const HTML_SCRIPT = /<(?:script\b[^>]*\bsrc|link\b[^>]*\brel="modulepreload"[^>]*\bhref)="([^"]+\.js)"/g;

/** The first-page scripts of a built site in `dist`, as paths relative to it. */
export function firstPageScripts(dist: string): string[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    const code = readFileSync(path, 'utf8');
    for (const m of code.matchAll(STATIC_IMPORT)) if (m[1].startsWith('.')) visit(join(dirname(path), m[1]));
  };
  for (const m of html.matchAll(HTML_SCRIPT)) visit(join(dist, m[1]));
  return [...seen].map((path) => relative(dist, path)).sort();
}

/** Their total size gzipped (level 9, as Vite reports), in bytes. */
export function firstPageGzipBytes(dist: string): number {
  return firstPageScripts(dist).reduce(
    (sum, path) => sum + gzipSync(readFileSync(join(dist, path)), { level: 9 }).length,
    0,
  );
}
