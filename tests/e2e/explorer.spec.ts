// The explorer as a visitor uses it: the map draws the atlas, the list and the map answer each
// other, opening an item keeps the page (and the map) alive, Back returns to the list as it
// was, filters and links carry the view, broken links fall back politely, and phones get a
// bottom sheet. Every test also fails on a console error or a request to another host
// (./fixtures.ts).
import type { APIRequestContext, Page } from '@playwright/test';
import { camera, expect, featureState, mapIdle, renderedItems, test } from './fixtures';
import type { MapFeatureCollection } from '@/lib/data/api-schema';
import { mapBundle } from '@/lib/map/assets/bundles';
import { corridorGroups, filterGroups, type AtlasItem } from '@/lib/data/atlas-items';
import { EMPTY_FILTERS, type Filters } from '@/lib/view/view-state';

async function atlas(request: APIRequestContext): Promise<{ collection: MapFeatureCollection; items: AtlasItem[] }> {
  const res = await request.get('/api/routes');
  expect(res.ok()).toBe(true);
  const collection = (await res.json()) as MapFeatureCollection;
  return { collection, items: corridorGroups(collection).flatMap((g) => g.items) };
}

/** What the list should show for these filters, by the same rules the app uses. */
function expectedIds(collection: MapFeatureCollection, filters: Partial<Filters>): string[] {
  return filterGroups(corridorGroups(collection), { ...EMPTY_FILTERS, ...filters }).flatMap((g) => g.items.map((i) => i.id));
}

/** The route the tests of how the map starts open. */
const SLUG = 'tumen-crossing-to-yanbian';

const listedIds = (page: Page) => page.locator('a[data-item]').evaluateAll((as) => as.map((a) => (a as HTMLElement).dataset.item!));

const near = (a: number, b: number, tolerance: number) => Math.abs(a - b) <= tolerance;

/**
 * A point on the screen where the map answers with this item (drawn on top there, not under the
 * map key), or with any route when `id` is null.
 */
async function pointOnMap(page: Page, id: string | null): Promise<{ id: string; x: number; y: number }> {
  const found = await page.evaluate((wanted) => {
    const map = window.__atlas!.map;
    const canvas = map.getCanvas();
    const rect = canvas.getBoundingClientRect();
    const interactive = ['point', 'route-hit', 'stage-line', 'zone-line', 'zone-fill'];
    for (const f of map.queryRenderedFeatures({ layers: ['stage-line'] })) {
      const item = String(f.properties.item);
      if (wanted !== null && item !== wanted) continue;
      const coords = (f.geometry as { coordinates: number[][] }).coordinates;
      for (let i = 1; i < coords.length; i++) {
        for (const t of [0.25, 0.5, 0.75]) {
          const lng = coords[i - 1][0] + (coords[i][0] - coords[i - 1][0]) * t;
          const lat = coords[i - 1][1] + (coords[i][1] - coords[i - 1][1]) * t;
          const p = map.project([lng, lat]);
          if (p.x < 10 || p.y < 10 || p.x > rect.width - 10 || p.y > rect.height - 10) continue;
          const top = map.queryRenderedFeatures([p.x, p.y], { layers: interactive })[0];
          const x = rect.left + p.x;
          const y = rect.top + p.y;
          if (top && String(top.properties.item) === item && document.elementFromPoint(x, y) === canvas) return { id: item, x, y };
        }
      }
    }
    return null;
  }, id);
  expect(found, `a visible point of ${id ?? 'any route'} on the map`).not.toBeNull();
  return found!;
}

/** From the page's start: every map it ever holds (window.__atlas as set), read with mapsMade. */
async function countMaps(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: unknown[] = [];
    let atlas: { map: unknown } | undefined;
    Object.assign(window, { __maps: seen });
    Object.defineProperty(window, '__atlas', {
      configurable: true,
      get: () => atlas,
      set: (value: { map: unknown } | undefined) => {
        atlas = value;
        if (value && !seen.includes(value.map)) seen.push(value.map);
      },
    });
  });
}

const mapsMade = (page: Page) => page.evaluate(() => (window as unknown as { __maps: unknown[] }).__maps.length);

/** The requests for the map's data from now on, the page's and its workers' (Playwright sees both). */
function dataRequests(page: Page): string[] {
  const asked: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === '/api/routes') asked.push(r.url());
  });
  return asked;
}

