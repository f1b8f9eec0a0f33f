/**
 * The shared skeleton of the three indicator pages (Utredningstid, Orosanmälningar, Verkställighet):
 * title and lead, the package note, the controls, the meta line, notices, the chart with its table,
 * pojkar/flickor and every unit, and the period comparison. It draws a view the page has already
 * fetched; the page chooses the words, the columns and its own sections (the slots), never a figure.
 */
import type { ComponentProps, ReactNode } from 'react';
import { PeriodComparison } from '../charts/PeriodComparison';
import { ShareBarChart } from '../charts/ShareBarChart';
import { StaggerCharts } from '../charts/Staggered';
import { Breakdowns } from '../tables/Breakdowns';
import { SuppressionNote } from '../ui/PackageNotes';
import { ViewControls } from '../ui/ViewControls';
import { formatMonth, formatMonthSpan } from '../../format/date';
import { formatNumber } from '../../format/number';
import {
  isoDate,
  type DayNumber,
  type MonthIndex,
  type PeriodRow,
  type SexComparison,
  type UnitSeries,
} from '../../kpi';

/** What every indicator view holds that the skeleton draws (the engine's views have this shape). */
export interface IndicatorViewParts {
  range: { from: MonthIndex; to: MonthIndex; firstMonth: MonthIndex; lastMonth: MonthIndex };
  /** Every unit in the data, to choose from. */
  units: string[];
  /** The count the meta line gives, e.g. investigations started in the shown months. */
  total: number;
  bySex: SexComparison;
  byUnitSeries: UnitSeries[];
  periods: PeriodRow[];
  fromPackage?: boolean;
}

/** The page's choices from the URL that the skeleton shows. */
export interface IndicatorFilters {
  asOf: DayNumber;
  /** Where the as-of date comes from, e.g. "publicerade data". */
  asOfSource: string;
  units: string[];
  periodFrom: number;
  periodTo: number;
}

interface Props {
  view: IndicatorViewParts;
  filters: IndicatorFilters;
  /** The h1, e.g. "Utredningstid – fyramånadersfristen". */
  title: string;
  lead: ReactNode;
  meta: {
    /** What `total` counts, e.g. "utredningar". */
    noun: string;
    /** Said after the count and units, each part starting with " · ". */
    extra?: ReactNode;
    testId?: string;
  };
  /** Notices under the meta line (before the preliminary one). */
  notices?: ReactNode;
  /** The preliminary months named in a notice, then `text`, e.g. "har pågående utredningar …". */
  preliminary?: { rows: readonly { month: MonthIndex; preliminary: boolean }[]; text: string };
  /** The main chart: its heading, the bars (none when the page draws no shares), the table under it. */
  chart: {
    heading: ReactNode;
    bars: ComponentProps<typeof ShareBarChart> | null;
    /** Said instead of an empty chart; nothing when absent. */
    emptyText?: string;
    table: ReactNode;
  };
  /** The page's own sections between the chart and the breakdowns. */
  beforeBreakdowns?: ReactNode;
  /** Pojkar/flickor and units, labelled; left out when the page has no share to break down. */
  breakdowns?: Omit<ComponentProps<typeof Breakdowns>, 'bySex' | 'byUnit' | 'period'>;
  /** The page's own sections between the breakdowns and the period comparison. */
  afterBreakdowns?: ReactNode;
  /** The period comparison over `view.periods`; left out when absent. */
  period?: Omit<ComponentProps<typeof PeriodComparison>, 'rows' | 'periodFrom' | 'periodTo' | 'controls'>;
}

export function IndicatorLayout({
  view,
  filters,
  title,
  lead,
  meta,
  notices,
  preliminary,
  chart,
  beforeBreakdowns,
  breakdowns,
  afterBreakdowns,
  period,
}: Props) {
  const { range } = view;
  const { units } = filters;
  const prelMonths = (preliminary?.rows ?? []).filter((r) => r.preliminary).map((r) => formatMonth(r.month));
  return (
    <section aria-labelledby="page-title">
      <StaggerCharts value>
        <h1 id="page-title">{title}</h1>
        <p className="lead">{lead}</p>
        {view.fromPackage && <SuppressionNote />}
        <ViewControls asOf={filters.asOf} range={range} unitOptions={view.units} units={units} />
        <p className="meta" data-testid={meta.testId}>
          Uttagsdatum {isoDate(filters.asOf)} ({filters.asOfSource}) ·{' '}
          {/* A hidden total (a published package) reads "antal beslut dolt", not "dolt beslut". */}
          {Number.isNaN(view.total) ? `antal ${meta.noun} dolt` : `${formatNumber(view.total)} ${meta.noun}`}
          {units.length > 0 ? ` i ${units.join(', ')}` : ''}
          {meta.extra}
        </p>
        {notices}
        {preliminary && prelMonths.length > 0 && (
          <p className="notice">
            <strong>Preliminärt:</strong> {prelMonths.join(', ')} {preliminary.text}
          </p>
        )}

        <h2>{chart.heading}</h2>
        {chart.bars && chart.bars.rows.length > 0 ? (
          <ShareBarChart {...chart.bars} />
        ) : (
          chart.emptyText && <p>{chart.emptyText}</p>
        )}
        {chart.table}

        {beforeBreakdowns}
        {breakdowns && (
          <Breakdowns
            bySex={view.bySex}
            byUnit={view.byUnitSeries}
            period={formatMonthSpan(range.from, range.to)}
            {...breakdowns}
          />
        )}
        {afterBreakdowns}

        {period && (
          <PeriodComparison
            rows={view.periods}
            periodFrom={filters.periodFrom}
            periodTo={filters.periodTo}
            {...period}
          />
        )}
      </StaggerCharts>
    </section>
  );
}
