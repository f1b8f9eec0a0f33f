/**
 * Extensions (förlängningar) of the four-month deadline: which decision counts, how decisions from a
 * förlängningar file and from the investigation rows join onto the investigations, and whether an
 * extended investigation also ran past its extended date (`forlangd_till`).
 */
import { NO_DATE, type DayNumber } from './calendar';
import { rowsById } from './idIndex';

/**
 * An extension counts only when decided on or before the deadline; a later decision does not.
 * @example extensionCounts(day('2025-05-10'), day('2025-05-10')) // true
 */
export function extensionCounts(firstExtension: DayNumber, deadline: DayNumber): boolean {
  return firstExtension !== NO_DATE && firstExtension <= deadline;
}

/**
 * Whether an extended investigation also ran past its extended date (`forlangd_till`):
 * finished after it, or still open at an as-of date after it.
 * @example passedExtendedDate(day('2025-09-30'), NO_DATE, day('2025-10-01')) // true
 */
export function passedExtendedDate(extendedTo: DayNumber, end: DayNumber, asOf: DayNumber): boolean {
  if (extendedTo === NO_DATE) return false;
  return end === NO_DATE ? asOf > extendedTo : end > extendedTo;
}

/** Extension decisions as typed columns. */
export interface ExtensionColumns {
  count: number;
  investigationId: readonly string[];
  decided: Int32Array;
  extendedTo: Int32Array;
}

/**
 * Joins extension decisions onto investigations by `utredning_id`: per investigation the earliest
 * decision (the one that can count, if any can) and the latest `forlangd_till`. Extensions whose
 * id matches no investigation are returned in `orphanRows` so the UI can say so.
 * Decisions after the as-of date are left out: they had not happened at the as-of date.
 */
export function joinExtensions(
  investigationIds: readonly string[],
  extensions: ExtensionColumns,
  asOf: DayNumber,
): { firstExtension: Int32Array; extendedTo: Int32Array; orphanRows: number[] } {
  // Indexed by the extensions' ids (the smaller side, its table stays in the cache); each
  // investigation looks its id up once and takes every extension row of it.
  const { index, next: nextOfId } = rowsById(extensions.investigationId, extensions.count);
  const matched = new Uint8Array(extensions.count);
  const firstExtension = new Int32Array(investigationIds.length).fill(NO_DATE);
  const extendedTo = new Int32Array(investigationIds.length).fill(NO_DATE);
  for (let investigation = 0; investigation < investigationIds.length; investigation++) {
    for (let row = index.find(investigationIds[investigation]); row >= 0; row = nextOfId[row]) {
      matched[row] = 1;
      const decided = extensions.decided[row];
      if (decided > asOf) continue;
      if (firstExtension[investigation] === NO_DATE || decided < firstExtension[investigation])
        firstExtension[investigation] = decided;
      const to = extensions.extendedTo[row];
      if (to !== NO_DATE && (extendedTo[investigation] === NO_DATE || to > extendedTo[investigation]))
        extendedTo[investigation] = to;
    }
  }
  const orphanRows: number[] = [];
  for (let row = 0; row < extensions.count; row++) if (!matched[row]) orphanRows.push(row);
  return { firstExtension, extendedTo, orphanRows };
}

/**
 * Adds extensions carried on the investigation rows (`forlangning_beslutsdatum`, `forlangd_till`)
 * to the joined ones, in place: the earlier decision and the later extended date win.
 * @example mergeRowExtensions(joined, inlineDecided, inlineTo) // joined.firstExtension[i] = min of both
 */
export function mergeRowExtensions(
  joined: { firstExtension: Int32Array; extendedTo: Int32Array },
  decided: Int32Array,
  extendedTo: Int32Array,
): void {
  for (let i = 0; i < decided.length; i++) {
    if (decided[i] !== NO_DATE && (joined.firstExtension[i] === NO_DATE || decided[i] < joined.firstExtension[i]))
      joined.firstExtension[i] = decided[i];
    if (extendedTo[i] !== NO_DATE && extendedTo[i] > joined.extendedTo[i]) joined.extendedTo[i] = extendedTo[i];
  }
}