test.describe('the map', () => {
  test('draws every route, crossing, event and zone, risk with a line pattern as well as a colour, and approximate geometry marked; the list has every item by corridor', async ({
    page,
    request,
  }) => {
    const { collection, items } = await atlas(request);
    await page.goto('/');
    await mapIdle(page);
    // Unplaced events (issue #20) are listed but have nothing to draw.
    const ofKind = (...kinds: string[]) =>
      items
        .filter((i) => kinds.includes(i.kind) && i.bounds !== null)
        .map((i) => i.id)
        .sort();
    expect(ofKind('route').length).toBeGreaterThan(0);
    expect(await renderedItems(page, ['stage-line'])).toEqual(ofKind('route'));
    expect(await renderedItems(page, ['point'])).toEqual(ofKind('crossing', 'event'));
    expect(await renderedItems(page, ['zone-fill', 'zone-line'])).toEqual(ofKind('zone'));

    expect(await listedIds(page)).toEqual(items.map((i) => i.id));
    const headings = await page.locator('.corridor__name').evaluateAll((hs) => hs.map((h) => h.textContent));
    expect(headings).toEqual([...collection.corridors].sort((a, b) => a.order - b.order).map((c) => c.name.en));

    const paint = await page.evaluate(() => {
      const map = window.__atlas!.map;
      return { dash: map.getPaintProperty('stage-line', 'line-dasharray'), color: map.getPaintProperty('stage-line', 'line-color') };
    });
    // One expression per property, keyed by level: four patterns, four colours.
    expect(JSON.stringify(paint.dash)).toContain('"match"');
    expect(JSON.stringify(paint.color)).toContain('"match"');
    const approximateRoutes = items
      .filter((i) => i.kind === 'route' && i.precision === 'approximate')
      .map((i) => i.id)
      .sort();
    expect(await renderedItems(page, ['route-approximate'])).toEqual(approximateRoutes);
    // In words too: the list says "approximate" for every such item.
    for (const id of approximateRoutes) await expect(page.locator(`a[data-item="${id}"]`)).toContainText('approximate');
  });

  test('layer switches hide and show routes, points and zones', async ({ page }) => {
    await page.goto('/');
    await mapIdle(page);
    // The key starts folded (issue #15): open it to reach its switches.
    await page.locator('.legend > summary').click();
    const routes = page.locator('.legend').getByRole('checkbox', { name: 'Routes' });
    const drawn = await renderedItems(page, ['stage-line']);
    expect(drawn.length).toBeGreaterThan(0);
    await routes.uncheck();
    await mapIdle(page);
    expect(await renderedItems(page, ['stage-line'])).toEqual([]);
    expect((await renderedItems(page, ['point'])).length).toBeGreaterThan(0);
    await routes.check();
    await mapIdle(page);
    expect(await renderedItems(page, ['stage-line'])).toEqual(drawn);
  });
});

