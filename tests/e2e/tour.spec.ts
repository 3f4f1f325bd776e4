// Issue 17: guided tours. A route's tour walked by keyboard from its first step to its last, the
// address, the lit stage on the map and the announced text changing at each; Back returning to
// the step before; a tour in a frame on another origin stepping with its own buttons and keys;
// reduced motion cutting instead of flying; the presenter view; clear answers to bad steps; the
// still image of a step; no axe violation on a tour, in the presenter view and in a frame.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Frame, Page } from '@playwright/test';
import { pngSize } from '../integration/png';
import { expect, featureState, mapIdle, test, type PageGuard } from './fixtures';
import type { RouteDetail } from '@/lib/data/api-schema';
import { axeViolations } from './axe';

const SLUG = 'tumen-crossing-to-yanbian';

// WebGL maps drawn by a software renderer on two shared cores.
test.describe.configure({ timeout: 120_000 });

/** Which of the route's stages is drawn lit (its item's feature-state `stage`) right now. */
async function litStages(page: Page | Frame, stages: string[]): Promise<string[]> {
  const { stage } = await featureState(page as Page, SLUG);
  return stages.filter((id) => id === stage);
}

/** The step the page shows: its counter, the visible step's number and title, the address's step. */
async function shown(page: Page) {
  const visible = page.locator('[data-tour-step]:not([hidden])');
  await expect(visible).toHaveCount(1);
  return {
    counter: await page.getByTestId('tour-counter').textContent(),
    n: Number(await visible.getAttribute('data-tour-step')),
    title: (await visible.locator('h2').textContent()) ?? '',
    step: new URL(page.url()).searchParams.get('step'),
    live: (await page.getByTestId('tour-live').textContent()) ?? '',
  };
}

async function detailOf(page: Page): Promise<RouteDetail> {
  const res = await page.request.get(`/api/routes/${SLUG}`);
  expect(res.ok()).toBe(true);
  return (await res.json()) as RouteDetail;
}

/** Camera events recorded in the page from now on. */
async function recordCamera(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __camera: string[] };
    w.__camera = [];
    for (const e of ['movestart', 'move', 'moveend'] as const) window.__atlas!.map.on(e, () => w.__camera.push(e));
  });
}
const takeCamera = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { __camera: string[] };
    const events = w.__camera;
    w.__camera = [];
    return events;
  });

