/**
 * Keyboard use on every page (WCAG 2.1.1, 2.4.7): Tab reaches every control, each shows a visible
 * focus ring, and dates and months are text fields in ÅÅÅÅ-MM-DD / ÅÅÅÅ-MM whatever the browser's
 * language (no native date or month input), committed on Enter or Tab, with a Swedish error otherwise.
 */
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { recordsSession } from './browser';

const baseUrl = inject('baseUrl');
// An English browser: the fields must still read and show ÅÅÅÅ-MM-DD.
const session = recordsSession({ locale: 'en-US' });
let page: Page;
beforeEach(() => {
  page = session.page;
});

const PAGES = ['oversikt', 'utredningstid', 'orosanmalningar', 'verkstallighet', 'bevakning', 'rapport', 'data', 'om'];
/** More than any page has; the walk stops when focus comes round again. */
const MAX_TABS = 800;

/** Opens a page and waits until it has drawn (whatever data it opens on). */
async function open(query: string): Promise<void> {
  await page.goto(`${baseUrl}?${query}`);
  await page.locator('main h1').first().waitFor();
  await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null);
  await page.waitForLoadState('networkidle');
}

interface Step {
  /** A short description of the focused element, or null when focus left the page's controls. */
  name: string | null;
  /** Whether this element was reached before (focus has come round). */
  again: boolean;
  /** Whether it shows a focus indicator: an outline or a box shadow, its own or its label's. */
  visible: boolean;
  /** Contrast of the outline against the background it is drawn on (null for a box shadow). */
  contrast: number | null;
}

/** Records the focused element, whether its focus ring shows and the ring's contrast. */
function step(): Promise<Step> {
  return page.evaluate(() => {
    const w = window as unknown as { seen?: Set<Element> };
    w.seen ??= new Set();
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement)
      return { name: null, again: false, visible: false, contrast: null };
    const again = w.seen.has(el);
    w.seen.add(el);
    const outlined = (e: Element) => {
      const style = getComputedStyle(e);
      return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    };
    const shadowed = (e: Element) => !['none', ''].includes(getComputedStyle(e).boxShadow);
    // A visually hidden input (the file picker) shows its ring on the label that wraps it.
    const rect = el.getBoundingClientRect();
    const label = el.closest('label');
    const ringOn = rect.width <= 1 && rect.height <= 1 && label && (outlined(label) || shadowed(label)) ? label : el;
    const visible = outlined(ringOn) || shadowed(ringOn);

    const rgb = (color: string) => (color.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r, g, b]: number[]) => {
      const channel = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    let contrast: number | null = null;
    if (outlined(ringOn)) {
      const style = getComputedStyle(ringOn);
      const ancestors = (e: Element): Element[] =>
        e.parentElement ? [e.parentElement, ...ancestors(e.parentElement)] : [];
      const opaque = (e: Element) => {
        const channels = rgb(getComputedStyle(e).backgroundColor);
        return channels.length === 3 || channels[3] === 1;
      };
      // An outline drawn inside the element lies on its own background; one drawn outside on whatever
      // is under the ring's middle, beside the element (the skip link's ring lies on the blue header).
      const offset = parseFloat(style.outlineOffset);
      const box = ringOn.getBoundingClientRect();
      const out = offset + parseFloat(style.outlineWidth) / 2;
      const x = box.left - out >= 0 ? box.left - out : box.right + out;
      const under =
        offset < 0
          ? [ringOn, ...ancestors(ringOn)]
          : document.elementsFromPoint(x, box.top + box.height / 2).filter((e) => e !== ringOn && !ringOn.contains(e));
      const behind = under.find(opaque);
      const background = behind ? getComputedStyle(behind).backgroundColor : 'rgb(255, 255, 255)';
      const [a, b] = [luminance(rgb(style.outlineColor)), luminance(rgb(background))];
      contrast = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }
    const text = el.getAttribute('aria-label') ?? (el.textContent ?? '').trim().slice(0, 40);
    return { name: `<${el.tagName.toLowerCase()}> ${text}`, again, visible, contrast };
  });
}

