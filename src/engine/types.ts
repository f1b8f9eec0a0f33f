/**
 * What the pages ask the engine for, and the rows each page draws. The pages take these types from
 * data/, which re-exports them.
 */
import type { ConcernMonthRow, InvestigationMonthRow } from '../format/exports';
import type {
  ConcernMonth,
  DayNumber,
  DeadlineOptions,
  DecisionCounts,
  DecisionMonth,
  DecisionQuarter,
  Headline,
  InvestigationMonth,
  IvoEntry,
  IvoList,
  MonthIndex,
  PeriodRow,
  QuarterIndex,
  ReasonRow,
  SexComparison,
  UnitSeries,
  WatchBucket,
  YearOverYearRow,
} from '../kpi';
import type { AsOfRule } from '../kpi/asOf';

/**
 * A count hidden in a published package (small-number protection, issue 13): NaN, so that every sum
 * and share made with it is hidden too. Record-level views never hold it.
 */
export const HIDDEN = Number.NaN;

/** Whether a view's count or share is hidden (from a published package). @example isHidden(HIDDEN) // true */
export function isHidden(value: number | null | undefined): boolean {
  return typeof value === 'number' && Number.isNaN(value);
}

/** The default as-of date of the loaded files and how it was found. */
export interface FilesAsOf {
  /** NO_DATE when no file has an event date. */
  asOf: DayNumber;
  rule: AsOfRule;
  /** Event dates after `asOf` (one row may carry several). */
  laterEvents: number;
  /** Rows rejected at `asOf` because an event date lies after it. */
  laterRows: number;
  /** Swedish, for "Uttagsdatum 2025-11-30 (…)": "från filerna: sista dag med ordinarie händelser; 4 rader med senare datum avvisade". */
  source: string;
}

/** What every page view is asked for. */
export interface ViewQuery {
  asOf: DayNumber;
  /** Unit names; empty or absent means all units. */
  units?: string[];
  /** The chosen month range; absent ends mean every month (the pages' `range` defaults to the latest twelve). */
  fromMonth?: MonthIndex;
  toMonth?: MonthIndex;
  /** Calendar months 1–12 of the period comparison; default DEFAULT_PERIOD (January–June). */
  periodFrom?: number;
  periodTo?: number;
  /** lag (1930:173) 2 §: deadlines on weekends and holidays move to the next weekday. */
  deadline?: DeadlineOptions;
  /** The nämnd's report: the year whose period the view sets beside the year before (`yearPeriod`). */
  year?: number;
}

/** The query's period (periodFrom–periodTo) of one year beside the same period a year earlier: the nämnd's report. */
export interface YearPeriod {
  year: number;
  previousYear: number;
  current: PeriodRow | null;
  previous: PeriodRow | null;
}

/** The query's period for every year, and with the query's `year` that year's beside the year before (else null). */
export interface ViewPeriods {
  periods: PeriodRow[];
  yearPeriod: YearPeriod | null;
}

/** The IVO list of a quarter. */
export interface IvoQuery extends ViewQuery {
  quarter: QuarterIndex;
}

export interface WatchQuery {
  asOf: DayNumber;
  units?: string[];
  /** Investigations of the same child reopened within this many days of a closing are flagged. */
  reopenWindow: number;
  /** Rows per list at most, most urgent first; default 2 000. */
  limit?: number;
  deadline?: DeadlineOptions;
}

/** The month range a page shows (chosen, or the latest twelve of the data) and the months the data covers. */
export interface MonthRange {
  from: MonthIndex;
  to: MonthIndex;
  firstMonth: MonthIndex;
  lastMonth: MonthIndex;
}

/** The months of a view inside the chosen range, and the range the data covers. */
export interface MonthWindow<Row> {
  firstMonth: MonthIndex | null;
  lastMonth: MonthIndex | null;
  /** The months of the query's range (every month when the query has none). */
  months: Row[];
  /** What the page's month controls show. */
  range: MonthRange;
}

/** The breakdowns every indicator view carries over the shown months. */
export interface ViewBreakdowns {
  /** Each unit's monthly share over the shown months (small multiples and ranking). */
  byUnitSeries: UnitSeries[];
  bySex: SexComparison;
  /** Every unit in the data, by name, to choose from. */
  units: string[];
  /**
   * Built from a published package of aggregates, not from records: hidden counts are HIDDEN, and
   * what a package does not hold (lists, days to execution, inleds) is left out.
   */
  fromPackage?: boolean;
}

