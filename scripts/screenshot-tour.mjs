// Regenerates docs/tour-presenter.png, the README's picture of a guided tour in a classroom: the
// presenter view (F) of a route's tour at one step, 16:9, in the same headless Chromium the
// tests use. Needs a running app:
//   npm start            (in another terminal)
//   node scripts/screenshot-tour.mjs [http://localhost:3000]
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.mjs';

const base = process.argv[2] ?? process.env.APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
const url = new URL('/tour/tumen-crossing-to-yanbian?step=2', base).href;
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 }, deviceScaleFactor: 1 });
  await page.goto(url, { waitUntil: 'load' });
  const map = page.locator('[data-testid="atlas-map"]');
  await map.and(page.locator('[data-map-idle="true"]')).waitFor({ timeout: 60_000 });
  await page.keyboard.press('f');
  await page.locator('[data-tour][data-present="true"]').waitFor();
  // The map refits to the presenter's box: wait for it to settle again.
  await map
    .and(page.locator('[data-map-idle="false"]'))
    .waitFor({ timeout: 5_000 })
    .catch(() => {});
  await map.and(page.locator('[data-map-idle="true"]')).waitFor({ timeout: 60_000 });
  await page.screenshot({ path: 'docs/tour-presenter.png' });
  console.log(`wrote docs/tour-presenter.png from ${url}`);
} finally {
  await browser.close();
}
