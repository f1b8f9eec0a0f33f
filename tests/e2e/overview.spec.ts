import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { loadExtract } from '../../fixtures/oracle/extract';
import { investigationMonths } from '../../fixtures/oracle/figures';
import { recordsSession, screenshot } from './browser';

const baseUrl = inject('baseUrl');
const expected = JSON.parse(readFileSync('fixtures/demo-expected.json', 'utf8')) as {
  months: Record<string, Record<string, number>>;
};
const session = recordsSession();
let page: Page;
let external: string[];
beforeEach(() => {
  page = session.page;
  external = session.external;
});

describe('Översikt', () => {
  it('opens on the overview with one card per indicator, the latest complete month against last year', async () => {
    await page.goto(baseUrl);
    const card = page.getByTestId('card-utredningstid');
    await card.waitFor();
    expect(await page.locator('article.card').count()).toBe(3);
    // Investigations started in July 2025 are still pending at 2025-11-30, so June 2025 is the latest complete month.
    const june = expected.months['2025-06'];
    const share = Math.round((100 * june['sen']) / (june['i tid'] + june['förlängd'] + june['sen']));
    const text = (await card.innerText()).replace(/\s+/g, ' ');
    expect(text).toContain(`${share} % andel sena juni 2025`);
    // The exact comparison, from the independent oracle: the month against the same month a year
    // earlier, and the year so far pooled (late ÷ started over January–June), in whole percents.
    const extract = loadExtract(
      ['utredningar', 'forlangningar'].map((name) => `public/data/${name}.csv`),
      '2025-11-30',
    );
    const months = investigationMonths(extract.investigations, '2025-11-30');
    const monthShare = (month: string) => {
      const row = months.get(month);
      if (!row) throw new Error(`oracle has no ${month}`);
      return (100 * row.late) / row.started;
    };
    const pooled = (year: number) => {
      let late = 0;
      let started = 0;
      for (let m = 1; m <= 6; m++) {
        const row = months.get(`${year}-0${m}`);
        late += row?.late ?? 0;
        started += row?.started ?? 0;
      }
      return (100 * late) / started;
    };
    const points = (change: number) => {
      const rounded = Math.round(change);
      const word = rounded < 0 ? 'bättre' : rounded > 0 ? 'sämre' : 'oförändrat';
      const arrow = rounded < 0 ? '▼' : rounded > 0 ? '▲' : '●';
      return `${arrow} ${rounded < 0 ? `−${-rounded}` : rounded > 0 ? `+${rounded}` : '0'} procentenheter, ${word}`;
    };
    expect(text).toContain(
      `${Math.round(monthShare('2025-06'))} % andel sena juni 2025 Samma månad 2024: ${Math.round(monthShare('2024-06'))} % · ` +
        points(monthShare('2025-06') - monthShare('2024-06')),
    );
    expect(text).toContain(
      `Hittills i år (jan–jun 2025): ${Math.round(pooled(2025))} % mot ${Math.round(pooled(2024))} % året före · ` +
        points(pooled(2025) - pooled(2024)),
    );
    await screenshot(page, 'oversikt-demo');
    await card.getByRole('link').click();
    await page.waitForURL(/sida=utredningstid/);
    expect(external).toEqual([]);
  });
});
