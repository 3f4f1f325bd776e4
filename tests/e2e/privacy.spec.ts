// Issue #5: no page, embed or image makes a request to any host but the app's own, sets no cookie,
// and every link that leaves the site or opens a new tab carries rel="noopener noreferrer".
import type { BrowserContext } from '@playwright/test';
// The project's fixture also fails a test on a request to another host, from the page, its frames
// or its workers; the checks below say the same thing out loud, per page.
import { expect, test } from './fixtures';

const SLUG = 'tumen-crossing-to-yanbian';
const PAGES = ['/', `/routes/${SLUG}`, '/sources', '/about', '/embed', `/embed/${SLUG}`, '/image.png?size=social', '/v/AAAAAAAAAAAA'];

/** Every URL the page, its frames and its workers (MapLibre's) ask for. */
function recordRequests(context: BrowserContext): string[] {
  const urls: string[] = [];
  context.on('request', (r) => urls.push(r.url()));
  return urls;
}

test.describe('privacy', () => {
  for (const path of PAGES) {
    test(`${path} talks to no host but ours and sets no cookie`, async ({ page, context, baseURL, guard }) => {
      if (path.startsWith('/v/')) guard.allowConsoleError(/status of 404/);
      // Shown bare, an image gets the browser's own request for /favicon.ico, which we do not serve.
      if (path.includes('.png')) guard.allowConsoleError(/favicon\.ico/);
      const own = new URL(baseURL!);
      const urls = recordRequests(context);
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(path.startsWith('/v/') ? 404 : 200);
      await page.waitForLoadState('networkidle');
      // Move the map a little where there is one, so tiles or fonts fetched on demand would show.
      const canvas = page.locator('canvas').first();
      if (await canvas.isVisible().catch(() => false)) {
        await canvas.hover();
        await page.mouse.wheel(0, -300);
        await page.waitForLoadState('networkidle');
      }
      expect(urls.length).toBeGreaterThan(0);
      const foreign = urls.filter((u) => {
        const url = new URL(u);
        if (url.protocol === 'data:' || url.protocol === 'blob:') return false;
        return url.host !== own.host;
      });
      expect(foreign, `requests from ${path} to other hosts`).toEqual([]);
      expect(await context.cookies()).toEqual([]);
    });
  }

  for (const path of PAGES.filter((p) => !p.includes('.png'))) {
    test(`${path}: links that leave the site or open a tab carry rel="noopener noreferrer"`, async ({ page, baseURL, guard }) => {
      if (path.startsWith('/v/')) guard.allowConsoleError(/status of 404/);
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(path.startsWith('/v/') ? 404 : 200);
      await page.waitForLoadState('networkidle');
      const links = await page
        .locator('a[href]')
        .evaluateAll((as) =>
          as.map((a) => ({ href: (a as HTMLAnchorElement).href, target: a.getAttribute('target'), rel: a.getAttribute('rel') ?? '' })),
        );
      const own = new URL(baseURL!).origin;
      const risky = links.filter((l) => l.target === '_blank' || (/^https?:/.test(l.href) && new URL(l.href).origin !== own));
      for (const link of risky) {
        const rel = link.rel.toLowerCase().split(/\s+/);
        expect(rel, `${link.href} (target=${link.target})`).toContain('noopener');
        expect(rel, `${link.href} (target=${link.target})`).toContain('noreferrer');
      }
    });
  }
});
