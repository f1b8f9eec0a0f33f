import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildInvestigationCube,
  classifyInvestigation,
  fourMonthDeadline,
  InvestigationStatus,
  isoDate,
  joinExtensions,
  monthlyCohorts,
  NO_DATE,
  passedExtendedDate,
  type InvestigationColumns,
} from '../../../src/kpi';
import { d } from './days';

const { inTime, extended, late, pending } = InvestigationStatus;

describe('fourMonthDeadline', () => {
  it('returns start + 4 calendar months', () => {
    expect(isoDate(fourMonthDeadline(d('2025-01-10')))).toBe('2025-05-10');
  });
  it('clamps to the month end (2025-10-31 → 2026-02-28) and leap day (2023-10-30 → 2024-02-29)', () => {
    expect(isoDate(fourMonthDeadline(d('2025-10-31')))).toBe('2026-02-28');
    expect(isoDate(fourMonthDeadline(d('2023-10-30')))).toBe('2024-02-29');
  });
  it('moves a weekend deadline to Monday only when the lag (1930:173) 2 § setting is on', () => {
    // 2025-07-22 + 4 months = 2025-11-22, a Saturday.
    expect(isoDate(fourMonthDeadline(d('2025-07-22')))).toBe('2025-11-22');
    expect(isoDate(fourMonthDeadline(d('2025-07-22'), { shiftToWorkingDay: true }))).toBe('2025-11-24');
  });
});

describe('classifyInvestigation', () => {
  const start = d('2025-01-10'); // deadline 2025-05-10
  const asOf = d('2025-11-30');

  it('returns i tid when finished before the deadline', () => {
    expect(classifyInvestigation(start, d('2025-03-01'), NO_DATE, asOf)).toBe(inTime);
  });

  describe('edge cases', () => {
    it('finishing on the deadline day is in time', () => {
      expect(classifyInvestigation(start, d('2025-05-10'), NO_DATE, asOf)).toBe(inTime);
    });
    it('finishing the day after the deadline without extension is sen', () => {
      expect(classifyInvestigation(start, d('2025-05-11'), NO_DATE, asOf)).toBe(late);
    });
    it('an extension decided on the deadline day counts: förlängd', () => {
      expect(classifyInvestigation(start, d('2025-06-20'), d('2025-05-10'), asOf)).toBe(extended);
    });
    it('an extension decided one day after the deadline does not count: sen', () => {
      expect(classifyInvestigation(start, d('2025-06-20'), d('2025-05-11'), asOf)).toBe(late);
    });
    it('still open past the deadline without extension is sen', () => {
      expect(classifyInvestigation(start, NO_DATE, NO_DATE, d('2025-05-11'))).toBe(late);
    });
    it('still open past the deadline with a timely extension is förlängd', () => {
      expect(classifyInvestigation(start, NO_DATE, d('2025-04-01'), d('2025-05-11'))).toBe(extended);
    });
    it('still open on the deadline day itself is pågående', () => {
      expect(classifyInvestigation(start, NO_DATE, NO_DATE, d('2025-05-10'))).toBe(pending);
    });
    it('still open before the deadline is pågående', () => {
      expect(classifyInvestigation(start, NO_DATE, NO_DATE, d('2025-02-01'))).toBe(pending);
    });
    it('month-end clamp: started 2025-10-31, finished 2026-02-28 is in time, 2026-03-01 is sen', () => {
      expect(classifyInvestigation(d('2025-10-31'), d('2026-02-28'), NO_DATE, d('2026-03-31'))).toBe(inTime);
      expect(classifyInvestigation(d('2025-10-31'), d('2026-03-01'), NO_DATE, d('2026-03-31'))).toBe(late);
    });
    it('leap year: started 2023-10-31, finished 2024-02-29 is in time', () => {
      expect(classifyInvestigation(d('2023-10-31'), d('2024-02-29'), NO_DATE, d('2024-06-01'))).toBe(inTime);
    });
  });
});

describe('passedExtendedDate', () => {
  it('returns true when finished after the extended date, false on it', () => {
    expect(passedExtendedDate(d('2025-08-10'), d('2025-08-11'), d('2025-11-30'))).toBe(true);
    expect(passedExtendedDate(d('2025-08-10'), d('2025-08-10'), d('2025-11-30'))).toBe(false);
  });
  it('returns true when still open at an as-of date past the extended date', () => {
    expect(passedExtendedDate(d('2025-08-10'), NO_DATE, d('2025-08-11'))).toBe(true);
    expect(passedExtendedDate(d('2025-08-10'), NO_DATE, d('2025-08-10'))).toBe(false);
  });
  it('returns false without an extended date', () => {
    expect(passedExtendedDate(NO_DATE, NO_DATE, d('2025-08-11'))).toBe(false);
  });
});

function columns(
  rows: [string, string | null, string | null, number, string | null][],
  units: string[],
): InvestigationColumns {
  return {
    count: rows.length,
    start: Int32Array.from(rows, (r) => d(r[0])),
    end: Int32Array.from(rows, (r) => (r[1] ? d(r[1]) : NO_DATE)),
    firstExtension: Int32Array.from(rows, (r) => (r[2] ? d(r[2]) : NO_DATE)),
    extendedTo: Int32Array.from(rows, (r) => (r[4] ? d(r[4]) : NO_DATE)),
    unit: Uint16Array.from(rows, (r) => r[3]),
    sex: new Uint16Array(rows.length),
    units,
  };
}

