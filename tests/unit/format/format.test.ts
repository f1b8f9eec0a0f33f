import { describe, expect, it } from 'vitest';
import { csvPercent, toCsv } from '../../../src/format/csv';
import { formatMonth, formatMonthLong } from '../../../src/format/date';
import { investigationMonthlyCsv } from '../../../src/format/exports';
import {
  formatNumber,
  comparisonDecimals,
  formatPercent,
  formatProgress,
  formatPoints,
  roundHalfAwayFromZero,
  THIN_SPACE,
} from '../../../src/format/number';
import { yearOverYear, type InvestigationMonth } from '../../../src/kpi';

describe('roundHalfAwayFromZero', () => {
  it('rounds halves away from zero on both sides', () => {
    expect(roundHalfAwayFromZero(2.5)).toBe(3);
    expect(roundHalfAwayFromZero(-2.5)).toBe(-3);
    expect(roundHalfAwayFromZero(0.5)).toBe(1);
    expect(roundHalfAwayFromZero(2.4999)).toBe(2);
    expect(roundHalfAwayFromZero(1.005, 2)).toBe(1.01);
  });
});

describe('Swedish number format', () => {
  it('uses decimal comma, thin-space thousands and a real minus sign', () => {
    expect(formatNumber(0.4, 1)).toBe('0,4');
    expect(formatNumber(12345.678, 1)).toBe(`12${THIN_SPACE}345,7`);
    expect(formatNumber(1234567)).toBe(`1${THIN_SPACE}234${THIN_SPACE}567`);
    expect(formatNumber(-6.2)).toBe('\u22126');
  });
  it('formats shares as whole percent, rounding half away from zero', () => {
    expect(formatPercent(0.22)).toBe(`22${THIN_SPACE}%`);
    expect(formatPercent(0.225)).toBe(`23${THIN_SPACE}%`);
    expect(formatPercent(107 / 531)).toBe(`20${THIN_SPACE}%`);
    expect(formatPercent(null)).toBe('–');
  });
  it('signs percentage-point changes', () => {
    expect(formatPoints(3.4)).toBe('+3');
    expect(formatPoints(-0.5)).toBe('\u22121');
    expect(formatPoints(0.2)).toBe('0');
  });
  it('names months in Swedish', () => {
    expect(formatMonth(2025 * 12)).toBe('jan 2025');
    expect(formatMonthLong(2025 * 12 + 5)).toBe('juni 2025');
  });
});

describe('CSV for Swedish Excel', () => {
  it('writes a BOM, semicolons, CRLF, decimal comma, and quotes when needed', () => {
    const csv = toCsv(
      [
        { header: 'namn', value: (r: { n: string; v: number }) => r.n },
        { header: 'varde', value: (r) => r.v },
      ],
      [{ n: 'a;"b"', v: 1.5 }],
    );
    expect(csv).toBe('\ufeffnamn;varde\r\n"a;""b""";1,5\r\n');
    expect(csvPercent(107 / 531)).toBe(20.2);
  });
  it('writes the documented monthly columns', () => {
    const months: InvestigationMonth[] = [
      {
        month: 2024 * 12,
        started: 406,
        inTime: 200,
        extended: 81,
        late: 125,
        pending: 0,
        extendedOverdue: 3,
        lateShare: 125 / 406,
        preliminary: false,
      },
      {
        month: 2025 * 12,
        started: 531,
        inTime: 300,
        extended: 120,
        late: 107,
        pending: 4,
        extendedOverdue: 0,
        lateShare: 107 / 531,
        preliminary: true,
      },
    ];
    const yoy = yearOverYear(
      months.map((m) => ({ month: m.month, numerator: m.late, denominator: m.started, preliminary: m.preliminary })),
    );
    const lines = investigationMonthlyCsv(months, yoy).slice(1).trim().split('\r\n');
    expect(lines[0].split(';').slice(0, 8)).toEqual([
      'manad',
      'inledda',
      'i_tid',
      'forlangd',
      'sen',
      'pagaende',
      'andel_sen',
      'preliminar',
    ]);
    // 2025-01 is preliminary, so its change (20,2 − 30,8) is withheld: an empty cell.
    expect(lines[2]).toBe('2025-01;531;300;120;107;4;20,2;ja;406;125;30,8;;0');
    const final = yearOverYear([
      { month: 2024 * 12, numerator: 125, denominator: 406, preliminary: false },
      { month: 2025 * 12, numerator: 107, denominator: 531, preliminary: false },
    ]);
    // (107/531 − 125/406) × 100 = 20,150… − 30,788… = −10,637… → −10,6
    expect(investigationMonthlyCsv(months, final).trim().split('\r\n')[2]).toMatch(/;30,8;-10,6;0$/);
  });
});

describe('formatProgress', () => {
  it('gives whole percents of a load, and 0 % before anything is known', () => {
    expect(formatProgress(1, 3)).toBe('33 %');
    expect(formatProgress(2, 3)).toBe('67 %');
    expect(formatProgress(3, 3)).toBe('100 %');
    expect(formatProgress(0, 0)).toBe('0 %');
  });
});

describe('comparisonDecimals', () => {
  it('keeps whole percents while the shares shown differ by the change shown', () => {
    expect(comparisonDecimals(0.19, 0.29, -10)).toBe(0);
    expect(comparisonDecimals(0.155, 0.145, 1)).toBe(0); // 16 % and 15 %, +1
  });
  it('adds a decimal where whole percents would contradict the change', () => {
    // 1,6 % and 1,4 %: whole percents say 2 % and 1 % beside "0 procentenheter".
    expect(comparisonDecimals(0.016, 0.014, 0.2)).toBe(1);
    // 2,4 % and 1,5 %: 2 % and 2 % beside "+1".
    expect(comparisonDecimals(0.024, 0.015, 0.9)).toBe(1);
  });
  it('keeps whole percents when a share is missing or hidden', () => {
    expect(comparisonDecimals(null, 0.014, null)).toBe(0);
    expect(comparisonDecimals(Number.NaN, 0.014, Number.NaN)).toBe(0);
  });
});
