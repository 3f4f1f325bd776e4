// The bench's "where the explorer's time goes" row (bench/lib/page-load.mjs STRIPS) loads the
// explorer with its React Server Components payload taken out of the HTML: Next's scripts still
// run, but nothing hydrates. That figure means something only if, on this build, the strip finds
// the payload, the map still draws from the map module alone, and React really does not hydrate.
// Should Next.js change how it streams the payload, this fails instead of the bench quietly
// reporting a page with everything still in it.
import { withoutRscPayload } from '../../bench/lib/page-load.mjs';
import { expect, mapSettled, test } from './fixtures';

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
  await page.route('/', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: withoutRscPayload(await response.text()).html });
  });
  await page.goto('/');
  const map = page.getByTestId('atlas-map');
  await expect(map).toHaveAttribute('data-map-idle', 'true', { timeout: 30_000 });
  // Nothing hydrated: React has put no fiber on the explorer's frame, and no React host adopted the map.
  await page.waitForTimeout(500);
  const hydrated = await page.evaluate(() => Object.keys(document.querySelector('main.explorer')!).some((k) => k.startsWith('__react')));
  expect(hydrated).toBe(false);
  await expect(map).not.toHaveAttribute('data-map-host', /.*/);
});

test('the same page with its payload hydrates and hands the map to React (the strip’s counterpart)', async ({ page }) => {
  await page.goto('/');
  const map = page.getByTestId('atlas-map');
  await mapSettled(map);
  const hydrated = await page.evaluate(() => Object.keys(document.querySelector('main.explorer')!).some((k) => k.startsWith('__react')));
  expect(hydrated).toBe(true);
});