test.describe('starting the map', () => {
  // The map module (lib/map/explorer-map.ts) starts the map from the page's own script; React's
  // host (components/atlas-map.tsx) adopts it. The embeds use the same module's controller
  // (tests/e2e/embed.spec.ts).
  for (const path of ['/', `/routes/${SLUG}`]) {
    test(`${path} starts its map before React hydrates, at the camera React would choose`, async ({ page, context }) => {
      await page.goto(path);
      await mapIdle(page);
      await expect(page.getByTestId('atlas-map')).toHaveAttribute('data-map-start', 'boot');
      const booted = await camera(page);

      // The same page with a filter, which the module needs the data itself to draw, and the data
      // answering as another version than the page's: the module leaves the map to the React
      // host, which has it made from its own data.
      const other = await context.newPage();
      await other.route('**/api/routes', async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, headers: { ...response.headers(), etag: '"another-version"' } });
      });
      await other.goto(`${path}?level=4`);
      await mapIdle(other);
      await expect(other.getByTestId('atlas-map')).toHaveAttribute('data-map-start', 'react');
      const reacted = await camera(other);
      expect(booted.zoom).toBeCloseTo(reacted.zoom, 3);
      expect(booted.lat).toBeCloseTo(reacted.lat, 3);
      expect(booted.lng).toBeCloseTo(reacted.lng, 3);
      await other.close();
    });
  }

  test("the map draws the page's item selected and its stage lit with no app script run", async ({ page, request, guard }) => {
    const { collection, items } = await atlas(request);
    const item = items.find((i) => i.id === SLUG)!;
    const stage = collection.features.find((f) => f.properties.item === SLUG && f.properties.kind === 'stage')!;
    // No Next.js or React script: only the map module can make and style the map.
    guard.allowConsoleError(/Failed to load resource/);
    await page.route('**/_next/static/chunks/**/*.js', (route) => route.abort());
    await page.goto(`/routes/${SLUG}?stage=${stage.properties.stage}`);
    await mapIdle(page, { app: false });
    await expect(page.getByTestId('atlas-map')).toHaveAttribute('data-map-start', 'boot');
    expect(await featureState(page, item.id)).toMatchObject({ selected: true, stage: stage.properties.stage });
    const other = items.find((i) => i.id !== SLUG)!;
    expect(await featureState(page, other.id)).not.toMatchObject({ selected: true });
  });

  test('the explorer hydrates after the map has first drawn, not before', async ({ page }) => {
    // When the map first reports itself drawn, React's host has not taken it yet: the page's app
    // waits for the map (components/after-first-map.tsx), then hydrates and takes it.
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        const map = document.querySelector('[data-testid="atlas-map"]');
        if (map?.getAttribute('data-map-idle') !== 'true') return;
        Object.assign(window, { __hostAtFirstDrawing: map.getAttribute('data-map-host') });
        observer.disconnect();
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-map-idle'] });
    });
    await page.goto('/');
    await mapIdle(page);
    expect(await page.evaluate(() => (window as unknown as { __hostAtFirstDrawing: string | null }).__hostAtFirstDrawing)).toBeNull();
    await expect(page.getByTestId('atlas-map')).toHaveAttribute('data-map-host', 'react');
  });

  test('on a plain address the map module asks for nothing beyond its own files until the atlas is drawn', async ({ page }) => {
    // The camera's hash reader (a zod chunk) is for Back/Forward and edited hashes: it is fetched
    // once the atlas is drawn (AtlasMapController.syncCameraOnceDrawn), not at MapLibre's first
    // idle, which can come before the atlas's data is in and would put its download and compile
    // on the map's way to its first drawing.
    const bundle = mapBundle('atlas-map');
    const own = [bundle.url, ...bundle.imports];
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.querySelector('[data-testid="atlas-map"]')?.getAttribute('data-map-idle') !== 'true') return;
        Object.assign(window, { __drawnAt: performance.now() });
        observer.disconnect();
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-map-idle'] });
    });
    await page.goto('/');
    await mapIdle(page);
    // When the page asked for each of the map's other files, by the page's own clock.
    const requested = () =>
      page.evaluate(
        (ownFiles) =>
          performance
            .getEntriesByType('resource')
            .map((e) => ({ path: new URL(e.name).pathname, at: e.startTime }))
            .filter((e) => e.path.startsWith('/generated/map/') && !ownFiles.includes(e.path)),
        own,
      );
    // The reader does come, once the atlas is drawn (the hash then follows the camera).
    await expect.poll(async () => (await requested()).length).toBeGreaterThan(0);
    const drawnAt = await page.evaluate(() => (window as unknown as { __drawnAt: number }).__drawnAt);
    for (const r of await requested()) expect(r.at, r.path).toBeGreaterThanOrEqual(drawnAt);
  });

  test('a visitor who reaches for the list before the map has drawn gets a working page at once', async ({ page, request, guard }) => {
    const { collection } = await atlas(request);
    // The map's data never arrives, so the map never draws: typing in the search box must still
    // filter the list (the list's data is in the page), long before the 10 s fallback.
    guard.allowConsoleError(/Failed to load resource/);
    await page.route('**/api/routes', () => undefined);
    await page.goto('/', { waitUntil: 'domcontentloaded' });
    const search = page.getByLabel('Search');
    await search.click();
    await search.pressSequentially('yalu');
    await expect(page).toHaveURL(/\/\?q=yalu$/, { timeout: 5_000 });
    await expect.poll(() => listedIds(page)).toEqual(expectedIds(collection, { q: 'yalu' }));
    await page.unrouteAll({ behavior: 'ignoreErrors' });
  });

  test("issue 15: a ?level= deep link draws muted items from the map's first frame", async ({ page, request }) => {
    const { items } = await atlas(request);
    const kept = items.find((i) => i.level === 4)!;
    const muted = items.find((i) => i.level !== 4)!;
    // At the map's first render: the feature-states it drew that frame with.
    await page.addInitScript(
      ([keptId, mutedId]) => {
        let atlas: { map: { once(e: string, f: () => void): void; getFeatureState(f: object): Record<string, unknown> } } | undefined;
        Object.defineProperty(window, '__atlas', {
          configurable: true,
          get: () => atlas,
          set: (value: typeof atlas) => {
            atlas = value;
            value?.map.once('render', () => {
              const state = (id: string) => value.map.getFeatureState({ source: 'atlas', id });
              Object.assign(window, { __firstFrame: { kept: state(keptId), muted: state(mutedId) } });
            });
          },
        });
      },
      [kept.id, muted.id],
    );
    await page.goto('/?level=4');
    await mapIdle(page);
    await expect(page.getByTestId('atlas-map')).toHaveAttribute('data-map-start', 'boot');
    const first = await page.evaluate(() => (window as unknown as { __firstFrame: Record<string, Record<string, unknown>> }).__firstFrame);
    expect(first.muted).toMatchObject({ muted: true });
    expect(first.kept).not.toMatchObject({ muted: true });
  });

  test('a link with a camera starts the map at that camera, asking for the data once', async ({ page }) => {
    const warnings: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'warning') warnings.push(m.text());
    });
    const asked = dataRequests(page);
    await page.goto('/#5.5/41.2/127.3');
    await mapIdle(page);
    await expect(page.getByTestId('atlas-map')).toHaveAttribute('data-map-start', 'boot');
    const c = await camera(page);
    expect(c.zoom).toBeCloseTo(5.5, 2);
    expect(c.lat).toBeCloseTo(41.2, 2);
    expect(c.lng).toBeCloseTo(127.3, 2);
    // MapLibre's worker asks for the data and the React host takes the map with it: one request,
    // and no preload warning (Chromium's would come a few seconds after load).
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 4000)));
    expect(warnings.filter((w) => /preload/i.test(w))).toEqual([]);
    expect(asked).toHaveLength(1);
  });
});

