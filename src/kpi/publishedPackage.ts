/**
 * The package published for the nämnd (issue 13): a manifest and aggregate tables, no records.
 * Every count in it, the manifest's row counts included, goes through one suppression
 * (suppression.ts) together with every additive relation that ties the counts together — within a
 * table (margins, outcome columns, months into quarters) and between tables (late reasons per year
 * against the monthly late counts; a dataset's rows against its table's months).
 *
 * Not modelled: inequalities between tables. The IVO counts (waiting periods listed per quarter) are
 * at least the decisions overdue at the as-of date in the quarter holding it, but no equality ties
 * them to the beslut table, so only that weaker bound reaches across.
 */
import {
  mapColumns,
  suppressCounts,
  tableRelations,
  type AdditiveRelation,
  type Count,
  type KeyedRow,
  type TableLayout,
} from './suppression';

export const PACKAGE_KIND = 'aggregat';
export const PACKAGE_FORMAT_VERSION = 1;

/** The rule as the manifest states it to the reader. */
export const SUPPRESSION_RULE_TEXT =
  'Antal från 1 till 4 visas inte (”färre än 5”); 0 visas. Där ett dolt antal annars skulle gå att räkna ' +
  'fram ur andra antal eller summor i paketet är fler antal dolda, så att inget dolt antal kan räknas fram. ' +
  'Andelar visas inte när något av antalen är dolt eller nämnaren är under 5.';

export type DatasetName = 'utredningar' | 'forlangningar' | 'beslut' | 'orosanmalningar';
export type TableName = 'utredningar' | 'orosanmalningar' | 'orosanmalningar_orsaker' | 'beslut' | 'ivo';

export interface PackageManifest {
  kind: typeof PACKAGE_KIND;
  formatVersion: typeof PACKAGE_FORMAT_VERSION;
  title: string;
  /** Uttagsdatum, `YYYY-MM-DD`. */
  asOf: string;
  /** When the package was made: given by the caller, never read from the clock. */
  created: string;
  sources: { file: string; dataset: DatasetName; rows: Count }[];
  /** Per dataset with a table and files: rows read but counted in no table (rejected, or dated after the as-of date). */
  notCounted: { dataset: DatasetName; rows: Count }[];
  suppressionRule: string;
  /** The tables in the package; a table `name` is stored as `name.json` beside the manifest. */
  tables: TableName[];
}

export const INVESTIGATION_COLUMNS = [
  'started',
  'inTime',
  'extended',
  'extendedNotOverdue',
  /** Of the extended, those that also passed their `forlangd_till`. */
  'extendedOverdue',
  'late',
  'pending',
] as const;
export type InvestigationColumn = (typeof INVESTIGATION_COLUMNS)[number];
/** Investigations per start month (`YYYY-MM`), unit and kön; unit or sex null = all. */
export type InvestigationAggregate<V = Count> = KeyedRow<'month' | 'unit' | 'sex', InvestigationColumn, V> & {
  month: string;
};

export const CONCERN_COLUMNS = ['received', 'inTime', 'late', 'pending', 'underInvestigation'] as const;
/** Skyddsbedömning columns, present only when the extract has a skyddsbedömning date. */
export const PROTECTIVE_COLUMNS = ['protectiveInTime', 'protectiveLate', 'protectivePending'] as const;
export type ConcernColumn = (typeof CONCERN_COLUMNS)[number] | (typeof PROTECTIVE_COLUMNS)[number];
/** Orosanmälningar per month of receipt (`YYYY-MM`), unit and kön. */
export type ConcernAggregate<V = Count> = KeyedRow<'month' | 'unit' | 'sex', (typeof CONCERN_COLUMNS)[number], V> &
  Partial<Record<(typeof PROTECTIVE_COLUMNS)[number], V>> & { month: string };
/** Late orosanmälningar per year (`YYYY`) and delay reason; reason null = all late that year. */
export type ConcernReasonAggregate<V = Count> = KeyedRow<'year' | 'reason', 'late', V> & { year: string };

