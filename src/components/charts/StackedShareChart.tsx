/**
 * 100 % stacked bars: how a whole (e.g. the late reports of a year) divides into categories.
 * Every segment carries its percent as text, in legend order, so colour is not the only cue.
 */
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatPercent } from '../../format/number';
import { toPercent } from '../../kpi';
import { ChartFrame } from './ChartFrame';
import { COLORS } from './ShareBarChart';
import { memoOnData } from '../sameData';

export interface StackedRow {
  label: string;
  /** Percent 0–100 per category key. */
  [category: string]: number | string;
}

/**
 * Shares (0–1) of categories within groups → one bar per group, in order of first appearance, with
 * the categories as they first appear.
 * @example stackedShareRows([{ group: '2025', category: 'Semester', share: 0.6 }]) // { categories: ['Semester'], rows: [{ label: '2025', Semester: 60 }] }
 */
export function stackedShareRows(parts: readonly { group: string; category: string; share: number }[]): {
  categories: string[];
  rows: StackedRow[];
} {
  const categories = [...new Set(parts.map((p) => p.category))];
  const rows = new Map<string, StackedRow>();
  for (const { group, category, share } of parts) {
    const row = rows.get(group) ?? { label: group };
    row[category] = toPercent(share) ?? 0;
    rows.set(group, row);
  }
  return { categories, rows: [...rows.values()] };
}

const PALETTE = ['#1d4e89', '#8c6d1f', '#2f7d4a', '#7a2e8e', '#a4161a', '#4f5761'];

export const StackedShareChart = memoOnData(function StackedShareChart({
  rows,
  categories,
  title,
}: {
  rows: StackedRow[];
  categories: string[];
  title: string;
}) {
  const label = (v: unknown) => (typeof v === 'number' && v >= 6 ? formatPercent(v / 100) : '');
  return (
    <ChartFrame
      title={title}
      legend={categories.map((category, i) => ({ label: category, color: PALETTE[i % PALETTE.length] }))}
    >
      <ResponsiveContainer width="100%" height={Math.max(180, 60 + rows.length * 44)}>
        <BarChart data={rows} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid horizontal={false} stroke={COLORS.grid} />
          <XAxis
            type="number"
            domain={[0, 100]}
            tickFormatter={(v: number) => formatPercent(v / 100)}
            tick={{ fill: COLORS.text, fontSize: 12 }}
          />
          <YAxis type="category" dataKey="label" tick={{ fill: COLORS.text, fontSize: 12 }} width={56} />
          <Tooltip formatter={(v) => (typeof v === 'number' ? formatPercent(v / 100) : '–')} />
          {categories.map((category, i) => (
            <Bar
              key={category}
              dataKey={category}
              name={category}
              stackId="all"
              fill={PALETTE[i % PALETTE.length]}
              isAnimationActive={false}
            >
              <LabelList dataKey={category} position="center" formatter={label} fill="#ffffff" fontSize={12} />
            </Bar>
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
});
