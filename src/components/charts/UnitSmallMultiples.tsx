/**
 * Every unit's monthly share as a small chart on the same scale, so units compare at a glance,
 * followed by the unit ranking for the chosen months (the numbers of the charts).
 */
import { Bar, BarChart, Cell, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { formatMonth } from '../../format/date';
import { formatCount, formatPercent } from '../../format/number';
import { toPercent, type UnitSeries } from '../../kpi';
import { PrelMark } from '../tables/cells';
import { DataTable, type Column } from '../tables/DataTable';
import { COLORS, StripePattern } from './ShareBarChart';
import { Staggered, StaggeredList } from './Staggered';
import { memoOnData } from '../sameData';

interface Props {
  series: UnitSeries[];
  shareLabel: string;
  numeratorLabel: string;
  denominatorLabel: string;
  lowerIsBetter: boolean;
  period: string;
}

export const UnitSmallMultiples = memoOnData(function UnitSmallMultiples({
  series,
  shareLabel,
  numeratorLabel,
  denominatorLabel,
  lowerIsBetter,
  period,
}: Props) {
  const max = Math.max(
    10,
    Math.ceil(Math.max(0, ...series.flatMap((s) => s.months.map((m) => toPercent(m.share) ?? 0))) / 10) * 10,
  );
  const ranked = [...series].sort((a, b) => ((a.pooledShare ?? 2) - (b.pooledShare ?? 2)) * (lowerIsBetter ? 1 : -1));
  const rank = new Map(ranked.map((s, i) => [s.unit, i + 1]));
  const columns: Column<UnitSeries>[] = [
    { header: 'Plats', cell: (s) => rank.get(s.unit), numeric: true, sortValue: (s) => rank.get(s.unit) ?? 0 },
    {
      header: 'Enhet',
      cell: (s) => (
        <>
          {s.unit}
          {s.preliminary && <PrelMark />}
        </>
      ),
      rowHeader: true,
      sortValue: (s) => s.unit,
    },
    {
      header: denominatorLabel,
      cell: (s) => formatCount(s.denominator),
      numeric: true,
      sortValue: (s) => s.denominator,
    },
    { header: numeratorLabel, cell: (s) => formatCount(s.numerator), numeric: true, sortValue: (s) => s.numerator },
    {
      header: `${shareLabel}, sammanvägd`,
      cell: (s) => formatPercent(s.pooledShare),
      numeric: true,
      sortValue: (s) => s.pooledShare ?? -1,
    },
    {
      header: `${shareLabel}, medelvärde av månader`,
      cell: (s) => formatPercent(s.meanOfMonthlyShares),
      numeric: true,
      sortValue: (s) => s.meanOfMonthlyShares ?? -1,
    },
  ];
  return (
    <>
      <div className="multiples" role="group" aria-label={`${shareLabel} per månad för varje enhet, samma skala`}>
        <StaggeredList>
          {series.map((s, index) => (
            <div
              key={s.unit}
              className="multiple"
              role="img"
              aria-label={`${s.unit}: ${shareLabel.toLowerCase()} ${formatPercent(s.pooledShare)} sammanvägt`}
            >
              <div className="multiple-title">
                {s.unit}: {formatPercent(s.pooledShare)}
              </div>
              <Staggered>
                <ResponsiveContainer width="100%" height={110}>
                  <BarChart
                    data={s.months.map((m) => ({
                      label: formatMonth(m.month),
                      value: toPercent(m.share),
                      preliminary: m.preliminary,
                    }))}
                    margin={{ top: 4, right: 4, bottom: 0, left: 0 }}
                    accessibilityLayer={false}
                  >
                    <defs>
                      <StripePattern id={`stripes-unit-${index}`} color={COLORS.current} />
                    </defs>
                    <XAxis dataKey="label" hide />
                    <YAxis
                      domain={[0, max]}
                      width={34}
                      tick={{ fontSize: 10, fill: COLORS.text }}
                      tickFormatter={(v: number) => `${v}`}
                      ticks={[0, max / 2, max]}
                    />
                    <Bar dataKey="value" isAnimationActive={false}>
                      {s.months.map((m) => (
                        <Cell
                          key={m.month}
                          fill={m.preliminary ? `url(#stripes-unit-${index})` : COLORS.current}
                          stroke={COLORS.current}
                        />
                      ))}
                    </Bar>
                  </BarChart>
                </ResponsiveContainer>
              </Staggered>
            </div>
          ))}
        </StaggeredList>
      </div>
      <p className="hint">
        Alla enheter på samma skala, 0–{max} %. Randiga staplar är preliminära. Siffrorna finns i tabellen nedan.
      </p>
      <DataTable
        testId="unit-ranking"
        caption={`Enheter rangordnade efter ${shareLabel.toLowerCase()} (sammanvägd), ${period}; plats 1 = ${lowerIsBetter ? 'lägst' : 'högst'}`}
        columns={columns}
        rows={ranked}
        rowKey={(s) => s.unit}
        preliminary={(s) => s.preliminary}
      />
    </>
  );
});
