/**
 * The pages' views from a published package of aggregates (issue 13) instead of records: the same
 * view types, built by the same kpi functions (lateShareOf, yearOverYear, periodComparison,
 * breakdowns, headline …) from the package's counts per month × unit × kön × outcome.
 *
 * A hidden count is NaN in the view (see HIDDEN in ../types): any sum or share made with it is NaN
 * too, so nothing computed from a hidden count shows a number. Where a kpi function filters on a
 * count (`denominator > 0`), the month is passed on with the share's counts hidden and a stand-in
 * denominator of 1 — a hidden count is never 0 — and the aggregate's counts are hidden afterwards.
 *
 * What a package cannot give (record lists, days to execution, inleds/inleds ej, late reasons per
 * unit, another as-of date or the holiday shift) is left out or NaN; the view says `fromPackage`.
 */
import { withYearOverYear } from '../../format/exports';
import {
  breakdowns,
  inTimeShareOf,
  lateExecutionShareOf,
  lateShareOf,
  isoMonth,
  lateReasonShare,
  latestCompleteQuarter,
  parseIsoMonth,
  quarterOfDay,
  quarterLabel,
  quarterOfMonth,
  quartersNewestFirst,
  SEX_LABELS,
  shareOf,
  type ConcernMonth,
  type DecisionCounts,
  type DecisionMonth,
  type DecisionQuarter,
  type InvestigationMonth,
  type MonthIndex,
  type MonthlyShare,
  type QuarterIndex,
  type ReasonRow,
  type SexComparison,
  type UnitSeries,
  type YearOverYearRow,
} from '../../kpi';
import type { PublishedPackage } from '../../kpi/publishedPackage';
import type { Count } from '../../kpi/suppression';
import {
  HIDDEN,
  isHidden,
  type ConcernView,
  type DecisionView,
  type InvestigationView,
  type OverviewView,
  type ViewQuery,
} from '../types';
import { overviewView } from './overview';
import { monthWindow, periodsOf, shown, sortedLabels, withVolume, withYearPeriod, yearOverYearIn } from './shared';

type Row = Record<string, string | number | null | undefined>;
type Counts = Record<string, number>;

/** A published count as a view's number: hidden (null) is NaN, absent is 0. */
const countOf = (value: Count | string | undefined): number =>
  value === null ? HIDDEN : typeof value === 'number' ? value : 0;
const anyHidden = (...values: (number | null)[]) => values.some((v) => v !== null && isHidden(v));
/** A share made of hidden counts is hidden. */
const hiddenIf = (share: number | null, ...counts: number[]) => (anyHidden(...counts) ? HIDDEN : share);

/** One table's rows by their key fields (null = every value of that key, a margin row). */
class Table {
  private readonly rows = new Map<string, Row>();
  constructor(
    rows: readonly object[] | undefined,
    private readonly keys: readonly string[],
  ) {
    for (const row of (rows ?? []) as Row[]) this.rows.set(this.key(row), row);
  }
  private key(row: Row): string {
    return JSON.stringify(this.keys.map((k) => row[k] ?? null));
  }
  /** The values of a key over the table's rows, nulls left out. */
  values(key: string, where: (row: Row) => boolean = () => true): string[] {
    const out = new Set<string>();
    for (const row of this.rows.values()) {
      const value = row[key];
      if (typeof value === 'string' && where(row)) out.add(value);
    }
    return [...out].sort();
  }
  /**
   * The columns summed over the rows with these keys, one key taking several values (`units`):
   * a margin row when the key is null. A row not in the table is all zeros (the package leaves out
   * empty cells); a hidden count makes its sum hidden.
   */
  sum(
    columns: readonly string[],
    at: Record<string, string | null>,
    unitKey: string,
    units: (string | null)[],
  ): Counts {
    const sums: Counts = Object.fromEntries(columns.map((c) => [c, 0]));
    for (const unit of units) {
      const row = this.rows.get(this.key({ ...at, [unitKey]: unit }));
      if (row) for (const c of columns) sums[c] += countOf(row[c] as Count | undefined);
    }
    return sums;
  }
}

/** Which cells a series sums: chosen units (null = the margin over all units) and one kön or all. */
interface Cells {
  units: (string | null)[];
  sex: string | null;
}