test.describe('one map', () => {
  const map = (page: Page) => page.getByTestId('atlas-map');

  // A link with a mistake the app cleans up (a notice, then a clean address), or written other
  // than the router writes it ("?x" for "x=", "%20" for "+"): React's first render must match
  // the server's, or it renders the map's part again from scratch and makes a second map.
  for (const query of ['?level=9', '?x', '?q=tumen%20river']) {
    test(`React adopts the module's map on ${query} too: one map, made once`, async ({ page }) => {
      await countMaps(page);
      await page.goto(`/${query}`);
      await mapIdle(page);
      await expect(map(page)).toHaveAttribute('data-map-start', 'boot');
      await expect(map(page)).toHaveAttribute('data-map-host', 'react');
      expect(await mapsMade(page)).toBe(1);
      await expect(page.locator('canvas.maplibregl-canvas')).toHaveCount(1);
    });
  }

  test('React adopts the map the module made: the same instance, one canvas, driven by the app', async ({ page, request }) => {
    const { items } = await atlas(request);
    await countMaps(page);
    await page.goto('/');
    await mapIdle(page);
    await expect(map(page)).toHaveAttribute('data-map-host', 'react');
    expect(await mapsMade(page)).toBe(1);
    await expect(page.locator('canvas.maplibregl-canvas')).toHaveCount(1);
    // The app drives that map: hovering an item in the list lights it up there.
    const item = items[0];
    await page.locator(`a[data-item="${item.id}"]`).hover();
    await expect.poll(() => featureState(page, item.id)).toMatchObject({ hover: true });
  });

  // The second: a shared link as chat and social apps pass it on, with parameters that filter nothing.
  for (const address of [`/routes/${SLUG}`, `/routes/${SLUG}?utm_source=newsletter&fbclid=IwAR0x`]) {
    test(`the map's data is asked for once, by MapLibre's worker: ${address}`, async ({ page }) => {
      const asked = dataRequests(page);
      await page.goto(address);
      await mapIdle(page);
      await expect(map(page)).toHaveAttribute('data-map-start', 'boot');
      // No fetch preload (751b10d: Chromium held it open 30 s), and the page's own scripts ask for
      // nothing: the map's style gives MapLibre the address, its worker fetches it.
      await expect(page.locator('head link[rel="preload"][as="fetch"]')).toHaveCount(0);
      const inPage = await page.evaluate(
        () => performance.getEntriesByType('resource').filter((e) => new URL(e.name).pathname === '/api/routes').length,
      );
      expect(inPage).toBe(0);
      expect(asked).toHaveLength(1);
    });
  }

  test('before the app runs, a click on an item on the map opens its page', async ({ page, guard }) => {
    guard.allowConsoleError(/Failed to load resource/);
    await page.route('**/_next/static/chunks/**/*.js', (route) => route.abort());
    await page.goto('/');
    await mapIdle(page, { app: false });
    const target = await pointOnMap(page, null);
    await page.mouse.click(target.x, target.y);
    await expect(page).toHaveURL(new RegExp(`/routes/${target.id}$`));
  });
});

