/**
 * The controls every page shares, read from the URL: as-of date, units, month range, period
 * comparison span, the holiday-shift setting, the IVO quarter and the reopening window.
 */
import { useMemo } from 'react';
import type { ViewQuery } from '../engine/types';
import { latestCompleteQuarter, NO_DATE } from '../kpi';
import { useAsOf } from './published';
import { readUrlParams } from './urlSchema';
import { useUrlState } from './urlState';

export function useViewFilters() {
  const [params, setParams] = useUrlState();
  const { asOf, source } = useAsOf();
  const url = readUrlParams(params);
  const { units, shiftToWorkingDay, reopenWindow } = url;
  const { from: periodFrom, to: periodTo } = url.period;
  const unitsKey = units.join('\u0000');
  const fromMonth = url.fromMonth ?? undefined;
  const toMonth = url.toMonth ?? undefined;
  /** The IVO list's quarter: the chosen one, else the latest that has ended at the as-of date. */
  const quarter = url.quarter ?? (asOf === NO_DATE ? null : latestCompleteQuarter(asOf));
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
