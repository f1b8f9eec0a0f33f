/**
 * Bars of a monthly share with the same month a year earlier beside it. Draws ready-made rows
 * only. Preliminary months are striped and labelled "prel." (never colour alone); the numbers
 * are in the table that accompanies every use of this chart.
 */
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { XAxisTickContentProps } from 'recharts/types/util/types';
import { formatPercent } from '../../format/number';
import { toPercent } from '../../kpi';
import { ChartFrame } from './ChartFrame';
import { COLORS } from './colors';
import { memoOnData } from '../sameData';

export interface ShareBarRow {
  key: string;
  label: string;
  /** The share 0–1, or null when nothing to show. */
  current: number | null;
  /** The same month (or quarter) a year earlier, 0–1. */
  previous: number | null;
  preliminary: boolean;
  previousPreliminary: boolean;
  /** Lines for the tooltip, e.g. "107 av 531 sena". */
  details: string[];
}

interface Props {
  rows: ShareBarRow[];
  currentName: string;
  previousName: string;
  title: string;
  /** Why a striped month may still change, e.g. "pågående utredningar kvar". */
  preliminaryNote: string;
}

/** Diagonal stripes of a colour on white: how every chart draws a preliminary value. */
export function StripePattern({ id, color }: { id: string; color: string }) {
  return (
    <pattern id={id} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
      <rect width="6" height="6" fill="#ffffff" />
      <rect width="3" height="6" fill={color} />
    </pattern>
  );
}

export { COLORS };

export const ShareBarChart = memoOnData(function ShareBarChart({
  rows,
  currentName,
  previousName,
  title,
  preliminaryNote,
}: Props) {
  // Drawn in percent, so the axis ticks are whole percents.
  const data = rows.map((row) => ({
    ...row,
    current: toPercent(row.current),
    previous: toPercent(row.previous),
    prelLabel: row.preliminary ? 'prel.' : '',
  }));
  // The axis top: the next multiple of 10 % above the highest bar, at least 10 %; ticks at fifths (whole percents).
  const top = Math.max(10, Math.ceil(Math.max(0, ...data.flatMap((r) => [r.current ?? 0, r.previous ?? 0])) / 10) * 10);
  return (
    <ChartFrame
      title={title}
      legend={[
        { label: currentName, color: COLORS.current },
        { label: previousName, color: COLORS.previous },
        { label: `Randig stapel och ”prel.” = preliminär: ${preliminaryNote}`, color: COLORS.current, striped: true },
      ]}
    >
      <ResponsiveContainer width="100%" height={340}>
        <BarChart data={data} margin={{ top: 24, right: 8, bottom: 8, left: 0 }} barGap={1}>
          <defs>
            <StripePattern id="stripes-current" color={COLORS.current} />
            <StripePattern id="stripes-previous" color={COLORS.previous} />
          </defs>
          <CartesianGrid vertical={false} stroke={COLORS.grid} />
          <XAxis
            dataKey="label"
            height={40}
            interval={rows.length <= 14 ? 0 : 'preserveStartEnd'}
            minTickGap={4}
            tick={({ x: rawX, y: rawY, payload, index }: XAxisTickContentProps) => {
              const x = Number(rawX);
              const y = Number(rawY);
              // "prel." goes on a line of its own so that every month keeps its label.
              return (
                <text x={x} y={y + 4} textAnchor="middle" fill={COLORS.text} fontSize={12}>
                  <tspan x={x} dy="0.71em">
                    {String(payload.value)}
                  </tspan>
                  {rows[index]?.preliminary && (
                    <tspan x={x} dy="1.2em" fontWeight={700}>
                      prel.
                    </tspan>
                  )}
                </text>
              );
            }}
          />
          <YAxis
            tickFormatter={(v: number) => formatPercent(v / 100)}
            tick={{ fill: COLORS.text, fontSize: 12 }}
            width={52}
            domain={[0, top]}
            ticks={[0, 0.2, 0.4, 0.6, 0.8, 1].map((f) => f * top)}
          />
          <Tooltip
            cursor={{ fill: 'rgba(29, 78, 137, 0.08)' }}
            content={({ active, payload }) => {
              const row = active && payload && payload[0] ? (payload[0].payload as ShareBarRow) : null;
              if (!row) return null;
              return (
                <div className="tooltip">
                  <strong>
                    {row.label}
                    {row.preliminary ? ' prel.' : ''}
                  </strong>
                  {row.details.map((line) => (
                    <div key={line}>{line}</div>
                  ))}
                </div>
              );
            }}
          />
          <Bar dataKey="current" name={currentName} fill={COLORS.current} isAnimationActive={false}>
            {data.map((row) => (
              <Cell
                key={row.key}
                fill={row.preliminary ? 'url(#stripes-current)' : COLORS.current}
                stroke={COLORS.current}
              />
            ))}
            <LabelList dataKey="prelLabel" position="top" fill={COLORS.text} fontSize={11} />
          </Bar>
          <Bar dataKey="previous" name={previousName} fill={COLORS.previous} isAnimationActive={false}>
            {data.map((row) => (
              <Cell
                key={row.key}
                fill={row.previousPreliminary ? 'url(#stripes-previous)' : COLORS.previous}
                stroke={COLORS.previous}
              />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
});
