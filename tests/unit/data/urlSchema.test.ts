import { describe, expect, it } from 'vitest';
import { readUrlParams } from '../../../src/data/urlSchema';

const read = (search: string) => readUrlParams(new URLSearchParams(search));

describe('URL schema', () => {
  it('gives every default for an empty URL', () => {
    expect(read('')).toEqual({
      page: null,
      asOf: null,
      units: [],
      fromMonth: null,
      toMonth: null,
      period: { from: 1, to: 6 },
      shiftToWorkingDay: false,
      quarter: null,
      reopenWindow: 30,
      year: null,
    });
  });

  it('reads every parameter of a full link', () => {
    const url = read(
      'sida=verkstallighet&uttag=2025-11-30&enhet=Norr&enhet=S%C3%B6der&fran=2025-01&till=2025-03' +
        '&period=3-9&helgflytt=1&kvartal=2025Q3&aterinom=0&ar=2024',
    );
    expect(url.page).toBe('verkstallighet');
    // Day numbers count days from 1970-01-01: 2025-11-30 is day 20 422.
    expect(url.asOf).toBe(Date.UTC(2025, 10, 30) / 86_400_000);
    expect(url.units).toEqual(['Norr', 'Söder']);
    // Months count from year 0: 2025-01 is 2025 × 12 + 0.
    expect([url.fromMonth, url.toMonth]).toEqual([2025 * 12, 2025 * 12 + 2]);
    expect(url.period).toEqual({ from: 3, to: 9 });
    expect(url.shiftToWorkingDay).toBe(true);
    expect(url.quarter).toBe(2025 * 4 + 2);
    // 0 days is a real choice (reopened the same day), not "missing".
    expect(url.reopenWindow).toBe(0);
    expect(url.year).toBe(2024);
  });

  it('falls back to the default for each unreadable value, keeping the readable ones', () => {
    const url = read(
      'uttag=2025-02-30&fran=2025-13&till=hej&period=0-13&helgflytt=ja&kvartal=2025Q5&aterinom=-3&ar=25',
    );
    expect(url).toMatchObject({
      asOf: null,
      fromMonth: null,
      toMonth: null,
      period: { from: 1, to: 6 },
      shiftToWorkingDay: false,
      quarter: null,
      reopenWindow: 30,
      year: null,
    });
    expect(read('period=4-x').period).toEqual({ from: 4, to: 6 });
    expect(read('aterinom=').reopenWindow).toBe(30);
    expect(read('aterinom=2.5').reopenWindow).toBe(30);
    expect(read('aterinom=45').reopenWindow).toBe(45);
  });
});
