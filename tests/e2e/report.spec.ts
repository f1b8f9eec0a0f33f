import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { loadExtract } from '../../fixtures/oracle/extract';
import { investigationMonths } from '../../fixtures/oracle/figures';
import { recordsSession, screenshot } from './browser';

const baseUrl = inject('baseUrl');
const session = recordsSession({ viewport: { width: 1100, height: 1400 } });
let page: Page;
beforeEach(() => {
  page = session.page;
});

describe('Rapport för nämnden', () => {
  it('renders every section with sentences and tables, and prints without controls', async () => {
    await page.goto(`${baseUrl}?sida=rapport&ar=2025&period=1-6`);
    for (const id of ['utredningar', 'orosanmalningar', 'verkstallighet'])
      await page.getByTestId(`report-${id}`).waitFor();
    await page.locator('.recharts-bar-rectangle').first().waitFor();
    const sentence = await page.getByTestId('report-utredningar').locator('p.sentence').nth(1).innerText();
    // Exactly, from the independent oracle: the mean of the six monthly shares, and its change.
    const months = investigationMonths(
      loadExtract(['public/data/utredningar.csv', 'public/data/forlangningar.csv'], '2025-11-30').investigations,
      '2025-11-30',
    );
    const mean = (year: number) => {
      let sum = 0;
      for (let m = 1; m <= 6; m++) {
        const row = months.get(`${year}-0${m}`);
        if (!row) throw new Error(`oracle has no ${year}-0${m}`);
        sum += (100 * row.late) / row.started;
      }
      return sum / 6;
    };
    const change = Math.round(mean(2025) - mean(2024));
    const comparison =
      change === 0
        ? 'oförändrat jämfört med'
        : `${Math.abs(change)} procentenhet${Math.abs(change) === 1 ? '' : 'er'} ${change < 0 ? 'lägre' : 'högre'} än`;
    expect(sentence.replace(/[\u202f\u00a0]/g, ' ')).toBe(
      `Andelen sena utredningar januari–juni 2025 var ${Math.round(mean(2025))} % (medelvärde av månadsandelarna), ` +
        `${comparison} samma period 2024.`,
    );
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(
      'Uppföljning av lagstadgade tidsfrister, januari–juni 2025',
    );

    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Skriv ut' }).isVisible()).toBe(false);
    expect(await page.locator('form.controls').first().isVisible()).toBe(false);
    for (const id of ['utredningar', 'orosanmalningar', 'verkstallighet']) {
      expect(await page.getByTestId(`report-${id}`).isVisible()).toBe(true);
      expect(await page.getByTestId(`report-${id}`).locator('table').count()).toBeGreaterThanOrEqual(2);
      expect(await page.getByTestId(`report-${id}`).locator('svg.recharts-surface').count()).toBeGreaterThanOrEqual(2);
    }
    const breaks = await page.evaluate(() =>
      [...document.querySelectorAll('.report-section')].map((s) => getComputedStyle(s).breakBefore),
    );
    expect(breaks).toEqual(['auto', 'page', 'page']);
    await screenshot(page, 'rapport-print');
  });
});
