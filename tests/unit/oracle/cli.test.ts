// The headless report against the independent oracle (fixtures/oracle): the monthly tables, the
// quarter table and the IVO list, cell by cell — counts exactly, shares to one decimal.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadExtract } from '../../../fixtures/oracle/extract';
import {
  concernStatus,
  decisionStatus,
  investigationStatus,
  ivoList,
  passedExtendedTo,
} from '../../../fixtures/oracle/figures';
import { compareWithOracle, type Comparison } from './compare';

const AS_OF = '2025-11-30';
const DEMO = ['beslut', 'forlangningar', 'orosanmalningar', 'utredningar'].map((name) => `public/data/${name}.csv`);
const EDGE = ['beslut_kant', 'forlangningar_kant', 'orosanmalningar_kant', 'utredningar_kant'].map(
  (name) => `fixtures/oracle/edge/${name}.csv`,
);
const TABLES = [
  'utredningar_manad.csv',
  'orosanmalningar_manad.csv',
  'beslut_manad.csv',
  'beslut_kvartal.csv',
  'ivo_2025Q3.csv',
];

/** Runs the report on `files` as of 2025-11-30 and compares it with the oracle. */
function compareAsOf(files: string[]) {
  const comparison = compareWithOracle(files, { quarter: '2025Q3', oracleAsOf: AS_OF, given: AS_OF });
  expect([...comparison.tables.keys()].sort()).toEqual([...TABLES].sort());
  return comparison;
}

