/** The two breakdowns every indicator page has: pojkar/flickor with a test, and every unit. */
import { UnitSmallMultiples } from '../charts/UnitSmallMultiples';
import type { SexComparison, UnitSeries } from '../../kpi';
import { memoOnData } from '../sameData';
import { SexComparisonTable } from './SexComparisonTable';

interface Props {
  bySex: SexComparison;
  byUnit: UnitSeries[];
  shareLabel: string;
  numeratorLabel: string;
  denominatorLabel: string;
  lowerIsBetter: boolean;
  period: string;
}

export const Breakdowns = memoOnData(function Breakdowns({ bySex, byUnit, lowerIsBetter, ...labels }: Props) {
  return (
    <>
      <h2>Pojkar och flickor</h2>
      <SexComparisonTable comparison={bySex} {...labels} />
      <h2>Enheter</h2>
      <UnitSmallMultiples series={byUnit} lowerIsBetter={lowerIsBetter} {...labels} />
    </>
  );
});