/**
 * A month's share counts for sums and averages over months: a hidden numerator or denominator
 * hides both, with a stand-in denominator of 1 so that a filter on `denominator > 0` still counts
 * the month (it has cases: a hidden count is never 0). `hideAggregate` then hides the sum.
 */
function forAggregates(share: MonthlyShare): MonthlyShare {
  return anyHidden(share.numerator, share.denominator) ? { ...share, numerator: HIDDEN, denominator: 1 } : share;
}

/** A sum over months is hidden when its numerator is (some month's counts are hidden). */
function hideAggregate<T extends { numerator: number; denominator: number }>(row: T): T {
  return isHidden(row.numerator) ? { ...row, denominator: HIDDEN } : row;
}

/** Year-over-year rows with the shares of hidden counts hidden (shareOf gives null for a NaN denominator). */
function hideYearOverYear(rows: YearOverYearRow[]): YearOverYearRow[] {
  return rows.map((row) => {
    const share = hiddenIf(row.share, row.numerator, row.denominator);
    const previousShare =
      row.previousDenominator === null
        ? row.previousShare
        : hiddenIf(row.previousShare, row.previousNumerator ?? 0, row.previousDenominator);
    const comparable = !row.preliminary && row.previousPreliminary !== true;
    const changePoints = comparable && anyHidden(share, previousShare) ? HIDDEN : row.changePoints;
    return { ...row, share, previousShare, changePoints };
  });
}

/** Kön and unit breakdowns of the chosen units' monthly shares, hidden where their counts are. */
function packageBreakdowns(
  labels: readonly string[],
  codes: number[] | undefined,
  units: (string | null)[],
  sharesFor: (cells: Cells) => MonthlyShare[],
  range: { from: MonthIndex; to: MonthIndex },
) {
  return hideBreakdowns(
    breakdowns(
      labels,
      codes,
      {
        sex: (sex) => sharesFor({ units, sex: SEX_LABELS[sex] }).map(forAggregates),
        units: (unitCodes) => unitCodes.map((u) => sharesFor({ units: [labels[u]], sex: null }).map(forAggregates)),
      },
      range,
    ),
  );
}

function hideBreakdowns(b: { bySex: SexComparison; byUnitSeries: UnitSeries[] }) {
  const groups = b.bySex.groups.map((g) => hideAggregate({ ...g, share: hiddenIf(g.share, g.numerator) }));
  return {
    bySex: { ...b.bySex, groups, test: groups.some((g) => isHidden(g.numerator)) ? null : b.bySex.test },
    byUnitSeries: b.byUnitSeries.map(hideAggregate),
  };
}

const INVESTIGATION_COLUMNS = ['started', 'inTime', 'extended', 'late', 'pending', 'extendedOverdue'];
const CONCERN_COLUMNS = [
  'received',
  'inTime',
  'late',
  'pending',
  'underInvestigation',
  'protectiveInTime',
  'protectiveLate',
  'protectivePending',
];
const DECISION_COLUMNS = ['decisions', 'executedInTime', 'executedLate', 'overdue', 'notYetDue'];

/** A package's figures as the pages' views. */
export class PackageViews {
  private readonly investigationTable: Table;
  private readonly concernTable: Table;
  private readonly decisionTable: Table;

  constructor(readonly pkg: PublishedPackage) {
    this.investigationTable = new Table(pkg.tables.utredningar, ['month', 'unit', 'sex']);
    this.concernTable = new Table(pkg.tables.orosanmalningar, ['month', 'unit', 'sex']);
    this.decisionTable = new Table(pkg.tables.beslut, ['period', 'unit', 'sex', 'intervention']);
  }

  /** Every month from the first to the last in a table's month (or period) key. */
  private months(table: Table, key: string): MonthIndex[] {
    const months = table
      .values(key)
      .map((m) => parseIsoMonth(m))
      .filter((m): m is number => m !== null);
    if (months.length === 0) return [];
    const first = Math.min(...months);
    return Array.from({ length: Math.max(...months) - first + 1 }, (_, i) => first + i);
  }

  private units(table: Table): string[] {
    const units = table.values('unit');
    return units.length === 1 && units[0] === '' ? [] : units;
  }

