// Issue #4: the map on other people's pages. A page served from another origin frames
// /embed/{id} and the map draws inside it; the code the embed dialog hands out works when pasted
// into such a page; ordinary pages refuse to be framed; a still embed (interactive=0) cannot be
// panned and a cooperative one does not zoom when the host page is scrolled; the sharing buttons
// copy working links; a route page's Open Graph tags unfurl with an image that loads.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIRequestContext, Frame, FrameLocator, Page } from '@playwright/test';
import ogs from 'open-graph-scraper';
import { pngSize } from '../integration/png';
import { expect, test, type PageGuard } from './fixtures';
import type { RouteDetail } from '@/lib/data/api-schema';
import { axeViolations } from './axe';

const SLUG = 'tumen-crossing-to-yanbian';

// Up to three WebGL maps per test, drawn by a software renderer on two shared cores.
test.describe.configure({ timeout: 150_000 });

interface Site {
  url: string;
  host: string;
  close(): Promise<void>;
}

/** A page on another origin (127.0.0.1 on a random port) whose body is `body`. */
async function otherSite(guard: PageGuard, body: string): Promise<Site> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><head><title>A teacher's page</title></head><body style="margin:0">${body}</body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const host = `127.0.0.1:${port}`;
  guard.allowHost(host);
  return { url: `http://${host}/`, host, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** One fixed-size frame of `src`, placed at the top left so that mouse positions are simple. */
const frameOf = (src: string, extra = '') =>
  `<iframe id="f" src="${src}" title="Atlas" width="800" height="450" style="border:0;display:block" ${extra}></iframe>`;

async function frameIdle(frame: FrameLocator): Promise<void> {
  await expect(frame.getByTestId('atlas-map')).toHaveAttribute('data-map-idle', 'true', { timeout: 30_000 });
}

/** The Frame (for evaluate) whose document is an embed. */
function embedFrame(page: Page): Frame {
  const frame = page.frames().find((f) => new URL(f.url()).pathname.startsWith('/embed'));
  expect(frame, 'a frame showing /embed').toBeDefined();
  return frame!;
}

function frameCamera(frame: Frame): Promise<{ zoom: number; lng: number; lat: number; hash: string }> {
  return frame.evaluate(() => {
    const map = window.__atlas!.map;
    const c = map.getCenter();
    return { zoom: map.getZoom(), lng: c.lng, lat: c.lat, hash: window.location.hash };
  });
}

/** The items drawn in the frame's map, in these layers. */
function frameItems(frame: Frame, layers: string[]): Promise<string[]> {
  return frame.evaluate(
    (layers) => [...new Set(window.__atlas!.map.queryRenderedFeatures({ layers }).map((f) => String(f.properties.item)))].sort(),
    layers,
  );
}

async function detailOf(request: APIRequestContext, slug: string): Promise<RouteDetail> {
  const res = await request.get(`/api/routes/${slug}`);
  expect(res.ok()).toBe(true);
  return (await res.json()) as RouteDetail;
}

/** Drag across the middle of the frame with the mouse, as a visitor panning would. */
async function dragAcross(page: Page): Promise<void> {
  await page.mouse.move(400, 200);
  await page.mouse.down();
  await page.mouse.move(560, 280, { steps: 12 });
  await page.mouse.up();
}

test.describe('an embed on another site', () => {
  test('draws its route inside the frame, fitted and emphasised, with title, key and credits', async ({
    page,
    request,
    baseURL,
    guard,
  }) => {
    const detail = await detailOf(request, SLUG);
    // The frame names the app by its full address: the host page is on another origin.
    const base = new URL(baseURL!);
    const host = await otherSite(guard, frameOf(`${base.origin}/embed/${SLUG}`));
    try {
      await page.goto(host.url);
      const frame = page.frameLocator('#f');
      await frameIdle(frame);
      const f = embedFrame(page);
      expect(new URL(f.url()).origin).toBe(base.origin);

      // The route's stages are drawn, and the route is the selected item.
      expect(await frameItems(f, ['stage-line'])).toContain(SLUG);
      expect(await f.evaluate((id) => window.__atlas!.map.getFeatureState({ source: 'atlas', id }), SLUG)).toMatchObject({
        selected: true,
      });
      // The camera was fitted to the route: its whole box is in view.
      const inView = await f.evaluate(([w, s, e, n]) => {
        const b = window.__atlas!.map.getBounds();
        return b.contains([w, s]) && b.contains([e, n]);
      }, detail.bbox!); // a route always has a box
      expect(inView).toBe(true);

      await expect(frame.locator('h1')).toHaveText(detail.name.en);
      await expect(frame.getByTestId('embed-legend')).toBeVisible();
      const full = frame.getByRole('link', { name: /open the full page/i });
      await expect(full).toHaveAttribute('href', `/routes/${SLUG}`);
      await expect(full).toHaveAttribute('target', '_blank');
      await expect(full).toHaveAttribute('rel', 'noopener noreferrer');
      await expect(frame.getByRole('link', { name: /^sources/i })).toHaveAttribute('href', '/sources');
      await expect(frame.getByTestId('embed-credits')).toContainText('Basemap: Natural Earth');
      await expect(frame.getByTestId('embed-credits')).toBeVisible();
    } finally {
      await host.close();
    }
  });

  test('the code from the embed dialog, pasted into another site, shows the chosen map', async ({ page, context, baseURL, guard }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
    await page.goto(`/routes/${SLUG}`);
    const opener = page.getByTestId('embed-open');
    await opener.click();
    const dialog = page.getByRole('dialog', { name: 'Embed this map' });
    await expect(dialog).toBeVisible();

    await dialog.getByLabel('Show the map key').uncheck();
    await dialog.getByLabel('Dark').check();
    await dialog.getByLabel('Fill the width of the page (keeps the shape)').uncheck();
    await dialog.getByLabel('Size').selectOption('medium');

    // The preview is the embed itself, with the same options.
    const preview = page.frameLocator('[data-testid="embed-preview"]');
    await frameIdle(preview);
    await expect(preview.getByTestId('embed')).toHaveAttribute('data-theme', 'dark');
    await expect(preview.getByTestId('embed-legend')).toHaveCount(0);

    const snippet = await dialog.getByTestId('embed-snippet').inputValue();
    const origin = new URL(baseURL!).origin;
    expect(snippet).toBe(
      `<iframe src="${origin}/embed/${SLUG}?legend=0&amp;theme=dark" title="Across the Tumen into China – Escape Atlas" width="640" height="360" style="border:0" loading="lazy" allowfullscreen referrerpolicy="strict-origin-when-cross-origin"></iframe>`,
    );
    await dialog.getByTestId('embed-copy').click();
    await expect(dialog.getByRole('status')).toHaveText('Code copied to the clipboard.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(snippet);

    // The still images are linked at both sizes.
    await expect(dialog.getByTestId('still-slide')).toHaveAttribute('href', `/routes/${SLUG}/image.png`);
    await expect(dialog.getByTestId('still-social')).toHaveAttribute('href', `/routes/${SLUG}/image.png?size=social`);

    // Escape closes the dialog and gives focus back to the Embed button.
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(opener).toBeFocused();

    const site = await otherSite(guard, snippet);
    try {
      await page.goto(site.url);
      const frame = page.frameLocator('iframe');
      await frameIdle(frame);
      await expect(frame.getByTestId('embed')).toHaveAttribute('data-theme', 'dark');
      await expect(frame.getByTestId('embed-legend')).toHaveCount(0);
      expect(await frameItems(embedFrame(page), ['stage-line'])).toContain(SLUG);
      const box = await page.locator('iframe').boundingBox();
      expect(box).toMatchObject({ width: 640, height: 360 });
    } finally {
      await site.close();
    }
  });

  test('the embed dialog on the explorer embeds every route with the current filters', async ({ page, baseURL }) => {
    await page.goto('/?level=4');
    await page.getByTestId('embed-open').click();
    const snippet = await page.getByTestId('embed-snippet').inputValue();
    expect(snippet).toContain(`src="${new URL(baseURL!).origin}/embed?level=4"`);
    const preview = page.frameLocator('[data-testid="embed-preview"]');
    await frameIdle(preview);
    await expect(preview.locator('h1')).toHaveText('Routes out of North Korea');
  });

  for (const path of ['/', `/routes/${SLUG}`]) {
    test(`${path} refuses to be framed by another site`, async ({ page, baseURL, guard }) => {
      guard.allowConsoleError(/frame-ancestors|Refused to (display|frame)/i);
      const target = new URL(path, baseURL).href;
      const site = await otherSite(guard, frameOf(target));
      try {
        const refused = page.waitForEvent('console', (m) => /frame-ancestors|Refused to (display|frame)/i.test(m.text()));
        await page.goto(site.url);
        await refused;
        // Chromium swaps a refused frame for its own error page: the app's document never exists.
        const frame = page.frames().find((f) => f !== page.mainFrame());
        const appInside = frame
          ? await frame.evaluate(() => document.querySelector('[data-atlas], [data-testid="atlas-map"]') !== null).catch(() => false)
          : false;
        expect(appInside).toBe(false);
      } finally {
        await site.close();
      }
    });
  }

  test('interactive=0 is a still view: dragging does not pan it, while the default embed pans', async ({ page, baseURL, guard }) => {
    const origin = new URL(baseURL!).origin;
    for (const [query, pans] of [
      ['?interactive=0', false],
      ['', true],
    ] as const) {
      const site = await otherSite(guard, frameOf(`${origin}/embed/${SLUG}${query}`));
      try {
        await page.goto(site.url);
        const frame = page.frameLocator('#f');
        await frameIdle(frame);
        const f = embedFrame(page);
        const before = await frameCamera(f);
        if (!pans) {
          // No zoom buttons either: a still view offers nothing to press.
          await expect(frame.locator('.maplibregl-ctrl-zoom-in')).toHaveCount(0);
          await expect(frame.locator('canvas')).toHaveAttribute('tabindex', '-1');
        }
        await dragAcross(page);
        if (pans) {
          await expect.poll(async () => (await frameCamera(f)).lng).not.toBeCloseTo(before.lng, 3);
          // The camera went into the frame's hash, for a link to this exact view.
          await expect.poll(async () => (await frameCamera(f)).hash).toMatch(/^#[\d.]+\/-?[\d.]+\/-?[\d.]+$/);
        } else {
          // Moving would have started a render; the map stayed idle and the camera where it was.
          await frameIdle(frame);
          const after = await frameCamera(f);
          expect(after).toEqual(before);
          expect(after.hash).toBe('');
        }
      } finally {
        await site.close();
      }
    }
  });

  test('scrolling the host page over an embed scrolls the page and does not zoom the map; Ctrl + wheel does', async ({
    page,
    baseURL,
    guard,
  }) => {
    const origin = new URL(baseURL!).origin;
    const site = await otherSite(guard, `${frameOf(`${origin}/embed/${SLUG}`)}<div style="height:3000px">Lesson text</div>`);
    try {
      await page.goto(site.url);
      const frame = page.frameLocator('#f');
      await frameIdle(frame);
      const f = embedFrame(page);
      // Ctrl + wheel is meant for the map: it zooms. (First: a plain wheel that scrolled the host
      // page would latch the next wheel events to the page's scroller.)
      const start = await frameCamera(f);
      await page.mouse.move(400, 200);
      await page.keyboard.down('Control');
      await page.mouse.wheel(0, -400);
      await page.keyboard.up('Control');
      await expect.poll(async () => (await frameCamera(f)).zoom).toBeGreaterThan(start.zoom);
      await frameIdle(frame);

      const before = await frameCamera(f);
      await f.evaluate(() => {
        const w = window as unknown as { __blocked: number };
        w.__blocked = 0;
        window.__atlas!.map.on('cooperativegestureprevented', () => w.__blocked++);
      });
      await page.mouse.wheel(0, 400);
      // The wheel reached the map and the map declined it (and flashed how to zoom instead)...
      await expect.poll(() => f.evaluate(() => (window as unknown as { __blocked: number }).__blocked)).toBeGreaterThan(0);
      await expect(frame.locator('.maplibregl-cooperative-gesture-screen')).toContainText('Use Ctrl + scroll to zoom the map');
      // ...so the host page scrolled, and the map kept its zoom.
      await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
      await frameIdle(frame);
      expect((await frameCamera(f)).zoom).toBe(before.zoom);
    } finally {
      await site.close();
    }
  });

  test('bad options fall back to the defaults and an unknown id gets a friendly 404 in the frame', async ({ page, guard }) => {
    await page.goto(`/embed/${SLUG}?interactive=maybe&legend=0&theme=purple&lang=xx&unknown=1`);
    await expect(page.getByTestId('atlas-map')).toHaveAttribute('data-map-idle', 'true', { timeout: 30_000 });
    await expect(page.getByTestId('embed')).toHaveAttribute('data-theme', 'light');
    await expect(page.getByTestId('embed')).toHaveAttribute('data-interactive', 'true');
    await expect(page.getByTestId('embed-legend')).toHaveCount(0);
    await expect(page.locator('.maplibregl-ctrl-zoom-in')).toHaveCount(1);

    guard.allowConsoleError(/status of 404/);
    const res = await page.goto('/embed/no-such-route');
    expect(res?.status()).toBe(404);
    await expect(page.getByTestId('embed-not-found')).toBeVisible();
    await expect(page.getByRole('link', { name: /open escape atlas/i })).toHaveAttribute('rel', 'noopener noreferrer');
  });

  // `guard`: a console error or a request to another host fails the test.
  test('an embed runs no framework, and its own script dims, points, opens and follows the hash', async ({ page, context }) => {
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    // Only level-4 items pass the filter; the camera comes from the hash.
    await page.goto('/embed?level=4#5.5/41.2/128.4');
    await expect(page.getByTestId('atlas-map')).toHaveAttribute('data-map-idle', 'true', { timeout: 30_000 });
    expect(
      scripts.filter((s) => s.startsWith('/_next/')),
      'Next.js or React scripts',
    ).toEqual([]);
    expect(scripts.some((s) => /^\/generated\/map\/embed-client-[A-Z0-9]{8}\.js$/.test(s))).toBe(true);
    await expect(page.getByTestId('atlas-map')).toHaveAttribute('data-map-start', 'boot');
    await expect(page.locator('[data-map-status]')).toBeHidden();
    const camera = await page.evaluate(() => {
      const map = window.__atlas!.map;
      return { zoom: map.getZoom(), lat: map.getCenter().lat, lng: map.getCenter().lng };
    });
    expect(camera.zoom).toBeCloseTo(5.5, 5);
    expect(camera.lat).toBeCloseTo(41.2, 5);
    expect(camera.lng).toBeCloseTo(128.4, 5);

    const collection = (await (await page.request.get('/api/routes')).json()) as {
      features: { properties: { uid: string; item: string; level: number; kind: string } }[];
    };
    const routes = collection.features.filter((f) => f.properties.kind === 'route');
    const dimmed = routes.find((f) => f.properties.level !== 4)!;
    const kept = routes.find((f) => f.properties.level === 4)!;
    const state = (item: string) => page.evaluate((id) => window.__atlas!.map.getFeatureState({ source: 'atlas', id }), item);
    expect(await state(dimmed.properties.item)).toMatchObject({ muted: true });
    expect(await state(kept.properties.item)).not.toMatchObject({ muted: true });

    // Point at a drawn route: it lights up and the cursor says it can be clicked.
    const target = await page.evaluate(() => {
      const map = window.__atlas!.map;
      for (const f of map.queryRenderedFeatures({ layers: ['route-hit'] })) {
        if (f.geometry.type !== 'LineString') continue;
        const coords = f.geometry.coordinates;
        const p = map.project(coords[Math.floor(coords.length / 2)] as [number, number]);
        const hit = map.queryRenderedFeatures(p, { layers: ['point', 'route-hit', 'stage-line', 'zone-line', 'zone-fill'] })[0];
        if (hit?.properties.item === f.properties.item) return { x: p.x, y: p.y, item: String(f.properties.item) };
      }
      return null;
    });
    expect(target, 'a route drawn on the map').not.toBeNull();
    await page.mouse.move(target!.x, target!.y);
    await expect.poll(() => state(target!.item)).toMatchObject({ hover: true });
    await expect.poll(() => page.evaluate(() => window.__atlas!.map.getCanvas().style.cursor)).toBe('pointer');

    // A click opens the item's full page beside the host page.
    const opened = context.waitForEvent('page');
    await page.mouse.click(target!.x, target!.y);
    const full = await opened;
    await expect.poll(() => new URL(full.url()).pathname).toBe(`/routes/${target!.item}`);
    await full.close();

    // An edited hash moves the map.
    await page.evaluate(() => (window.location.hash = '#4/40/127'));
    await expect.poll(() => page.evaluate(() => Math.round(window.__atlas!.map.getZoom() * 100) / 100)).toBe(4);
  });

  test('an embed page carries the oEmbed discovery link of its route', async ({ request, baseURL }) => {
    const html = await (await request.get(`/embed/${SLUG}`)).text();
    const link = /<link[^>]+type="application\/json\+oembed"[^>]*>/.exec(html)?.[0];
    expect(link).toBeDefined();
    const href = /href="([^"]+)"/.exec(link!)![1].replaceAll('&amp;', '&');
    const res = await request.get(href);
    expect(res.status()).toBe(200);
    const body = (await res.json()) as { type: string; html: string };
    expect(body.type).toBe('rich');
    expect(body.html).toContain(`${new URL(baseURL!).origin}/embed/${SLUG}`);
  });
});

test.describe('accessibility of what this issue adds', () => {
  test('the dark still embed and the open embed dialog have no WCAG 2.2 AA violation', async ({ page }) => {
    await page.goto(`/embed/${SLUG}?theme=dark&interactive=0`);
    await expect(page.getByTestId('atlas-map')).toHaveAttribute('data-map-idle', 'true', { timeout: 30_000 });
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`/routes/${SLUG}`);
    await page.getByTestId('embed-open').click();
    await expect(page.getByTestId('embed-dialog')).toBeVisible();
    await frameIdle(page.frameLocator('[data-testid="embed-preview"]'));
    expect(await axeViolations(page, '[data-testid="embed-dialog"]')).toEqual([]);
  });
});

