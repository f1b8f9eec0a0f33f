/**
 * Every URL parameter the app reads, its type and its default, in one place (issue 11). The URL keeps
 * the page and its controls, so a link shows the same view; an unreadable value falls back to the
 * default, never to an error.
 *
 * | key | meaning | type | default |
 * |---|---|---|---|
 * | `sida` | page | page id | Översikt |
 * | `uttag` | as-of date | `ÅÅÅÅ-MM-DD` | the data's own (manifest or files) |
 * | `enhet` | units, repeated | text | all units |
 * | `fran`, `till` | month range | `ÅÅÅÅ-MM` | the latest twelve months of the data |
 * | `period` | comparison span | `m-m`, months 1–12 | `1-6` (januari–juni) |
 * | `helgflytt` | deadline on a holiday moves to the next working day | `1` or absent | absent (no move) |
 * | `kvartal` | IVO quarter | `ÅÅÅÅQn` | the latest quarter ended at the as-of date |
 * | `aterinom` | reopening window, days | whole number ≥ 0 | 30 |
 * | `ar` | the nämnd report's year | `ÅÅÅÅ` | the as-of date's year |
 */
import {
  DEFAULT_PERIOD,
  parseIsoDate,
  parseIsoMonth,
  parseQuarter,
  type DayNumber,
  type MonthIndex,
  type QuarterIndex,
} from '../kpi';

/** The parameters' names in the URL. */
export const URL_KEYS = {
  page: 'sida',
  asOf: 'uttag',
  units: 'enhet',
  fromMonth: 'fran',
  toMonth: 'till',
  period: 'period',
  shiftToWorkingDay: 'helgflytt',
  quarter: 'kvartal',
  reopenWindow: 'aterinom',
  year: 'ar',
} as const;

/** Days between closing and reopening that the watch page flags by default. */
export const DEFAULT_REOPEN_WINDOW = 30;

export interface UrlParams {
  /** The page id as written; the app falls back to its first page when it names none. */
  page: string | null;
  /** Chosen as-of date; null = the data's own. */
  asOf: DayNumber | null;
  units: string[];
  fromMonth: MonthIndex | null;
  toMonth: MonthIndex | null;
  /** Comparison span within a year, months 1–12, `from` ≤ `to` not required (the pages say so). */
  period: { from: number; to: number };
  shiftToWorkingDay: boolean;
  /** Chosen IVO quarter; null = the latest ended at the as-of date (it depends on data, so not here). */
  quarter: QuarterIndex | null;
  reopenWindow: number;
  /** Chosen report year; null = the as-of date's year. */
  year: number | null;
}

const monthOfYear = (text: string | undefined, fallback: number) => {
  const month = Number(text);
  return Number.isInteger(month) && month >= 1 && month <= 12 ? month : fallback;
};

/** Reads every parameter, each with its default when absent or unreadable. */
export function readUrlParams(params: URLSearchParams): UrlParams {
  const text = (key: string) => params.get(key) ?? '';
  const [periodFrom, periodTo] = text(URL_KEYS.period).split('-');
  const reopenText = text(URL_KEYS.reopenWindow);
  const reopen = Number(reopenText);
  return {
    page: params.get(URL_KEYS.page),
    asOf: parseIsoDate(text(URL_KEYS.asOf)),
    units: params.getAll(URL_KEYS.units),
    fromMonth: parseIsoMonth(text(URL_KEYS.fromMonth)),
    toMonth: parseIsoMonth(text(URL_KEYS.toMonth)),
    period: { from: monthOfYear(periodFrom, DEFAULT_PERIOD.from), to: monthOfYear(periodTo, DEFAULT_PERIOD.to) },
    shiftToWorkingDay: params.get(URL_KEYS.shiftToWorkingDay) === '1',
    quarter: parseQuarter(text(URL_KEYS.quarter)),
    reopenWindow: /^\d+$/.test(reopenText) && Number.isSafeInteger(reopen) ? reopen : DEFAULT_REOPEN_WINDOW,
    year: /^\d{4}$/.test(text(URL_KEYS.year)) ? Number(text(URL_KEYS.year)) : null,
  };
}
