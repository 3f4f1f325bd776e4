// One cold page load in headless Chromium: the time from navigation start to the map's first
// idle with all routes drawn, and the bytes the page transferred on the way there.
//
// Both the app and the baseline mark that moment with data-map-idle="true" on the map container
// (components/atlas-map.tsx; bench/baseline/main.js). An init script watches for the attribute
// and notes performance.now(), whose zero is the navigation start, so the probe is identical on
// both sides and needs nothing from the page under test.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { chromium } from 'playwright-core';

import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/chromium.mjs';

export async function launchBrowser() {
  const executablePath = chromiumPath();
  if (!fs.existsSync(executablePath)) throw new Error(`Chromium not found at ${executablePath} (set CHROMIUM_PATH)`);
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
}

function watchIdle() {
  const mark = () => {
    if (window.__benchIdleAt === undefined && document.querySelector('[data-map-idle="true"]')) window.__benchIdleAt = performance.now();
  };
  new MutationObserver(mark).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-map-idle'] });
}

/** js | css | data | other, from the response's MIME type (and the URL when the type is vague). */
export function resourceKind(mimeType, url) {
  const type = (mimeType ?? '').toLowerCase();
  const pathname = new URL(url).pathname;
  if (type.includes('javascript') || /\.m?js$/.test(pathname)) return 'js';
  if (type.includes('css') || pathname.endsWith('.css')) return 'css';
  if (type.includes('json') || /\.(geo)?json$/.test(pathname)) return 'data';
  return 'other';
}

// What Chromium sends; the servers pick gzip (Next's compression middleware knows no br/zstd).
const ACCEPT_ENCODING = 'gzip, deflate, br, zstd';
/** @type {Map<string, Promise<number>>} */
const refetched = new Map();

/**
 * The compressed body size of `url` fetched again from Node. Chromium reports no body size for a
 * dedicated worker's own script (it is loaded inside the worker); the file is static, so the
 * same request from here gets the same bytes.
 */
export function compressedSize(url) {
  let size = refetched.get(url);
  if (!size) {
    size = new Promise((resolve, reject) => {
      http
        .get(url, { headers: { 'accept-encoding': ACCEPT_ENCODING } }, (res) => {
          let n = 0;
          res.on('data', (chunk) => (n += chunk.length));
          res.on('end', () => resolve(n));
        })
        .on('error', reject);
    });
    refetched.set(url, size);
  }
  return size;
}

/**
 * Record what a page loads from now on. Playwright's request events cover the page and its
 * dedicated workers (MapLibre's worker fetches GeoJSON sources given by URL), which a CDP
 * session on the page alone does not see; sizes() is computed from CDP's
 * Network.loadingFinished encodedDataLength.
 * @param {import('playwright-core').Page} page
 */
