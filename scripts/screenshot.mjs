// Regenerates docs/screenshot.png, the picture in the README: the explorer as a visitor first
// sees it, in the same headless Chromium the tests use. Needs a running app:
//   npm start            (in another terminal)
//   node scripts/screenshot.mjs [http://localhost:3000]
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.mjs';

const base = process.argv[2] ?? process.env.APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 }, deviceScaleFactor: 1 });
  await page.goto(base, { waitUntil: 'load' });
  await page.locator('[data-testid="atlas-map"][data-map-idle="true"]').first().waitFor({ timeout: 60_000 });
  await page.screenshot({ path: 'docs/screenshot.png' });
  console.log(`wrote docs/screenshot.png from ${base}`);
} finally {
  await browser.close();
}