export const DECISION_COLUMNS = ['decisions', 'executedInTime', 'executedLate', 'overdue', 'notYetDue'] as const;
export type DecisionColumn = (typeof DECISION_COLUMNS)[number];
/** Beslut per month (`YYYY-MM`) or quarter (`YYYYQn`) of decision, unit, kön and insats. */
export type DecisionAggregate<V = Count> = KeyedRow<'period' | 'unit' | 'sex' | 'intervention', DecisionColumn, V> & {
  period: string;
};

/** Waiting periods on the IVO list per quarter (`YYYYQn`), insats and waiting-time band. */
export type IvoAggregate<V = Count> = KeyedRow<'quarter' | 'intervention' | 'waitingTime', 'listed', V> & {
  quarter: string;
};

export interface AggregateTables {
  utredningar?: InvestigationAggregate[];
  orosanmalningar?: ConcernAggregate[];
  orosanmalningar_orsaker?: ConcernReasonAggregate[];
  beslut?: DecisionAggregate[];
  ivo?: IvoAggregate[];
}

export interface PublishedPackage {
  manifest: PackageManifest;
  tables: AggregateTables;
}

/** Plain counts to publish: the finest rows only (no margins, no null keys); the margins are made here. */
export interface PackageInput {
  title: string;
  asOf: string;
  created: string;
  sources: { file: string; dataset: DatasetName; rows: number }[];
  utredningar?: InvestigationAggregate<number>[];
  orosanmalningar?: {
    rows: ConcernAggregate<number>[];
    hasProtective: boolean;
    /** Late reports per year and reason, when the extract has a reason column. */
    lateReasons?: { year: string; reason: string; late: number }[];
  };
  /** Per month of decision, unit, kön and insats. */
  beslut?: DecisionAggregate<number>[];
  /** Per quarter, insats and waiting-time band. */
  ivo?: IvoAggregate<number>[];
}

/** How much more a table's total over every unit is spared than its other margins (see publishPackage). */
const GRAND_TOTAL_KEEP = 5;

/** A report's empty delay reason, in the records' views and in a package alike (one label). */
export const NO_REASON_LABEL = '(ingen orsak angiven)';
/** In a package: the delay reasons given fewer than 5 times in all, together. */
export const OTHER_REASONS_LABEL = 'Övriga orsaker';

const INVESTIGATIONS: TableLayout<'month' | 'unit' | 'sex', InvestigationColumn> = {
  keys: ['month', 'unit', 'sex'],
  summedKeys: ['unit', 'sex'],
  columns: INVESTIGATION_COLUMNS,
  columnSums: [
    { total: 'started', parts: ['inTime', 'extended', 'late', 'pending'] },
    { total: 'extended', parts: ['extendedNotOverdue', 'extendedOverdue'] },
  ],
};
const REASONS: TableLayout<'year' | 'reason', 'late'> = {
  keys: ['year', 'reason'],
  summedKeys: ['reason'],
  columns: ['late'],
  columnSums: [],
};
const DECISIONS: TableLayout<'period' | 'unit' | 'sex' | 'intervention', DecisionColumn> = {
  keys: ['period', 'unit', 'sex', 'intervention'],
  summedKeys: ['unit', 'sex', 'intervention'],
  columns: DECISION_COLUMNS,
  columnSums: [{ total: 'decisions', parts: ['executedInTime', 'executedLate', 'overdue', 'notYetDue'] }],
  rollUp: { period: (period) => (isMonth(period) ? quarterOfMonth(period) : undefined) },
};
const IVO: TableLayout<'quarter' | 'intervention' | 'waitingTime', 'listed'> = {
  keys: ['quarter', 'intervention', 'waitingTime'],
  summedKeys: ['intervention', 'waitingTime'],
  columns: ['listed'],
  columnSums: [],
};

