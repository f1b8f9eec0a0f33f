/**
 * Charts drawn one at a time after the page (issue 12). Recharts needs tens of milliseconds for a
 * chart of 10 years of months, so a page with its chart, six small multiples and the period chart
 * drawn in one go blocked the main thread for 200–400 ms. Inside `StaggerCharts` each chart is
 * drawn (and redrawn when its data change) in a task of its own, in page order, right after the page
 * with its tables; until then it keeps what it showed. Outside it (the printed report) charts draw at once.
 */
import {
  cloneElement,
  createContext,
  isValidElement,
  useContext,
  useEffect,
  useRef,
  useState,
  type ReactElement,
  type ReactNode,
} from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type ResponsiveContainerProps,
} from 'recharts';

const Stagger = createContext(false);

/** Charts inside are drawn one per task (`value` true). */
export const StaggerCharts = Stagger.Provider;

interface Job {
  live: boolean;
  run: () => void;
}
const queue: Job[] = [];

/**
 * The first chart drawn pays for compiling Recharts' code (here about 100 ms more than the same chart drawn
 * again). A one-bar chart drawn off-screen first, in a task of its own, takes part of that: with it the first
 * chart of Utredningstid took 41 ms and the one-bar chart 57 ms, against 124 ms for that chart without it.
 */
let warmUp: Job | null = {
  live: true,
  run: () => {
    const box = document.createElement('div');
    box.style.cssText = 'position:absolute;left:-10000px;top:0;width:120px';
    document.body.append(box);
    const root = createRoot(box);
    flushSync(() =>
      root.render(
        <BarChart width={120} height={60} data={[{ label: 'a', value: 1 }]}>
          <CartesianGrid vertical={false} />
          <XAxis dataKey="label" />
          <YAxis />
          <Tooltip />
          <Bar dataKey="value" isAnimationActive={false}>
            <LabelList dataKey="value" position="top" />
          </Bar>
        </BarChart>,
      ),
    );
    // Gone again within the same task: never painted, never seen by a test or a screen reader.
    root.unmount();
    box.remove();
  },
};

function enqueue(job: Job) {
  const idle = queue.length === 0;
  if (warmUp) queue.push(warmUp);
  warmUp = null;
  queue.push(job);
  if (!idle) return;
  // The first after the page has been laid out and painted (or after 100 ms where frames wait, as in a hidden tab).
  let started = false;
  const start = () => {
    if (!started) setTimeout(runNext, 0);
    started = true;
  };
  requestAnimationFrame(start);
  setTimeout(start, 100);
}

/** Draws the next chart still waiting, then lets the browser paint and handle input before the next. */
function runNext() {
  let job = queue.shift();
  while (job && !job.live) job = queue.shift();
  job?.run();
  if (queue.length > 0) setTimeout(runNext, 0);
}

/**
 * `children` (a chart in a ResponsiveContainer) drawn in a task of its own. The container is given
 * the width it will have, so that it draws once at the right size instead of once more when it has
 * measured itself (those second draws came all in one task, whichever chart they belonged to).
 */
export function Staggered({ children }: { children: ReactNode }) {
  const stagger = useContext(Stagger);
  const [shown, setShown] = useState<ReactNode>(null);
  const ref = useRef<HTMLDivElement>(null);
  const height = isValidElement<{ height?: unknown }>(children) ? children.props.height : undefined;
  useEffect(() => {
    if (!stagger) return;
    const job: Job = {
      live: true,
      run: () => {
        const width = Math.round(ref.current?.getBoundingClientRect().width ?? 0);
        const sized =
          isValidElement(children) && children.type === ResponsiveContainer && typeof height === 'number' && width > 0
            ? cloneElement(children as ReactElement<ResponsiveContainerProps>, {
                initialDimension: { width, height },
              })
            : children;
        flushSync(() => setShown(sized));
      },
    };
    enqueue(job);
    return () => {
      job.live = false;
    };
  }, [children, height, stagger]);
  if (!stagger) return children;
  // The same element as last time until its turn: React skips drawing it again.
  return (
    <div ref={ref} style={shown ? undefined : { height: typeof height === 'number' ? height : undefined }}>
      {shown}
    </div>
  );
}

/**
 * Keyed charts (the units' small multiples) that leave in turn. A child whose key is gone stays, as it
 * was last drawn and in its place, until its turn in the queue above, and is removed then. Tearing a
 * Recharts chart down takes a few milliseconds (its store dispatches as its parts unmount): removing
 * five small multiples in the render that draws a filter's new figures held those tables back
 * 12–17 ms (1 M rows, all units → one). Outside `StaggerCharts` children go at once.
 */
export function StaggeredList({ children }: { children: ReactElement[] }) {
  const stagger = useContext(Stagger);
  const [state, setState] = useState({ children, shown: children });
  const jobs = useRef(new Map<string | null, Job>());
  let shown = state.shown;
  if (state.children !== children) {
    // New children: the ones gone stay where they were until their turn (React's pattern for state from props).
    shown = stagger ? withLeaving(state.shown, children) : children;
    setState({ children, shown });
  }
  useEffect(() => {
    if (!stagger) return;
    const current = new Set(state.children.map((child) => child.key));
    for (const [key, job] of jobs.current)
      if (current.has(key)) {
        job.live = false;
        jobs.current.delete(key);
      }
    for (const { key } of state.shown) {
      if (current.has(key) || jobs.current.has(key)) continue;
      const job: Job = {
        live: true,
        run: () => {
          jobs.current.delete(key);
          flushSync(() =>
            setState((s) => ({
              ...s,
              shown: s.shown.filter((child) => child.key !== key || s.children.some((c) => c.key === key)),
            })),
          );
        },
      };
      jobs.current.set(key, job);
      enqueue(job);
    }
  }, [state, stagger]);
  useEffect(() => {
    const waiting = jobs.current;
    return () => {
      for (const job of waiting.values()) job.live = false;
    };
  }, []);
  return stagger ? shown : children;
}

/** `next`, with each child of `previous` whose key is not in it put back at its old index. */
function withLeaving(previous: readonly ReactElement[], next: readonly ReactElement[]): ReactElement[] {
  const keys = new Set(next.map((child) => child.key));
  const merged = [...next];
  previous.forEach((child, index) => {
    if (!keys.has(child.key)) merged.splice(Math.min(index, merged.length), 0, child);
  });
  return merged;
}
