/**
 * Calendar dates as integer day numbers (days since 1970-01-01).
 *
 * Rule dates are never `Date` objects: a `Date` carries a time zone, and mixing
 * UTC parsing with local-time month arithmetic misclassifies rows around
 * daylight-saving changes. Integer arithmetic is also ~40× faster (DESIGN.md).
 */

/** A calendar date as days since 1970-01-01. */
export type DayNumber = number;

/** Marks an empty date in an `Int32Array` date column. */
export const NO_DATE = -2147483648;

/** A month as `year * 12 + (month - 1)`; January 2025 is 2025 * 12. */
export type MonthIndex = number;

export interface Ymd {
  year: number;
  month: number; // 1–12
  day: number; // 1–31
}

/** Whether `year` is a Gregorian leap year. @example isLeapYear(2024) // true */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month. @example daysInMonth(2025, 2) // 28 */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Whether (year, month, day) names a real date. @example isValidDate(2025, 2, 30) // false */
export function isValidDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/**
 * Day number of a calendar date (proleptic Gregorian, H. Hinnant's days_from_civil).
 * @example dayFromYmd(1970, 1, 1) // 0
 */
export function dayFromYmd(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Calendar date of a day number. @example ymdFromDay(0) // { year: 1970, month: 1, day: 1 } */
export function ymdFromDay(dayNumber: DayNumber): Ymd {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/**
 * Adds calendar months, clamping the day of month to the target month's last day,
 * as lag (1930:173) om beräkning av lagstadgad tid 1 § counts months.
 * @example addMonthsClamped(dayFromYmd(2025, 10, 31), 4) // 2026-02-28
 */
export function addMonthsClamped(dayNumber: DayNumber, months: number): DayNumber {
  const { year, month, day } = ymdFromDay(dayNumber);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return dayFromYmd(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

/** Month index of a day number. @example monthOfDay(dayFromYmd(2025, 3, 9)) // 2025 * 12 + 2 */
export function monthOfDay(dayNumber: DayNumber): MonthIndex {
  const { year, month } = ymdFromDay(dayNumber);
  return year * 12 + month - 1;
}

/** The first day of a month index. @example isoDate(firstDayOfMonth(2025 * 12 + 1)) // "2025-02-01" */
export function firstDayOfMonth(monthIndex: MonthIndex): DayNumber {
  return dayFromYmd(Math.floor(monthIndex / 12), (monthIndex % 12) + 1, 1);
}

/**
 * The month of each day, and the span of months they cover: what every cube's month axis is.
 * Rows that `include` rejects get month −1 and stay outside the span.
 * @example monthSpan(Int32Array.of(dayFromYmd(2025, 3, 9))) // { months: [2025 * 12 + 2], firstMonth: 2025 * 12 + 2, monthCount: 1 }
 */
export function monthSpan(
  days: Int32Array,
  include?: (row: number) => boolean,
): { months: Int32Array; firstMonth: MonthIndex; monthCount: number } {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  const months = new Int32Array(days.length);
  for (let i = 0; i < days.length; i++) {
    if (include && !include(i)) {
      months[i] = -1;
      continue;
    }
    const month = monthOfDay(days[i]);
    months[i] = month;
    if (month < min) min = month;
    if (month > max) max = month;
  }
  const monthCount = max >= min ? max - min + 1 : 0;
  return { months, firstMonth: monthCount > 0 ? min : 0, monthCount };
}

/** `YYYY-MM-DD` of a day number. @example isoDate(0) // "1970-01-01" */
export function isoDate(dayNumber: DayNumber): string {
  const { year, month, day } = ymdFromDay(dayNumber);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** `YYYY-MM` of a month index. @example isoMonth(2025 * 12) // "2025-01" */
export function isoMonth(monthIndex: MonthIndex): string {
  return `${Math.floor(monthIndex / 12)}-${String((monthIndex % 12) + 1).padStart(2, '0')}`;
}

/** Month index of `YYYY-MM`, or null. @example parseIsoMonth("2025-01") // 2025 * 12 */
export function parseIsoMonth(text: string): MonthIndex | null {
  const match = /^(\d{4})-(\d{2})$/.exec(text);
  if (!match) return null;
  const month = Number(match[2]);
  if (month < 1 || month > 12) return null;
  return Number(match[1]) * 12 + month - 1;
}

/** Day number of a strict `YYYY-MM-DD`, or null. */
export function parseIsoDate(text: string): DayNumber | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isValidDate(year, month, day) ? dayFromYmd(year, month, day) : null;
}

/** Day of week, 0 = Monday … 6 = Sunday. 1970-01-01 was a Thursday. */
export function weekday(dayNumber: DayNumber): number {
  return (((dayNumber + 3) % 7) + 7) % 7;
}

/**
 * Easter Sunday (Gregorian, anonymous algorithm).
 * @example isoDate(easterSunday(2025)) // "2025-04-20"
 */
export function easterSunday(year: number): DayNumber {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayFromYmd(year, month, day);
}

/**
 * First year whose holidays are computed. From 1990 one act lists them, lag (1989:253) om allmänna
 * helgdagar (in force 1990-01-01; changed only by SFS 2004:1320 from 2005-04-01), and 2 § of lag
 * (1930:173) names Saturday, midsommarafton, julafton and nyårsafton in its wording of SFS 1987:1212,
 * unchanged since. Earlier years were governed by scattered acts (before 1953 midsommardagen and alla
 * helgons dag had fixed dates; before 1974 the law shifted only summer Saturdays), so they are refused.
 */
export const FIRST_HOLIDAY_RULE_YEAR = 1990;

/** The days of one year on which a last day does not fall, by name; or why they are not known. */
export type HolidayYear =
  | { covered: true; year: number; days: ReadonlyMap<DayNumber, string> }
  | { covered: false; year: number; message: string };

/**
 * Days on which a statutory last day does not fall under lag (1930:173) 2 §, by the rules in force
 * that year: the public holidays of lag (1989:253) (annandag pingst until 2004, nationaldagen from
 * 2005) plus midsommarafton, julafton and nyårsafton, which 2 § names. Saturdays and Sundays are not
 * listed. Years before {@link FIRST_HOLIDAY_RULE_YEAR} are refused with a Swedish message.
 * @example holidayYear(2004).covered // true; its days include 2004-05-31 'annandag pingst', not 2004-06-06
 * @example holidayYear(1989) // { covered: false, year: 1989, message: 'Helgflytt kan inte beräknas för år 1989: …' }
 */
export function holidayYear(year: number): HolidayYear {
  if (!Number.isInteger(year) || year < FIRST_HOLIDAY_RULE_YEAR) {
    return { covered: false, year, message: holidayRefusalMessage(`år ${year}`) };
  }
  const easter = easterSunday(year);
  // Midsommardagen is the Saturday in 20–26 June; alla helgons dag the Saturday in 31 Oct–6 Nov.
  const saturdayFrom = (month: number, day: number): DayNumber => {
    const first = dayFromYmd(year, month, day);
    return first + ((5 - weekday(first) + 7) % 7);
  };
  const midsommardagen = saturdayFrom(6, 20);
  // SFS 2004:1320 took effect 2005-04-01, before annandag pingst and 6 June of 2005.
  const from2005 = year >= 2005;
  const named: [DayNumber, string][] = [
    [dayFromYmd(year, 1, 1), 'nyårsdagen'],
    [dayFromYmd(year, 1, 6), 'trettondedag jul'],
    [easter - 2, 'långfredagen'],
    [easter, 'påskdagen'],
    [easter + 1, 'annandag påsk'],
    [dayFromYmd(year, 5, 1), 'första maj'],
    [easter + 39, 'Kristi himmelsfärdsdag'],
    [easter + 49, 'pingstdagen'],
    ...(from2005 ? [] : [[easter + 50, 'annandag pingst'] as [DayNumber, string]]),
    ...(from2005 ? [[dayFromYmd(year, 6, 6), 'nationaldagen'] as [DayNumber, string]] : []),
    [midsommardagen - 1, 'midsommarafton'],
    [midsommardagen, 'midsommardagen'],
    [saturdayFrom(10, 31), 'alla helgons dag'],
    [dayFromYmd(year, 12, 24), 'julafton'],
    [dayFromYmd(year, 12, 25), 'juldagen'],
    [dayFromYmd(year, 12, 26), 'annandag jul'],
    [dayFromYmd(year, 12, 31), 'nyårsafton'],
  ];
  return { covered: true, year, days: new Map(named.sort((a, b) => a[0] - b[0])) };
}

function holidayRefusalMessage(years: string): string {
  return (
    `Helgflytt kan inte beräknas för ${years}: appen känner helgdagsreglerna från ` +
    `${FIRST_HOLIDAY_RULE_YEAR} (lag 1989:253). Frister som slutar då räknas utan helgflytt.`
  );
}

/**
 * The Swedish message for the years in a span of last days that the holiday shift does not cover,
 * or null when it covers them all. Callers show it wherever the shift is on.
 * @example holidayShiftRefusal(dayFromYmd(1988, 3, 1), dayFromYmd(2025, 1, 1)) // 'Helgflytt kan inte beräknas för åren 1988–1989: …'
 */
export function holidayShiftRefusal(firstDay: DayNumber, lastDay: DayNumber): string | null {
  const firstYear = ymdFromDay(firstDay).year;
  const lastYear = Math.min(ymdFromDay(lastDay).year, FIRST_HOLIDAY_RULE_YEAR - 1);
  if (firstYear > lastYear) return null;
  return holidayRefusalMessage(firstYear === lastYear ? `år ${firstYear}` : `åren ${firstYear}–${lastYear}`);
}

/**
 * The days of {@link holidayYear} as a set; empty for a year it refuses.
 * @example swedishNonWorkingHolidays(2025).has(dayFromYmd(2025, 6, 20)) // true (midsommarafton)
 */
export function swedishNonWorkingHolidays(year: number): Set<DayNumber> {
  const rules = holidayYear(year);
  return new Set(rules.covered ? rules.days.keys() : []);
}

const holidayCache = new Map<number, HolidayYear>();

/**
 * Moves a last day that falls on a Saturday, Sunday or holiday to the next weekday
 * (lag 1930:173 2 §). A day in a year that {@link holidayYear} refuses is returned unchanged (no
 * shift rather than a wrong one); {@link holidayShiftRefusal} gives the message to show.
 * @example isoDate(nextWorkingDay(dayFromYmd(2025, 12, 24))) // "2025-12-29"
 */
export function nextWorkingDay(dayNumber: DayNumber): DayNumber {
  let day = dayNumber;
  for (;;) {
    const year = ymdFromDay(day).year;
    let rules = holidayCache.get(year);
    if (!rules) {
      rules = holidayYear(year);
      holidayCache.set(year, rules);
    }
    if (!rules.covered) return dayNumber;
    if (weekday(day) < 5 && !rules.days.has(day)) return day;
    day += 1;
  }
}