test.describe('a route’s tour', () => {
  test('walks by keyboard from the first step to the last, and Back returns to the step before', async ({ page }) => {
    const detail = await detailOf(page);
    const stages = [...detail.stages].sort((a, b) => a.order - b.order);
    const stageIds = stages.map((s) => s.id);
    await page.goto(`/tour/${SLUG}`);
    await mapIdle(page);

    const first = await shown(page);
    const count = Number(/of (\d+)/.exec(first.counter ?? '')![1]);
    expect(count).toBeGreaterThan(stages.length);
    expect(first).toMatchObject({ n: 1, step: null, title: stages[0].name.en, counter: `Step 1 of ${count}` });
    expect(await litStages(page, stageIds)).toEqual([stageIds[0]]);

    let announced = first.live;
    for (let n = 2; n <= count; n++) {
      // Clickers send PageDown; the arrow keys do the same.
      await page.keyboard.press(n % 2 ? 'PageDown' : 'ArrowRight');
      await expect(page.getByTestId('tour-counter')).toHaveText(`Step ${n} of ${count}`);
      const s = await shown(page);
      expect(s.n).toBe(n);
      expect(s.step).toBe(String(n));
      // Announced: a new text naming the step.
      expect(s.live).toContain(`Step ${n} of ${count}: ${s.title}`);
      expect(s.live).not.toBe(announced);
      announced = s.live;
      // The map lights the step's stage and only it: the stages in order, then the stage each risk is quoted from.
      const lit = await litStages(page, stageIds);
      expect(lit).toHaveLength(1);
      if (n <= stages.length) expect(lit).toEqual([stageIds[n - 1]]);
      else await expect(page.locator(`[data-tour-step="${n}"] p`).first()).toContainText(stages.find((st) => st.id === lit[0])!.name.en);
    }
    // Past the end nothing moves.
    await page.keyboard.press('ArrowRight');
    expect((await shown(page)).n).toBe(count);
    await mapIdle(page);

    await page.goBack();
    await expect(page.getByTestId('tour-counter')).toHaveText(`Step ${count - 1} of ${count}`);
    expect((await shown(page)).step).toBe(String(count - 1));
    await page.goForward();
    await expect(page.getByTestId('tour-counter')).toHaveText(`Step ${count} of ${count}`);

    await page.keyboard.press('Home');
    await expect(page.getByTestId('tour-counter')).toHaveText(`Step 1 of ${count}`);
    expect(new URL(page.url()).search).toBe('');
    expect(await litStages(page, stageIds)).toEqual([stageIds[0]]);
    await page.keyboard.press('End');
    await expect(page.getByTestId('tour-counter')).toHaveText(`Step ${count} of ${count}`);
    await page.keyboard.press('PageUp');
    await expect(page.getByTestId('tour-counter')).toHaveText(`Step ${count - 1} of ${count}`);
  });

  test('steps with its buttons, keeping focus on the button, and opens at the step in the address', async ({ page }) => {
    await page.goto(`/tour/${SLUG}?step=2`);
    await mapIdle(page);
    expect((await shown(page)).n).toBe(2);
    const next = page.getByRole('link', { name: 'Next step' });
    await next.click();
    await expect(page).toHaveURL(/\?step=3(#.*)?$/);
    await expect(next).toBeFocused();
    // The camera goes into the hash once the map has stopped, as everywhere in the atlas.
    await mapIdle(page);
    await expect(page).toHaveURL(/\?step=3#[\d.]+\/-?[\d.]+\/-?[\d.]+$/);
    const prev = page.getByRole('link', { name: 'Previous step' });
    await prev.click();
    await prev.click();
    await expect(page).toHaveURL(new RegExp(`/tour/${SLUG}$|/tour/${SLUG}#`));
    await expect(prev).toHaveAttribute('aria-disabled', 'true');
    await expect(prev).toBeFocused();
  });

  test('cuts instead of flying when the visitor asks for reduced motion', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(`/tour/${SLUG}`);
    await mapIdle(page);
    await recordCamera(page);
    for (let n = 2; n <= 3; n++) {
      await page.keyboard.press('ArrowRight');
      await expect(page.getByTestId('tour-counter')).toContainText(`Step ${n} of`);
      await mapIdle(page);
      // A jump is one move; a flight is many.
      expect((await takeCamera(page)).filter((e) => e === 'move')).toHaveLength(1);
    }
    // The same step flies without the preference: the check above can tell the two apart.
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await page.keyboard.press('Home');
    await mapIdle(page);
    expect((await takeCamera(page)).filter((e) => e === 'move').length).toBeGreaterThan(1);
  });

  test('the presenter view fills the screen at 16:9 without the site’s links, and leaves with F', async ({ page }) => {
    await page.goto(`/tour/${SLUG}?step=2`);
    await mapIdle(page);
    const tour = page.getByTestId('tour');
    await page.keyboard.press('f');
    await expect(tour).toHaveAttribute('data-present', 'true');
    await expect(page.getByRole('link', { name: 'All tours' })).toBeHidden();
    const box = (await page.locator('main').boundingBox())!;
    expect(box.width / box.height).toBeCloseTo(16 / 9, 1);
    await expect(page.getByRole('button', { name: 'Leave presenter view' })).toBeVisible();
    // Still steps, and the map follows.
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('tour-counter')).toHaveText(/^Step 3 of/);
    await page.keyboard.press('f');
    await expect(tour).toHaveAttribute('data-present', 'false');
    await expect(page.getByRole('link', { name: 'All tours' })).toBeVisible();
    // The button does the same, and Escape leaves too.
    await page.getByRole('button', { name: 'Presenter view' }).click();
    await expect(tour).toHaveAttribute('data-present', 'true');
    await page.keyboard.press('Escape');
    await expect(tour).toHaveAttribute('data-present', 'false');
  });
});

test.describe('bad addresses and still images', () => {
  test('a malformed step is a 400 page, a step past the end and an unknown tour are 404 pages', async ({ page, guard }) => {
    guard.allowConsoleError(/status of 40[04]/);
    for (const [url, status, heading] of [
      [`/tour/${SLUG}?step=abc`, 400, 'This step does not exist'],
      [`/tour/${SLUG}?step=99`, 404, 'This step does not exist'],
      ['/tour/no-such-route', 404, 'This tour is not available'],
      ['/embed/tour/atlas?step=0', 400, 'This step does not exist'],
    ] as const) {
      const res = await page.goto(url);
      expect(res?.status(), url).toBe(status);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
      await expect(page.getByRole('link', { name: /start the tour|see all tours/i })).toBeVisible();
    }
  });

  test('a step’s still image is a slide-sized PNG; a bad step or size is a 4xx with a message', async ({ request }) => {
    const res = await request.get(`/tour/${SLUG}/image.png?step=3&size=slide`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('image/png');
    expect(pngSize(await res.body())).toEqual({ width: 1920, height: 1080 });
    for (const [q, status] of [
      ['?step=0', 400],
      ['?step=999', 404],
      ['?size=poster', 400],
    ] as const) {
      const bad = await request.get(`/tour/${SLUG}/image.png${q}`);
      expect(bad.status(), q).toBe(status);
      expect(((await bad.json()) as { message: string }).message).toBeTruthy();
    }
  });
});

/** A page on another origin (127.0.0.1 on a random port) whose body is `body`. */
async function otherSite(guard: PageGuard, body: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><head><title>A lesson</title></head><body style="margin:0">${body}</body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  guard.allowHost(`127.0.0.1:${port}`);
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

test.describe('a tour in a frame on another site', () => {
  test('only the embed may be framed, by anyone; the tour’s page by no one', async ({ request }) => {
    const page = await request.get(`/tour/${SLUG}`);
    expect(page.headers()['x-frame-options']).toBe('DENY');
    expect(page.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    const embed = await request.get(`/embed/tour/${SLUG}`);
    expect(embed.headers()['x-frame-options']).toBeUndefined();
    expect(embed.headers()['content-security-policy']).toContain('frame-ancestors *');
    // Its one script carries the response's nonce.
    const nonce = /'nonce-([^']+)'/.exec(embed.headers()['content-security-policy'])![1];
    expect(await embed.text()).toContain(`nonce="${nonce}"`);
  });

  test('steps with its own buttons and keys, and leaves the host page’s history alone', async ({ page, baseURL, guard }) => {
    const origin = new URL(baseURL!).origin;
    const site = await otherSite(
      guard,
      `<iframe id="f" src="${origin}/embed/tour/atlas?theme=dark" title="Tour" width="960" height="540" style="border:0;display:block"></iframe>`,
    );
    try {
      await page.goto(site.url);
      const frame = page.frameLocator('#f');
      await expect(frame.getByTestId('atlas-map')).toHaveAttribute('data-map-idle', 'true', { timeout: 30_000 });
      const f = page.frames().find((fr) => fr.url().startsWith(`${origin}/embed/tour/`))!;
      await expect(frame.getByTestId('tour')).toHaveAttribute('data-theme', 'dark');
      const counter = frame.getByTestId('tour-counter');
      await expect(counter).toHaveText('Step 1 of 9');
      const history = await page.evaluate(() => window.history.length);

      await frame.getByRole('link', { name: 'Next step' }).click();
      await expect(counter).toHaveText('Step 2 of 9');
      expect(new URL(f.url()).searchParams.get('step')).toBe('2');
      expect(new URL(f.url()).searchParams.get('theme')).toBe('dark');
      await expect(frame.getByTestId('tour-live')).toContainText('Step 2 of 9: Yalu river into China');
      // Keys reach the frame that has the focus.
      await page.keyboard.press('ArrowRight');
      await expect(counter).toHaveText('Step 3 of 9');
      await page.keyboard.press('End');
      await expect(counter).toHaveText('Step 9 of 9');
      await page.keyboard.press('ArrowLeft');
      await expect(counter).toHaveText('Step 8 of 9');
      // The corridor's items are lit, the rest dimmed, on the frame's own map.
      const states = await f.evaluate(() => {
        const map = window.__atlas!.map;
        return {
          russia: map.getFeatureState({ source: 'atlas', id: 'tumen-russia-border' }),
          tumen: map.getFeatureState({ source: 'atlas', id: 'tumen-river-crossings' }),
        };
      });
      expect(states.russia.muted).not.toBe(true);
      expect(states.tumen.muted).toBe(true);
      // The host's page is where it was: stepping in the frame adds nothing to its history.
      expect(page.url()).toBe(site.url);
      expect(await page.evaluate(() => window.history.length)).toBe(history);
    } finally {
      await site.close();
    }
  });
});

test.describe('the Embed dialog', () => {
  test('offers a route’s guided tour, with the embed options, and previews it stepping', async ({ page, baseURL }) => {
    await page.goto(`/routes/${SLUG}`);
    await mapIdle(page);
    await page.getByTestId('embed-open').click();
    const dialog = page.getByTestId('embed-dialog');
    await dialog.getByTestId('embed-what-tour').check();
    await dialog.getByRole('radio', { name: 'Dark' }).check();
    await expect(dialog.getByTestId('embed-snippet')).toHaveValue(
      new RegExp(`src="${new URL(baseURL!).origin}/embed/tour/${SLUG}\\?theme=dark"`),
    );
    const preview = page.frameLocator('[data-testid="embed-preview"]');
    await expect(preview.getByTestId('tour-counter')).toHaveText(/^Step 1 of \d+$/);
    await preview.getByRole('link', { name: 'Next step' }).click();
    await expect(preview.getByTestId('tour-counter')).toHaveText(/^Step 2 of/);
    // The map is still the dialog's other choice.
    await dialog.getByTestId('embed-what-map').check();
    await expect(dialog.getByTestId('embed-snippet')).toHaveValue(new RegExp(`/embed/${SLUG}\\?theme=dark"`));
  });
});

test.describe('axe: no WCAG 2.2 AA violations', () => {
  for (const [name, url, present] of [
    ['the atlas tour and the index', '/tour', false],
    ['a route’s tour in the presenter view', `/tour/${SLUG}?step=2`, true],
    ['a tour in a frame, dark', `/embed/tour/${SLUG}?theme=dark`, false],
    ['a route’s tour on a phone', `/tour/${SLUG}`, false],
  ] as const) {
    test(name, async ({ page }) => {
      if (name.includes('phone')) await page.setViewportSize({ width: 360, height: 740 });
      expect((await page.goto(url))?.status()).toBe(200);
      await mapIdle(page);
      if (present) {
        await page.keyboard.press('f');
        await expect(page.getByTestId('tour')).toHaveAttribute('data-present', 'true');
        await mapIdle(page);
      }
      expect(await axeViolations(page)).toEqual([]);
    });
  }
});
