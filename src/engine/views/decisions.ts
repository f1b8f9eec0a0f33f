/** Verkställighet: the three-month rule per month and quarter of decision, by insats and by unit. */
import {
  breakdowns,
  decisionBreakdown,
  decisionMonths,
  decisionMonthsByUnit,
  decisionQuarters,
  latestCompleteQuarter,
  monthlyLateExecutionShare,
  quarterOfDay,
  quartersNewestFirst,
} from '../../kpi';
import type { Engine } from '../engine';
import type { DecisionView, ViewQuery } from '../types';
import { monthWindow, periodsOf, shown, sortedLabels, unitCodes, withYearPeriod, yearOverYearIn } from './shared';

/** Verkställighet figures at an as-of date, for the chosen units and month range; null without decisions. */
export function decisionsView(engine: Engine, query: ViewQuery): DecisionView | null {
  const built = engine.decisionCube(query.asOf, query.deadline);
  if (!built) return null;
  const filter = { units: unitCodes(built.units, query.units) };
  const all = decisionMonths(built.cube, filter);
  const shares = all.map(monthlyLateExecutionShare);
  const window = monthWindow(all, query);
  const { from, to } = window.range;
  const lastQuarter = quarterOfDay(query.asOf);
  return {
    ...window,
    ...breakdowns(
      built.units,
      filter.units,
      {
        sex: (sex) => decisionMonths(built.cube, { ...filter, sexes: [sex] }).map(monthlyLateExecutionShare),
        units: (codes) =>
          decisionMonthsByUnit(built.cube, codes).map((months) => months.map(monthlyLateExecutionShare)),
      },
      window.range,
    ),
    units: sortedLabels(built.units),
    rows: shown(window.months, window),
    total: window.months.reduce((sum, m) => sum + m.decisions, 0),
    yearOverYear: yearOverYearIn(shares, query),
    ...withYearPeriod(periodsOf(shares, query), query),
    // Every quarter can show the same quarter a year earlier; listed are those the shown months touch.
    quarters: decisionQuarters(built.cube, filter, from, to),
    byIntervention: decisionBreakdown(built.cube, 'intervention', built.interventions, filter, from, to),
    byUnit: decisionBreakdown(built.cube, 'unit', built.units, filter, from, to),
    lateByMonth: shares.map((s) => ({ month: s.month, value: s.numerator })),
    // An extract of only the not-executed decisions has no decision executed in time.
    onlyNotExecuted: all.some((m) => m.decisions > 0) && all.every((m) => m.executedInTime === 0),
    hasInterruptions: built.table.present.includes('avbrottsdatum'),
    lastQuarter,
    quarterChoices: quartersNewestFirst(window.firstMonth ?? 0, lastQuarter).map((quarter) => ({
      quarter,
      running: quarter === lastQuarter && latestCompleteQuarter(query.asOf) !== quarter,
    })),
  };
}