function instrument(page, origin) {
  /** @type {Array<Promise<{ url: string, kind: string, status: number, body: number, headers: number, method: string } | null>>} */
  let finished = [];
  const problems = [];
  let foreign = 0;
  page.on('request', (request) => {
    if (!request.url().startsWith(origin) && !/^(data|blob):/.test(request.url())) foreign++;
  });
  page.on('requestfinished', (request) => {
    finished.push(
      (async () => {
        const response = await request.response();
        if (!response) return null;
        const sizes = await request.sizes();
        return {
          url: request.url(),
          // When the browser sent it (ms since the epoch, as performance.timeOrigin), to tell the
          // requests made before the map's first idle from those made after it.
          startedAt: request.timing().startTime,
          kind: resourceKind(response.headers()['content-type'], request.url()),
          status: response.status(),
          body: sizes.responseBodySize,
          headers: sizes.responseHeadersSize,
          method: request.method(),
        };
      })().catch(() => null),
    );
  });
  page.on('requestfailed', (request) => {
    if (request.failure()?.errorText !== 'net::ERR_ABORTED')
      problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  return {
    problems,
    foreign: () => foreign,
    /**
     * The responses finished since the last call; with `before` (ms since the epoch), only those
     * of requests sent by then: the idle is noticed by polling, and the page goes on loading
     * meanwhile (the map loads its camera reader at its first idle).
     * @param {number} [before]
     */
    async take(before) {
      const batch = finished;
      finished = [];
      return (await Promise.all(batch)).filter((r) => r !== null && (before === undefined || !(r.startedAt > before)));
    },
  };
}

function tally(responses, origin, problems) {
  const bytes = { js: 0, css: 0, data: 0, other: 0, total: 0, transfer: 0 };
  /** @type {Array<{ url: string, kind: string, status: number, bytes: number }>} */
  const files = [];
  for (const response of responses) {
    if (response.status >= 400) problems.push(`HTTP ${response.status} ${response.url}`);
    // Body bytes as sent (compressed); the transfer figure adds the response headers. Playwright
    // derives the body size as encodedDataLength minus the header size: a response that never
    // left the cache (encodedDataLength 0) comes out negative, one revalidated on the wire (a
    // 304, which Chromium reports as the cached 200) comes out 0 with headers.
    const body = Math.max(0, response.body);
    const transfer = Math.max(0, response.body + response.headers);
    const via = response.body > 0 ? 'network' : transfer === 0 ? 'cache' : 'revalidated';
    bytes[response.kind] += body;
    bytes.total += body;
    bytes.transfer += transfer;
    files.push({
      url: response.url.startsWith(origin) ? response.url.slice(origin.length) : response.url,
      kind: response.kind,
      status: response.status,
      bytes: body,
      via,
    });
  }
  return { bytes, files, requests: responses.length };
}

/** Navigate and wait for the map's first idle: ms from navigation start, and the moment itself in ms since the epoch. */
async function navigateToIdle(page, url, timeoutMs) {
  await page.goto(url, { waitUntil: 'commit', timeout: timeoutMs });
  await page.waitForFunction(() => window.__benchIdleAt !== undefined, null, { timeout: timeoutMs, polling: 50 });
  return page.evaluate(() => ({ ms: window.__benchIdleAt, at: performance.timeOrigin + window.__benchIdleAt }));
}

/**
 * One cold load: time to the map's first idle and the bytes needed to get there.
 * @param {import('playwright-core').Browser} browser
 * @param {{ url: string, viewport: { width: number, height: number }, throttle: number, timeoutMs: number, screenshot?: string }} o
 */
export async function measureLoad(browser, { url, viewport, throttle, timeoutMs, screenshot }) {
  return coldLoad(browser, { viewport, throttle }, async (page) => {
    const origin = new URL(url).origin;
    const recorder = instrument(page, origin);
    const { ms, at } = await navigateToIdle(page, url, timeoutMs);
    const responses = await recorder.take(at);
    // The cache is empty, so a GET answered 200 with no body size is a dedicated worker's own
    // script (see compressedSize); a second request for the same URL is a memory-cache hit.
    const seen = new Set();
    for (const r of responses) {
      if (r.body === 0 && r.status === 200 && r.method === 'GET' && !seen.has(r.url)) r.body = await compressedSize(r.url);
      seen.add(r.url);
    }
    const { bytes, files, requests } = tally(responses, origin, recorder.problems);
    if (screenshot) {
      fs.mkdirSync(path.dirname(screenshot), { recursive: true });
      await page.screenshot({ path: screenshot });
    }
    return { ms, bytes, requests, files, foreign: recorder.foreign(), problems: recorder.problems };
  });
}

/**
 * A page in a new browser context (an empty HTTP cache, no service worker, no storage), its CPU
 * throttled and the idle probe installed, handed to `use`; the context is closed after.
 * @template T
 * @param {import('playwright-core').Browser} browser
 * @param {{ viewport: { width: number, height: number }, throttle: number }} o
 * @param {(page: import('playwright-core').Page) => Promise<T>} use
 * @returns {Promise<T>}
 */
async function coldLoad(browser, { viewport, throttle }, use) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    if (throttle > 1) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    }
    await page.addInitScript(watchIdle);
    return await use(page);
  } finally {
    await context.close();
  }
}

