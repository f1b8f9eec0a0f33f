import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, inject, it } from 'vitest';
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
    expect(sentence).toMatch(
      /^Andelen sena utredningar januari–juni 2025 var \d+\s%\s\(medelvärde av månadsandelarna\), (\d+ procentenhet(er)? (lägre|högre) än|oförändrat jämfört med) samma period 2024\.$/,
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