test.describe('list and map answer each other', () => {
  test('hovering an item in the list highlights it on the map; hovering a route on the map highlights it in the list, and clicking it opens it', async ({
    page,
    request,
  }) => {
    const { items } = await atlas(request);
    const route = items.find((i) => i.kind === 'route')!;
    await page.goto('/');
    await mapIdle(page);
    const link = page.locator(`a[data-item="${route.id}"]`);
    await link.hover();
    await expect(link).toHaveAttribute('data-hovered', 'true');
    await expect.poll(() => featureState(page, route.id)).toMatchObject({ hover: true });
    await page.locator('.panel__title').hover();
    await expect.poll(() => featureState(page, route.id)).toMatchObject({ hover: false });
    await expect(link).not.toHaveAttribute('data-hovered');

    const target = await pointOnMap(page, null);
    await page.mouse.move(target.x, target.y);
    const hovered = page.locator(`a[data-item="${target.id}"]`);
    await expect(hovered).toHaveAttribute('data-hovered', 'true');
    await expect.poll(() => featureState(page, target.id)).toMatchObject({ hover: true });

    await page.evaluate(() => ((window as unknown as { __marker: string }).__marker = 'same page'));
    await page.mouse.click(target.x, target.y);
    await expect(page).toHaveURL(new RegExp(`/routes/${target.id}(\\?|#|$)`));
    expect(await page.evaluate(() => (window as unknown as { __marker?: string }).__marker)).toBe('same page');
  });
});

