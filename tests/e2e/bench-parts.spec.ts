// The bench's "where the explorer's time goes" row (bench/lib/page-load.mjs STRIPS) loads the
// explorer with its React Server Components payload taken out of the HTML: Next's scripts still
// run, but nothing hydrates. That figure means something only if, on this build, the strip finds
// the payload, the map still draws from the map module alone, and React really does not hydrate.
// Should Next.js change how it streams the payload, this fails instead of the bench quietly
// reporting a page with everything still in it.
import type { Page } from '@playwright/test';
import { STRIPS, withoutRscPayload } from '../../bench/lib/page-load.mjs';
import { expect, mapSettled, test } from './fixtures';

/** Whether React has put a fiber on the explorer's frame. */
const hydrated = (page: Page) =>
  page.evaluate(() => Object.keys(document.querySelector('main.explorer')!).some((k) => k.startsWith('__react')));

test('the bench’s payload strip takes the RSC payload out of a real explorer page, and the map still draws', async ({
  page,
  request,
  guard,
}) => {
  const html = await (await request.get('/')).text();
  const stripped = withoutRscPayload(html);
  expect(stripped.removed).toBeGreaterThan(0);
  expect(stripped.html).not.toContain('self.__next_f.push([1,');
  // What starts the map is left alone: its config and its module script.
  expect(stripped.html).toContain('id="atlas-map-config"');
  expect(stripped.html).toMatch(/<script type="module"[^>]*src="\/generated\/map\/atlas-map-/);

  // With no payload, React's Flight client sees its stream close empty: "Connection closed"
  // (React error 412), thrown once, and Next's start stops there. That is the point of the strip.
  guard.allowConsoleError(/Minified React error #412\b/);
  const stopped = page.waitForEvent('pageerror', { predicate: (e) => /#412\b/.test(e.message) });
  // The very strip the bench loads the page with.
  const taken = await STRIPS['no-payload'](page, '/');
  await page.goto('/');
  const map = page.getByTestId('atlas-map');
  await expect(map).toHaveAttribute('data-map-idle', 'true', { timeout: 30_000 });
  expect(taken()).toBe(stripped.removed);
  // Next's start has ended, and nothing hydrated: no fiber on the explorer's frame, no React host on the map.
  await stopped;
  expect(await hydrated(page)).toBe(false);
  await expect(map).not.toHaveAttribute('data-map-host', /.*/);
});

test('the same page with its payload hydrates and hands the map to React (the strip’s counterpart)', async ({ page }) => {
  await page.goto('/');
  const map = page.getByTestId('atlas-map');
  await mapSettled(map);
  expect(await hydrated(page)).toBe(true);
});
