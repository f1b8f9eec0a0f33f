/**
 * The controls every page shares, read from the URL: as-of date, units, month range, period
 * comparison span, the holiday-shift setting, the IVO quarter and the reopening window.
 */
import { useMemo } from 'react';
import type { ViewQuery } from '../engine/types';
import { DEFAULT_PERIOD, latestCompleteQuarter, NO_DATE, parseIsoMonth, parseQuarter } from '../kpi';
import { useAsOf } from './published';
import { useUrlState } from './urlState';

/** Days between closing and reopening that the watch page flags by default. */
const DEFAULT_REOPEN_WINDOW = 30;

export function useViewFilters() {
  const [params, setParams] = useUrlState();
  const { asOf, source } = useAsOf();
  const [from, to] = (params.get('period') ?? `${DEFAULT_PERIOD.from}-${DEFAULT_PERIOD.to}`).split('-').map(Number);
  const periodFrom = from >= 1 && from <= 12 ? from : DEFAULT_PERIOD.from;
  const periodTo = to >= 1 && to <= 12 ? to : DEFAULT_PERIOD.to;
  const units = params.getAll('enhet');
  const unitsKey = units.join('\u0000');
  const fromMonth = parseIsoMonth(params.get('fran') ?? '') ?? undefined;
  const toMonth = parseIsoMonth(params.get('till') ?? '') ?? undefined;
  const shiftToWorkingDay = params.get('helgflytt') === '1';
  /** The IVO list's quarter: the chosen one, else the latest that has ended at the as-of date. */
  const quarter = parseQuarter(params.get('kvartal') ?? '') ?? (asOf === NO_DATE ? null : latestCompleteQuarter(asOf));
  const reopenWindow = Math.max(0, Number(params.get('aterinom') ?? DEFAULT_REOPEN_WINDOW) || DEFAULT_REOPEN_WINDOW);
  /** As-of date, units and the deadline setting: what every page's query starts from. Stable while the choices are, so TanStack Query keys stay equal. */
  const baseQuery = useMemo<ViewQuery | null>(
    () =>
      asOf === NO_DATE
        ? null
        : { asOf, units: unitsKey ? unitsKey.split('\u0000') : [], deadline: { shiftToWorkingDay } },
    [asOf, unitsKey, shiftToWorkingDay],
  );
  /** The indicator pages' query: the base plus month range and period span. */
  const query = useMemo<ViewQuery | null>(
    () => (baseQuery ? { ...baseQuery, fromMonth, toMonth, periodFrom, periodTo } : null),
    [baseQuery, fromMonth, toMonth, periodFrom, periodTo],
  );
  return {
    params,
    setParams,
    asOf,
    asOfSource: source,
    units,
    periodFrom,
    periodTo,
    query,
    baseQuery,
    shiftToWorkingDay,
    quarter,
    reopenWindow,
  };
}