function concernLayout(hasProtective: boolean): TableLayout<'month' | 'unit' | 'sex', ConcernColumn> {
  const statusSum = { total: 'received', parts: ['inTime', 'late', 'pending', 'underInvestigation'] } as const;
  const protectiveSum = { total: 'received', parts: PROTECTIVE_COLUMNS } as const;
  return {
    keys: ['month', 'unit', 'sex'],
    summedKeys: ['unit', 'sex'],
    columns: hasProtective ? [...CONCERN_COLUMNS, ...PROTECTIVE_COLUMNS] : CONCERN_COLUMNS,
    columnSums: hasProtective ? [statusSum, protectiveSum] : [statusSum],
  };
}

type DecisionRow = KeyedRow<'period' | 'unit' | 'sex' | 'intervention', DecisionColumn, number>;
type ConcernRow = KeyedRow<'month' | 'unit' | 'sex', ConcernColumn, number>;

const isMonth = (period: string) => /^\d{4}-\d{2}$/.test(period);
/** @example quarterOfMonth('2025-08') // '2025Q3' */
const quarterOfMonth = (month: string) => `${month.slice(0, 4)}Q${Math.ceil(Number(month.slice(5, 7)) / 3)}`;

/**
 * Builds the package from plain counts: adds the margin rows, merges rare or empty delay reasons,
 * suppresses every count at once and returns the tables with hidden counts as null.
 * Throws when the counts contradict each other (a caller's bug), e.g. a dataset's tables hold more
 * rows than its files.
 * @example
 * const pkg = publishPackage({ title: 'Nämndrapport', asOf: '2025-11-30', created: '2025-12-01T08:00',
 *   sources: [{ file: 'utredningar.csv', dataset: 'utredningar', rows: 40 }], utredningar: rows });
 * pkg.tables.utredningar?.find((r) => r.unit === null && r.sex === null)?.started // e.g. 40
 */