/** Every element a Tab press should reach: enabled, rendered controls not taken out of the order. */
function tabbable(): Promise<string[]> {
  return page.evaluate(() => {
    const w = window as unknown as { seen?: Set<Element> };
    const selector =
      'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';
    return (
      [...document.querySelectorAll(selector)]
        .filter((e) => !(e as HTMLInputElement).disabled && e.getAttribute('tabindex') !== '-1')
        // Not hidden, nor inside a closed <details> (content-visibility: hidden).
        .filter((e) => e.checkVisibility({ visibilityProperty: true }))
        // Of a radio group only the chosen button is in the Tab order; arrow keys move within it.
        .filter(
          (e) =>
            !(
              e instanceof HTMLInputElement &&
              e.type === 'radio' &&
              !e.checked &&
              document.querySelector(`input[type="radio"][name="${e.name}"]:checked`)
            ),
        )
        .filter((e) => !w.seen?.has(e))
        .map(
          (e) =>
            `<${e.tagName.toLowerCase()}> ${(e.getAttribute('aria-label') ?? e.textContent ?? '').trim().slice(0, 40)}`,
        )
    );
  });
}

describe('keyboard: every control on every page', () => {
  for (const name of PAGES) {
    it(`reaches every control on ?sida=${name} with Tab and shows where focus is`, async () => {
      await open(`sida=${name}`);
      expect(await page.locator('input[type="date"], input[type="month"]').count()).toBe(0);
      const reached: Step[] = [];
      for (let i = 0; i < MAX_TABS; i++) {
        await page.keyboard.press('Tab');
        const now = await step();
        if (now.name === null) {
          if (reached.length > 0) break;
          continue;
        }
        if (now.again) break;
        reached.push(now);
      }
      // The skip link, the page links and the page's own controls.
      expect(reached.length).toBeGreaterThan(8);
      expect(reached[0].name).toContain('Hoppa till innehållet');
      expect(reached.filter((s) => !s.visible).map((s) => s.name)).toEqual([]);
      // WCAG 1.4.11: the ring stands out from what is behind it by at least 3:1.
      expect(
        reached.filter((s) => s.contrast !== null && s.contrast < 3).map((s) => `${s.name} ${s.contrast}`),
      ).toEqual([]);
      expect(await tabbable()).toEqual([]);
    });
  }
});

describe('date and month fields', () => {
  it('reads ÅÅÅÅ-MM-DD on Enter into the URL, and refuses other text in Swedish without changing it', async () => {
    await open('sida=utredningstid');
    const field = page.getByLabel('Uttagsdatum', { exact: true });
    expect(await field.getAttribute('type')).toBe('text');
    expect(await field.getAttribute('inputmode')).toBe('numeric');
    const describedBy = (await field.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${describedBy.split(' ')[0]}"]`).innerText()).toBe('ÅÅÅÅ-MM-DD');

    await field.fill('2025-03-31');
    await field.press('Enter');
    await page.waitForURL(/uttag=2025-03-31/);
    expect(await field.inputValue()).toBe('2025-03-31');
    expect(await field.getAttribute('aria-invalid')).toBeNull();

    await field.fill('hej');
    await field.press('Enter');
    const error = page.getByRole('alert').filter({ hasText: 'ÅÅÅÅ-MM-DD' });
    await error.waitFor();
    expect(await error.innerText()).toBe('Skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2025-03-31.');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    const ids = ((await field.getAttribute('aria-describedby')) ?? '').split(' ');
    expect(ids).toContain(await error.getAttribute('id'));
    expect(new URL(page.url()).searchParams.get('uttag')).toBe('2025-03-31');
    // The figures still follow the last valid date.
    expect(await page.getByTestId('investigations-meta').innerText()).toContain('Uttagsdatum 2025-03-31');

    // A date not in the calendar is refused too; a correction clears the error.
    await field.fill('2025-02-30');
    await field.press('Enter');
    await page.getByRole('alert').filter({ hasText: '2025-02-30 finns inte i kalendern.' }).waitFor();
    await field.fill(' 2025-2-28 ');
    await field.press('Enter');
    await page.waitForURL(/uttag=2025-02-28/);
    expect(await page.getByRole('alert').filter({ hasText: 'kalendern' }).count()).toBe(0);
    expect(await field.inputValue()).toBe('2025-02-28');
  });

  it('reads a month when Tab leaves the field, and refuses month 13', async () => {
    await open('sida=orosanmalningar');
    const from = page.getByLabel('Från månad', { exact: true });
    const to = page.getByLabel('Till månad', { exact: true });
    const last = await to.inputValue();
    expect(last).toMatch(/^\d{4}-\d{2}$/);

    await from.fill('2025-13');
    await from.press('Tab');
    await page.getByRole('alert').filter({ hasText: '2025-13 finns inte i kalendern.' }).waitFor();
    expect(await from.getAttribute('aria-invalid')).toBe('true');
    expect(new URL(page.url()).searchParams.get('fran')).toBeNull();

    await from.fill(last);
    await from.press('Tab');
    await page.waitForURL((url) => url.searchParams.get('fran') === last);
    expect(await from.getAttribute('aria-invalid')).toBeNull();
  });
});