describe('the oracle on hand-stated cases (fixtures/oracle/edge, as of 2025-11-30)', () => {
  const extract = loadExtract(EDGE, AS_OF);
  const statusOf = <T extends { id: string }>(rows: T[], status: (row: T, asOf: string) => string) =>
    Object.fromEntries(rows.map((row) => [row.id, status(row, AS_OF)]));

  it('classifies each investigation as written beside it', () => {
    expect(statusOf(extract.investigations, investigationStatus)).toEqual({
      'E-01': 'i tid', // finished on the deadline day
      'E-02': 'sen', // finished the day after
      'E-03': 'i tid', // 2023-03-31 + 4 months = 2023-07-31, no clamp needed
      'E-04': 'i tid', // 2022-10-31 + 4 months clamps to 2023-02-28
      'E-05': 'sen', // 2023-10-31 + 4 months clamps to the leap day 2024-02-29; finished 2024-03-01
      'E-06': 'i tid', // started on a leap day, finished on 2024-06-29
      'E-07': 'förlängd', // extension decided on the deadline day
      'E-08': 'sen', // extension decided the day after the deadline
      'E-09': 'förlängd', // the earliest of two extensions was in time
      'E-10': 'sen', // both extensions after the deadline
      'E-11': 'förlängd', // extension on the clamped deadline 2025-02-28
      'E-12': 'pågående', // open on the deadline day itself (2025-11-30)
      'E-13': 'sen', // open past the deadline, no extension
      'E-14': 'förlängd', // open, extended on the deadline day
      'E-15': 'pågående', // started on the as-of date
      'E-16': 'i tid', // finished on the as-of date, before its deadline
      'E-18': 'pågående', // 2025-10-31 + 4 months = 2026-02-28
      'E-19': 'i tid', // finished in time; its extension does not matter
    }); // E-17 finished after the as-of date: rejected
  });

  it('counts an extended investigation past its latest forlangd_till', () => {
    const extended = extract.investigations.filter((i) => investigationStatus(i, AS_OF) === 'förlängd');
    expect(Object.fromEntries(extended.map((i) => [i.id, passedExtendedTo(i, AS_OF)]))).toEqual({
      'E-07': false, // finished 2023-09-01, extended to 2023-10-10
      'E-09': true, // still open, extended to 2024-06-30 (the later of its two extensions)
      'E-11': true, // finished 2025-04-01, extended to 2025-03-31
      'E-14': false, // open, extended to 2026-01-31
    });
  });

  it('classifies each orosanmälan as written beside it', () => {
    expect(statusOf(extract.concerns, concernStatus)).toEqual({
      'K-01': 'i tid', // assessed on day 14
      'K-02': 'sen', // assessed on day 15
      'K-03': 'i tid', // day 14 falls in the next month
      'K-04': 'sen', // not assessed, day 14 passed
      'K-05': 'pågående utredning', // child already under investigation
      'K-06': 'pågående', // not assessed, the as-of date is day 14
      'K-07': 'sen', // not assessed, the as-of date is day 15
      'K-08': 'i tid', // skyddsbedömning before receipt: a warning, the row counts
      'K-09': 'pågående',
      'K-11': 'i tid', // 2025-02-28 + 14 days = 2025-03-14
    }); // K-10 assessed after the as-of date: rejected
    expect(extract.concerns.find((c) => c.id === 'K-08')?.protection).toBeUndefined();
  });

  it('classifies each beslut as written beside it', () => {
    expect(statusOf(extract.decisions, decisionStatus)).toEqual({
      'D-01': 'i tid', // executed on the deadline day
      'D-02': 'sent', // the day after
      'D-03': 'i tid', // 2024-11-30 + 3 months clamps to 2025-02-28
      'D-04': 'sent', // 2023-11-30 + 3 months = 2024-02-29; executed 2024-03-01
      'D-05': 'ej verkställt, frist passerad',
      'D-06': 'inom frist', // deadline on the as-of date
      'D-07': 'sent',
      'D-08': 'sent', // one day late
      'D-09': 'sent',
      'D-10': 'ej verkställt, frist passerad',
      'D-11': 'sent',
      'D-12': 'i tid',
      'D-13': 'i tid',
      'D-14': 'i tid',
      'D-15': 'i tid',
    }); // D-16 executed after the as-of date: rejected
  });

  it('lists for IVO 2025Q3 exactly the periods late on some day of the quarter', () => {
    const list = ivoList(extract.decisions, '2025Q3', AS_OF).map((e) => [e.id, e.kind, e.status, e.days]);
    expect(list).toEqual([
      ['D-05', 'beslut', 'ej verkställt', 194], // 2025-03-20 → 2025-09-30
      ['D-07', 'beslut', 'verkställt', 113], // executed late within the quarter
      ['D-08', 'beslut', 'verkställt', 92], // first late day = execution day = 2025-07-01
      ['D-11', 'beslut', 'ej verkställt', 138], // executed only in October
      ['D-12', 'avbrott', 'ej verkställt', 182], // interrupted 2025-04-01, never resumed
      ['D-13', 'avbrott', 'verkställt', 117], // resumed 2025-07-15, after its deadline 2025-06-20
    ]); // not D-09 (executed in June), D-10 (first late day 2025-10-01), D-14 (resumed in time),
    // D-15 (interruption before execution: a warning, the date ignored)
  });

  it('classifies the demo’s named edge cases as their purposes in fixtures/generate.ts say', () => {
    const demo = loadExtract(DEMO, AS_OF);
    const named = <T extends { id: string }>(rows: T[], status: (row: T, asOf: string) => string) =>
      statusOf(
        rows.filter((row) => row.id.includes('KANT')),
        status,
      );
    expect(named(demo.investigations, investigationStatus)).toEqual({
      'U-KANT-01': 'i tid', // avslutad på fristdagen
      'U-KANT-02': 'sen', // avslutad dagen efter fristdagen
      'U-KANT-03': 'förlängd', // förlängning beslutad på fristdagen
      'U-KANT-04': 'sen', // förlängning beslutad dagen efter fristdagen
      'U-KANT-05': 'i tid', // 2024-10-31 + 4 mån = 2025-02-28, avslutad då
      'U-KANT-06': 'sen', // 2024-10-31, avslutad 2025-03-01
      'U-KANT-07': 'i tid', // 2023-10-31 + 4 mån = 2024-02-29, avslutad då
      'U-KANT-08': 'förlängd', // förlängd men också över förlängd till
      'U-KANT-09': 'sen', // öppen efter fristdagen utan förlängning
      'U-KANT-10': 'pågående', // öppen, fristen inte passerad
      'U-KANT-11': 'pågående', // öppen på själva fristdagen (2025-11-30)
      'U-KANT-12': 'pågående', // inledd på uttagsdagen
      'U-KANT-13': 'i tid', // stängd 2025-09-26, före fristen
      'U-KANT-14': 'pågående', // återöppnad 2025-09-29
    });
    expect(
      passedExtendedTo(
        demo.investigations.find((i) => i.id === 'U-KANT-08')!,
        AS_OF,
      ),
    ).toBe(true);
    expect(named(demo.concerns, concernStatus)).toEqual({
      'A-KANT-01': 'i tid', // förhandsbedömning dag 14
      'A-KANT-02': 'sen', // dag 15
      'A-KANT-03': 'sen', // ingen, dag 14 passerad vid uttaget
      'A-KANT-04': 'pågående', // ingen, dag 14 inte passerad
      'A-KANT-05': 'pågående', // ingen, dag 14 är uttagsdagen
      'A-KANT-06': 'pågående utredning', // barnet redan under utredning
    });
    expect(named(demo.decisions, decisionStatus)).toEqual({
      'B-KANT-01': 'i tid', // verkställt på fristdagen
      'B-KANT-02': 'sent', // verkställt dagen efter
      'B-KANT-03': 'i tid', // 2024-11-30 + 3 mån = 2025-02-28, verkställt då
      'B-KANT-04': 'ej verkställt, frist passerad', // sedan maj 2025
      'B-KANT-05': 'inom frist', // fristen inte passerad
      'B-KANT-06': 'i tid', // verkställt i tid, sedan avbrott
      'B-KANT-07': 'i tid',
    });
    const ivo = ivoList(demo.decisions, '2025Q3', AS_OF).filter((e) => e.id.includes('KANT'));
    expect(ivo.map((e) => [e.id, e.kind, e.status])).toEqual([
      ['B-KANT-02', 'beslut', 'verkställt'], // dagen efter fristdagen: på listan 2025Q3 som verkställt
      ['B-KANT-04', 'beslut', 'ej verkställt'], // ej verkställt sedan maj 2025
      ['B-KANT-06', 'avbrott', 'verkställt'], // återupptaget 2025-07-20, efter tre månader
      ['B-KANT-07', 'avbrott', 'ej verkställt'], // avbrott 2025-05-05 ej återupptaget
    ]);
  }, 60_000);
});

describe('npm run report against the oracle', () => {
  let demo: Comparison;
  let edge: Comparison;
  beforeAll(() => {
    demo = compareAsOf(DEMO);
    edge = compareAsOf(EDGE);
  }, 180_000);

  it('agrees cell for cell on the demo data as of 2025-11-30, 2025Q3', () => {
    expect(demo.found).toEqual([]);
    // The tables are the full demo: 59 months, 20 quarters, 29 IVO reports.
    expect(demo.tables.get('utredningar_manad.csv')?.size).toBe(59);
    expect(demo.tables.get('beslut_kvartal.csv')?.size).toBe(20);
    expect(demo.tables.get('ivo_2025Q3.csv')?.size).toBe(29);
    expect(demo.cells).toBeGreaterThan(2000);
  });

  it('agrees cell for cell on the edge fixtures (deadline day, month-end clamp, extensions, open on the deadline)', () => {
    expect(edge.found).toEqual([]);
    expect(edge.tables.get('ivo_2025Q3.csv')?.size).toBe(6);
  });
});