export function publishPackage(input: PackageInput): PublishedPackage {
  const counts: number[] = [];
  const relations: AdditiveRelation[] = [];
  // What a complement should spare: margins more than cells (the pages show margins), the columns
  // a share is made of more than the rest, and most of all a table's total over every unit (its
  // first headline column with every summed key null): the count the pages lead with, which
  // suppressCounts then hides only as a last resort. File row counts matter least.
  const keep: number[] = [];
  const index = <K extends string, C extends string>(
    layout: TableLayout<K, C>,
    rows: KeyedRow<K, C, number>[],
    headline: readonly C[],
    coarser: (row: KeyedRow<K, C, number>) => boolean = () => false,
  ) => {
    const indexed = rows.map((row) => mapColumns(layout, row, (count) => counts.push(count) - 1));
    for (const row of indexed) {
      const level = layout.summedKeys.filter((k) => row[k] === null).length + (coarser(row) ? 1 : 0);
      for (const column of layout.columns) keep[row[column]] = 1 + level + (headline.includes(column) ? 0.5 : 0);
      if (headline.length > 0 && layout.summedKeys.every((k) => row[k] === null))
        keep[row[headline[0]]] += GRAND_TOTAL_KEEP;
    }
    relations.push(...tableRelations(layout, indexed));
    return indexed;
  };
  const monthTotals: Partial<Record<DatasetName, number[]>> = {};
  /** The month rows over all units, kön and insats: a dataset's rows by month. */
  const grandTotals = <R extends Record<string, unknown>>(rows: R[], column: keyof R, where: (row: R) => boolean) =>
    rows
      .filter((row) => where(row) && ['unit', 'sex', 'intervention'].every((k) => row[k] == null))
      .map((row) => row[column] as number);

  const investigations =
    input.utredningar &&
    index(INVESTIGATIONS, withMargins(INVESTIGATIONS, input.utredningar, [['unit', 'sex']]), ['started', 'late']);
  if (investigations) monthTotals.utredningar = grandTotals(investigations, 'started', () => true);

  const concernsLayout = concernLayout(input.orosanmalningar?.hasProtective ?? false);
  const concerns =
    input.orosanmalningar &&
    // The protective columns are there when hasProtective; suppressCounts throws on a missing count.
    index(concernsLayout, withMargins(concernsLayout, input.orosanmalningar.rows as ConcernRow[], [['unit', 'sex']]), [
      'received',
      'inTime',
      'late',
    ]);
  if (concerns) monthTotals.orosanmalningar = grandTotals(concerns, 'received', () => true);

  const lateReasons = input.orosanmalningar?.lateReasons;
  const reasons =
    concerns && lateReasons && index(REASONS, reasonRows(lateReasons, input.orosanmalningar?.rows ?? []), ['late']);
  if (concerns && reasons) {
    for (const total of reasons.filter((row) => row.reason === null)) {
      const months = concerns.filter((r) => r.month?.startsWith(`${total.year}-`) && r.unit === null && r.sex === null);
      relations.push({ total: [total.late], parts: months.map((r) => r.late) });
    }
  }

  const decisions =
    input.beslut &&
    index(
      DECISIONS,
      withQuarters(
        withMargins(DECISIONS, input.beslut, [
          ['unit', 'sex'],
          ['unit', 'intervention'],
        ]),
      ),
      ['decisions', 'executedLate', 'overdue'],
      (row) => !isMonth(row.period ?? ''),
    );
  if (decisions) monthTotals.beslut = grandTotals(decisions, 'decisions', (row) => isMonth(row.period ?? ''));

  const ivo = input.ivo && index(IVO, withMargins(IVO, input.ivo, [['intervention', 'waitingTime']]), []);

  const sources = input.sources.map((source) => ({ ...source, rows: counts.push(source.rows) - 1 }));
  // Per dataset that has both a table and files listed.
  const datasets = (Object.keys(monthTotals) as DatasetName[]).filter((d) => sources.some((s) => s.dataset === d));
  const notCounted = datasets.map((dataset) => {
    const files = sources.filter((s) => s.dataset === dataset).map((s) => s.rows);
    const months = monthTotals[dataset] ?? [];
    const rest = sum(files.map((i) => counts[i])) - sum(months.map((i) => counts[i]));
    if (rest < 0) throw new Error(`${dataset}: tabellerna räknar ${-rest} rader fler än filerna har`);
    const rows = counts.push(rest) - 1;
    // Files as the parts: when a hidden count needs a complement here, the file's row count goes first.
    relations.push({ total: [...months, rows], parts: files });
    return { dataset, rows };
  });

  const result = suppressCounts(counts, relations, keep);
  const published = <K extends string, C extends string>(layout: TableLayout<K, C>, rows?: KeyedRow<K, C, number>[]) =>
    rows?.map((row) => mapColumns(layout, row, (i) => result[i].value));
  const tables: AggregateTables = {
    utredningar: published(INVESTIGATIONS, investigations) as InvestigationAggregate[] | undefined,
    orosanmalningar: published(concernsLayout, concerns) as ConcernAggregate[] | undefined,
    orosanmalningar_orsaker: published(REASONS, reasons) as ConcernReasonAggregate[] | undefined,
    beslut: published(DECISIONS, decisions) as DecisionAggregate[] | undefined,
    ivo: published(IVO, ivo) as IvoAggregate[] | undefined,
  };
  for (const name of Object.keys(tables) as TableName[]) if (!tables[name]) delete tables[name];
  return {
    manifest: {
      kind: PACKAGE_KIND,
      formatVersion: PACKAGE_FORMAT_VERSION,
      title: input.title,
      asOf: input.asOf,
      created: input.created,
      sources: sources.map((s) => ({ ...s, rows: result[s.rows].value })),
      notCounted: notCounted.map(({ dataset, rows }) => ({ dataset, rows: result[rows].value })),
      suppressionRule: SUPPRESSION_RULE_TEXT,
      tables: Object.keys(tables) as TableName[],
    },
    tables,
  };
}

/**
 * The given finest rows plus their margin rows: for each published level (a set of keys kept, the
 * others among `levels`' keys set to null) and every level below it. Sorted by key, null first.
 */