test.describe('opening an item', () => {
  test('goes to its page without reloading, selects it on the map and announces it', async ({ page, request }) => {
    const { items } = await atlas(request);
    const item = items.find((i) => i.kind === 'route')!;
    await page.goto('/');
    await mapIdle(page);
    await page.evaluate(() => {
      const w = window as unknown as { __marker: string; __mapBefore: unknown; __atlas: { map: unknown } };
      w.__marker = 'same page';
      w.__mapBefore = w.__atlas.map;
    });
    await page.locator(`a[data-item="${item.id}"]`).click();
    await expect(page).toHaveURL(new RegExp(`/routes/${item.id}(\\?|#|$)`));
    await expect(page.locator('#route-title')).toContainText(item.name.en);
    await expect(page).toHaveTitle(new RegExp(item.name.en));
    await expect(page.getByTestId('announcer')).toHaveText(`Selected: ${item.name.en}`);
    // The same document and the same map instance: nothing was reloaded.
    const same = await page.evaluate(() => {
      const w = window as unknown as { __marker?: string; __mapBefore?: unknown; __atlas: { map: unknown } };
      return w.__marker === 'same page' && w.__mapBefore === w.__atlas.map;
    });
    expect(same).toBe(true);
    await expect.poll(() => featureState(page, item.id)).toMatchObject({ selected: true });
    // The camera went to the item and wrote itself into the link.
    await mapIdle(page);
    await expect(page).toHaveURL(/#\d+(\.\d+)?\/-?\d/);
    const view = await page.evaluate(() => window.__atlas!.map.getBounds().toArray());
    const [w, s, e, n] = item.bounds!; // a route always has bounds
    expect(
      view[0][0] <= w + 0.01 && view[0][1] <= s + 0.01 && view[1][0] >= e - 0.01 && view[1][1] >= n - 0.01,
      `${JSON.stringify(view)} holds ${item.bounds}`,
    ).toBe(true);
  });

  test("an item page reached in the app: an entry without a camera shows that item's view, not the region's", async ({ page, request }) => {
    const { items } = await atlas(request);
    // The route with the smallest bounds, so its view and the region's cannot be mistaken.
    const area = (b: readonly number[]) => (b[2]! - b[0]!) * (b[3]! - b[1]!);
    const item = items.filter((i) => i.kind === 'route' && i.id !== SLUG && i.bounds).sort((a, b) => area(a.bounds!) - area(b.bounds!))[0]!;
    await page.goto('/');
    await mapIdle(page);
    // The list page's config names no item (the map module is told the others' bounds by the app).
    const config = await page.locator('#atlas-map-config').textContent();
    expect(JSON.parse(config!)).toMatchObject({ item: null });
    await page.locator(`a[data-item="${item.id}"]`).click();
    await expect(page).toHaveURL(new RegExp(`/routes/${item.id}(\\?|#|$)`));
    await mapIdle(page);
    await page.evaluate(() => window.__atlas!.map.jumpTo({ center: [100, 20], zoom: 4 }));
    await expect(page).toHaveURL(/#4\/20\/100$/);
    // An edited address with no camera: the default view of the page it is on.
    await page.evaluate(() => (window.location.hash = ''));
    await mapIdle(page);
    const view = await page.evaluate(() => window.__atlas!.map.getBounds().toArray());
    const [w, s, e, n] = item.bounds!;
    expect(
      view[0][0] <= w + 0.01 && view[0][1] <= s + 0.01 && view[1][0] >= e - 0.01 && view[1][1] >= n - 0.01,
      `${JSON.stringify(view)} holds ${item.bounds}`,
    ).toBe(true);
    // The region's view spans 62° of longitude (DEFAULT_BOUNDS); the item's is a fraction of that.
    expect(view[1][0] - view[0][0], 'fitted to the item, not to the region').toBeLessThan(30);
  });

  test('an event its source gives no place is listed and opens, with no point and the camera left alone (issue #20)', async ({
    page,
    request,
  }) => {
    const { collection, items } = await atlas(request);
    const item = items.find((i) => i.id === 'yellow-sea-boat-2009')!;
    expect(item.bounds).toBeNull();
    await page.goto('/');
    await mapIdle(page);
    const link = page.locator(`a[data-item="${item.id}"]`);
    await expect(link).toContainText('no place given, not on the map');
    const before = await camera(page);
    await link.click();
    await expect(page).toHaveURL(new RegExp(`/routes/${item.id}(\\?|#|$)`));
    await expect(page.locator('#route-title')).toContainText(item.name.en);
    await expect(page.locator('#route-panel [data-precision="unplaced"]')).toContainText('No place given');
    await mapIdle(page);
    // Nothing is drawn for it, and the map did not move to fit a point it does not have.
    expect(await renderedItems(page, ['point', 'route-hit', 'stage-line', 'zone-line', 'zone-fill'])).not.toContain(item.id);
    const after = await camera(page);
    expect(near(after.zoom, before.zoom, 0.01)).toBe(true);
    // Loading its page directly works too, with the map on the whole atlas.
    await page.goto(`/routes/${item.id}`);
    await mapIdle(page);
    await expect(page.locator('#route-title')).toContainText(item.name.en);
    expect(collection.features.find((f) => f.properties.item === item.id)!.geometry).toBeNull();
  });

  test('Back returns to the list as it was: filters, scroll position and camera', async ({ page, request }) => {
    const { collection } = await atlas(request);
    await page.goto('/');
    await mapIdle(page);
    await page.getByRole('checkbox', { name: 'Severe' }).check();
    await page.getByRole('checkbox', { name: 'Extreme' }).check();
    await expect(page).toHaveURL(/\?level=3,4$/);
    await page.evaluate(() => window.__atlas!.map.jumpTo({ center: [127.5, 40.1], zoom: 5.5 }));
    await expect(page).toHaveURL(/\?level=3,4#5\.5\/40\.1\/127\.5$/);
    const listUrl = page.url();

    const panel = page.getByTestId('panel');
    const scrolled = await panel.evaluate((p) => {
      p.scrollTop = Math.min(240, p.scrollHeight - p.clientHeight);
      return p.scrollTop;
    });
    expect(scrolled).toBeGreaterThan(40);
    await expect.poll(() => panel.evaluate((p) => p.scrollTop)).toBe(scrolled);

    // Open an item that is in view at this scroll position.
    const link = page.locator('a[data-item]').filter({ visible: true });
    const inView = await link.evaluateAll((as) => {
      const a = as.find((x) => {
        const r = x.getBoundingClientRect();
        return r.top > 0 && r.bottom < window.innerHeight;
      });
      return (a as HTMLElement).dataset.item!;
    });
    await page.evaluate(() => ((window as unknown as { __marker: string }).__marker = 'same page'));
    await page.locator(`a[data-item="${inView}"]`).click();
    await expect(page).toHaveURL(new RegExp(`/routes/${inView}\\?level=3,4`));
    await mapIdle(page);

    await page.goBack();
    await expect(page).toHaveURL(listUrl);
    await expect(page.getByRole('checkbox', { name: 'Severe' })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: 'Extreme' })).toBeChecked();
    expect(await listedIds(page)).toEqual(expectedIds(collection, { levels: [3, 4] }));
    await expect.poll(() => panel.evaluate((p) => p.scrollTop)).toBe(scrolled);
    await mapIdle(page);
    const cam = await camera(page);
    expect(near(cam.zoom, 5.5, 0.01) && near(cam.lat, 40.1, 0.01) && near(cam.lng, 127.5, 0.01), JSON.stringify(cam)).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { __marker?: string }).__marker)).toBe('same page');
  });
  // The list as one Tab stop walked with the arrow keys, and Enter opening an item with focus on
  // its heading: tests/e2e/a11y.spec.ts (keyboard).
});

