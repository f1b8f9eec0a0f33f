/**
 * A small trend line without axes; the numbers are in the table beside it. A month without a share
 * is a gap, never a fall to 0; a preliminary month is a hollow point on a dashed segment, so a
 * share still moving is not read as final.
 */
import { Line, LineChart, ResponsiveContainer, YAxis } from 'recharts';
import { toPercent } from '../../kpi';
import { COLORS } from './ShareBarChart';

export function Sparkline({
  points,
  label,
}: {
  points: { share: number | null; preliminary: boolean }[];
  label: string;
}) {
  const data = points.map((p, i) => {
    const value = toPercent(p.share);
    // The dashed series covers each preliminary month and the final month before it, so the
    // segment into a preliminary month is dashed too.
    const touchesPreliminary = p.preliminary || points[i + 1]?.preliminary === true;
    return {
      i,
      final: p.preliminary ? null : value,
      preliminaryValue: touchesPreliminary ? value : null,
      value,
      preliminary: p.preliminary,
    };
  });
  return (
    <div className="sparkline" role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height={56}>
        <LineChart data={data} margin={{ top: 6, right: 6, bottom: 6, left: 6 }}>
          <YAxis hide domain={[0, 'dataMax']} />
          <Line
            dataKey="final"
            stroke={COLORS.current}
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
            connectNulls={false}
          />
          <Line
            dataKey="preliminaryValue"
            stroke={COLORS.current}
            strokeWidth={2}
            strokeDasharray="3 3"
            dot={(props: { cx?: number; cy?: number; index?: number; payload?: { preliminary: boolean } }) => {
              const { cx, cy, index, payload } = props;
              if (cx == null || cy == null || !payload?.preliminary) return <g key={index} />;
              return <circle key={index} cx={cx} cy={cy} r={2.5} fill="#ffffff" stroke={COLORS.current} />;
            }}
            isAnimationActive={false}
            connectNulls={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
