/**
 * Charts and tables redrawn only when what they draw changes (issue 12). A filter change renders the
 * page at once with the figures it shows (the new ones are on their way from the worker); before,
 * every chart and table was drawn again then with the same figures, and the charts' redraws ran ahead
 * of the new figures. Props are compared as data: equal numbers, strings, arrays and plain objects
 * are the same however often they were rebuilt; functions, React elements and other objects only
 * when they are the very same one (so a new callback or element always redraws).
 */
import { memo, type ComponentType } from 'react';

/**
 * Structural equality of plain data; anything that is not a primitive, an array or a plain object
 * (a function, a React element, a Date, a Map, a typed array) equals only itself.
 * @example sameData({ rows: [{ month: 1, details: ['a'] }] }, { rows: [{ month: 1, details: ['a'] }] }) // true
 * @example sameData({ onClick: () => 1 }, { onClick: () => 1 }) // false
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
    return true;
  }
  if (!isPlainData(a) || !isPlainData(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  for (const key of keys) if (!Object.hasOwn(right, key) || !sameData(left[key], right[key])) return false;
  return true;
}

/** A plain object that is not a React element (those are plain objects too, marked `$$typeof`). */
function isPlainData(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return (proto === Object.prototype || proto === null) && !('$$typeof' in value);
}

/** The component, drawn again only when its props differ as data (`sameData`). */
export function memoOnData<P extends object>(component: ComponentType<P>) {
  return memo(component, sameData);
}
