import { describe, expect, it } from 'vitest';
import {
  concernDetails,
  decisionQuarterDetails,
  formatDays,
  investigationDetails,
  yearTotalsText,
} from '../../../src/format/chartDetails';
import { formatMonthSpan } from '../../../src/format/date';
import type { ConcernMonthRow, InvestigationMonthRow } from '../../../src/format/exports';
import { HIDDEN_COUNT_TEXT, THIN_SPACE } from '../../../src/format/number';
import type { DecisionQuarter, YearOverYearRow } from '../../../src/kpi';

const JAN_2025 = 2025 * 12;
const pct = (n: number) => `${n}${THIN_SPACE}%`;

function yoy(over: Partial<YearOverYearRow>): YearOverYearRow {
  return {
    month: JAN_2025,
    numerator: 0,
    denominator: 0,
    share: null,
    preliminary: false,
    previousNumerator: 44,
    previousDenominator: 129,
    previousShare: 44 / 129,
    previousPreliminary: false,
    changePoints: -11.6,
    ...over,
  };
}

function investigation(over: Partial<InvestigationMonthRow>): InvestigationMonthRow {
  return {
    month: JAN_2025,
    started: 138,
    inTime: 86,
    extended: 21,
    late: 31,
    pending: 0,
    extendedOverdue: 0,
    lateShare: 31 / 138,
    preliminary: false,
    yoy: yoy({}),
    ...over,
  };
}

describe('investigationDetails', () => {
  it('gives late of started, the month a year earlier and the change in points', () => {
    expect(investigationDetails(investigation({}))).toEqual([
      `31 av 138 sena (${pct(22)})`,
      `jan 2024: 44 av 129 (${pct(34)})`,
      'Förändring: −12 procentenheter',
    ]);
  });

  it('names the pending ones of a preliminary month and withholds its change', () => {
    const row = investigation({ pending: 4, preliminary: true, yoy: yoy({ changePoints: null }) });
    expect(investigationDetails(row)[0]).toBe(`31 av 138 sena (${pct(22)}), 4 pågående – preliminär`);
    expect(investigationDetails(row)[2]).toBe('Förändring: redovisas inte för en preliminär månad');
  });

  it('gives a hidden pending count of a package in words, not NaN', () => {
    const row = investigation({ pending: Number.NaN, preliminary: true, yoy: yoy({ changePoints: null }) });
    expect(investigationDetails(row)[0]).toBe(
      `31 av 138 sena (${pct(22)}), ${HIDDEN_COUNT_TEXT} pågående – preliminär`,
    );
  });

  it('says when the month a year earlier has no data', () => {
    const row = investigation({ yoy: yoy({ previousDenominator: null, previousShare: null, changePoints: null }) });
    expect(investigationDetails(row).slice(1)).toEqual(['jan 2024: inga uppgifter', 'Förändring: – procentenheter']);
  });
});

describe('concernDetails', () => {
  const row: ConcernMonthRow = {
    month: JAN_2025 + 2,
    received: 120,
    inTime: 90,
    late: 8,
    pending: 2,
    underInvestigation: 20,
    inTimeShare: 0.9,
    preliminary: false,
    protectiveInTime: 0,
    protectiveLate: 0,
    protectivePending: 0,
    protectiveShare: null,
    opened: 0,
    notOpened: 0,
    openedShare: null,
    yoy: yoy({ month: JAN_2025 + 2, previousShare: 0.87 }),
  };

  it('counts in time of those to assess (in time + late + pending), not of all received', () => {
    expect(concernDetails(row)).toEqual([
      `90 av 100 inom 14 dagar (${pct(90)})`,
      '120 inkomna, varav 20 om barn som redan utreds',
      '8 sena',
      `mars 2024: ${pct(87)} inom 14 dagar`,
    ]);
  });

  it('gives the waiting ones of a preliminary month instead of the late', () => {
    expect(concernDetails({ ...row, preliminary: true })[2]).toBe('2 väntar på förhandsbedömning – preliminär');
  });
});

describe('decisionQuarterDetails', () => {
  const quarter: DecisionQuarter = {
    quarter: 2025 * 4,
    decisions: 688,
    executedInTime: 600,
    executedLate: 4,
    overdue: 3,
    notYetDue: 0,
    lateShare: 7 / 688,
    preliminary: false,
    previousYear: null,
    median: 41,
    p90: 70.6,
    executed: 604,
  };

  it('counts executed late and overdue as not within three months, with days to execution', () => {
    expect(decisionQuarterDetails(quarter)).toEqual([
      `7 av 688 ej verkställda inom 3 månader (${pct(1)})`,
      'Median 41 dagar, 90:e percentilen 71 dagar',
      '2024Q1: inga uppgifter',
    ]);
  });

  it('gives the same quarter a year earlier, and dashes when nothing was executed', () => {
    const previousYear = { ...quarter, lateShare: 0.03 };
    const lines = decisionQuarterDetails({ ...quarter, median: null, p90: null, previousYear });
    expect(lines.slice(1)).toEqual(['Median – dagar, 90:e percentilen – dagar', `2024Q1: ${pct(3)}`]);
  });
});

describe('formatDays, yearTotalsText and formatMonthSpan', () => {
  it('formats days or a dash', () => {
    expect([formatDays(null), formatDays(1234.4)]).toEqual(['–', `1${THIN_SPACE}234`]);
  });

  it('lists each year’s total and notes the running year; nothing without years', () => {
    expect(yearTotalsText([2024, 2025], [1500, 12])).toBe(
      `2024: 1${THIN_SPACE}500 · 2025: 12 (innevarande år till och med uttagsdatum)`,
    );
    expect(yearTotalsText([], [])).toBe('');
  });

  it('heads a span of months', () => {
    expect(formatMonthSpan(2024 * 12 + 11, 2025 * 12 + 5)).toBe('dec 2024–juni 2025');
  });
});
