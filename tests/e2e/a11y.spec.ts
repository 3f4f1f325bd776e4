// Issue #5: usable by everyone. axe-core finds no WCAG 2.2 AA violation on any kind of page, in
// light and dark, at desktop and phone width; the explorer works from the keyboard alone;
// reduced motion turns camera animations into jumps; the layout holds at 200% zoom.
import { expect, test, type Page } from '@playwright/test';
import { RISK_LEVEL_VALUES, riskPhrase } from '@/geo/vocabulary';
import { mapSettled, messagesOf } from './fixtures';
import { axeViolations } from './axe';

const EXPLORER_STRINGS = messagesOf('en').explorer;

const SLUG = 'tumen-crossing-to-yanbian';
const PAGES = ['/', `/routes/${SLUG}`, `/embed/${SLUG}`, '/sources', '/about'];
const VIEWPORTS = { desktop: { width: 1280, height: 800 }, phone: { width: 360, height: 740 } } as const;
/** 1280×800 at 200% zoom: the layout the page gets is 640×400. */
const ZOOMED = { width: 640, height: 400 };

/** The page is drawn: its fonts loaded, and where there is a map, the map idle with its data. */
async function settled(page: Page): Promise<void> {
  const map = page.getByTestId('atlas-map');
  if ((await map.count()) > 0) await mapSettled(map.first());
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

/** At a narrow width the layout holds: no sideways scrolling, and the main content can be reached and read. */
async function layoutHolds(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => {
    const wide = (el: Element | null) => (el ? el.scrollWidth - el.clientWidth : 0);
    return { page: document.documentElement.scrollWidth - window.innerWidth, panel: wide(document.querySelector('#route-panel')) };
  });
  expect(overflow).toEqual({ page: 0, panel: 0 });
  const content = page.locator('a[data-item], #route-panel h1, main h1').first();
  await content.scrollIntoViewIfNeeded();
  await expect(content).toBeVisible();
}

/** What the map is doing, recorded in the page: camera events between two marks. */
async function recordCamera(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __atlas: { map: { on(e: string, f: () => void): void } }; __camera: string[] };
    w.__camera = [];
    for (const e of ['movestart', 'move', 'moveend']) w.__atlas.map.on(e, () => w.__camera.push(e));
  });
}

// One visit per page and scheme (a map page's visit costs seconds of software WebGL): loaded on
// a 360 px phone, where axe runs and the layout must hold; then at 640×400, which is how
// 1280×800 at 200% zoom lays out, where the layout must hold too; then widened to a desktop,
// where axe runs again on the desktop layout.
test.describe('axe: no WCAG 2.2 AA violations; the layout holds on a phone and at 200% zoom', () => {
  for (const path of PAGES) {
    // The site has one light theme and follows no system setting (no stylesheet asks for
    // prefers-color-scheme); only the embeds have a dark theme, so only they are checked dark.
    for (const scheme of path.startsWith('/embed') ? (['light', 'dark'] as const) : (['light'] as const)) {
      test(`${path} · ${scheme}`, async ({ page }) => {
        await page.setViewportSize(VIEWPORTS.phone);
        await page.emulateMedia({ colorScheme: scheme });
        const url = scheme === 'dark' && path.startsWith('/embed') ? `${path}?theme=dark` : path;
        expect((await page.goto(url))?.status(), url).toBe(200);
        await settled(page);
        expect(await axeViolations(page), 'phone').toEqual([]);
        await layoutHolds(page);
        await page.setViewportSize(ZOOMED);
        await layoutHolds(page);
        await page.setViewportSize(VIEWPORTS.desktop);
        await settled(page);
        expect(await axeViolations(page), 'desktop').toEqual([]);
      });
    }
  }
});