  /** The query's units that the table has (none known: none), or the margin over all. */
  /**
   * The chosen units' months and shares, the shown window, the year-over-year table and the kön and
   * unit breakdowns: what every indicator view starts from.
   */
  private chosenSeries<Month extends { month: MonthIndex }>(
    labels: readonly string[],
    query: ViewQuery,
    monthsOf: (cells: Cells) => Month[],
    sharesOf: (rows: Month[]) => MonthlyShare[],
  ) {
    const units = this.chosen(labels, query);
    const all = monthsOf({ units, sex: null });
    const shares = sharesOf(all);
    const window = monthWindow(all, query);
    const codes = query.units && query.units.length > 0 ? units.map((u) => labels.indexOf(u ?? '')) : undefined;
    return {
      units,
      all,
      shares,
      window,
      codes,
      yoy: hideYearOverYear(yearOverYearIn(shares, query)),
      byGroup: packageBreakdowns(labels, codes, units, (cells) => sharesOf(monthsOf(cells)), window.range),
    };
  }

  private chosen(labels: readonly string[], query: ViewQuery): (string | null)[] {
    if (!query.units || query.units.length === 0) return [null];
    return query.units.filter((u) => labels.includes(u));
  }

  /** The same composition as investigationsView, from the package. */
  investigations(query: ViewQuery): InvestigationView | null {
    if (!this.pkg.tables.utredningar) return null;
    const table = this.investigationTable;
    const labels = this.units(table);
    const months = this.months(table, 'month');
    const monthsOf = (cells: Cells): InvestigationMonth[] =>
      months.map((month) => {
        const c = table.sum(INVESTIGATION_COLUMNS, { month: isoMonth(month), sex: cells.sex }, 'unit', cells.units);
        const kpi = lateShareOf({ late: c.late, started: c.started, pending: c.pending });
        return {
          month,
          started: c.started,
          inTime: c.inTime,
          extended: c.extended,
          late: c.late,
          pending: c.pending,
          extendedOverdue: c.extendedOverdue,
          lateShare: hiddenIf(kpi.share, c.late, c.started),
          preliminary: kpi.preliminary || isHidden(c.pending),
        };
      });
    const sharesOf = (rows: InvestigationMonth[]) =>
      rows.map((m) => ({ ...shareCounts(m.month, lateShareOf(m)), preliminary: m.preliminary }));
    const { shares, window, yoy, byGroup } = this.chosenSeries(labels, query, monthsOf, sharesOf);
    return {
      ...window,
      ...byGroup,
      units: sortedLabels(labels),
      rows: withYearOverYear(shown(window.months, window), yoy),
      total: window.months.reduce((sum, m) => sum + m.started, 0),
      yearOverYear: yoy,
      ...withYearPeriod(periodsOf(shares.map(forAggregates), query).map(hideAggregate), query),
      orphanExtensions: 0,
      extensionSource: this.pkg.manifest.sources.some((s) => s.dataset === 'forlangningar') ? 'fil' : 'utredningsfilen',
      fromPackage: true,
    };
  }

  /** The same composition as concernsView, from the package. */
  concerns(query: ViewQuery): ConcernView | null {
    if (!this.pkg.tables.orosanmalningar) return null;
    const table = this.concernTable;
    const labels = this.units(table);
    const months = this.months(table, 'month');
    const hasProtective = (this.pkg.tables.orosanmalningar ?? []).some((r) => r.protectiveInTime !== undefined);
    const monthsOf = (cells: Cells): ConcernMonth[] =>
      months.map((month) => {
        const c = table.sum(CONCERN_COLUMNS, { month: isoMonth(month), sex: cells.sex }, 'unit', cells.units);
        const kpi = inTimeShareOf({ inTime: c.inTime, late: c.late, pending: c.pending });
        const protective = c.protectiveInTime + c.protectiveLate + c.protectivePending;
        return {
          month,
          received: c.received,
          inTime: c.inTime,
          late: c.late,
          pending: c.pending,
          underInvestigation: c.underInvestigation,
          inTimeShare: hiddenIf(kpi.share, c.inTime, c.late, c.pending),
          preliminary: kpi.preliminary || isHidden(c.pending),
          protectiveInTime: c.protectiveInTime,
          protectiveLate: c.protectiveLate,
          protectivePending: c.protectivePending,
          protectiveShare: hasProtective ? hiddenIf(shareOf(c.protectiveInTime, protective), protective) : null,
          // Inleds / inleds ej are not in a package.
          opened: 0,
          notOpened: 0,
          openedShare: null,
        };
      });
    const sharesOf = (rows: ConcernMonth[]) =>
      rows.map((m) => ({ ...shareCounts(m.month, inTimeShareOf(m)), preliminary: m.preliminary }));
    const { all, shares, window, yoy, codes, byGroup } = this.chosenSeries(labels, query, monthsOf, sharesOf);
    // Late reasons are published per year for all units only.
    const reasons = codes ? [] : this.reasons();
    return {
      ...window,
      ...byGroup,
      units: sortedLabels(labels),
      ...withVolume(withYearOverYear(shown(window.months, window), yoy), all),
      yearOverYear: yoy,
      ...withYearPeriod(periodsOf(shares.map(forAggregates), query).map(hideAggregate), query),
      reasons,
      hasProtective,
      hasDecision: false,
      hasReasons: !!this.pkg.tables.orosanmalningar_orsaker && !codes,
      fromPackage: true,
    };
  }

