/**
 * The import direction of DESIGN.md, checked on the source: app → features → components/data →
 * import/format → kpi. kpi imports nothing of ours but itself, and no React, DOM or I/O library.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve('src');
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}
const sources = files(SRC).map((path) => ({ path: relative(SRC, path), text: readFileSync(path, 'utf8') }));
const importsOf = (text: string) =>
  [...text.matchAll(/^\s*(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]);
const layer = (path: string) => path.split('/')[0];
const LAYERS: Record<string, string[]> = {
  kpi: ['kpi'],
  import: ['import', 'format', 'kpi'],
  format: ['format', 'import', 'kpi'],
  engine: ['engine', 'import', 'format', 'kpi'],
  data: ['data', 'import', 'format', 'kpi'],
  components: ['components', 'data', 'format', 'import', 'kpi'],
  features: ['features', 'components', 'data', 'format', 'import', 'kpi'],
  app: ['app', 'features', 'components', 'data', 'format', 'import', 'kpi'],
  cli: ['cli', 'format', 'import', 'kpi'],
};

describe('module boundaries', () => {
  it('every import goes the allowed direction', () => {
    const violations: string[] = [];
    for (const { path, text } of sources) {
      for (const spec of importsOf(text)) {
        if (!spec.startsWith('.')) continue;
        const target = relative(SRC, resolve(SRC, dirname(path), spec));
        const allowed = LAYERS[layer(path)] ?? [];
        if (!allowed.includes(layer(target))) violations.push(`${path} → ${target}`);
        // No cross-feature imports.
        if (layer(path) === 'features' && layer(target) === 'features' && path.split('/')[1] !== target.split('/')[1])
          violations.push(`${path} → ${target}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('kpi, import, engine and format use no React, DOM rendering, charts, query cache or Node I/O', () => {
    const banned = /^(react|react-dom|recharts|@tanstack\/|node:|fs$|path$)/;
    const offenders = sources
      .filter((s) => ['kpi', 'import', 'engine', 'format'].includes(layer(s.path)))
      .flatMap((s) =>
        importsOf(s.text)
          .filter((spec) => banned.test(spec))
          .map((spec) => `${s.path}: ${spec}`),
      );
    expect(offenders).toEqual([]);
  });

  it('kpi imports only date-fns from outside and never reads the clock', () => {
    const kpi = sources.filter((s) => layer(s.path) === 'kpi');
    expect(
      kpi.flatMap((s) => importsOf(s.text).filter((spec) => !spec.startsWith('.') && !spec.startsWith('date-fns'))),
    ).toEqual([]);
    expect(kpi.filter((s) => /new Date\(|Date\.now\(/.test(s.text)).map((s) => s.path)).toEqual([]);
    expect(kpi.filter((s) => /:\s*any\b|as any\b|<any>/.test(s.text)).map((s) => s.path)).toEqual([]);
  });

  it('the app makes no request to another origin (no absolute URLs in code)', () => {
    const offenders = sources
      .filter((s) => /(fetch|import|src=|href=)\s*\(?\s*['"`]https?:\/\//.test(s.text))
      .map((s) => s.path);
    expect(offenders).toEqual([]);
  });
});
