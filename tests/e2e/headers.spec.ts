// Issue #5: every response carries the security headers; Next.js puts the per-request nonce on
// every script it renders (so no page is served from a stale static shell); ordinary pages refuse
// to be framed by another site while embeds can be.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type APIResponse } from '@playwright/test';
import { IMMUTABLE, NO_STORE, SHARED_DATA, SHARED_IMAGE } from '../../lib/http/cache-policy';
import { mapSettled } from './fixtures';
import { mapBundle, type MapBundleName } from '../../lib/map/assets/bundles';
import { MAPLIBRE_SCRIPT_URL } from '../../lib/map/maplibre-urls';

const SLUG = 'tumen-crossing-to-yanbian';
const PAGES = ['/', `/routes/${SLUG}`, '/sources', '/about', '/embed', `/embed/${SLUG}`];
const OTHER = [
  '/api/routes',
  `/api/routes/${SLUG}`,
  '/api/routes/NOT_AN_ID',
  '/api/sources',
  `/api/oembed?url=${encodeURIComponent(`http://localhost/routes/${SLUG}`)}`,
  '/image.png?size=social',
  `/routes/${SLUG}/image.png?size=social`,
  '/v/AAAAAAAAAAAA',
  '/no-such-page',
];

function cspOf(res: APIResponse): Map<string, string[]> {
  const csp = res.headers()['content-security-policy'];
  expect(csp, `CSP on ${res.url()}`).toBeTruthy();
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name, sources]),
  );
}