test.describe('sharing from a route page', () => {
  test('Copy link copies the page address with its camera, and a short link opens the same view', async ({ page, context, baseURL }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
    await page.goto(`/routes/${SLUG}#6.5/42.4/129.7`);
    await expect(page.getByTestId('atlas-map')).toHaveAttribute('data-map-idle', 'true', { timeout: 30_000 });

    await page.getByTestId('share-link').click();
    await expect(page.getByTestId('share-status')).toHaveText('Link to this view copied to the clipboard.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await page.evaluate(() => window.location.href));
    expect(new URL(copied).pathname).toBe(`/routes/${SLUG}`);

    await page.getByTestId('short-link').click();
    await expect(page.getByTestId('share-status')).toHaveText('Short link copied to the clipboard.');
    const short = await page.getByTestId('short-link-url').inputValue();
    expect(short).toMatch(new RegExp(`^${new URL(baseURL!).origin}/v/[A-Za-z0-9_-]{12}$`));
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(short);

    const camera = new URL(copied).hash;
    await page.goto(short);
    await expect(page).toHaveURL(new RegExp(`/routes/${SLUG}${camera.replaceAll('.', '\\.')}$`));
  });

  test('Download for slides links the slide-size still image as a download', async ({ page, request }) => {
    await page.goto(`/routes/${SLUG}`);
    const link = page.getByTestId('download-image');
    await expect(link).toHaveText('Download for slides');
    await expect(link).toHaveAttribute('download', `escape-atlas-${SLUG}.png`);
    const href = await link.getAttribute('href');
    expect(href).toBe(`/routes/${SLUG}/image.png`);
    const res = await request.get(href!);
    expect(res.headers()['content-type']).toBe('image/png');
    expect(pngSize(await res.body())).toEqual({ width: 1920, height: 1080 });
  });
});

test.describe('link previews', () => {
  test('a route page unfurls: Open Graph read back by open-graph-scraper, and its image loads as a 1200×630 PNG', async ({ request }) => {
    const detail = await detailOf(request, SLUG);
    const html = await (await request.get(`/routes/${SLUG}`)).text();
    const { error, result } = await ogs({ html });
    expect(error).toBe(false);
    expect(result.ogTitle).toContain(detail.name.en);
    expect(result.ogDescription?.length).toBeGreaterThan(20);
    expect(result.twitterCard).toBe('summary_large_image');
    const image = result.ogImage?.[0];
    expect(image?.url).toMatch(new RegExp(`/routes/${SLUG}/image\\.png\\?size=social$`));

    const res = await request.get(image!.url);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('image/png');
    expect(pngSize(await res.body())).toEqual({ width: 1200, height: 630 });
  });
});