  private reasons(): ReasonRow[] {
    const rows = this.pkg.tables.orosanmalningar_orsaker ?? [];
    const totals = new Map(rows.filter((r) => r.reason === null).map((r) => [r.year, countOf(r.late)]));
    return rows
      .filter((r) => r.reason !== null)
      .map((r) => {
        const count = countOf(r.late);
        const total = totals.get(r.year) ?? HIDDEN;
        return { year: Number(r.year), reason: r.reason ?? '', count, share: lateReasonShare(count, total) };
      })
      .sort((a, b) => a.year - b.year || byCount(a.count, b.count) || a.reason.localeCompare(b.reason, 'sv'));
  }

  /** The same composition as decisionsView, from the package. */
  decisions(query: ViewQuery): DecisionView | null {
    if (!this.pkg.tables.beslut) return null;
    const table = this.decisionTable;
    const labels = this.units(table);
    const months = this.months(table, 'period');
    const countsAt = (period: string, cells: Cells, intervention: string | null = null) =>
      decisionCounts(table.sum(DECISION_COLUMNS, { period, sex: cells.sex, intervention }, 'unit', cells.units));
    const monthsOf = (cells: Cells): DecisionMonth[] =>
      months.map((month) => ({ month, ...countsAt(isoMonth(month), cells) }));
    const sharesOf = (rows: DecisionMonth[]) =>
      rows.map((m) => ({ ...shareCounts(m.month, lateExecutionShareOf(m)), preliminary: m.preliminary }));
    const { units, all, shares, window, yoy, codes, byGroup } = this.chosenSeries(labels, query, monthsOf, sharesOf);
    const { from, to } = window.range;
    const lastQuarter = quarterOfDay(query.asOf);
    const inRange = months.filter((m) => m >= from && m <= to);
    /** Counts summed over the shown months, for one insats or one unit. */
    const overRange = (cells: Cells, intervention: string | null) =>
      decisionCounts(
        sumCounts(
          inRange.map((m) =>
            table.sum(DECISION_COLUMNS, { period: isoMonth(m), sex: cells.sex, intervention }, 'unit', cells.units),
          ),
        ),
      );
    const byLabel = <T extends DecisionCounts & { label: string }>(rows: T[]) =>
      rows.sort((a, b) => byCount(a.decisions, b.decisions) || a.label.localeCompare(b.label, 'sv'));
    const overlaps = inRange.length > 0;
    const interventions = table.values('intervention');
    return {
      ...window,
      ...byGroup,
      units: sortedLabels(labels),
      rows: shown(window.months, window),
      total: window.months.reduce((sum, m) => sum + m.decisions, 0),
      yearOverYear: yoy,
      ...withYearPeriod(periodsOf(shares.map(forAggregates), query).map(hideAggregate), query),
      quarters: this.quarters(months, (quarter) => countsAt(quarterLabel(quarter), { units, sex: null }), from, to),
      byIntervention: overlaps
        ? byLabel(interventions.map((label) => ({ label, ...overRange({ units, sex: null }, label) })))
        : [],
      byUnit: overlaps
        ? byLabel(
            (codes ? units.filter((u): u is string => u !== null) : labels).map((label) => ({
              label,
              ...overRange({ units: [label], sex: null }, null),
            })),
          )
        : [],
      lateByMonth: shares.map((s) => ({ month: s.month, value: s.numerator })),
      onlyNotExecuted: all.some((m) => m.decisions > 0) && all.every((m) => m.executedInTime === 0),
      hasInterruptions: false,
      lastQuarter,
      quarterChoices: quartersNewestFirst(window.firstMonth ?? 0, lastQuarter).map((quarter) => ({
        quarter,
        running: quarter === lastQuarter && latestCompleteQuarter(query.asOf) !== quarter,
      })),
      fromPackage: true,
    };
  }

