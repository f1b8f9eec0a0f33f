/** Orosanmälningar: the 14-day rule per month of receipt, reasons, volumes, breakdowns and periods. */
import { withYearOverYear } from '../../format/exports';
import { breakdowns, concernMonths, lateReasonsByYear, monthlyInTimeShare } from '../../kpi';
import type { Engine } from '../engine';
import type { ConcernView, ViewQuery } from '../types';
import {
  monthWindow,
  periodsOf,
  shown,
  sortedLabels,
  unitCodes,
  withVolume,
  withYearPeriod,
  yearOverYearIn,
} from './shared';

/** Orosanmälningar figures at an as-of date, for the chosen units and month range; null without reports. */
export function concernsView(engine: Engine, query: ViewQuery): ConcernView | null {
  const built = engine.concernCube(query.asOf, query.deadline);
  if (!built) return null;
  const codes = unitCodes(built.units, query.units);
  const sharesFor = (units?: readonly number[], sexes?: readonly number[]) =>
    concernMonths(built.cube, units, sexes).map(monthlyInTimeShare);
  const all = concernMonths(built.cube, codes);
  const shares = all.map(monthlyInTimeShare);
  const window = monthWindow(all, query);
  const yoy = yearOverYearIn(shares, query);
  return {
    ...window,
    ...breakdowns(
      built.units,
      codes,
      { sex: (sex) => sharesFor(codes, [sex]), units: (units) => units.map((unit) => sharesFor([unit])) },
      window.range,
    ),
    units: sortedLabels(built.units),
    ...withVolume(withYearOverYear(shown(window.months, window), yoy), all),
    yearOverYear: yoy,
    ...withYearPeriod(periodsOf(shares, query), query),
    reasons: lateReasonsByYear(built.cube, built.reasons, codes),
    hasProtective: built.cube.hasProtective,
    hasDecision: built.hasDecision,
    hasReasons: built.hasReasons,
  };
}
