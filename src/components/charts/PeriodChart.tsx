/** The same span of months for each year: both averages side by side, labelled. */
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatPercent } from '../../format/number';
import { ChartFrame } from './ChartFrame';
import { COLORS } from './ShareBarChart';
import { memoOnData } from '../sameData';

export interface PeriodBarRow {
  label: string;
  /** Percent 0–100. */
  mean: number | null;
  pooled: number | null;
}

interface Props {
  rows: PeriodBarRow[];
  title: string;
  pooledName: string;
}

export const PeriodChart = memoOnData(function PeriodChart({ rows, title, pooledName }: Props) {
  const label = (v: unknown) => (typeof v === 'number' ? formatPercent(v / 100) : '');
  return (
    <ChartFrame
      title={title}
      legend={[
        { label: 'Medelvärde av månadsandelar', color: COLORS.current },
        { label: pooledName, color: COLORS.previous },
      ]}
    >
      <ResponsiveContainer width="100%" height={280}>
        <BarChart data={rows} margin={{ top: 24, right: 8, bottom: 8, left: 0 }}>
          <CartesianGrid vertical={false} stroke={COLORS.grid} />
          <XAxis dataKey="label" tick={{ fill: COLORS.text, fontSize: 12 }} />
          {/* Whole percents only: with shares of a few percent, ticks at 0,6 % steps all read "1 %" or "2 %". */}
          <YAxis
            allowDecimals={false}
            tickFormatter={(v: number) => formatPercent(v / 100)}
            tick={{ fill: COLORS.text, fontSize: 12 }}
            width={52}
          />
          <Tooltip formatter={(v) => label(v)} />
          <Bar dataKey="mean" name="Medelvärde av månadsandelar" fill={COLORS.current} isAnimationActive={false}>
            <LabelList dataKey="mean" position="top" formatter={label} fill={COLORS.text} fontSize={11} />
          </Bar>
          <Bar dataKey="pooled" name={pooledName} fill={COLORS.previous} isAnimationActive={false}>
            <LabelList dataKey="pooled" position="top" formatter={label} fill={COLORS.text} fontSize={11} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
});
