import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultAsOf } from '../../../src/kpi/asOf';
import { dayFromYmd, isoDate, NO_DATE, parseIsoDate, ymdFromDay, type DayNumber } from '../../../src/kpi/calendar';

const d = (text: string): DayNumber => {
  const day = parseIsoDate(text);
  if (day === null) throw new Error(text);
  return day;
};
const repeat = (text: string, times: number): DayNumber[] => Array<DayNumber>(times).fill(d(text));

/**
 * Events on every day from `from` through `to`: 30–50 on weekdays, 1–4 on weekends (reports of
 * concern arrive on weekends too). With `weekdaysOnly`, nothing on Saturdays and Sundays.
 */
function dailyExtract(from: string, to: string, weekdaysOnly = false): Int32Array {
  const days: number[] = [];
  for (let day = d(from), i = 0; day <= d(to); day++, i++) {
    const weekend = new Date(`${isoDate(day)}T12:00:00Z`).getUTCDay() % 6 === 0;
    const count = weekend ? (weekdaysOnly ? 0 : 1 + (i % 4)) : 30 + ((i * 7) % 21);
    for (let k = 0; k < count; k++) days.push(day);
  }
  return Int32Array.from(days);
}

const summary = (columns: ArrayLike<number>[]) => {
  const result = defaultAsOf(columns);
  return {
    asOf: result.asOf === NO_DATE ? null : isoDate(result.asOf),
    laterEvents: result.laterEvents,
    firstLaterDay: result.firstLaterDay === NO_DATE ? null : isoDate(result.firstLaterDay),
    rule: result.rule,
  };
};

// Two years of activity through Sunday 2025-11-30, as start and end dates of two columns.
const starts = dailyExtract('2023-12-01', '2025-11-30');
const ends = dailyExtract('2024-01-15', '2025-11-28');

