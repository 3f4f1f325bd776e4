// Issue #5: no page, embed or image makes a request to any host but the app's own, sets no cookie,
// every link that leaves the site or opens a new tab carries rel="noopener noreferrer", and every
// page runs under its Content-Security-Policy with no violation. One visit per page checks all
// four (each visit of a map page costs seconds of software WebGL).
import type { BrowserContext, Page } from '@playwright/test';
// The project's fixture also fails a test on a request to another host, from the page, its frames
// or its workers; the checks below say the same thing out loud, per page.
import { expect, mapSettled, test } from './fixtures';

const SLUG = 'tumen-crossing-to-yanbian';
const PAGES = ['/', `/routes/${SLUG}`, '/sources', '/about', '/embed', `/embed/${SLUG}`, '/image.png?size=social', '/v/AAAAAAAAAAAA'];

/** Every URL the page, its frames and its workers (MapLibre's) ask for. */
function recordRequests(context: BrowserContext): string[] {
  const urls: string[] = [];
  context.on('request', (r) => urls.push(r.url()));
  return urls;
}

/** Content-Security-Policy violations, as the page's event and as the console reports them. */
async function recordCspViolations(page: Page): Promise<() => Promise<string[]>> {
  const logged: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to (load|execute|apply|frame|connect|create)/i.test(m.text())) logged.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __csp: string[] }).__csp ??= [];
      (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return async () => [...(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])), ...logged];
}

/** Links on the page that leave the site or open a tab and lack rel="noopener noreferrer". */
async function unguardedLinks(page: Page, origin: string): Promise<string[]> {
  const links = await page
    .locator('a[href]')
    .evaluateAll((as) =>
      as.map((a) => ({ href: (a as HTMLAnchorElement).href, target: a.getAttribute('target'), rel: a.getAttribute('rel') ?? '' })),
    );
  const risky = links.filter((l) => l.target === '_blank' || (/^https?:/.test(l.href) && new URL(l.href).origin !== origin));
  return risky
    .filter((l) => {
      const rel = l.rel.toLowerCase().split(/\s+/);
      return !rel.includes('noopener') || !rel.includes('noreferrer');
    })
    .map((l) => `${l.href} (target=${l.target}, rel=${l.rel})`);
}

test.describe('privacy and policy', () => {
  for (const path of PAGES) {
    const isDocument = !path.includes('.png');
    const title = isDocument
      ? `${path} talks to no host but ours, sets no cookie, guards its outgoing links and runs with no CSP violation`
      : `${path} talks to no host but ours and sets no cookie`;
    test(title, async ({ page, context, baseURL, guard }) => {
      const missing = path.startsWith('/v/');
      if (missing) guard.allowConsoleError(/status of 404/);
      // Shown bare, an image gets the browser's own request for /favicon.ico, which we do not serve.
      if (!isDocument) guard.allowConsoleError(/favicon\.ico/);
      const own = new URL(baseURL!);
      const urls = recordRequests(context);
      const cspViolations = await recordCspViolations(page);
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(missing ? 404 : 200);
      await page.waitForLoadState('networkidle');
      const map = page.getByTestId('atlas-map');
      if ((await map.count()) > 0) {
        // Let the map load its worker and draw (that is where eval or blob: would show), then move
        // it a little, so tiles or fonts fetched on demand would show too.
        await mapSettled(map.first());
        await page.locator('canvas').first().hover();
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
      if (!isDocument) return;
      expect(await unguardedLinks(page, own.origin), 'links without rel="noopener noreferrer"').toEqual([]);
      expect(await cspViolations(), 'Content-Security-Policy violations').toEqual([]);
      if (missing) return;
      if (path === '/embed' || path.startsWith('/embed/')) {
        // The embeds run no React: their own script made the map (it ran, under this policy).
        await expect(map.first()).toHaveAttribute('data-map-start', 'boot');
      } else {
        // Hydration ran: React attaches its root marker only when its scripts executed.
        expect(
          await page.evaluate(() =>
            Object.keys(document.body)
              .concat(Object.keys(document.documentElement))
              .some((k) => k.startsWith('__react')),
          ),
        ).toBe(true);
      }
    });
  }
});
