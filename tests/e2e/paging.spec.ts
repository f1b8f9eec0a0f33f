import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { recordsSession } from './browser';

const baseUrl = inject('baseUrl');
const session = recordsSession({}, (context) =>
  context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseUrl).origin }),
);
let page: Page;
beforeEach(() => {
  page = session.page;
});

// The demo's watch list of orosanmälningar has 222 rows: more than one page of 200.
describe('A long table', () => {
  const table = () => page.getByTestId('watch-concerns');
  const block = () => page.locator('.table-block', { has: table() });
  const bodyRows = () => table().locator('tbody tr').count();
  const status = () => block().locator('.table-pager [role="status"]');
  const open = async () => {
    await page.goto(`${baseUrl}?sida=bevakning`);
    await table().waitFor();
  };

  it('shows 200 rows at a time, and pages by keyboard with the count announced', async () => {
    await open();
    expect(await bodyRows()).toBe(200);
    expect(await status().innerText()).toBe('Visar 1–200 av 222 rader');
    const previous = block().getByRole('button', { name: /^Föregående/ });
    expect(await previous.isDisabled()).toBe(true);
    const next = block().getByRole('button', { name: /^Nästa/ });
    await next.focus();
    await page.keyboard.press('Enter');
    expect(await status().innerText()).toBe('Visar 201–222 av 222 rader');
    expect(await bodyRows()).toBe(22);
    // Next is now disabled, so the focus moved to Previous rather than being lost.
    expect(await next.isDisabled()).toBe(true);
    expect(await previous.evaluate((b) => b === document.activeElement)).toBe(true);
    await block().getByRole('button', { name: 'Visa alla 222' }).click();
    expect(await bodyRows()).toBe(222);
    expect(await status().innerText()).toBe('Visar alla 222 rader');
  });

  it('copies every row, not only the page shown', async () => {
    await open();
    await block().getByRole('button', { name: 'Kopiera tabell' }).click();
    await block().getByText('Tabellen är kopierad').waitFor();
    const text = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      return (await item.getType('text/plain')).text();
    });
    // The header row and 222 rows; the page shows 200 again afterwards.
    expect(text.split('\n').length).toBe(1 + 222);
    expect(await bodyRows()).toBe(200);
  });

  it('prints every row', async () => {
    await open();
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    expect(await bodyRows()).toBe(222);
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="watch-concerns"] tbody tr').length === 200,
    );
  });
});
