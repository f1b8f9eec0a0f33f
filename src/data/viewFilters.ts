/**
 * The controls every indicator page shares, read from the URL: as-of date, units, month range,
 * period comparison span, and the holiday-shift setting.
 */
import { useMemo } from 'react';
import { resolveMonthRange, type ViewQuery } from '../import/workspace';
import { NO_DATE, parseIsoMonth, type MonthIndex } from '../kpi';
import { useAsOf } from './queries';
import { useUrlState } from './urlState';

export function useViewFilters() {
  const [params, setParams] = useUrlState();
  const { asOf, source } = useAsOf();
  const [from, to] = (params.get('period') ?? '1-6').split('-').map(Number);
  const periodFrom = from >= 1 && from <= 12 ? from : 1;
  const periodTo = to >= 1 && to <= 12 ? to : 6;
  const units = params.getAll('enhet');
  const unitsKey = units.join('\u0000');
  const { fromMonth, toMonth } = urlMonths(params);
  /** The worker query; stable while the choices are, so TanStack Query keys stay equal. */
  const shiftToWorkingDay = params.get('helgflytt') === '1';
  /** As-of date, units and the deadline setting: what every page's query starts from. */
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
  };
}

/** The chosen month range of the URL, defaulting to the latest months of the data. */
export function monthRange(params: URLSearchParams, firstMonth: MonthIndex, lastMonth: MonthIndex) {
  return resolveMonthRange(urlMonths(params), firstMonth, lastMonth);
}

function urlMonths(params: URLSearchParams) {
  return {
    fromMonth: parseIsoMonth(params.get('fran') ?? '') ?? undefined,
    toMonth: parseIsoMonth(params.get('till') ?? '') ?? undefined,
  };
}
