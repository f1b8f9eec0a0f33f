/** A small trend line without axes; the numbers are in the table beside it. */
import { Line, LineChart, ReferenceDot, ResponsiveContainer, YAxis } from 'recharts';
import { toPercent } from '../../kpi';
import { COLORS } from './ShareBarChart';

export function Sparkline({
  points,
  label,
}: {
  points: { share: number | null; preliminary: boolean }[];
  label: string;
}) {
  const data = points.map((p, i) => ({
    i,
    value: toPercent(p.share),
    preliminary: p.preliminary,
  }));
  const last = data[data.length - 1];
  return (
    <div className="sparkline" role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height={56}>
        <LineChart data={data} margin={{ top: 6, right: 6, bottom: 6, left: 6 }}>
          <YAxis hide domain={[0, 'dataMax']} />
          <Line
            dataKey="value"
            stroke={COLORS.current}
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
            connectNulls
          />
          {last?.value != null && (
            <ReferenceDot
              x={last.i}
              y={last.value}
              r={3}
              fill={last.preliminary ? '#ffffff' : COLORS.current}
              stroke={COLORS.current}
            />
          )}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