function withMargins<K extends string, C extends string>(
  layout: TableLayout<K, C>,
  rows: readonly KeyedRow<K, C, number>[],
  levels: readonly (readonly K[])[],
): KeyedRow<K, C, number>[] {
  const summed = [...new Set(levels.flat())];
  const kept = new Set<string>();
  for (const level of levels) for (const subset of subsets(level)) kept.add(JSON.stringify([...subset].sort()));
  const out = new Map<string, KeyedRow<K, C, number>>();
  for (const row of rows) {
    for (const level of kept) {
      const keep = new Set<string>(JSON.parse(level) as string[]);
      const margin: Record<string, string | number | null> = { ...row };
      for (const key of summed) if (!keep.has(key)) margin[key] = null;
      add(layout, out, margin as KeyedRow<K, C, number>);
    }
  }
  return sortRows(layout, [...out.values()]);
}

/** Adds a row's counts into the row with the same key in `out`, or adds the row. */
function add<K extends string, C extends string>(
  layout: TableLayout<K, C>,
  out: Map<string, KeyedRow<K, C, number>>,
  row: KeyedRow<K, C, number>,
): void {
  const key = JSON.stringify(layout.keys.map((k) => row[k]));
  const existing = out.get(key);
  if (!existing)
    out.set(
      key,
      mapColumns(layout, row, (count) => count),
    );
  else for (const column of layout.columns) (existing as Record<C, number>)[column] += row[column];
}

function subsets<T>(items: readonly T[]): T[][] {
  return items.reduce<T[][]>((all, item) => [...all, ...all.map((s) => [...s, item])], [[]]);
}

function sortRows<K extends string, C extends string>(
  layout: TableLayout<K, C>,
  rows: KeyedRow<K, C, number>[],
): KeyedRow<K, C, number>[] {
  const compare = (a: string | null, b: string | null) =>
    a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1;
  return rows.sort((a, b) => layout.keys.reduce((order, k) => order || compare(a[k], b[k]), 0));
}

/** Month rows plus quarter rows (the sums of their months), for every margin level. */
function withQuarters(rows: DecisionRow[]): DecisionRow[] {
  const out = new Map<string, DecisionRow>();
  for (const row of rows) add(DECISIONS, out, row);
  for (const row of rows) add(DECISIONS, out, { ...row, period: quarterOfMonth(row.period ?? '') });
  return sortRows(DECISIONS, [...out.values()]);
}

/**
 * Late reasons per year with a total row per year (every year with orosanmälningar). An empty reason
 * becomes NO_REASON_LABEL, as in the records' views; a reason given fewer than 5 times in all becomes "Övriga orsaker",
 * so no rare, free-typed wording is published.
 */
function reasonRows(
  lateReasons: readonly { year: string; reason: string; late: number }[],
  concerns: readonly ConcernAggregate<number>[],
): KeyedRow<'year' | 'reason', 'late', number>[] {
  const named = lateReasons.map((r) => ({ ...r, reason: r.reason.trim() || NO_REASON_LABEL }));
  const totals = new Map<string, number>();
  for (const { reason, late } of named) totals.set(reason, (totals.get(reason) ?? 0) + late);
  const out = new Map<string, KeyedRow<'year' | 'reason', 'late', number>>();
  for (const month of concerns) add(REASONS, out, { year: month.month.slice(0, 4), reason: null, late: 0 });
  for (const { year, reason, late } of named) {
    if (late === 0) continue;
    const label = (totals.get(reason) ?? 0) < 5 ? OTHER_REASONS_LABEL : reason;
    add(REASONS, out, { year, reason: label, late });
    add(REASONS, out, { year, reason: null, late });
  }
  return sortRows(REASONS, [...out.values()]);
}

function sum(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0);
}

// ---------------------------------------------------------------------------------------------
// Aggregates only: no id, personnummer, individual date or free text; no count of 1–4.

