/** Utredningstid: the four-month rule per start month, its breakdowns, year-over-year and periods. */
import { withYearOverYear } from '../../format/exports';
import { breakdowns, monthlyCohorts, monthlyLateShare, type CubeFilter } from '../../kpi';
import type { Engine } from '../engine';
import type { InvestigationView, ViewQuery } from '../types';
import { monthWindow, periodsOf, shown, sortedLabels, unitCodes, withYearPeriod, yearOverYearIn } from './shared';

/** Investigation figures at an as-of date, for the chosen units and month range; null without investigations. */
export function investigationsView(engine: Engine, query: ViewQuery): InvestigationView | null {
  const built = engine.investigationCube(query.asOf, query.deadline);
  if (!built) return null;
  const units = unitCodes(built.units, query.units);
  const sharesFor = (filter: CubeFilter) => monthlyCohorts(built.cube, filter).map(monthlyLateShare);
  const all = monthlyCohorts(built.cube, { units });
  const shares = all.map(monthlyLateShare);
  const window = monthWindow(all, query);
  const yoy = yearOverYearIn(shares, query);
  return {
    ...window,
    ...breakdowns(
      built.units,
      units,
      {
        sex: (sex) => sharesFor({ units, sexes: [sex] }),
        units: (codes) => codes.map((unit) => sharesFor({ units: [unit] })),
      },
      window.range,
    ),
    units: sortedLabels(built.units),
    rows: withYearOverYear(shown(window.months, window), yoy),
    total: window.months.reduce((sum, m) => sum + m.started, 0),
    yearOverYear: yoy,
    ...withYearPeriod(periodsOf(shares, query), query),
    orphanExtensions: built.orphans,
    extensionSource: built.source,
  };
}