test.describe('keyboard', () => {
  test('the skip link is the first stop and moves focus past the map to the list', async ({ page }) => {
    await page.goto('/');
    await settled(page);
    await page.keyboard.press('Tab');
    const skip = page.locator(':focus');
    await expect(skip).toHaveText(/skip to route list/i);
    await expect(skip).toBeVisible();
    await page.keyboard.press('Enter');
    // Focus is now in the panel, not on the map or its controls...
    expect(await page.evaluate(() => document.activeElement?.closest('#route-panel') !== null)).toBe(true);
    // ...and the next Tab continues inside the panel.
    await page.keyboard.press('Tab');
    expect(
      await page.evaluate(
        () => document.activeElement?.closest('#route-panel') !== null && document.activeElement?.closest('.explorer__map') === null,
      ),
    ).toBe(true);
  });

  test('Tab reaches the list in one stop; arrows move; Enter opens; Back returns focus to the item', async ({ page }) => {
    await page.goto('/');
    await settled(page);
    const items = page.locator('a[data-item]');
    const ids = await items.evaluateAll((as) => as.map((a) => (a as HTMLElement).dataset.item!));
    expect(ids.length).toBeGreaterThan(3);
    // Only one item is in the tab order (roving tabindex).
    expect(await page.locator('a[data-item][tabindex="0"]').count()).toBe(1);

    const focusedItem = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.item ?? null);
    let reached = false;
    for (let i = 0; i < 60 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = (await focusedItem()) !== null;
    }
    expect(reached, 'Tab reaches the route list').toBe(true);
    expect(await focusedItem()).toBe(ids[0]);

    // Focus is visible on the item.
    const outline = await page.evaluate(() => {
      const s = getComputedStyle(document.activeElement!);
      return { style: s.outlineStyle, width: parseFloat(s.outlineWidth), shadow: s.boxShadow };
    });
    expect((outline.style !== 'none' && outline.width >= 2) || outline.shadow !== 'none').toBe(true);

    await page.keyboard.press('ArrowDown');
    expect(await focusedItem()).toBe(ids[1]);
    await page.keyboard.press('ArrowDown');
    expect(await focusedItem()).toBe(ids[2]);
    await page.keyboard.press('ArrowUp');
    expect(await focusedItem()).toBe(ids[1]);
    await page.keyboard.press('End');
    expect(await focusedItem()).toBe(ids.at(-1));
    await page.keyboard.press('Home');
    expect(await focusedItem()).toBe(ids[0]);
    await page.keyboard.press('ArrowDown');

    // Tab leaves the list in one step, Shift+Tab comes back to the same item.
    await page.keyboard.press('Tab');
    expect(await focusedItem()).toBeNull();
    await page.keyboard.press('Shift+Tab');
    expect(await focusedItem()).toBe(ids[1]);

    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/routes/${ids[1]}(\\?|#|$)`));
    // The item's page has focus on its heading, and the live region says what was selected.
    await expect(page.locator('#route-title')).toBeFocused();
    await expect(page.getByTestId('announcer')).toHaveText(/^Selected: .+/);
    await expect(page.getByTestId('announcer')).toHaveAttribute('aria-live', 'polite');

    await page.goBack();
    await expect(page).toHaveURL(/\/(#.*)?$/);
    await expect.poll(focusedItem).toBe(ids[1]);
  });

  test('Escape closes the map key and gives focus back to its button', async ({ page }) => {
    await page.goto('/');
    await settled(page);
    const summary = page.locator('.legend > summary');
    await summary.focus();
    if (!(await page.locator('details.legend').evaluate((d) => (d as HTMLDetailsElement).open))) await page.keyboard.press('Enter');
    await expect(page.locator('details.legend')).toHaveJSProperty('open', true);
    // From inside the key, as a keyboard user would be after tabbing through its switches.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    await expect(page.locator('details.legend')).toHaveJSProperty('open', false);
    await expect(summary).toBeFocused();
  });

  test('Escape closes every dialog and focus returns to what opened it', async ({ page }) => {
    for (const path of ['/', `/routes/${SLUG}`]) {
      await page.goto(path);
      await settled(page);
      const openers = page.locator('button[aria-haspopup="dialog"], button[aria-controls]:not([aria-controls="route-panel"])');
      const count = await openers.count();
      test.skip(count === 0, 'no dialog in the explorer yet (the share dialog is not built): nothing to close');
      for (let i = 0; i < count; i++) {
        const opener = openers.nth(i);
        if (!(await opener.isVisible())) continue;
        await opener.focus();
        await page.keyboard.press('Enter');
        const dialog = page.locator('dialog[open], [role="dialog"]:visible, [role="alertdialog"]:visible').first();
        await expect(dialog).toBeVisible();
        await page.keyboard.press('Escape');
        await expect(dialog).toBeHidden();
        await expect(opener).toBeFocused();
      }
    }
  });

  test('the map is named and described for assistive technology, and every item in the list says its risk in words, not colour alone', async ({
    page,
  }) => {
    await page.goto('/');
    await settled(page);
    await expect(page.locator('section.explorer__map')).toHaveAttribute('aria-label', /map/i);
    const describedBy = await page.locator('canvas').first().getAttribute('aria-describedby');
    expect(describedBy).toBeTruthy();
    await expect(page.locator(`#${describedBy}`)).toHaveText(/route list/i);
    const items = page.locator('a[data-item]');
    const count = await items.count();
    expect(count).toBeGreaterThan(0);
    // "Extreme risk", …, and "The sources report none" where they report no harm (issue 20). The
    // accessible name, not the rendered text: a corridor out of view is not rendered
    // (content-visibility), but what assistive technology reads of it stays.
    const words = new RegExp(`(${RISK_LEVEL_VALUES.map((level) => riskPhrase(level)).join('|')})`);
    for (let i = 0; i < count; i++) await expect(items.nth(i)).toHaveAccessibleName(words);
  });
});

test.describe('motion and zoom', () => {
  for (const reduce of [true, false]) {
    test(`opening an item ${reduce ? 'jumps the camera (prefers-reduced-motion)' : 'animates the camera'}`, async ({ page }) => {
      await page.emulateMedia({ reducedMotion: reduce ? 'reduce' : 'no-preference' });
      await page.goto('/');
      await settled(page);
      await recordCamera(page);
      // An item far from the starting view, so the camera must travel.
      // (Not an event listed with no place: opening one leaves the camera where it is.)
      const item = page.locator('a[data-item]').filter({ hasNotText: EXPLORER_STRINGS.list.unplaced }).last();
      await item.click();
      await expect(page).toHaveURL(/\/routes\//);
      await expect.poll(() => page.evaluate(() => (window as unknown as { __camera: string[] }).__camera.includes('moveend'))).toBe(true);
      const events = await page.evaluate(() => (window as unknown as { __camera: string[] }).__camera);
      const moves = events.filter((e) => e === 'move').length;
      // A jump is one frame: movestart, move, moveend. An animation takes many.
      if (reduce) expect(moves, events.join(' ')).toBeLessThanOrEqual(1);
      else expect(moves, events.join(' ')).toBeGreaterThan(2);
    });
  }
});