export interface AggregateProblem {
  /** Where in the package, e.g. `tables.beslut[12].intervention`. */
  path: string;
  message: string;
}

const PERSONNUMMER_LIKE = /(?<!\d)(?:\d{2})?\d{6}[-+ ]?\d{4}(?!\d)/;
const DATE_LIKE =
  /(?<!\d)\d{4}-\d{1,2}-\d{1,2}(?!\d)|(?<!\d)\d{1,2}[./]\d{1,2}[./]\d{2,4}(?!\d)|(?<!\d)(?:19|20)\d{6}(?!\d)/;
const ID_LIKE = /\d{5,}|\p{L}[-_]?\d{3,}|(?=[0-9a-f]*\d)\b[0-9a-f]{8,}\b/iu;
const FREE_TEXT_LIKE = /[\n\r\t@]|[.!?]\s+\p{Lu}/u;
/** Fields that hold a period, and the one form each may take. */
const PERIOD_FORMS: Record<string, RegExp> = {
  month: /^\d{4}-\d{2}$/,
  quarter: /^\d{4}Q[1-4]$/,
  period: /^\d{4}-\d{2}$|^\d{4}Q[1-4]$/,
  year: /^\d{4}$/,
  asOf: /^\d{4}-\d{2}-\d{2}$/,
  created: /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/,
};
/** Our own wording (title, rule text) and file names: only checked for personnummer. */
const OWN_TEXT = new Set(['title', 'suppressionRule', 'file']);

/**
 * Everything in a package (or parsed JSON claiming to be one) that is not an aggregate: a
 * personnummer-like, id-like, individual-date-like or free-text string, or a count that is not a
 * whole number ≥ 0 or is 1–4. Simple patterns, so a few harmless labels may be flagged too.
 * @example aggregateOnlyProblems({ tables: { ivo: [{ intervention: 'HVB 19121212-1212' }] } })[0].message
 * // 'ser ut som ett personnummer: [personnummer dolt]'
 */
export function aggregateOnlyProblems(pkg: unknown): AggregateProblem[] {
  const problems: AggregateProblem[] = [];
  const walk = (value: unknown, path: string, field: string) => {
    const report = (message: string) => problems.push({ path, message });
    if (Array.isArray(value)) value.forEach((item, i) => walk(item, `${path}[${i}]`, field));
    else if (value !== null && typeof value === 'object')
      for (const [key, item] of Object.entries(value)) walk(item, path ? `${path}.${key}` : key, key);
    else if (typeof value === 'number') {
      if (field === 'formatVersion') return;
      if (!Number.isInteger(value) || value < 0) report(`är inte ett antal (heltal ≥ 0): ${value}`);
      else if (value >= 1 && value <= 4) report(`är ett antal mellan 1 och 4 som skulle ha dolts: ${value}`);
    } else if (typeof value === 'string') {
      if (PERSONNUMMER_LIKE.test(value)) return report('ser ut som ett personnummer: [personnummer dolt]');
      if (OWN_TEXT.has(field)) return;
      const form = PERIOD_FORMS[field];
      if (form) return form.test(value) ? undefined : report(`har inte formen för ${field}: ${value}`);
      if (DATE_LIKE.test(value)) report(`ser ut som ett enskilt datum: ${value}`);
      else if (ID_LIKE.test(value)) report(`ser ut som ett id: ${value}`);
      else if (value.length > 80 || FREE_TEXT_LIKE.test(value)) report('ser ut som fritext (visas inte)');
    }
  };
  walk(pkg, '', '');
  return problems;
}

/**
 * Throws, listing every problem, when the package holds anything but aggregates.
 * @example assertAggregateOnly(publishPackage(input)) // returns; a record-level table would throw
 */
export function assertAggregateOnly(pkg: unknown): void {
  const problems = aggregateOnlyProblems(pkg);
  if (problems.length > 0)
    throw new Error(
      `Paketet innehåller mer än aggregat:\n${problems.map((p) => `${p.path}: ${p.message}`).join('\n')}`,
    );
}
