import { addMonths, addDays, format } from 'date-fns';
import { describe, expect, it } from 'vitest';
import {
  addMonthsClamped,
  dayFromYmd,
  daysInMonth,
  easterSunday,
  isoDate,
  isValidDate,
  monthOfDay,
  nextWorkingDay,
  parseIsoDate,
  swedishNonWorkingHolidays,
  weekday,
  ymdFromDay,
} from '../../../src/kpi';

const d = (text: string) => {
  const day = parseIsoDate(text);
  if (day === null) throw new Error(text);
  return day;
};

describe('dayFromYmd / ymdFromDay', () => {
  it('returns 0 for 1970-01-01 and round-trips every day 1900–2100', () => {
    expect(dayFromYmd(1970, 1, 1)).toBe(0);
    for (let day = dayFromYmd(1900, 1, 1); day <= dayFromYmd(2100, 12, 31); day++) {
      const { year, month, day: dom } = ymdFromDay(day);
      expect(dayFromYmd(year, month, dom)).toBe(day);
    }
  });

  it('agrees with date-fns day by day from 2015 to 2030 (oracle)', () => {
    let oracle = new Date(2015, 0, 1);
    for (let day = dayFromYmd(2015, 1, 1); day <= dayFromYmd(2030, 12, 31); day++) {
      expect(isoDate(day)).toBe(format(oracle, 'yyyy-MM-dd'));
      oracle = addDays(oracle, 1);
    }
  });
});

describe('addMonthsClamped', () => {
  it('returns the same day of month four months later', () => {
    expect(isoDate(addMonthsClamped(d('2025-01-15'), 4))).toBe('2025-05-15');
  });

  describe('edge cases', () => {
    it('clamps to the month end: 2025-10-31 + 4 → 2026-02-28', () => {
      expect(isoDate(addMonthsClamped(d('2025-10-31'), 4))).toBe('2026-02-28');
    });
    it('clamps to 29 February in a leap year: 2023-10-31 + 4 → 2024-02-29', () => {
      expect(isoDate(addMonthsClamped(d('2023-10-31'), 4))).toBe('2024-02-29');
    });
    it('clamps 31 → 30: 2025-05-31 + 4 → 2025-09-30', () => {
      expect(isoDate(addMonthsClamped(d('2025-05-31'), 4))).toBe('2025-09-30');
    });
    it('crosses the year end: 2025-11-30 + 4 → 2026-03-30', () => {
      expect(isoDate(addMonthsClamped(d('2025-11-30'), 4))).toBe('2026-03-30');
    });
    it('from 29 February: 2024-02-29 + 12 → 2025-02-28', () => {
      expect(isoDate(addMonthsClamped(d('2024-02-29'), 12))).toBe('2025-02-28');
    });
  });

  it('agrees with date-fns addMonths for every start day 2019–2027 (oracle, local time)', () => {
    for (let day = dayFromYmd(2019, 1, 1); day <= dayFromYmd(2027, 12, 31); day++) {
      const { year, month, day: dom } = ymdFromDay(day);
      for (const months of [3, 4]) {
        expect(isoDate(addMonthsClamped(day, months))).toBe(
          format(addMonths(new Date(year, month - 1, dom), months), 'yyyy-MM-dd'),
        );
      }
    }
  });
});

describe('isValidDate / daysInMonth', () => {
  it('rejects 2025-02-30 and 2025-02-29, accepts 2024-02-29', () => {
    expect(isValidDate(2025, 2, 30)).toBe(false);
    expect(isValidDate(2025, 2, 29)).toBe(false);
    expect(isValidDate(2024, 2, 29)).toBe(true);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
  });
  it('parseIsoDate returns null for impossible dates', () => {
    expect(parseIsoDate('2025-02-30')).toBeNull();
    expect(parseIsoDate('2025-13-01')).toBeNull();
  });
});

describe('monthOfDay', () => {
  it('returns year * 12 + month − 1', () => {
    expect(monthOfDay(d('2025-03-31'))).toBe(2025 * 12 + 2);
  });
});

describe('Swedish holidays', () => {
  it('computes Easter Sunday for known years', () => {
    expect(isoDate(easterSunday(2024))).toBe('2024-03-31');
    expect(isoDate(easterSunday(2025))).toBe('2025-04-20');
    expect(isoDate(easterSunday(2026))).toBe('2026-04-05');
    expect(isoDate(easterSunday(2019))).toBe('2019-04-21');
  });
  it('lists the 2025 days on which a last day does not fall', () => {
    const days = [...swedishNonWorkingHolidays(2025)].sort((a, b) => a - b).map(isoDate);
    expect(days).toEqual([
      '2025-01-01',
      '2025-01-06',
      '2025-04-18',
      '2025-04-20',
      '2025-04-21',
      '2025-05-01',
      '2025-05-29',
      '2025-06-06',
      '2025-06-08',
      '2025-06-20',
      '2025-06-21',
      '2025-11-01',
      '2025-12-24',
      '2025-12-25',
      '2025-12-26',
      '2025-12-31',
    ]);
  });
  it.each([
    [
      2024,
      [
        '01-01',
        '01-06',
        '03-29',
        '03-31',
        '04-01',
        '05-01',
        '05-09',
        '05-19',
        '06-06',
        '06-21',
        '06-22',
        '11-02',
        '12-24',
        '12-25',
        '12-26',
        '12-31',
      ],
    ],
    [
      2026,
      [
        '01-01',
        '01-06',
        '04-03',
        '04-05',
        '04-06',
        '05-01',
        '05-14',
        '05-24',
        '06-06',
        '06-19',
        '06-20',
        '10-31',
        '12-24',
        '12-25',
        '12-26',
        '12-31',
      ],
    ],
  ])('matches the Swedish calendar of %i', (year, days) => {
    const actual = [...swedishNonWorkingHolidays(year)].sort((a, b) => a - b).map(isoDate);
    expect(actual).toEqual(days.map((day) => `${year}-${day}`));
  });
  it('places midsommarafton on the Friday 19–25 June (2024: 21 June; 2026: 19 June)', () => {
    expect(swedishNonWorkingHolidays(2024).has(d('2024-06-21'))).toBe(true);
    expect(swedishNonWorkingHolidays(2026).has(d('2026-06-19'))).toBe(true);
  });
  it('moves a last day on a weekend or holiday to the next weekday', () => {
    expect(weekday(d('2025-11-24'))).toBe(0);
    expect(isoDate(nextWorkingDay(d('2025-11-22')))).toBe('2025-11-24'); // Saturday → Monday
    expect(isoDate(nextWorkingDay(d('2025-12-24')))).toBe('2025-12-29'); // julafton … → Monday
    expect(isoDate(nextWorkingDay(d('2025-04-18')))).toBe('2025-04-22'); // långfredag → tisdag efter annandag påsk
    expect(isoDate(nextWorkingDay(d('2025-11-21')))).toBe('2025-11-21'); // a Friday stays
  });
});