test.describe('filters', () => {
  test('narrow the list, dim the map, and live in the link', async ({ page, request }) => {
    const { collection, items } = await atlas(request);
    await page.goto('/');
    await mapIdle(page);
    const count = page.getByTestId('result-count');
    await expect(count).toHaveText(`${items.length} items`);

    await page.getByRole('checkbox', { name: 'Extreme' }).check();
    await expect(page).toHaveURL(/\/\?level=4$/);
    const extreme = expectedIds(collection, { levels: [4] });
    expect(extreme.length).toBeGreaterThan(0);
    expect(extreme.length).toBeLessThan(items.length);
    await expect.poll(() => listedIds(page)).toEqual(extreme);
    for (const meta of await page.locator('a[data-item] .item__meta').allTextContents()) expect(meta).toContain('Extreme risk');
    await expect(count).toHaveText(`${extreme.length} of ${items.length} shown`);
    const other = items.find((i) => i.level !== 4)!;
    await expect.poll(() => featureState(page, other.id)).toMatchObject({ muted: true });
    const kept = items.find((i) => i.level === 4)!;
    expect((await featureState(page, kept.id)).muted ?? false).toBe(false);

    await page.getByLabel('Search').fill('yalu');
    await expect(page).toHaveURL(/\/\?level=4&q=yalu$/);
    const yalu = expectedIds(collection, { levels: [4], q: 'yalu' });
    expect(yalu.length).toBeGreaterThan(0);
    expect(yalu.length).toBeLessThan(extreme.length);
    await expect.poll(() => listedIds(page)).toEqual(yalu);

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByLabel('Search')).toHaveValue('');
    await expect.poll(() => listedIds(page)).toEqual(items.map((i) => i.id));

    // Hazard and destination: choices that the data actually has.
    await page.locator('summary', { hasText: 'Leads to' }).click();
    await page.getByRole('checkbox', { name: 'South Korea' }).check();
    await expect(page).toHaveURL(/\/\?to=KR$/);
    await expect.poll(() => listedIds(page)).toEqual(expectedIds(collection, { to: ['KR'] }));
    await page.locator('.filters summary', { hasText: 'Hazard' }).click();
    await page.getByRole('checkbox', { name: 'Mines' }).check();
    await expect(page).toHaveURL(/\/\?hazard=mines&to=KR$/);
    await expect.poll(() => listedIds(page)).toEqual(expectedIds(collection, { to: ['KR'], hazards: ['mines'] }));
  });
});

