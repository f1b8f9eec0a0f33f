/**
 * A small trend line without axes; the numbers are in the table beside it. A month without a share
 * is a gap, never a fall to 0; a preliminary month is a hollow point on a dashed segment, so a
 * share still moving is not read as final.
 *
 * Hand-drawn SVG rather than Recharts: Översikt is the first page, and Recharts is most of the
 * JavaScript a first visit would otherwise download.
 */
import { useEffect, useRef, useState } from 'react';
import { toPercent } from '../../kpi';
import { COLORS } from './colors';

const HEIGHT = 56;
const MARGIN = 6;

export interface SparklinePoint {
  share: number | null;
  preliminary: boolean;
}

export interface SparklineGeometry {
  /** Solid line through final months; `M` starts again after each gap. */
  final: string;
  /** Dashed line into and through preliminary months. */
  preliminary: string;
  /** Hollow points, one per preliminary month with a share. */
  dots: { x: number; y: number }[];
}

/**
 * Paths for a sparkline `width` × `height` with `margin` on every side: months evenly spaced, the
 * first at the left edge and the last at the right, y from 0 (bottom) to the largest share (top).
 * @example sparklineGeometry([{ share: 0.1, preliminary: false }, { share: 0.2, preliminary: true }], 112, 56, 6)
 * // { final: '', preliminary: 'M6,28L106,6', dots: [{ x: 106, y: 6 }] }
 */
export function sparklineGeometry(
  points: readonly SparklinePoint[],
  width: number,
  height: number,
  margin: number,
): SparklineGeometry {
  const values = points.map((p) => toPercent(p.share));
  const max = Math.max(0, ...values.map((v) => v ?? 0));
  const innerWidth = Math.max(0, width - 2 * margin);
  const innerHeight = Math.max(0, height - 2 * margin);
  const x = (i: number) =>
    round(margin + (points.length > 1 ? (i * innerWidth) / (points.length - 1) : innerWidth / 2));
  const y = (v: number) => round(margin + innerHeight - (max > 0 ? (v / max) * innerHeight : 0));
  // A segment joins two neighbouring months that both have a share. It is dashed when either end is
  // preliminary, so the segment into a preliminary month is dashed too.
  let final = '';
  let preliminary = '';
  let finalAt = -2;
  let preliminaryAt = -2;
  for (let i = 1; i < points.length; i++) {
    const a = values[i - 1];
    const b = values[i];
    if (a === null || b === null) continue;
    const dashed = points[i - 1].preliminary || points[i].preliminary;
    const step = `L${x(i)},${y(b)}`;
    if (dashed) {
      preliminary += (preliminaryAt === i - 1 ? '' : `M${x(i - 1)},${y(a)}`) + step;
      preliminaryAt = i;
    } else {
      final += (finalAt === i - 1 ? '' : `M${x(i - 1)},${y(a)}`) + step;
      finalAt = i;
    }
  }
  const dots = points.flatMap((p, i) => {
    const v = values[i];
    return p.preliminary && v !== null ? [{ x: x(i), y: y(v) }] : [];
  });
  return { final, preliminary, dots };
}

const round = (n: number) => Math.round(n * 100) / 100;

/** The element's width, following resizes (as Recharts' ResponsiveContainer did). */
function useWidth(fallback: number) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setWidth(element.clientWidth || fallback);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [fallback]);
  return [ref, width] as const;
}

export function Sparkline({ points, label }: { points: SparklinePoint[]; label: string }) {
  const [ref, width] = useWidth(240);
  const { final, preliminary, dots } = sparklineGeometry(points, width, HEIGHT, MARGIN);
  return (
    <div className="sparkline" role="img" aria-label={label} ref={ref}>
      <svg width={width} height={HEIGHT} viewBox={`0 0 ${width} ${HEIGHT}`} aria-hidden="true" focusable="false">
        <path d={final} fill="none" stroke={COLORS.current} strokeWidth={2} />
        <path d={preliminary} fill="none" stroke={COLORS.current} strokeWidth={2} strokeDasharray="3 3" />
        {dots.map((d, i) => (
          <circle key={i} cx={d.x} cy={d.y} r={2.5} fill="#ffffff" stroke={COLORS.current} />
        ))}
      </svg>
    </div>
  );
}
