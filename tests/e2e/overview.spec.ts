import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, inject, it } from 'vitest';
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
    expect(text).toMatch(/procentenheter, (bättre|sämre|oförändrat)/);
    await screenshot(page, 'oversikt-demo');
    await card.getByRole('link').click();
    await page.waitForURL(/sida=utredningstid/);
    expect(external).toEqual([]);
  });
});