function expectCommonHeaders(res: APIResponse, path: string) {
  const h = res.headers();
  expect(h['x-content-type-options'], path).toBe('nosniff');
  expect(h['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
  expect(h['permissions-policy'], path).toMatch(/camera=\(\)/);
  expect(h['permissions-policy'], path).toMatch(/geolocation=\(\)/);
  // The server (scripts/server.mjs) runs in production mode, so the HTTPS promise is there.
  expect(h['strict-transport-security'], path).toBe('max-age=63072000; includeSubDomains');
  expect(h['x-powered-by'], path).toBeUndefined();
  const csp = cspOf(res);
  if (path.startsWith('/api/')) {
    // Data, never a document: nothing may load, run or frame it, and no nonce, since shared
    // caches (nginx, a CDN, scripts/http-cache.mjs) may send the same answer to many visitors.
    expect(csp.get('default-src'), path).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors'), path).toEqual(["'none'"]);
    expect(csp.has('script-src'), path).toBe(false);
    expect(h['x-frame-options'], path).toBe('DENY');
    return;
  }
  expect(csp.get('default-src'), path).toEqual(["'self'"]);
  expect(csp.get('object-src'), path).toEqual(["'none'"]);
  expect(
    csp.get('script-src')?.some((s) => /^'nonce-.+'$/.test(s)),
    path,
  ).toBe(true);
  expect(csp.get('script-src'), path).not.toContain("'unsafe-inline'");
  expect(csp.get('script-src'), path).not.toContain("'unsafe-eval'");
  const embed = path === '/embed' || path.startsWith('/embed/');
  if (embed) {
    expect(csp.get('frame-ancestors'), path).toEqual(['*']);
    expect(h['x-frame-options'], path).toBeUndefined();
  } else {
    expect(csp.get('frame-ancestors'), path).toEqual(["'none'"]);
    expect(h['x-frame-options'], path).toBe('DENY');
  }
}

test.describe('security headers', () => {
  for (const path of [...PAGES, ...OTHER]) {
    test(`${path} carries every security header`, async ({ request }) => {
      const res = await request.get(path, { maxRedirects: 0 });
      if (PAGES.includes(path)) expect(res.status(), path).toBe(200);
      else expect(res.status(), path).toBeLessThan(500);
      expectCommonHeaders(res, path);
    });
  }

  test('static files and POST answers carry them too', async ({ request }) => {
    const html = await (await request.get('/')).text();
    const assets = [...html.matchAll(/(?:src|href)="(\/_next\/static\/[^"]+)"/g)].map((m) => m[1]);
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets.slice(0, 5)) {
      const res = await request.get(asset);
      expect(res.status(), asset).toBe(200);
      expectCommonHeaders(res, asset);
    }
    const post = await request.post('/api/views', { data: 'not json', headers: { 'content-type': 'text/plain' } });
    expect(post.status()).toBe(415);
    expectCommonHeaders(post, '/api/views');
  });

  test('API answers arrive compressed once, parse as JSON, and revalidate with 304', async ({ request }) => {
    for (const path of ['/api/routes', `/api/routes/${SLUG}`, '/api/sources']) {
      const res = await request.get(path, { headers: { 'accept-encoding': 'gzip' } });
      expect(res.status(), path).toBe(200);
      expect(res.headers()['content-encoding'], path).toBe('gzip');
      // Playwright undoes one layer of gzip: a body gzipped twice would not parse.
      const body: unknown = JSON.parse(await res.text());
      expect(typeof body, path).toBe('object');
      const etag = res.headers().etag;
      expect(etag, path).toBeTruthy();
      expect((await request.get(path, { headers: { 'if-none-match': etag } })).status(), path).toBe(304);
      // Repeats come from the server's shared cache (scripts/http-cache.mjs), marked with an
      // Age: the same validator and the same JSON, still compressed once. (A copy lives 1 s, so
      // one of a few quick repeats may be the refresh instead.)
      const repeats = [];
      for (let i = 0; i < 3; i++) repeats.push(await request.get(path, { headers: { 'accept-encoding': 'gzip' } }));
      const cached = repeats.filter((r) => r.headers().age !== undefined);
      expect(cached.length, `${path}: answers from the shared cache`).toBeGreaterThan(0);
      for (const r of cached) {
        expect(r.headers().age, path).toMatch(/^\d+$/);
        expect(r.headers().etag, path).toBe(etag);
        expect(r.headers()['content-encoding'], path).toBe('gzip');
        expect(JSON.parse(await r.text()), path).toEqual(body);
      }
    }
  });

  // Issue 18: every answer says what a shared cache (nginx, a CDN) may keep, so the app needs no
  // cache of its own to be fast behind one.
  test('answers say what caches may share: data and images for a while, pages and short links never', async ({ request }) => {
    for (const path of ['/api/routes', `/api/routes/${SLUG}`, '/api/sources', '/api/export']) {
      const res = await request.get(path);
      expect(res.status(), path).toBe(200);
      expect(res.headers()['cache-control'], path).toBe(SHARED_DATA);
      expect(res.headers()['cache-control'], path).toMatch(/s-maxage=\d+/);
      expect(res.headers()['cache-control'], path).toMatch(/stale-while-revalidate=\d+/);
    }
    for (const path of ['/image.png?size=social', `/routes/${SLUG}/image.png?size=social`]) {
      const res = await request.get(path);
      expect(res.status(), path).toBe(200);
      expect(res.headers()['cache-control'], path).toBe(SHARED_IMAGE);
    }
    for (const path of PAGES) {
      // A page carries this response's CSP nonce: no cache may hand it to anyone else.
      const cacheControl = (await request.get(path)).headers()['cache-control'];
      expect(cacheControl, path).toMatch(/\bprivate\b/);
      expect(cacheControl, path).toMatch(/\bno-store\b/);
    }
    const made = await request.post('/api/views', { data: { path: '/', query: {}, hash: '' } });
    expect(made.status()).toBe(201);
    expect(made.headers()['cache-control']).toBe(NO_STORE);
    const link = (await made.json()) as { url: string };
    const redirect = await request.get(link.url, { maxRedirects: 0 });
    expect(redirect.status()).toBe(307);
    expect(redirect.headers()['cache-control']).toBe(NO_STORE);
    expect((await request.get('/v/AAAAAAAAAAAA', { maxRedirects: 0 })).headers()['cache-control']).toBe(NO_STORE);
  });

  test('scripts named by their content hash under /generated/ are kept for good, others revalidated', async ({ request }) => {
    const html = await (await request.get(`/embed/${SLUG}`)).text();
    const script = html.match(/src="(\/generated\/[^"]+\.js)"/)?.[1];
    expect(script, 'the embed page loads a script from /generated/').toBeTruthy();
    const source = await (await request.get(script!)).text();
    // esbuild's chunk names end in an 8-character content hash (chunk-ABCD1234.js).
    const chunk = source.match(/["'](?:\.\/)?(chunk-[A-Z0-9]{8}\.js)["']/)?.[1];
    expect(chunk, `${script} imports a hashed chunk`).toBeTruthy();
    const chunkPath = new URL(chunk!, `http://x${script}`).pathname;
    const hashed = await request.get(chunkPath);
    expect(hashed.status(), chunkPath).toBe(200);
    expect(hashed.headers()['cache-control'], chunkPath).toBe(IMMUTABLE);
    // The script's own name carries its hash too; the manifest naming the files does not.
    expect((await request.get(script!)).headers()['cache-control'], script).toBe(IMMUTABLE);
    expect((await request.get('/generated/map/manifest.json')).headers()['cache-control']).toBe('public, max-age=0');
  });

  test('files named by their version are kept for good, sent again from the shared cache', async ({ page, request }) => {
    const files: string[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (/^\/(generated\/basemap\.json|maplibre-gl(-worker)?\.mjs|generated\/map\/|_next\/static\/)/.test(url.pathname))
        files.push(url.pathname + url.search);
    });
    await page.goto(`/routes/${SLUG}`);
    await mapSettled(page.getByTestId('atlas-map'));
    const basemap = files.find((f) => f.startsWith('/generated/basemap.json'));
    expect(basemap, 'the map asks for the basemap under its version').toMatch(/^\/generated\/basemap\.json\?v=[0-9a-f]{16}$/);
    for (const path of [basemap!, ...files.filter((f) => /^\/(maplibre-gl\.mjs|_next\/static\/chunks\/.+\.js$)/.test(f)).slice(0, 2)]) {
      const first = await request.get(path, { headers: { 'accept-encoding': 'gzip' } });
      const again = await request.get(path, { headers: { 'accept-encoding': 'gzip' } });
      for (const res of [first, again]) {
        expect(res.status(), path).toBe(200);
        expect(res.headers()['cache-control'], path).toBe(IMMUTABLE);
        expect(res.headers()['content-encoding'], path).toBe('gzip');
        expectCommonHeaders(res, path);
      }
      // The browser loaded it, so the second answer here is the shared cache's copy.
      expect(again.headers().age, path).toMatch(/^\d+$/);
      expect(await again.body(), path).toEqual(await first.body());
    }
    // The same file under any other address may change: asked again each time.
    for (const other of ['/generated/basemap.json', '/generated/basemap.json?v=0000000000000000']) {
      const res = await request.get(other);
      expect(res.status(), other).toBe(200);
      expect(res.headers()['cache-control'], other).toBe('public, max-age=0');
      expect(res.headers().age, other).toBeUndefined();
    }
  });

  // That each page runs in the browser with no Content-Security-Policy violation is checked in
  // privacy.spec.ts, in the one visit per page that also checks hosts, cookies and links.
  for (const path of PAGES) {
    test(`${path} is rendered per request: every script carries this response's nonce`, async ({ request }) => {
      const first = await request.get(path);
      const second = await request.get(path);
      const nonceOf = (res: APIResponse) =>
        cspOf(res)
          .get('script-src')!
          .find((s) => s.startsWith("'nonce-"))!
          .slice(7, -1);
      const nonce = nonceOf(first);
      expect(nonceOf(second), 'a fresh nonce per response').not.toBe(nonce);
      const html = await first.text();
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) {
        // JSON data blocks do not run, and so need no nonce.
        if (/type="application\/(ld\+)?json"/.test(tag)) continue;
        expect(tag, `${path}: a script without this response's nonce would be blocked`).toContain(`nonce="${nonce}"`);
      }
    });
  }

  // A map page names maplibre-gl and its map bundle (with the chunks the bundle imports) in its
  // <head>, so the browser fetches them while it parses the page. On the explorer's pages these
  // were react-dom preloadModule() hints, which only reached the RSC payload, not the HTML.
  const MAP_PAGES: [string, MapBundleName][] = [
    ['/', 'atlas-map'],
    ['/ko', 'atlas-map'],
    [`/routes/${SLUG}`, 'atlas-map'],
    [`/embed/${SLUG}`, 'embed-client'],
    [`/tour/${SLUG}`, 'tour-client'],
  ];
  for (const [path, name] of MAP_PAGES) {
    test(`${path} preloads maplibre-gl and its map bundle from its <head>`, async ({ request }) => {
      const res = await request.get(path);
      expect(res.status()).toBe(200);
      const nonce = cspOf(res)
        .get('script-src')!
        .find((s) => s.startsWith("'nonce-"))!
        .slice(7, -1);
      const head = (await res.text()).split('</head>')[0];
      const preloaded = [...head.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*>/g)].map((m) => m[0]);
      const bundle = mapBundle(name);
      // maplibre-gl's URL carries the version next.config.ts reads at build time, unknown here.
      for (const url of [MAPLIBRE_SCRIPT_URL.split('?')[0], bundle.url, ...bundle.imports]) {
        const tag = preloaded.find((t) => t.includes(`href="${url}`));
        expect(tag, `${path}: no modulepreload of ${url} in the <head>`).toBeDefined();
        expect(tag).toContain(`nonce="${nonce}"`);
      }
    });
  }
});

