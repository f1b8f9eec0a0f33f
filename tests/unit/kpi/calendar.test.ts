import { addMonths, addDays, format } from 'date-fns';
import { describe, expect, it } from 'vitest';
import {
  addMonthsClamped,
  dayFromYmd,
  daysInMonth,
  easterSunday,
  firstDayOfMonth,
  FIRST_HOLIDAY_RULE_YEAR,
  holidayShiftRefusal,
  holidayYear,
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

describe('firstDayOfMonth', () => {
  it('is the first of the month for every month 1999–2031, as date-fns counts months', () => {
    for (let k = 0; k < 33 * 12; k++) {
      const month = 1999 * 12 + k;
      expect(isoDate(firstDayOfMonth(month))).toBe(format(addMonths(new Date(1999, 0, 1), k), 'yyyy-MM-dd'));
      expect(monthOfDay(firstDayOfMonth(month))).toBe(month);
      expect(monthOfDay(firstDayOfMonth(month) - 1)).toBe(month - 1);
    }
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

  describe('by the rules in force each year', () => {
    // Typed by hand from lag (1989:253) in its wording before and after SFS 2004:1320, plus the
    // three eves that lag (1930:173) 2 § names. 2004: Easter 11 April, midsommar 25–26 June.
    const holidays2004 = [
      ['2004-01-01', 'nyårsdagen'],
      ['2004-01-06', 'trettondedag jul'],
      ['2004-04-09', 'långfredagen'],
      ['2004-04-11', 'påskdagen'],
      ['2004-04-12', 'annandag påsk'],
      ['2004-05-01', 'första maj'],
      ['2004-05-20', 'Kristi himmelsfärdsdag'],
      ['2004-05-30', 'pingstdagen'],
      ['2004-05-31', 'annandag pingst'],
      ['2004-06-25', 'midsommarafton'],
      ['2004-06-26', 'midsommardagen'],
      ['2004-11-06', 'alla helgons dag'],
      ['2004-12-24', 'julafton'],
      ['2004-12-25', 'juldagen'],
      ['2004-12-26', 'annandag jul'],
      ['2004-12-31', 'nyårsafton'],
    ];
    // 2005: Easter 27 March, nationaldagen a Monday, midsommar 24–25 June.
    const holidays2005 = [
      ['2005-01-01', 'nyårsdagen'],
      ['2005-01-06', 'trettondedag jul'],
      ['2005-03-25', 'långfredagen'],
      ['2005-03-27', 'påskdagen'],
      ['2005-03-28', 'annandag påsk'],
      ['2005-05-01', 'första maj'],
      ['2005-05-05', 'Kristi himmelsfärdsdag'],
      ['2005-05-15', 'pingstdagen'],
      ['2005-06-06', 'nationaldagen'],
      ['2005-06-24', 'midsommarafton'],
      ['2005-06-25', 'midsommardagen'],
      ['2005-11-05', 'alla helgons dag'],
      ['2005-12-24', 'julafton'],
      ['2005-12-25', 'juldagen'],
      ['2005-12-26', 'annandag jul'],
      ['2005-12-31', 'nyårsafton'],
    ];
    const listed = (year: number) => {
      const rules = holidayYear(year);
      if (!rules.covered) throw new Error(rules.message);
      return [...rules.days].map(([day, name]) => [isoDate(day), name]);
    };

    it('2004: annandag pingst is a holiday, 6 June is not', () => {
      expect(listed(2004)).toEqual(holidays2004);
      expect(swedishNonWorkingHolidays(2004).has(d('2004-06-06'))).toBe(false);
    });
    it('2005: nationaldagen is a holiday, annandag pingst (16 May) is not', () => {
      expect(listed(2005)).toEqual(holidays2005);
      expect(swedishNonWorkingHolidays(2005).has(d('2005-05-16'))).toBe(false);
    });
    it('2025 lists the same days as the plain set, by name', () => {
      expect(listed(2025).map(([day]) => day)).toEqual(
        [...swedishNonWorkingHolidays(2025)].sort((a, b) => a - b).map(isoDate),
      );
    });
    it('shifts by the rules of the year: 2003 keeps Friday 6 June, skips annandag pingst 9 June', () => {
      expect(isoDate(nextWorkingDay(d('2003-06-06')))).toBe('2003-06-06');
      expect(isoDate(nextWorkingDay(d('2003-06-07')))).toBe('2003-06-10');
      expect(isoDate(nextWorkingDay(d('2004-05-29')))).toBe('2004-06-01');
      expect(isoDate(nextWorkingDay(d('2005-06-04')))).toBe('2005-06-07'); // Sat, Sun, nationaldagen
      expect(isoDate(nextWorkingDay(d('2005-05-16')))).toBe('2005-05-16'); // no longer a holiday
      expect(isoDate(nextWorkingDay(d('2004-12-31')))).toBe('2005-01-03'); // nyårsafton → across the year
    });

    describe('years before the rules it knows', () => {
      it('starts at 1990, when lag (1989:253) took effect', () => {
        expect(FIRST_HOLIDAY_RULE_YEAR).toBe(1990);
        expect(holidayYear(1990).covered).toBe(true);
        expect(swedishNonWorkingHolidays(1990).has(d('1990-06-04'))).toBe(true); // annandag pingst
        expect(swedishNonWorkingHolidays(1990).has(d('1990-11-03'))).toBe(true); // alla helgons dag
      });
      it.each([1989, 1953, 1952, 1900])('refuses %i with a Swedish message and never throws', (year) => {
        const rules = holidayYear(year);
        expect(rules.covered).toBe(false);
        if (rules.covered) return;
        expect(rules.message).toBe(
          `Helgflytt kan inte beräknas för år ${year}: appen känner helgdagsreglerna från 1990 (lag 1989:253). ` +
            'Frister som slutar då räknas utan helgflytt.',
        );
        expect(swedishNonWorkingHolidays(year).size).toBe(0);
      });
      it('leaves a last day in a refused year unshifted instead of guessing', () => {
        expect(isoDate(nextWorkingDay(d('1989-12-24')))).toBe('1989-12-24'); // a Sunday
        expect(isoDate(nextWorkingDay(d('1952-06-24')))).toBe('1952-06-24'); // midsommardagen then
      });
      it('names the refused years of a span of last days, or none', () => {
        expect(holidayShiftRefusal(d('1988-03-01'), d('2025-01-01'))).toBe(
          'Helgflytt kan inte beräknas för åren 1988–1989: appen känner helgdagsreglerna från 1990 (lag 1989:253). ' +
            'Frister som slutar då räknas utan helgflytt.',
        );
        expect(holidayShiftRefusal(d('1989-12-31'), d('1990-01-02'))).toMatch(
          /^Helgflytt kan inte beräknas för år 1989:/,
        );
        expect(holidayShiftRefusal(d('1990-01-01'), d('2026-12-31'))).toBeNull();
      });
    });
  });
});
