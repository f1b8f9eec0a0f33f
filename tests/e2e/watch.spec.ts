import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { recordsSession } from './browser';

const baseUrl = inject('baseUrl');
const session = recordsSession();
let page: Page;
beforeEach(() => {
  page = session.page;
});

describe('Bevakning', () => {
  it('flags the reopened investigation and sorts a list by a column', async () => {
    await page.goto(`${baseUrl}?sida=bevakning&enhet=Norr`);
    await page.getByTestId('watch-reopened').waitFor();
    const reopened = await page
      .locator('[data-testid="watch-reopened"] tbody tr', { hasText: 'U-KANT-14' })
      .allInnerTexts();
    expect(reopened[0]).toContain('U-KANT-13');
    expect(reopened[0]).toMatch(/\t3\t/);
    // Every listed investigation is in Norr.
    const unitCells = await page
      .locator('[data-testid="watch-investigations"] tbody tr td:nth-child(3)')
      .allInnerTexts();
    expect(new Set(unitCells)).toEqual(new Set(['Norr']));
    // Sort by start date, descending: the newest start first.
    const header = page.locator('[data-testid="watch-investigations"] thead th', { hasText: 'Inledd' });
    await header.getByRole('button').click();
    await header.getByRole('button').click();
    expect(await header.getAttribute('aria-sort')).toBe('descending');
    const starts = await page.locator('[data-testid="watch-investigations"] tbody tr td:nth-child(4)').allInnerTexts();
    expect(starts).toEqual([...starts].sort().reverse());
  });
});
