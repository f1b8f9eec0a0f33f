/**
 * One file's accepted rows as typed columns that grow as rows are added, addressed by field index
 * (the validator's order of the dataset's fields), cut to size into a `Table` at the end.
 */
import { SEX_LABELS } from '../kpi';
import type { DatasetKind, FieldSpec } from './datasets';
import { CategoryBuilder, grown, type Table } from './table';

const NONE_DATES = new Int32Array(0);
const NONE_CODES = new Uint32Array(0);

export class GrowingTable {
  /** Per field: its column (an empty one where the field is of another kind); replaced as they grow. */
  readonly dateOf: Int32Array[];
  readonly integerOf: Int32Array[];
  readonly codeOf: Uint32Array[];
  readonly textOf: string[][];
  readonly builderOf: (CategoryBuilder | null)[];
  /** The line of each row in the file. */
  line: Int32Array;
  /** Rows the columns hold room for. */
  capacity: number;

  constructor(
    private readonly fields: readonly FieldSpec[],
    capacity: number,
  ) {
    this.capacity = capacity;
    const is = (field: FieldSpec, ...kinds: FieldSpec['kind'][]) => kinds.includes(field.kind);
    this.dateOf = fields.map((f) => (is(f, 'date') ? new Int32Array(capacity) : NONE_DATES));
    this.integerOf = fields.map((f) => (is(f, 'integer') ? new Int32Array(capacity) : NONE_DATES));
    this.codeOf = fields.map((f) => (is(f, 'category', 'sex') ? new Uint32Array(capacity) : NONE_CODES));
    this.builderOf = fields.map((f) =>
      is(f, 'category', 'sex') ? new CategoryBuilder(f.kind === 'sex' ? SEX_LABELS : []) : null,
    );
    this.textOf = fields.map(() => []);
    this.line = new Int32Array(capacity);
  }

  /** Room for `rows` rows (by default twice as many as now), the rows so far kept. */
  grow(rows = this.capacity * 2): void {
    this.capacity = rows;
    const grownOrNone = <T extends Int32Array | Uint32Array>(column: T) =>
      column.length > 0 ? grown(column, rows) : column;
    this.fields.forEach((_, f) => {
      this.dateOf[f] = grownOrNone(this.dateOf[f]);
      this.integerOf[f] = grownOrNone(this.integerOf[f]);
      this.codeOf[f] = grownOrNone(this.codeOf[f]);
    });
    this.line = grown(this.line, rows);
  }

  /** The first `count` rows as a table of one file. */
  table(dataset: DatasetKind, count: number, fileName: string, repeatedIds: Int32Array | undefined): Table {
    const pick = <T>(kinds: FieldSpec['kind'][], column: (f: number) => T): Record<string, T> =>
      Object.fromEntries(
        this.fields.flatMap((field, f) => (kinds.includes(field.kind) ? [[field.key, column(f)] as const] : [])),
      );
    return {
      dataset,
      count,
      present: this.fields.map((f) => f.key),
      dates: pick(['date'], (f) => this.dateOf[f].slice(0, count)),
      integers: pick(['integer'], (f) => this.integerOf[f].slice(0, count)),
      texts: pick(['id', 'ref', 'text', 'person'], (f) => this.textOf[f]),
      categories: pick(['category', 'sex'], (f) => ({
        codes: this.codeOf[f].slice(0, count),
        labels: this.builderOf[f]?.labels ?? [],
      })),
      files: [fileName],
      fileIndex: new Uint16Array(count),
      line: this.line.slice(0, count),
      repeatedIds,
    };
  }
}
