import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { firstPageGzipBytes, firstPageScripts } from '../../bench/firstPage';

/** A built site: an entry that imports React statically and a page with `import()`. */
function site(): string {
  const dist = mkdtempSync(join(tmpdir(), 'insyn-first-page-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(
    join(dist, 'index.html'),
    '<script type="module" crossorigin src="./assets/index-a.js"></script>\n' +
      '<link rel="modulepreload" crossorigin href="./assets/preloaded-b.js">\n' +
      '<link rel="stylesheet" crossorigin href="./assets/index-c.css">',
  );
  const files: Record<string, string> = {
    'index-a.js':
      'import{a as e,b as t}from"./react-d.js";import"./side-e.js";' +
      'const p=()=>import("./Page-f.js");export{e as x};',
    'preloaded-b.js': 'export const b=1;',
    'react-d.js': 'import{z}from"./scheduler-g.js";export const a=z,b=2;',
    'side-e.js': 'console.log(1);',
    'Page-f.js': 'import{a}from"./react-d.js";import{c}from"./recharts-h.js";export const Page=a+c;',
    'scheduler-g.js': 'export const z=3;',
    'recharts-h.js': 'export const c="' + 'x'.repeat(5000) + '";',
    'index-c.css': 'body{}',
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dist, 'assets', name), text);
  return dist;
}

describe('firstPageScripts', () => {
  it('returns the entry, its preloads and their static imports, but no chunk loaded by import()', () => {
    expect(firstPageScripts(site())).toEqual([
      'assets/index-a.js',
      'assets/preloaded-b.js',
      'assets/react-d.js',
      'assets/scheduler-g.js',
      'assets/side-e.js',
    ]);
  });
});

describe('firstPageGzipBytes', () => {
  it('returns the sum of their gzipped sizes, without the lazy page and its chunk', () => {
    const dist = site();
    const gz = (name: string) => gzipSync(readFileSync(join(dist, 'assets', name)), { level: 9 }).length;
    const expected = ['index-a.js', 'preloaded-b.js', 'react-d.js', 'scheduler-g.js', 'side-e.js'].map(gz);
    expect(firstPageGzipBytes(dist)).toBe(expected.reduce((a, b) => a + b, 0));
  });
});
