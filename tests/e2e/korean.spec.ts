// Issue 16: the Korean edition. Every page kind in Korean passes axe and asks no other host for
// anything (the fixtures' guard); the language switch keeps the view; a Korean deep link
// restores route, stage, filters and camera; search finds the same items by Hangul and by
// romanised Korean names; a Korean embed works framed by another site.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { camera, expect, featureState, mapIdle, messagesOf, test, type PageGuard } from './fixtures';
import { axeViolations } from './axe';

const en = messagesOf('en');
const ko = messagesOf('ko');

const SLUG = 'tumen-crossing-to-yanbian';
const KOREAN_PAGES = [
  '/ko',
  `/ko/routes/${SLUG}`,
  `/ko/embed/${SLUG}`,
  '/ko/sources',
  '/ko/about',
  `/embed/${SLUG}?lang=ko`,
  '/ko/tour',
  `/ko/tour/${SLUG}`,
  `/embed/tour/${SLUG}?lang=ko`,
];
const VIEWPORTS = { desktop: { width: 1280, height: 800 }, phone: { width: 360, height: 740 } } as const;

/** The page has loaded, and its map (if it has one) has drawn and stopped. */
async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  if ((await page.getByTestId('atlas-map').count()) > 0) await mapIdle(page);
}

/** Ids of the items the list shows. */
const listedIds = (page: Page) => page.locator('a[data-item]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.item!));

test.describe('Korean pages', () => {
  for (const path of KOREAN_PAGES) {
    test(`${path}: Korean, no WCAG 2.2 AA violation on a desktop or a phone, nothing from another host`, async ({ page }) => {
      await page.setViewportSize(VIEWPORTS.desktop);
      expect((await page.goto(path))?.status(), path).toBe(200);
      await settled(page);
      await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
      await expect(page.locator('h1').first()).toHaveText(/[\uac00-\ud7a3]/);
      // The same page at phone width: the layout's media queries apply as on a phone.
      for (const [name, size] of Object.entries(VIEWPORTS)) {
        await page.setViewportSize(size);
        expect(await axeViolations(page), name).toEqual([]);
      }
    });
  }

  test('every page names its English and Korean addresses (hreflang)', async ({ page, baseURL }) => {
    for (const [path, plain] of [
      ['/ko', '/'],
      [`/ko/routes/${SLUG}`, `/routes/${SLUG}`],
      ['/ko/about', '/about'],
      ['/sources', '/sources'],
    ] as const) {
      // The links are in the served head: no need to wait for the page's map.
      await page.goto(path, { waitUntil: 'domcontentloaded' });
      const en = page.locator('link[rel="alternate"][hreflang="en"]');
      const ko = page.locator('link[rel="alternate"][hreflang="ko"]');
      // The root's address may be written with or without its final slash.
      const bare = (href: string) => href.replace(/\/$/, '');
      expect(bare((await en.getAttribute('href'))!)).toBe(bare(new URL(plain, baseURL).href));
      expect(bare((await ko.getAttribute('href'))!)).toBe(bare(new URL(plain === '/' ? '/ko' : `/ko${plain}`, baseURL).href));
    }
  });

  test('a page keeps naming its own addresses after moving to another page inside the app', async ({ page, baseURL }) => {
    await page.goto('/ko/about');
    await page.locator('nav a[href="/ko/sources"]').first().click();
    await expect(page).toHaveURL(/\/ko\/sources$/);
    await expect(page.locator('link[rel="alternate"][hreflang="en"]')).toHaveAttribute('href', new URL('/sources', baseURL).href);
    await expect(page.locator('link[rel="alternate"][hreflang="ko"]')).toHaveAttribute('href', new URL('/ko/sources', baseURL).href);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', new URL('/ko/sources', baseURL).href);
  });
});

test.describe('the language switch', () => {
  test('keeps the route, stage, filters and camera, both ways', async ({ page }) => {
    const view = `?stage=river&level=3,4#6/42.5/129.5`;
    await page.goto(`/routes/${SLUG}${view}`);
    await mapIdle(page);
    await page.getByTestId('language-switch').first().click();
    await expect(page).toHaveURL(new RegExp(`/ko/routes/${SLUG}\\?stage=river&level=3,4#6/42\\.5/129\\.5$`));
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
    await mapIdle(page);
    await expect(page.locator(`[data-stage="river"]`)).toHaveAttribute('aria-current', 'step');
    await page.getByTestId('language-switch').first().click();
    await expect(page).toHaveURL(new RegExp(`/routes/${SLUG}\\?stage=river&level=3,4#6/42\\.5/129\\.5$`));
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });

  test('keeps filters set on the page and the camera moved on the map', async ({ page }) => {
    await page.goto('/');
    await mapIdle(page);
    await page.getByRole('checkbox', { name: 'Extreme' }).check();
    await expect(page).toHaveURL(/\/\?level=4$/);
    await page.evaluate(() => window.__atlas!.map.jumpTo({ center: [127.5, 40.1], zoom: 5.5 }));
    await expect(page).toHaveURL(/\?level=4#5\.5\/40\.1\/127\.5$/);
    await page.getByTestId('language-switch').first().click();
    await expect(page).toHaveURL(/\/ko\?level=4#5\.5\/40\.1\/127\.5$/);
    await mapIdle(page);
    await expect(page.getByRole('checkbox', { name: '극도' })).toBeChecked();
    const c = await camera(page);
    expect(c.zoom).toBeCloseTo(5.5, 1);
    expect(c.lat).toBeCloseTo(40.1, 1);
    expect(c.lng).toBeCloseTo(127.5, 1);
  });
});

test('a Korean deep link restores route, stage, filters and camera', async ({ page }) => {
  await page.goto(`/ko/routes/${SLUG}?stage=river&level=4#6.2/42.4/129.6`);
  await mapIdle(page);
  await expect(page.locator('#route-title')).toHaveText('두만강을 건너 중국으로');
  await expect(page.locator('[data-stage="river"]')).toHaveAttribute('aria-current', 'step');
  await expect.poll(() => featureState(page, SLUG)).toMatchObject({ stage: 'river' });
  // level=4 leaves the lower-risk items dimmed on the map.
  const lower = await page.evaluate(() => {
    const f = window.__atlas!.map.querySourceFeatures('atlas').find((x) => x.properties.level === 1 && x.properties.kind !== 'stage');
    return f ? String(f.properties.item) : null;
  });
  expect(lower).not.toBeNull();
  await expect.poll(() => featureState(page, lower!)).toMatchObject({ muted: true });
  const c = await camera(page);
  expect(c.zoom).toBeCloseTo(6.2, 1);
  expect(c.lat).toBeCloseTo(42.4, 1);
  expect(c.lng).toBeCloseTo(129.6, 1);
  // Our own words in Korean; the quotations in English, as published.
  await expect(page.locator('[data-stage="river"] dd').first()).toHaveText(/[\uac00-\ud7a3]/);
  await expect(page.locator('blockquote').first()).toHaveAttribute('lang', 'en');
  // Back to the list keeps the filters, in Korean.
  await page.getByRole('link', { name: '모든 경로로 돌아가기' }).click();
  await expect(page).toHaveURL(/\/ko\?level=4/);
});

test.describe('the Korean explorer', () => {
  // One visit (each visit of a map page costs seconds of software WebGL): the map's labels, the
  // timeline's dates, then search.
  test('labels places and items in Korean with Korean controls, writes the timeline’s dates in Korean, and search finds the same items by Hangul and by romanised Korean names', async ({
    page,
  }) => {
    const content = JSON.parse(fs.readFileSync(path.join('geo', 'i18n', 'ko.json'), 'utf8')) as {
      items: Record<string, { when?: { en: string; text: string } }>;
    };
    const dated = Object.entries(content.items).flatMap(([item, c]) => (c.when ? [{ item, ...c.when }] : []));
    expect(dated.length).toBeGreaterThan(3);
    await page.goto('/ko#5/41/127');
    await mapIdle(page);
    const fields = await page.evaluate(() => {
      const map = window.__atlas!.map;
      return ['country-label', 'point-label', 'route-label'].map((l) => JSON.stringify(map.getLayoutProperty(l, 'text-field')));
    });
    for (const f of fields) expect(f).toContain('name_ko');
    const labels = await page.evaluate(() =>
      window.__atlas!.map.queryRenderedFeatures({ layers: ['country-label'] }).map((f) => String(f.properties.name_ko)),
    );
    expect(labels).toContain('북한');
    await expect(page.getByRole('button', { name: '확대' })).toBeVisible();
    await expect(page.getByRole('button', { name: '축소' })).toBeVisible();

    const strip = page.getByTestId('timeline');
    for (const { item, en, text } of dated) {
      const mark = strip.locator(`[data-event="${item}"]`);
      if ((await mark.count()) === 0) continue; // not an event with its own date
      await expect(mark).toContainText(text);
      if (!/^[\d\s]+$/.test(en)) await expect(mark).not.toContainText(en);
    }
    // "about three years before the 2011 post" is a label in words, not a date the page formats.
    await expect(strip.locator('[data-event="incheon-returned-boat"]')).toContainText('2011년 게시물보다 약 3년 전');

    const search = page.getByLabel('검색');
    await search.fill('두만');
    await expect(page).toHaveURL(/\/ko\?q=/);
    await expect.poll(() => listedIds(page)).toContain(SLUG);
    const hangul = await listedIds(page);
    expect(hangul).not.toContain('yalu-crossing-to-liaoning');
    await search.fill('Duman');
    await expect.poll(() => listedIds(page)).toEqual(hangul);

    await search.fill('압록');
    await expect.poll(() => listedIds(page)).toContain('yalu-crossing-to-liaoning');
    const amnok = await listedIds(page);
    await search.fill('Amnok');
    await expect.poll(() => listedIds(page)).toEqual(amnok);
    // An English name finds its items on the Korean page too.
    await search.fill('Yalu');
    await expect.poll(() => listedIds(page)).toEqual(amnok);
    await expect(page.getByText(new RegExp(`개 중 ${amnok.length}개 표시$`))).toBeVisible();
  });
});

/** A page on another origin (127.0.0.1 on a random port) whose body is `body`. */
async function otherSite(guard: PageGuard, body: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="ko"><head><title>선생님의 페이지</title></head><body style="margin:0">${body}</body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  guard.allowHost(`127.0.0.1:${port}`);
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

test('a Korean embed draws inside another site’s page, in Korean', async ({ page, baseURL, guard }) => {
  const site = await otherSite(
    guard,
    `<iframe src="${baseURL}/ko/embed/${SLUG}" title="지도" width="800" height="450" style="border:0"></iframe>`,
  );
  try {
    await page.goto(site.url);
    const frame = page.frameLocator('iframe');
    await expect(frame.getByTestId('atlas-map')).toHaveAttribute('data-map-idle', 'true', { timeout: 30_000 });
    await expect(frame.locator('html')).toHaveAttribute('lang', 'ko');
    await expect(frame.locator('h1')).toHaveText('두만강을 건너 중국으로');
    await expect(frame.getByRole('link', { name: /전체 페이지 열기/ })).toHaveAttribute('href', `/ko/routes/${SLUG}`);
    await expect(frame.getByTestId('embed-legend')).toContainText('극도');
  } finally {
    await site.close();
  }
});

test('the Embed dialog offers the language and its code gives a Korean frame', async ({ page }) => {
  await page.goto(`/routes/${SLUG}`);
  await mapIdle(page);
  await page.getByTestId('embed-open').first().click();
  await page.getByTestId('embed-lang-ko').check();
  await expect(page.getByTestId('embed-snippet')).toHaveValue(new RegExp(`/embed/${SLUG}\\?lang=ko`));
  const preview = page.frameLocator('[data-testid="embed-preview"]');
  await expect(preview.locator('html')).toHaveAttribute('lang', 'ko');
});

test.describe('Korean guided tours', () => {
  test('/ko/tour/<id> steps in Korean, names its addresses, and its switch opens the same step in English', async ({ page, baseURL }) => {
    await page.goto(`/ko/tour/${SLUG}`);
    await mapIdle(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
    const counter = page.getByTestId('tour-counter');
    await expect(counter).toHaveText(/^전체 \d+개 중 1번째$/);
    await page.keyboard.press('ArrowRight');
    await expect(counter).toHaveText(/^전체 \d+개 중 2번째$/);
    await expect(page.getByTestId('tour-live')).toContainText('2번째');
    // Quotes stay in their source's language.
    await expect(page.locator('[data-tour-step="2"] blockquote')).toHaveAttribute('lang', 'en');
    for (const [lang, path] of [
      ['en', `/tour/${SLUG}`],
      ['ko', `/ko/tour/${SLUG}`],
    ] as const)
      await expect(page.locator(`link[rel="alternate"][hreflang="${lang}"]`)).toHaveAttribute('href', new URL(path, baseURL).href);
    await page.getByTestId('language-switch').click();
    await expect(page).toHaveURL(new RegExp(`/tour/${SLUG}\\?step=2$`));
    expect(new URL(page.url()).pathname).toBe(`/tour/${SLUG}`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(counter).toHaveText(/^Step 2 of \d+$/);
  });

  test('the Korean tour links stay Korean, and a step’s Korean still image differs from the English one', async ({ page, request }) => {
    await page.goto('/ko/tour');
    await expect(page.locator(`a[href="/ko/tour/${SLUG}"]`)).toHaveCount(1);
    await expect(page.locator('h1')).toHaveText(ko.tour.atlasTitle);
    const [english, korean] = await Promise.all(
      [`/tour/${SLUG}/image.png?step=2`, `/ko/tour/${SLUG}/image.png?step=2`].map(async (path) => {
        const res = await request.get(path);
        expect(res.status(), path).toBe(200);
        return res.body();
      }),
    );
    expect(korean.equals(english)).toBe(false);
  });

  test('a tour asked for with ?lang=ko is sent to its Korean address, the step kept', async ({ page, request }) => {
    const res = await request.get(`/tour/${SLUG}?step=2&lang=ko`, { maxRedirects: 0 });
    expect(res.status()).toBe(308);
    const location = new URL(res.headers()['location']!, 'http://atlas.invalid');
    expect(location.pathname + location.search).toBe(`/ko/tour/${SLUG}?step=2`);
    expect(res.headers()['content-security-policy']).toBeTruthy();
    await page.goto('/tour?lang=ko');
    await expect(page).toHaveURL(/\/ko\/tour$/);
    await expect(page.locator('h1')).toHaveText(ko.tour.atlasTitle);
  });
});

test.describe('Korean still images and link cards', () => {
  test('/ko/routes/<id>/image.png is a Korean PNG: not the English one, the same as ?lang=ko', async ({ request }) => {
    const get = async (path: string) => {
      const res = await request.get(path);
      expect(res.status(), path).toBe(200);
      expect(res.headers()['content-type']).toBe('image/png');
      return res.body();
    };
    const [english, korean, byQuery] = await Promise.all([
      get(`/routes/${SLUG}/image.png?size=social`),
      get(`/ko/routes/${SLUG}/image.png?size=social`),
      get(`/routes/${SLUG}/image.png?size=social&lang=ko`),
    ]);
    expect(korean.equals(english)).toBe(false);
    expect(byQuery.equals(korean)).toBe(true);
    // Hangul drawn as glyphs, not boxes, is checked on the font itself: tests/integration/still-image-korean.test.ts.
    const other = await get(`/ko/routes/yalu-crossing-to-liaoning/image.png?size=social`);
    expect(other.equals(korean)).toBe(false);
  });

  test('a Korean page carries Korean Open Graph and Twitter tags with the Korean image', async ({ page, baseURL }) => {
    await page.goto(`/ko/routes/${SLUG}`);
    const meta = (p: string) => page.locator(`meta[property="${p}"], meta[name="${p}"]`).first();
    await expect(meta('og:locale')).toHaveAttribute('content', 'ko_KR');
    await expect(meta('og:title')).toHaveAttribute('content', '두만강을 건너 중국으로 · 탈북 경로 지도');
    await expect(meta('og:image')).toHaveAttribute('content', `${new URL(`/ko/routes/${SLUG}/image.png?size=social`, baseURL).href}`);
    await expect(meta('twitter:title')).toHaveAttribute('content', /두만강/);
    const oembed = await page.locator('link[type="application/json+oembed"]').getAttribute('href');
    const answer = (await (await page.request.get(oembed!)).json()) as { title: string; html: string };
    expect(answer.title).toBe('두만강을 건너 중국으로');
    expect(answer.html).toContain(`/ko/embed/${SLUG}`);
  });
});

/** A text as it may be written in JavaScript: as is, or with each non-ASCII character escaped. */
function writtenForms(text: string): string[] {
  const escape = (upper: boolean) =>
    text.replace(/[^\x20-\x7e]/g, (c) => {
      const hex = c.charCodeAt(0).toString(16).padStart(4, '0');
      return `\\u${upper ? hex.toUpperCase() : hex}`;
    });
  return [text, escape(false), escape(true)];
}

test('a page sends the browser its own language’s words only, and not the reading pages’ texts', async ({ page }) => {
  const scripts: Promise<string>[] = [];
  page.on('response', (res) => {
    if (res.request().resourceType() === 'script') scripts.push(res.text());
  });
  const html = await (await page.goto('/'))!.text();
  await mapIdle(page);
  const sent = [html, ...(await Promise.all(scripts))];
  expect(sent.length).toBeGreaterThan(3);
  const found = (text: string) => sent.some((body) => writtenForms(text).some((form) => body.includes(form)));
  // Sanity: the English explorer's own words did arrive.
  expect(found(en.share.embedDialog.intro)).toBe(true);
  // The Korean words of the same interface did not, in the page or in any script.
  for (const text of [ko.explorer.filters.heading, ko.explorer.notFound.body, ko.share.embedDialog.intro, ko.cards.allRoutesTitle])
    expect(found(text), text).toBe(false);
  // Nor did the about page's long texts, which only the server renders.
  for (const text of [en.pages.about.safety1, en.pages.about.method1, ko.pages.about.safety1]) expect(found(text), text).toBe(false);
});

test.describe('Korean short links', () => {
  test('a Korean view gets a /ko/v/ link that opens it in Korean', async ({ request }) => {
    const res = await request.post('/api/views', { data: { path: `/routes/${SLUG}`, query: { lang: 'ko', stage: 'river' }, hash: '' } });
    expect(res.status()).toBe(201);
    const { url } = (await res.json()) as { url: string };
    expect(url).toMatch(/^\/ko\/v\/[A-Za-z0-9_-]{12}$/);
    const opened = await request.get(url, { maxRedirects: 0 });
    expect(opened.status()).toBe(307);
    expect(opened.headers()['location']).toBe(`/ko/routes/${SLUG}?stage=river`);
  });

  test('an unknown Korean short link says so in Korean; an English one in English', async ({ request }) => {
    const page = async (path: string) => {
      const res = await request.get(path, { headers: { accept: 'text/html' } });
      expect(res.status(), path).toBe(404);
      return res.text();
    };
    const korean = await page('/ko/v/AAAAAAAAAAAA');
    expect(korean).toContain('<html lang="ko">');
    expect(korean).toContain(`<h1>${ko.cards.shortLinkNotFoundTitle}</h1>`);
    expect(korean).toContain(`<a href="/ko">${ko.cards.shortLinkNotFoundAction}</a>`);
    const english = await page('/v/AAAAAAAAAAAA');
    expect(english).toContain('<html lang="en">');
    expect(english).toContain(`<h1>${en.cards.shortLinkNotFoundTitle}</h1>`);
  });
});
