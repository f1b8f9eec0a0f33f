/**
 * WCAG 2.1 1.4.10 (issue 14): every page reflows down to 320 px with no sideways scrolling of the
 * page; only a wide table scrolls, inside its own keyboard-reachable region named by its caption.
 * Screenshots of every page at every width land in test-results/ for a person to look at.
 */
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { recordsSession, screenshot } from './browser';

const baseUrl = inject('baseUrl');
const session = recordsSession({ viewport: { width: 1440, height: 900 } });
let page: Page;
beforeEach(() => {
  page = session.page;
});

const PAGES = ['oversikt', 'utredningstid', 'orosanmalningar', 'verkstallighet', 'bevakning', 'rapport', 'data', 'om'];
const WIDTHS = [1440, 1024, 768, 320];

describe('Reflow', () => {
  it.each(WIDTHS)('no page scrolls sideways at %i px', async (width) => {
    await page.setViewportSize({ width, height: 900 });
    const wide: string[] = [];
    for (const id of PAGES) {
      await page.goto(`${baseUrl}?sida=${id}`);
      await page.locator('main h1').first().waitFor();
      await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
      await page.waitForTimeout(400);
      const overflow = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        // Every scrolling table region is focusable and named, so a keyboard user can scroll it.
        unnamedRegions: [...document.querySelectorAll('.table-scroll')]
          .filter((e) => e.scrollWidth > e.clientWidth)
          .filter((e) => e.getAttribute('tabindex') !== '0' || !e.getAttribute('aria-labelledby')).length,
      }));
      if (overflow.page > 0) wide.push(`${id}: ${overflow.page} px`);
      if (overflow.unnamedRegions > 0)
        wide.push(`${id}: ${overflow.unnamedRegions} scrolling regions without name or focus`);
      await screenshot(page, `reflow-${id}-${width}`);
    }
    expect(wide).toEqual([]);
  });
});
