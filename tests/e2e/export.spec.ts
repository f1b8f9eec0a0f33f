import { readFileSync } from 'node:fs';
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

beforeEach(async () => {
  await page.goto(`${baseUrl}?sida=utredningstid`);
  await page.locator('.recharts-bar-rectangle').first().waitFor();
});

describe('Exports', () => {
  it('downloads a chart as a valid PNG image', async () => {
    const figure = page.locator('figure.chart').first();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      figure.getByRole('button', { name: /^PNG/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.png$/);
    const bytes = readFileSync((await download.path()) as string);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // IHDR width and height (big-endian) follow the signature: twice the drawn size.
    const width = bytes.readUInt32BE(16);
    const height = bytes.readUInt32BE(20);
    expect(width).toBeGreaterThan(1000);
    expect(height).toBeGreaterThan(400);
  });

  it('downloads a chart as SVG with its title and legend', async () => {
    const figure = page.locator('figure.chart').first();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      figure.getByRole('button', { name: /^SVG/ }).click(),
    ]);
    const svg = readFileSync((await download.path()) as string, 'utf8');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('Andel sena utredningar per startmånad');
    expect(svg).toContain('>Samma månad föregående år</text>');
    expect(svg).toContain('recharts-bar-rectangle');
  });

  it('copies a table so that it pastes as an HTML table', async () => {
    const block = page.locator('.table-block', { has: page.getByTestId('monthly-table') });
    await block.getByRole('button', { name: 'Kopiera tabell' }).click();
    await block.getByText('Tabellen är kopierad').waitFor();
    const clip = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      return {
        html: await (await item.getType('text/html')).text(),
        text: await (await item.getType('text/plain')).text(),
      };
    });
    expect(clip.html).toMatch(/<table[^>]*>/);
    expect(clip.html).toContain('<th');
    expect(clip.html).not.toContain('<button');
    const lines = clip.text.split('\n').map((line) => line.split('\t'));
    expect(lines[0][0]).toBe('Startmånad');
    expect(lines[1][0]).toMatch(/^[a-zä]+ \d{4}/);
    expect(lines.length).toBe(13);
  });
});