export interface InvestigationView extends MonthWindow<InvestigationMonth>, ViewBreakdowns, ViewPeriods {
  /** The shown months beside the same month a year earlier: the page's chart and table. */
  rows: InvestigationMonthRow[];
  /** Investigations started in `months`. */
  total: number;
  yearOverYear: YearOverYearRow[];
  orphanExtensions: number;
  /** Where extension decisions came from: a förlängningar file, the investigation file, or none. */
  extensionSource: 'fil' | 'utredningsfilen' | 'saknas';
}

export interface ConcernView extends MonthWindow<ConcernMonth>, ViewBreakdowns, ViewPeriods {
  /** The shown months beside the same month a year earlier, with the reports received then. */
  rows: (ConcernMonthRow & { previousReceived: number | null })[];
  /** Reports received, every month in the data. */
  total: number;
  /** Reports received per month, every month in the data (for the several-year volume trend). */
  volume: { month: MonthIndex; value: number }[];
  yearOverYear: YearOverYearRow[];
  reasons: ReasonRow[];
  hasProtective: boolean;
  hasDecision: boolean;
  hasReasons: boolean;
}

export interface DecisionView extends MonthWindow<DecisionMonth>, ViewBreakdowns, ViewPeriods {
  /** The shown months. */
  rows: DecisionMonth[];
  /** Decisions in `months`. */
  total: number;
  yearOverYear: YearOverYearRow[];
  /** Quarters of decision within the shown months, with days-to-execution percentiles. */
  quarters: DecisionQuarter[];
  byIntervention: (DecisionCounts & { label: string })[];
  byUnit: (DecisionCounts & { label: string })[];
  /** Decisions per month of decision that ran past three months (executed late or still waiting). */
  lateByMonth: { month: MonthIndex; value: number }[];
  onlyNotExecuted: boolean;
  hasInterruptions: boolean;
  /** The quarter the as-of date falls in. */
  lastQuarter: QuarterIndex;
  /** The quarters an IVO list can be made for, newest first; `running` when not ended at the as-of date. */
  quarterChoices: { quarter: QuarterIndex; running: boolean }[];
}

export interface IvoView extends IvoList {
  /** How many reports of each comparison status the list holds. */
  statusCounts: Record<IvoEntry['status'], number>;
}

type BucketCounts = Record<WatchBucket, number>;

export interface WatchCounts {
  investigations: BucketCounts;
  concerns: BucketCounts;
  decisions: BucketCounts;
}

export interface WatchInvestigation {
  id: string;
  unit: string;
  start: DayNumber;
  /** The four-month deadline. */
  deadline: DayNumber;
  /** Extension decided on or before the deadline. */
  extended: boolean;
  /** Its extended date, NO_DATE when none or not given. */
  extendedTo: DayNumber;
  /** Days to the deadline that applies (the extended date when extended), negative when passed. */
  daysLeft: number;
  bucket: WatchBucket;
}

export interface WatchConcern {
  id: string;
  unit: string;
  received: DayNumber;
  deadline: DayNumber;
  daysLeft: number;
  bucket: WatchBucket;
}

export interface WatchDecision {
  id: string;
  unit: string;
  decided: DayNumber;
  intervention: string;
  deadline: DayNumber;
  daysLeft: number;
  bucket: WatchBucket;
}

export interface WatchReopening {
  closedId: string;
  closedStart: DayNumber;
  closedEnd: DayNumber;
  closedDeadline: DayNumber;
  reopenedId: string;
  reopenedStart: DayNumber;
  gapDays: number;
  unit: string;
}

/** Rows at most `limit` per list, most urgent first; `total` counts them all. */
export interface WatchList<Row> {
  total: number;
  rows: Row[];
}

export interface WatchView {
  investigations: WatchList<WatchInvestigation> | null;
  concerns: WatchList<WatchConcern> | null;
  decisions: WatchList<WatchDecision> | null;
  countsByUnit: ({ unit: string } & WatchCounts)[];
  reopened: WatchReopening[];
  hasPersonKey: boolean;
  units: string[];
}

export interface OverviewCard {
  /** The page the card leads to. */
  id: 'utredningstid' | 'orosanmalningar' | 'verkstallighet';
  title: string;
  shareLabel: string;
  lowerIsBetter: boolean;
  headline: CardHeadline | null;
}

/** A card's headline and the year it compares with: "Samma månad 2024". */
export interface CardHeadline extends Headline {
  previousYear: number;
}

export interface OverviewView {
  cards: OverviewCard[];
  units: string[];
  /** From a published package: see ViewBreakdowns.fromPackage. */
  fromPackage?: boolean;
}