  /** As decisionQuarters: the quarters the months `from`–`to` touch, each beside a year earlier; no days to execution. */
  private quarters(
    months: MonthIndex[],
    counts: (quarter: QuarterIndex) => DecisionCounts,
    from: MonthIndex,
    to: MonthIndex,
  ): DecisionQuarter[] {
    if (months.length === 0) return [];
    const first = quarterOfMonth(months[0]);
    const last = quarterOfMonth(months[months.length - 1]);
    const rows: DecisionQuarter[] = [];
    for (let quarter = Math.max(first, quarterOfMonth(from)); quarter <= Math.min(last, quarterOfMonth(to)); quarter++)
      rows.push({
        quarter,
        ...counts(quarter),
        median: HIDDEN,
        p90: HIDDEN,
        executed: HIDDEN,
        previousYear: quarter - 4 >= first ? counts(quarter - 4) : null,
      });
    return rows;
  }

  /** Översikt from the package: the same cards, the headline read past hidden months (see forAggregates). */
  overview(query: ViewQuery): OverviewView {
    const withStandIns = <V extends { yearOverYear: YearOverYearRow[] }>(view: V | null): V | null =>
      view && {
        ...view,
        yearOverYear: view.yearOverYear.map((row) =>
          anyHidden(row.numerator, row.denominator) ? { ...row, numerator: HIDDEN, denominator: 1 } : row,
        ),
      };
    const view = overviewView(
      {
        investigations: (q) => withStandIns(this.investigations(q)),
        concerns: (q) => withStandIns(this.concerns(q)),
        decisions: (q) => withStandIns(this.decisions(q)),
      },
      query,
    );
    // A hidden change has no direction (direction() reads NaN as "sämre").
    const cards = view.cards.map((card) => {
      const h = card.headline;
      if (!h) return card;
      const yearToDate = isHidden(h.yearToDate.changePoints) ? { ...h.yearToDate, direction: null } : h.yearToDate;
      return { ...card, headline: { ...h, direction: isHidden(h.changePoints) ? null : h.direction, yearToDate } };
    });
    return { ...view, cards, fromPackage: true };
  }
}

function shareCounts(month: MonthIndex, s: { numerator: number; denominator: number; preliminary: boolean }) {
  return { month, numerator: s.numerator, denominator: s.denominator, preliminary: s.preliminary };
}

function sumCounts(rows: Counts[]): Counts {
  const out: Counts = Object.fromEntries(DECISION_COLUMNS.map((c) => [c, 0]));
  for (const row of rows) for (const c of DECISION_COLUMNS) out[c] += row[c];
  return out;
}

/** Decision counts with the kpi's share; the published total, which equals the sum of its parts when shown. */
function decisionCounts(c: Counts): DecisionCounts {
  const kpi = lateExecutionShareOf({
    executedLate: c.executedLate,
    overdue: c.overdue,
    decisions: c.decisions,
    notYetDue: c.notYetDue,
  });
  return {
    decisions: c.decisions,
    executedInTime: c.executedInTime,
    executedLate: c.executedLate,
    overdue: c.overdue,
    notYetDue: c.notYetDue,
    lateShare: hiddenIf(kpi.share, c.executedLate, c.overdue, c.decisions),
    preliminary: kpi.preliminary || isHidden(c.notYetDue),
  };
}

/** Largest first, hidden counts last. */
function byCount(a: number, b: number): number {
  if (isHidden(a) || isHidden(b)) return Number(isHidden(a)) - Number(isHidden(b));
  return b - a;
}
