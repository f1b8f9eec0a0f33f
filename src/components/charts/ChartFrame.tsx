/**
 * Every chart's frame: the chart, its legend (in HTML, so it reads and zooms like text), and
 * downloads as PNG and SVG with title and legend included.
 */
import { useRef, useState, type ReactNode } from 'react';
import { downloadChartPng, downloadChartSvg, type LegendItem } from './exportChart';
import { Staggered } from './Staggered';

interface Props {
  title: string;
  legend: LegendItem[];
  /** File name without extension; by default made from the title. */
  fileName?: string;
  children: ReactNode;
}

export function ChartFrame({ title, legend, fileName = slug(title), children }: Props) {
  const ref = useRef<HTMLElement>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async (f: (figure: HTMLElement) => Promise<void> | void) => {
    setError(null);
    try {
      if (ref.current) await f(ref.current);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <figure className="chart" aria-label={title} ref={ref}>
      <Staggered>{children}</Staggered>
      <figcaption className="legend">
        {legend.map((item) => (
          <span key={item.label}>
            <i
              className={`swatch${item.striped ? ' striped' : ''}${item.dash !== undefined ? ' line' : ''}`}
              style={
                item.striped
                  ? undefined
                  : item.dash !== undefined
                    ? { borderTopColor: item.color }
                    : { background: item.color }
              }
            />{' '}
            {item.label}
          </span>
        ))}
      </figcaption>
      <div className="chart-actions">
        <button
          type="button"
          className="secondary small"
          onClick={() => run((f) => downloadChartPng(f, title, legend, fileName))}
        >
          PNG <span className="visually-hidden">– ladda ner diagrammet {title}</span>
        </button>
        <button
          type="button"
          className="secondary small"
          onClick={() => run((f) => downloadChartSvg(f, title, legend, fileName))}
        >
          SVG <span className="visually-hidden">– ladda ner diagrammet {title}</span>
        </button>
        {error && (
          <span role="alert" className="error">
            {error}
          </span>
        )}
      </div>
    </figure>
  );
}

/** @example slug('Andel sena per månad, 2025') // 'andel_sena_per_manad_2025' */
export function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '')
    .slice(0, 60);
}
