/**
 * The nämnd report printed to PDF (issue 14): A4 portrait, every chart drawn (not collapsed to
 * nothing) and every chart and table within the printed width, so nothing is cut at the edge.
 */
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { recordsSession } from './browser';

const baseUrl = inject('baseUrl');
const session = recordsSession({ viewport: { width: 1400, height: 1000 } });
let page: Page;
beforeEach(() => {
  page = session.page;
});

/** A4 with the report's 15 mm margins: 180 mm of content, in CSS pixels (96 per inch). */
const PRINTED_WIDTH_PX = (180 / 25.4) * 96;

describe('Rapport för nämnden, utskriven', () => {
  it('fits A4 portrait with every chart drawn and nothing wider than the paper', async () => {
    await page.goto(`${baseUrl}?sida=rapport&ar=2025&period=1-6`);
    for (const id of ['utredningar', 'orosanmalningar', 'verkstallighet'])
      await page.getByTestId(`report-${id}`).locator('.recharts-bar-rectangle').first().waitFor();
    // Lay the page out as the printer does: print styles at the paper's content width.
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: Math.floor(PRINTED_WIDTH_PX), height: 1000 });

    const widths = await page.evaluate(() => ({
      charts: [...document.querySelectorAll('.report svg.recharts-surface')].map(
        (e) => e.getBoundingClientRect().width,
      ),
      tables: [...document.querySelectorAll('.report table')].map((e) => e.getBoundingClientRect().right),
      page: document.documentElement.scrollWidth,
    }));
    expect(widths.charts.length).toBeGreaterThanOrEqual(6);
    for (const width of widths.charts) {
      expect(width).toBeGreaterThan(PRINTED_WIDTH_PX / 2);
      expect(width).toBeLessThanOrEqual(PRINTED_WIDTH_PX + 1);
    }
    expect(widths.tables.length).toBeGreaterThanOrEqual(6);
    for (const right of widths.tables) expect(right).toBeLessThanOrEqual(PRINTED_WIDTH_PX + 1);
    expect(widths.page).toBeLessThanOrEqual(PRINTED_WIDTH_PX + 1);

    const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1');
    const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [
      Number(m[1]),
      Number(m[2]),
    ]);
    // One section a page at least (the sections start on a new page), each page A4 portrait (595 × 842 pt).
    expect(boxes.length).toBeGreaterThanOrEqual(3);
    for (const [width, height] of boxes) {
      expect(width).toBeCloseTo(595, -1);
      expect(height).toBeCloseTo(842, -1);
    }
  });
});
