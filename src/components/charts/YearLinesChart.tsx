/**
 * One line per year over the calendar months (January–December), to compare years at a glance:
 * volumes that keep rising, or a summer pattern. Lines differ in dash and marker as well as colour.
 */
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { monthName } from '../../format/date';
import { formatCount, formatNumber } from '../../format/number';
import { monthOfYear, yearOfMonth, type MonthIndex } from '../../kpi';
import { ChartFrame } from './ChartFrame';
import { COLORS } from './ShareBarChart';
import { memoOnData } from '../sameData';

export interface YearLinesRow {
  label: string;
  [year: string]: number | string | null;
}

const PALETTE = ['#9aa3ad', '#6b7280', '#8c6d1f', '#2f7d4a', '#7a2e8e', '#1d4e89'];
const DASHES = ['2 3', '6 3', '10 3 2 3', '4 2', '8 2', ''];

export const YearLinesChart = memoOnData(function YearLinesChart({
  rows,
  years,
  title,
  unit,
}: {
  rows: YearLinesRow[];
  years: number[];
  title: string;
  unit: string;
}) {
  const recent = years.slice(-PALETTE.length);
  const styleOf = (i: number) => PALETTE.length - recent.length + i;
  // A count hidden in a published package (NaN) is a gap in its line; the tooltip says it is hidden.
  const data = rows.map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([key, v]) => [key, typeof v === 'number' && Number.isNaN(v) ? null : v]),
    ),
  );
  const hidden = (label: unknown, year: string) => {
    const value = rows.find((r) => r.label === label)?.[year];
    return typeof value === 'number' && Number.isNaN(value);
  };
  return (
    <ChartFrame
      title={title}
      legend={recent.map((year, i) => ({ label: String(year), color: PALETTE[styleOf(i)], dash: DASHES[styleOf(i)] }))}
    >
      <ResponsiveContainer width="100%" height={300}>
        <LineChart data={data} margin={{ top: 16, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid vertical={false} stroke={COLORS.grid} />
          <XAxis dataKey="label" tick={{ fill: COLORS.text, fontSize: 12 }} />
          <YAxis tickFormatter={(v: number) => formatNumber(v)} tick={{ fill: COLORS.text, fontSize: 12 }} width={56} />
          <Tooltip
            formatter={(v, name, item) =>
              typeof v === 'number'
                ? `${formatNumber(v)} ${unit}`
                : hidden((item.payload as YearLinesRow | undefined)?.label, String(name))
                  ? formatCount(NaN)
                  : '–'
            }
          />
          {recent.map((year, i) => {
            const style = styleOf(i);
            return (
              <Line
                key={year}
                dataKey={String(year)}
                name={String(year)}
                stroke={PALETTE[style]}
                strokeDasharray={DASHES[style]}
                strokeWidth={i === recent.length - 1 ? 3 : 2}
                dot={{ r: i === recent.length - 1 ? 4 : 2 }}
                connectNulls={false}
                isAnimationActive={false}
              />
            );
          })}
        </LineChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
});

/** Monthly values → one row per calendar month with a column per year, plus each year's total. */
export function yearLinesRows(values: readonly { month: MonthIndex; value: number }[]) {
  const years = [...new Set(values.map((v) => yearOfMonth(v.month)))].sort((a, b) => a - b);
  const rows: YearLinesRow[] = Array.from({ length: 12 }, (_, i) => ({ label: monthName(i + 1).slice(0, 3) }));
  for (const { month, value } of values) rows[monthOfYear(month) - 1][String(yearOfMonth(month))] = value;
  const totals = years.map((year) =>
    values.filter((v) => yearOfMonth(v.month) === year).reduce((s, v) => s + v.value, 0),
  );
  return { years, rows, totals };
}
