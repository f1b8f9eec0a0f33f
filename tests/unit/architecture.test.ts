/**
 * The import direction of DESIGN.md, checked on the source: app → features → components, and
 * features → data → engine → import → kpi; format serves all of them and imports only kpi;
 * components never import data, engine or import, and pages never import engine or import (they
 * take view types from data). kpi imports nothing of ours but itself, and no React, DOM or I/O library.
 * Pages arrange only: no arithmetic in features/ (figures come from the views, words from format/).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import ts from 'typescript';
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
  format: ['format', 'kpi'],
  engine: ['engine', 'import', 'format', 'kpi'],
  data: ['data', 'engine', 'import', 'format', 'kpi'],
  components: ['components', 'format', 'kpi'],
  features: ['features', 'components', 'data', 'format', 'kpi'],
  app: ['app', 'features', 'components', 'data', 'format', 'kpi'],
  cli: ['cli', 'engine', 'import', 'format', 'kpi'],
};

describe('module boundaries', () => {
  it('every import goes the allowed direction', () => {
    expect(Object.keys(LAYERS).sort()).toEqual(
      [...new Set(sources.map((s) => layer(s.path)).filter((l) => !/\.tsx?$/.test(l)))].sort(),
    );
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

/**
 * The arithmetic in a source file, found on its syntax tree (so words in JSX text and comments never
 * count): `+ - * / %` and their assignments between numbers (a `+` with a string on either side joins
 * text and is not counted), any `Math.*` call, and `.reduce(`. Returns the source text of each.
 */
const ARITHMETIC_OPERATORS = new Set([
  ts.SyntaxKind.PlusToken,
  ts.SyntaxKind.MinusToken,
  ts.SyntaxKind.AsteriskToken,
  ts.SyntaxKind.SlashToken,
  ts.SyntaxKind.PercentToken,
  ts.SyntaxKind.AsteriskAsteriskToken,
  ts.SyntaxKind.PlusEqualsToken,
  ts.SyntaxKind.MinusEqualsToken,
  ts.SyntaxKind.AsteriskEqualsToken,
  ts.SyntaxKind.SlashEqualsToken,
]);
const isText = (node: ts.Node) => ts.isStringLiteral(node) || ts.isTemplateLiteral(node);
function arithmeticIn(text: string): string[] {
  const file = ts.createSourceFile('x.tsx', text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (
      (ts.isBinaryExpression(node) &&
        ARITHMETIC_OPERATORS.has(node.operatorToken.kind) &&
        !(node.operatorToken.kind === ts.SyntaxKind.PlusToken && (isText(node.left) || isText(node.right)))) ||
      (ts.isCallExpression(node) &&
        ts.isPropertyAccessExpression(node.expression) &&
        ((ts.isIdentifier(node.expression.expression) && node.expression.expression.text === 'Math') ||
          node.expression.name.text === 'reduce'))
    ) {
      found.push(node.getText(file));
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('pages arrange only', () => {
  const arithmetic = sources
    .filter((s) => layer(s.path) === 'features')
    .map((s) => ({ path: s.path, found: arithmeticIn(s.text) }))
    .filter((s) => s.found.length > 0);

  it('the check finds arithmetic in code and none in text', () => {
    const code =
      'const a = r.late / r.started; const b = share * 100; f(month - 12); Math.round(x); xs.reduce((s, x) => s, 0); n += 1;';
    expect(arithmeticIn(code)).toEqual([
      'r.late / r.started',
      'share * 100',
      'month - 12',
      'Math.round(x)',
      'xs.reduce((s, x) => s, 0)',
      'n += 1',
    ]);
    const text =
      "// a - 1\nconst p = <p>startdatum + 4 kalendermånader {x ? 'a' : 'b'}</p>; const s = 'a' + b + `c`; const t = a && b;";
    expect(arithmeticIn(text)).toEqual([]);
  });

  it('no page computes a figure', () => {
    expect(arithmetic).toEqual([]);
  });
});