/** A page on another origin (127.0.0.1 on its own port) that frames `src`. */
async function framingSite(src: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><title>elsewhere</title><iframe id="f" src="${src}" width="800" height="450"></iframe>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

test.describe('framing by another site', () => {
  test('an ordinary page refuses to load in a frame', async ({ page, baseURL }) => {
    for (const path of ['/', `/routes/${SLUG}`, '/sources']) {
      const target = new URL(path, baseURL).href;
      const site = await framingSite(target);
      try {
        const refused = page.waitForEvent('console', (m) => /frame-ancestors|Refused to (display|frame)/i.test(m.text()));
        await page.goto(site.url);
        await refused;
        const frame = page.frame({ url: (u) => u.href === target });
        // Chromium swaps a refused frame for its error page: the app's document never exists.
        const appDocument = frame
          ? await frame.evaluate(() => document.querySelector('main, #__next, [data-atlas]') !== null).catch(() => false)
          : false;
        expect(appDocument, path).toBe(false);
      } finally {
        await site.close();
      }
    }
  });

  test('an embed loads in a frame on another site', async ({ page, baseURL, request }) => {
    for (const path of ['/embed', `/embed/${SLUG}`]) {
      const target = new URL(path, baseURL).href;
      expect((await request.get(target)).status(), `${path} exists`).toBe(200);
      const site = await framingSite(target);
      try {
        const refusals: string[] = [];
        page.on('console', (m) => {
          if (/frame-ancestors|Refused to (display|frame)/i.test(m.text())) refusals.push(m.text());
        });
        await page.goto(site.url);
        const frame = page.frameLocator('#f');
        await expect(frame.locator('body')).not.toBeEmpty();
        await expect(frame.locator('h1, [role="application"], [aria-label], main').first()).toBeVisible();
        expect(refusals).toEqual([]);
      } finally {
        await site.close();
      }
    }
  });
});