test.describe('links', () => {
  test('a deep link restores the camera and the filters', async ({ page, request }) => {
    const { collection } = await atlas(request);
    await page.goto('/?level=3,4&to=KR#6/38.5/126.8');
    await mapIdle(page);
    const cam = await camera(page);
    expect(near(cam.zoom, 6, 0.01) && near(cam.lat, 38.5, 0.01) && near(cam.lng, 126.8, 0.01), JSON.stringify(cam)).toBe(true);
    await expect(page.getByRole('checkbox', { name: 'Severe' })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: 'Extreme' })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: 'High' })).not.toBeChecked();
    expect(await listedIds(page)).toEqual(expectedIds(collection, { levels: [3, 4], to: ['KR'] }));
    await expect(page.getByTestId('link-notices')).toHaveCount(0);
    expect(new URL(page.url()).hash).toBe('#6/38.5/126.8');
  });

  test('a deep link to an item opens its page, camera from the link when it has one', async ({ page, request }) => {
    const { items } = await atlas(request);
    const item = items.find((i) => i.kind === 'route')!;
    await page.goto(`/routes/${item.id}#4/30/110`);
    await mapIdle(page);
    await expect(page.locator('#route-title')).toContainText(item.name.en);
    const cam = await camera(page);
    expect(near(cam.zoom, 4, 0.01) && near(cam.lat, 30, 0.01) && near(cam.lng, 110, 0.01), JSON.stringify(cam)).toBe(true);
    await expect.poll(() => featureState(page, item.id)).toMatchObject({ selected: true });
  });

  test('a link to a stage of a route marks that stage and brings it into view', async ({ page, request }) => {
    const { collection } = await atlas(request);
    const stages = collection.features.filter((f) => f.properties.kind === 'stage');
    // The last stage of the route with the most stages: the one furthest down its page.
    const counts = new Map<string, number>();
    for (const f of stages) counts.set(f.properties.item, (counts.get(f.properties.item) ?? 0) + 1);
    const route = [...counts].sort((a, b) => b[1] - a[1])[0][0];
    const stage = stages.filter((f) => f.properties.item === route).at(-1)!.properties.stage!;
    await page.goto(`/routes/${route}?stage=${stage}`);
    await mapIdle(page);
    const marked = page.locator(`[data-stage="${stage}"]`);
    await expect(marked).toHaveAttribute('aria-current', 'step');
    await expect(marked).toBeInViewport();
    await expect(page.locator('[aria-current="step"]')).toHaveCount(1);
    // The map marks it too, and only it.
    await expect.poll(() => featureState(page, route)).toMatchObject({ stage });
    const first = stages.find((f) => f.properties.item === route)!.properties.stage!;
    expect(first).not.toBe(stage);
    // The embed of that stage marks the same stage on its map.
    await page.goto(`/embed/${route}?stage=${stage}`);
    await mapIdle(page);
    await expect.poll(() => featureState(page, route)).toMatchObject({ stage });
    // A stage the route does not have marks nothing, and the page still opens.
    await page.goto(`/routes/${route}?stage=no-such-stage`);
    await expect(page.locator('#route-title')).toBeVisible();
    await expect(page.locator('[aria-current="step"]')).toHaveCount(0);
  });

  test('a malformed link falls back to what it can use, says what it ignored, and cleans the link', async ({ page }) => {
    await page.goto(`/?level=9,4&hazard=sharks&q=${'x'.repeat(150)}#999/abc/1`);
    const notices = page.getByTestId('link-notices');
    await expect(notices).toContainText('Ignored an invalid map position in the link.');
    await expect(notices).toContainText('Ignored an invalid risk level in the link.');
    await expect(notices).toContainText('Ignored an unknown hazard in the link.');
    await expect(notices).toContainText('Ignored an invalid search text in the link.');
    await mapIdle(page);
    // The valid level stays; the camera is the default view of the whole region.
    await expect(page).toHaveURL(/\/\?level=4$/);
    await expect(page.getByRole('checkbox', { name: 'Extreme' })).toBeChecked();
    expect((await camera(page)).zoom).toBeLessThan(5);
    await notices.getByRole('button', { name: 'Dismiss' }).click();
    await expect(notices).toHaveCount(0);
  });

  test('an address that names no item shows the explorer with a notice, status 404', async ({ page, guard }) => {
    // Chromium reports the 404 document itself as a failed resource.
    guard.allowConsoleError(/status of 404/);
    for (const path of ['/routes/no-such-route', '/routes/NOT_A_VALID_ID']) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(404);
      await expect(page.getByTestId('route-not-found')).toBeVisible();
      await expect(page.locator('a[data-item]').first()).toBeVisible();
      await mapIdle(page);
    }
  });
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

  test('the panel is a bottom sheet under a map that still answers touch', async ({ page }) => {
    await page.goto('/');
    await mapIdle(page);
    const panel = page.getByTestId('panel');
    const map = page.getByTestId('atlas-map');
    const p = (await panel.boundingBox())!;
    const m = (await map.boundingBox())!;
    expect(p.y).toBeGreaterThan(200);
    expect(Math.round(p.y + p.height)).toBe(740);
    expect(p.width).toBe(360);
    expect(m.height).toBeGreaterThan(250);
    expect(m.y + m.height).toBeGreaterThan(p.y - 20);
    // The middle of the map is map, not sheet or key.
    const hit = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.tagName, {
      x: m.x + m.width / 2,
      y: m.y + m.height * 0.75,
    });
    expect(hit).toBe('CANVAS');
    // The list is in the sheet and the sheet grows on request.
    await expect(page.locator('a[data-item]').first()).toBeVisible();
    const handle = page.getByRole('button', { name: 'Show more of the list' });
    await handle.click();
    await expect(panel).toHaveAttribute('data-expanded', 'true');
    await expect.poll(async () => (await panel.boundingBox())!.height).toBeGreaterThan(p.height + 100);
    await page.getByRole('button', { name: 'Show more of the map' }).click();
    await expect(panel).toHaveAttribute('data-expanded', 'false');
    // The sheet has finished shrinking, so the map under the finger is the map measured above.
    await expect.poll(async () => Math.round((await panel.boundingBox())!.height)).toBe(Math.round(p.height));

    // A one-finger drag pans the map.
    await mapIdle(page);
    const before = await camera(page);
    const cdp = await page.context().newCDPSession(page);
    const x = m.x + m.width / 2;
    const y = m.y + m.height * 0.6;
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
    for (let i = 1; i <= 8; i++) {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: x + i * 12, y: y + i * 6 }] });
      // One move per frame, as a finger gives them.
      await page.evaluate(() => new Promise(requestAnimationFrame));
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await expect.poll(async () => (await camera(page)).lng).toBeLessThan(before.lng - 0.1);
  });
});