describe('defaultAsOf', () => {
  it('a normal extract: the last event day, even a quiet Sunday', () => {
    expect(starts.length + ends.length).toBeGreaterThan(30_000);
    expect(summary([starts, ends])).toEqual({
      asOf: '2025-11-30',
      laterEvents: 0,
      firstLaterDay: null,
      rule: 'last-event',
    });
  });

  it('an extract of weekdays only, taken on a Friday', () => {
    expect(summary([dailyExtract('2024-01-01', '2025-11-28', true)])).toMatchObject({
      asOf: '2025-11-28',
      rule: 'last-event',
    });
  });

  describe('stray later dates', () => {
    it('ignores one mistyped 2026-01-08 in an extract taken 2025-11-30', () => {
      expect(summary([starts, ends, [d('2026-01-08')]])).toEqual({
        asOf: '2025-11-30',
        laterEvents: 1,
        firstLaterDay: '2026-01-08',
        rule: 'before-stray-dates',
      });
    });

    it('ignores four scattered ones, the nearest a month after the end', () => {
      const strays = ['2035-11-03', '2026-11-30', '2026-01-08', '2025-12-31'].map(d);
      expect(summary([starts, strays, ends])).toEqual({
        asOf: '2025-11-30',
        laterEvents: 4,
        firstLaterDay: '2025-12-31',
        rule: 'before-stray-dates',
      });
    });

    it('ignores a cluster: twelve rows typed with the same wrong year', () => {
      const cluster = [...repeat('2026-01-08', 9), ...repeat('2026-01-09', 3)];
      expect(summary([starts, ends, cluster])).toEqual({
        asOf: '2025-11-30',
        laterEvents: 12,
        firstLaterDay: '2026-01-08',
        rule: 'before-stray-dates',
      });
    });

    it('cannot tell a date 10 days after the end from activity (quiet spell under 14 days)', () => {
      expect(summary([starts, ends, [d('2025-12-10'), d('2026-01-08')]])).toEqual({
        asOf: '2025-12-10',
        laterEvents: 1,
        firstLaterDay: '2026-01-08',
        rule: 'before-stray-dates',
      });
    });

    it('keeps activity after a quiet spell when it is more than 0.1 % of the events', () => {
      // 40 events a day for 20 days after two months without any: work resumed, not typing errors.
      const resumed = Array.from({ length: 20 }, (_, i) => repeat('2026-02-01', 40).map((day) => day + i)).flat();
      expect(summary([starts, ends, resumed])).toMatchObject({ asOf: '2026-02-20', rule: 'last-event' });
    });
  });

  describe('a small extract', () => {
    // 12 rows over two months, at most two a day; gaps of 2–7 days.
    const small = [
      '2025-10-01',
      '2025-10-01',
      '2025-10-03',
      '2025-10-08',
      '2025-10-14',
      '2025-10-17',
      '2025-10-22',
      '2025-10-29',
      '2025-11-04',
      '2025-11-04',
      '2025-11-07',
      '2025-11-12',
    ].map(d);

    it('returns its last event day', () => {
      expect(summary([small])).toEqual({ asOf: '2025-11-12', laterEvents: 0, firstLaterDay: null, rule: 'last-event' });
    });

    it('keeps a last row 20 days after the one before: nothing clearly stray', () => {
      expect(summary([[...small, d('2025-12-02')]])).toMatchObject({ asOf: '2025-12-02', rule: 'last-event' });
    });

    it('drops one row a year later', () => {
      expect(summary([[...small, d('2026-11-10')]])).toEqual({
        asOf: '2025-11-12',
        laterEvents: 1,
        firstLaterDay: '2026-11-10',
        rule: 'before-stray-dates',
      });
    });

    it('never calls anything stray in fewer than 10 events', () => {
      expect(summary([[d('2025-01-10'), d('2025-01-12'), d('2027-06-01')]])).toMatchObject({
        asOf: '2027-06-01',
        rule: 'last-event',
      });
    });
  });

  describe('edge cases', () => {
    it('no events: NO_DATE', () => {
      expect(summary([])).toEqual({ asOf: null, laterEvents: 0, firstLaterDay: null, rule: 'no-events' });
      expect(summary([Int32Array.of(NO_DATE, NO_DATE), []])).toEqual({
        asOf: null,
        laterEvents: 0,
        firstLaterDay: null,
        rule: 'no-events',
      });
    });
    it('skips empty dates among real ones', () => {
      expect(summary([Int32Array.of(NO_DATE, d('2025-03-01'), NO_DATE)])).toMatchObject({ asOf: '2025-03-01' });
    });
    it('dates over 11 000 years apart (counted without the dense array)', () => {
      const far = [...repeat('2025-03-01', 12), dayFromYmd(13000, 1, 1), dayFromYmd(1, 1, 1)];
      expect(summary([far])).toEqual({
        asOf: '2025-03-01',
        laterEvents: 1,
        firstLaterDay: '13000-01-01',
        rule: 'before-stray-dates',
      });
    });
    it('one event', () => {
      expect(summary([[d('2025-03-01')]])).toEqual({
        asOf: '2025-03-01',
        laterEvents: 0,
        firstLaterDay: null,
        rule: 'last-event',
      });
    });
  });

  it('moving every date by whole years moves the result by as many years (property)', () => {
    const shiftYears = (day: DayNumber, years: number): DayNumber => {
      const { year, month, day: dom } = ymdFromDay(day);
      return dayFromYmd(year + years, month, dom);
    };
    const notLeapDay = (day: DayNumber) => {
      const { month, day: dom } = ymdFromDay(day);
      return !(month === 2 && dom === 29);
    };
    const extract = fc.record({
      // Starting in the winter of a leap or common year, so that quiet spells often span a 29 February.
      base: fc.integer({ min: d('2015-11-01'), max: d('2024-02-15') }),
      // An active body of 1–40 events per day with short gaps, then a few possible strays.
      body: fc.array(fc.record({ gap: fc.integer({ min: 1, max: 6 }), count: fc.integer({ min: 1, max: 40 }) }), {
        minLength: 1,
        maxLength: 120,
      }),
      strays: fc.array(fc.oneof(fc.integer({ min: 10, max: 25 }), fc.integer({ min: 1, max: 800 })), {
        maxLength: 6,
      }),
      years: fc.integer({ min: -15, max: 15 }),
    });
    let strayCases = 0;
    fc.assert(
      fc.property(extract, ({ base, body, strays, years }) => {
        const days: DayNumber[] = [];
        let day = base;
        for (const { gap, count } of body) {
          day += gap;
          for (let k = 0; k < count; k++) days.push(day);
        }
        for (const offset of strays) days.push(day + offset);
        const dates = days.filter(notLeapDay);
        if (dates.length === 0) return;
        const before = defaultAsOf([dates]);
        const after = defaultAsOf([dates.map((x) => shiftYears(x, years))]);
        if (before.rule === 'before-stray-dates') strayCases++;
        expect(after.asOf).toBe(shiftYears(before.asOf, years));
        expect(after.laterEvents).toBe(before.laterEvents);
        expect(after.rule).toBe(before.rule);
      }),
      { numRuns: 2000 },
    );
    expect(strayCases).toBeGreaterThan(100); // the property reached both branches
  });

  it('a 29 February inside the quiet spell does not change the verdict', () => {
    // 2024-02-20 → 2024-03-05 is 14 calendar days but 13 without the leap day, as 2023-02-20 → 2023-03-05.
    for (const year of [2023, 2024, 2025]) {
      const body = dailyExtract(`${year - 1}-02-20`, `${year}-02-20`);
      expect(summary([body, [d(`${year}-03-05`)]])).toMatchObject({ asOf: `${year}-03-05`, rule: 'last-event' });
      expect(summary([body, [d(`${year}-03-06`)]])).toMatchObject({ asOf: `${year}-02-20`, laterEvents: 1 });
    }
  });
});