/**
 * An App Router page's HTML without the inline scripts that stream its React Server Components
 * payload (`self.__next_f.push(...)`), and how many there were.
 * @param {string} html
 */
export function withoutRscPayload(html) {
  let removed = 0;
  const out = html.replace(/<script\b[^>]*>\s*self\.__next_f\.push\([\s\S]*?<\/script>/g, () => {
    removed++;
    return '';
  });
  return { html: out, removed };
}

/**
 * The app's page with a part of Next.js taken away, to see where the app's time goes beside the
 * bare page (a diagnosis for the README, not a way to run the app):
 * - `no-payload`: the HTML without the inline scripts that carry the React Server Components
 *   payload (`self.__next_f.push(...)`). Next's scripts load and run, but the router has nothing
 *   to start from: nothing hydrates, no client component's module is instantiated.
 * - `no-next-js`: no script from /_next/static/ at all; the server's HTML and the map module alone.
 * @type {Record<string, (page: import('playwright-core').Page, url: string) => Promise<() => number>>}
 */
export const STRIPS = {
  'no-payload': async (page, url) => {
    let removed = 0;
    await page.route(url, async (route) => {
      const response = await route.fetch();
      const stripped = withoutRscPayload(await response.text());
      removed += stripped.removed;
      await route.fulfill({ response, body: stripped.html });
    });
    return () => removed;
  },
  'no-next-js': async (page) => {
    let aborted = 0;
    await page.route(/\/_next\/static\/.*\.js(\?.*)?$/, (route) => {
      aborted++;
      return route.abort();
    });
    return () => aborted;
  },
};

/**
 * One cold load of the app's page with a part taken away (STRIPS): the time to the map's first
 * idle, and how many scripts were taken away (0: the page had none of them, and the figure means
 * nothing).
 * @param {import('playwright-core').Browser} browser
 * @param {{ url: string, viewport: { width: number, height: number }, throttle: number, timeoutMs: number, strip: keyof typeof STRIPS }} o
 */
export async function measureStripped(browser, { url, viewport, throttle, timeoutMs, strip }) {
  return coldLoad(browser, { viewport, throttle }, async (page) => {
    const taken = await STRIPS[strip](page, url);
    const { ms } = await navigateToIdle(page, url, timeoutMs);
    return { ms, taken: taken() };
  });
}

/**
 * A first visit, then a second one in the same browser context (a warm HTTP cache): what the
 * second visit downloads again and how much it revalidates (304) instead.
 * @param {import('playwright-core').Browser} browser
 */
export async function measureRepeatVisit(browser, { url, viewport, timeoutMs }) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    const origin = new URL(url).origin;
    const recorder = instrument(page, origin);
    await page.addInitScript(watchIdle);
    await navigateToIdle(page, url, timeoutMs);
    await page.waitForLoadState('networkidle', { timeout: timeoutMs }).catch(() => {});
    await recorder.take();
    const { ms, at } = await navigateToIdle(page, url, timeoutMs);
    const responses = await recorder.take(at);
    const { bytes, files } = tally(responses, origin, recorder.problems);
    return {
      ms,
      bytes,
      notModified: files.filter((f) => f.via === 'revalidated').length,
      fromCache: files.filter((f) => f.via === 'cache').length,
      downloaded: files.filter((f) => f.via === 'network').map((f) => `${f.url} (${f.bytes} B)`),
      dataBytes: files.filter((f) => f.kind === 'data').reduce((sum, f) => sum + f.bytes, 0),
      revalidated: files.filter((f) => f.via === 'revalidated').map((f) => f.url),
      problems: recorder.problems,
    };
  } finally {
    await context.close();
  }
}
