// Playwright `test` with two guards every explorer test runs under: a console error or an
// uncaught exception in the page fails the test, and so does any request to a host other than
// the app's own (the atlas promises to talk to no one else). Also: waiting for the map to
// settle, and reading it, without sleeps.
import fs from 'node:fs';
import path from 'node:path';
import { test as base, expect, type Locator, type Page } from '@playwright/test';

export interface PageGuard {
  /** Let console errors matching `pattern` pass, for a test that causes one on purpose. */
  allowConsoleError(pattern: RegExp): void;
  /** Let requests to this host (`name:port`) pass, for a test that serves a page from another origin on purpose. */
  allowHost(host: string): void;
}

export const test = base.extend<{ guard: PageGuard }>({
  guard: [
    async ({ page, context, baseURL }, use) => {
      const own = new URL(baseURL!).host;
      const hosts = new Set([own]);
      const allowed: RegExp[] = [];
      const errors: string[] = [];
      const foreign: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(`${m.text()} (${m.location().url})`);
      });
      page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
      const check = (url: string) => {
        const u = new URL(url);
        if (u.protocol === 'data:' || u.protocol === 'blob:' || u.protocol === 'about:') return;
        if (!hosts.has(u.host)) foreign.push(url);
      };
      // The context sees requests from the page, its frames and its workers (MapLibre's
      // worker fetches the basemap).
      context.on('request', (r) => check(r.url()));
      page.on('websocket', (ws) => check(ws.url()));

      await use({ allowConsoleError: (pattern) => allowed.push(pattern), allowHost: (host) => hosts.add(host) });

      expect(foreign, 'requests to hosts other than the app').toEqual([]);
      expect(
        errors.filter((e) => !allowed.some((p) => p.test(e))),
        'console errors',
      ).toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/**
 * The map (`map`, its container) has drawn its data and stopped moving, and the page's own code
 * drives it: on the explorer, AtlasMap, which adopts the map module's map once React has
 * hydrated (after the map's first drawing: components/after-first-map.tsx) and marks
 * `data-map-host`; on an embed, the embed's script. Both mark `data-map-start`; `window.__atlas`
 * exists from the map's creation on.
 */
export async function mapSettled(map: Locator, { app = true }: { app?: boolean } = {}): Promise<void> {
  await expect(map).toHaveAttribute('data-map-idle', 'true', { timeout: 30_000 });
  await expect(map).toHaveAttribute('data-map-start', /^(boot|react)$/, { timeout: 30_000 });
  if (app && (await map.page().locator('main[data-atlas="explorer"]').count()) > 0)
    await expect(map).toHaveAttribute('data-map-host', 'react', { timeout: 30_000 });
}

/** The page's map has settled (mapSettled); `app: false` for a page whose app scripts a test blocks. */
export async function mapIdle(page: Page, options?: { app?: boolean }): Promise<void> {
  await mapSettled(page.getByTestId('atlas-map'), options);
}

/** Item ids drawn on the map right now, in the given layers. */
export function renderedItems(page: Page, layers: string[]): Promise<string[]> {
  return page.evaluate((layers) => {
    const map = window.__atlas!.map;
    const ids = map.queryRenderedFeatures({ layers }).map((f) => String(f.properties.item));
    return [...new Set(ids)].sort();
  }, layers);
}

/** The feature-state of one atlas item (the atlas source's promoteId is `item`: a route and its stages share it). */
export function featureState(page: Page, item: string): Promise<Record<string, unknown>> {
  return page.evaluate((id) => window.__atlas!.map.getFeatureState({ source: 'atlas', id }), item);
}

/** The camera, as numbers. */
export function camera(page: Page): Promise<{ zoom: number; lat: number; lng: number }> {
  return page.evaluate(() => {
    const map = window.__atlas!.map;
    const c = map.getCenter();
    return { zoom: map.getZoom(), lat: c.lat, lng: c.lng };
  });
}

/** A locale's message file, read as data (Playwright's loader takes no JSON modules). */
export const messagesOf = (locale: 'en' | 'ko') =>
  JSON.parse(fs.readFileSync(path.join('messages', `${locale}.json`), 'utf8')) as typeof import('@/messages/en.json');
