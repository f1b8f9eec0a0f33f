/**
 * The controls every indicator page shares, read from the URL: as-of date, units, month range,
 * period comparison span, and the holiday-shift setting.
 */
import { useMemo } from 'react';
import type { ViewQuery } from '../import/workspace';
import { isoMonth, NO_DATE, parseIsoMonth, type MonthIndex } from '../kpi';
import { useAsOf } from './queries';
import { useUrlState } from './urlState';

/** Months shown by default: the latest twelve. */
export const DEFAULT_SPAN = 12;

export function useViewFilters() {
  const [params, setParams] = useUrlState();
  const { asOf, source } = useAsOf();
  const [from, to] = (params.get('period') ?? '1-6').split('-').map(Number);
  const periodFrom = from >= 1 && from <= 12 ? from : 1;
  const periodTo = to >= 1 && to <= 12 ? to : 6;
  const units = params.getAll('enhet');
  const unitsKey = units.join('\u0000');
  /** The worker query; stable while the choices are, so TanStack Query keys stay equal. */
  const query = useMemo<ViewQuery | null>(
    () => (asOf === NO_DATE ? null : { asOf, units: unitsKey ? unitsKey.split('\u0000') : [], periodFrom, periodTo }),
    [asOf, unitsKey, periodFrom, periodTo],
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
    shiftToWorkingDay: params.get('helgflytt') === '1',
  };
}

/** The chosen month range, defaulting to the latest DEFAULT_SPAN months of the data. */
export function monthRange(params: URLSearchParams, firstMonth: MonthIndex, lastMonth: MonthIndex) {
  const from = parseIsoMonth(params.get('fran') ?? '') ?? Math.max(firstMonth, lastMonth - DEFAULT_SPAN + 1);
  const to = parseIsoMonth(params.get('till') ?? '') ?? lastMonth;
  return { from, to, label: `${isoMonth(from)}–${isoMonth(to)}` };
}