describe('monthlyCohorts', () => {
  const table = columns(
    [
      ['2025-01-05', '2025-03-01', null, 0, null], // i tid
      ['2025-01-20', '2025-06-01', null, 0, null], // sen
      ['2025-01-31', null, '2025-05-01', 1, '2025-07-31'], // förlängd, open past 07-31 → overdue
      ['2025-01-31', '2025-05-31', null, 1, null], // deadline 2025-05-31: i tid
      ['2025-03-15', null, null, 1, null], // deadline 2025-07-15: sen at as-of
      ['2025-06-10', null, null, 0, null], // deadline 2025-10-10: sen
      ['2025-08-01', null, null, 0, null], // deadline 2025-12-01: pågående
    ],
    ['Norr', 'Söder'],
  );
  const { cube } = buildInvestigationCube(table, d('2025-11-30'));

  it('returns one row per start month with the four statuses, empty months as zero', () => {
    const rows = monthlyCohorts(cube);
    expect(rows.map((r) => r.month - 2025 * 12)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(rows[0]).toMatchObject({
      started: 4,
      inTime: 2,
      extended: 1,
      late: 1,
      pending: 0,
      extendedOverdue: 1,
      lateShare: 0.25,
      preliminary: false,
    });
    expect(rows[1]).toMatchObject({ started: 0, lateShare: null, preliminary: false });
    expect(rows[2]).toMatchObject({ started: 1, late: 1, lateShare: 1 });
    expect(rows[7]).toMatchObject({ started: 1, pending: 1, lateShare: 0, preliminary: true });
  });

  it('filters by unit without re-reading rows', () => {
    const north = monthlyCohorts(cube, { units: [0] });
    expect(north[0]).toMatchObject({ started: 2, inTime: 1, late: 1, extended: 0 });
    const south = monthlyCohorts(cube, { units: [1] });
    expect(south[0]).toMatchObject({ started: 2, inTime: 1, extended: 1, late: 0 });
  });

  it('skips rows started or ended after the as-of date and lists them', () => {
    const { cube: early, rowsAfterAsOf } = buildInvestigationCube(table, d('2025-05-31'));
    expect(rowsAfterAsOf).toEqual([1, 5, 6]);
    const rows = monthlyCohorts(early);
    // Row 2 (deadline 2025-05-31) is open on its deadline day: pågående, despite its extension.
    expect(rows[0]).toMatchObject({ started: 3, inTime: 2, pending: 1, extended: 0, preliminary: true });
    expect(rows[rows.length - 1].month).toBe(2025 * 12 + 2);
  });

  it('counts every row exactly once across statuses (sum of cells = rows)', () => {
    const total = monthlyCohorts(cube).reduce((s, r) => s + r.inTime + r.extended + r.late + r.pending, 0);
    expect(total).toBe(table.count);
  });
});

describe('joinExtensions', () => {
  it('keeps the earliest decision and the latest extended date, lists orphans, ignores decisions after as-of', () => {
    const result = joinExtensions(
      ['A', 'B'],
      {
        count: 4,
        investigationId: ['A', 'A', 'X', 'B'],
        decided: Int32Array.from([d('2025-05-01'), d('2025-04-01'), d('2025-04-01'), d('2025-12-01')]),
        extendedTo: Int32Array.from([d('2025-09-01'), d('2025-07-01'), NO_DATE, d('2026-01-01')]),
      },
      d('2025-11-30'),
    );
    expect(isoDate(result.firstExtension[0])).toBe('2025-04-01');
    expect(isoDate(result.extendedTo[0])).toBe('2025-09-01');
    expect(result.firstExtension[1]).toBe(NO_DATE);
    expect(result.orphanRows).toEqual([2]);
  });

  it('joins as a plain search over every pair would, with many ids, repeats and orphans', () => {
    const id = fc.constantFrom('A', 'B', 'C', 'a', 'A ', 'Ö', '', 'U-12345678901234');
    const day = fc.integer({ min: 20_000, max: 20_060 });
    const extension = fc.tuple(id, day, fc.option(day, { nil: NO_DATE }));
    fc.assert(
      fc.property(
        fc.uniqueArray(id, { maxLength: 6 }),
        fc.array(extension, { maxLength: 40 }),
        day,
        (ids, rows, asOf) => {
          const result = joinExtensions(
            ids,
            {
              count: rows.length,
              investigationId: rows.map((r) => r[0]),
              decided: Int32Array.from(rows.map((r) => r[1])),
              extendedTo: Int32Array.from(rows.map((r) => r[2])),
            },
            asOf,
          );
          ids.forEach((investigation, i) => {
            const mine = rows.filter((r) => r[0] === investigation && r[1] <= asOf);
            const decided = mine.map((r) => r[1]);
            const to = mine.map((r) => r[2]).filter((t) => t !== NO_DATE);
            expect(result.firstExtension[i]).toBe(decided.length ? Math.min(...decided) : NO_DATE);
            expect(result.extendedTo[i]).toBe(to.length ? Math.max(...to) : NO_DATE);
          });
          expect(result.orphanRows).toEqual(rows.flatMap((r, k) => (ids.includes(r[0]) ? [] : [k])));
        },
      ),
      { seed: 3, numRuns: 400 },
    );
  });
});
