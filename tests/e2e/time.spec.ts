// Issue 17, Time: the period filter lives in the link, dims the map and narrows the list as the
// other filters do, and survives a reload; the API takes the same period; the timeline strip
// selects its event by click and by keyboard, on phones too; claims say when they were reported.
// Every test also fails on a console error or a request to another host (./fixtures.ts).
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, featureState, mapIdle, test } from './fixtures';
import type { MapFeatureCollection } from '@/lib/data/api-schema';
import { corridorGroups, filterGroups, type AtlasItem } from '@/lib/data/atlas-items';
import { EMPTY_FILTERS } from '@/lib/view/view-state';

async function atlas(request: APIRequestContext): Promise<{ collection: MapFeatureCollection; items: AtlasItem[] }> {
  const res = await request.get('/api/routes');
  expect(res.ok()).toBe(true);
  const collection = (await res.json()) as MapFeatureCollection;
  return { collection, items: corridorGroups(collection).flatMap((g) => g.items) };
}

const inYears = (collection: MapFeatureCollection, from: number | null, to: number | null) =>
  filterGroups(corridorGroups(collection), { ...EMPTY_FILTERS, years: { from, to } }).flatMap((g) => g.items.map((i) => i.id));

const listedIds = (page: Page) => page.locator('a[data-item]').evaluateAll((as) => as.map((a) => (a as HTMLElement).dataset.item!));

/** Whether the map draws every one of these items dimmed (true) or none of them (false). */
async function mutedOnMap(page: Page, items: AtlasItem[]): Promise<boolean[]> {
  return Promise.all(items.map(async (i) => (await featureState(page, i.id)).muted === true));
}

test.describe('the period filter', () => {
  test('in the link, it dims what falls outside, narrows the list, and survives a reload', async ({ page, request }) => {
    const { collection, items } = await atlas(request);
    const kept = inYears(collection, 2011, 2015);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(items.length);
    const inside = items.filter((i) => kept.includes(i.id));
    const outside = items.filter((i) => !kept.includes(i.id));

    await page.goto('/?from=2011&to=2015');
    for (const pass of ['first load', 'reload']) {
      await mapIdle(page);
      await expect(page, pass).toHaveURL(/\/\?from=2011&to=2015$/);
      await expect(page.getByLabel('From')).toHaveValue('2011');
      await expect(page.getByLabel('To', { exact: true })).toHaveValue('2015');
      await expect.poll(() => listedIds(page)).toEqual(kept);
      await expect(page.getByTestId('result-count')).toHaveText(`${kept.length} of ${items.length} shown`);
      await expect.poll(() => mutedOnMap(page, outside)).toEqual(outside.map(() => true));
      expect(await mutedOnMap(page, inside)).toEqual(inside.map(() => false));
      if (pass === 'first load') await page.reload();
    }
  });

  test('set from the menus, it goes into the link, kept the right way round, and clears', async ({ page, request }) => {
    const { collection, items } = await atlas(request);
    await page.goto('/?to=2012');
    await mapIdle(page);
    // A start after the end takes the end along with it.
    await page.getByLabel('From').selectOption('2017');
    await expect(page).toHaveURL(/\/\?from=2017&to=2017$/);
    await expect.poll(() => listedIds(page)).toEqual(inYears(collection, 2017, 2017));
    await page.getByLabel('To', { exact: true }).selectOption('');
    await expect(page).toHaveURL(/\/\?from=2017$/);
    await expect.poll(() => listedIds(page)).toEqual(inYears(collection, 2017, null));
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect.poll(() => listedIds(page)).toHaveLength(items.length);
  });

  test('a garbled period in a link is dropped with a notice, the rest of the link kept', async ({ page }) => {
    await page.goto('/?from=2016&to=2012&level=4');
    await mapIdle(page);
    await expect(page.getByText('Ignored an invalid period in the link')).toBeVisible();
    await expect(page).toHaveURL(/\/\?level=4$/);
  });

  test('the API takes the same period, and refuses a bad one with a 400 that says why', async ({ request }) => {
    const { collection } = await atlas(request);
    const res = await request.get('/api/routes?from=2011&to=2015');
    expect(res.status()).toBe(200);
    const body = (await res.json()) as MapFeatureCollection;
    expect([...new Set(body.features.map((f) => f.properties.item))].sort()).toEqual(inYears(collection, 2011, 2015).sort());
    for (const [query, message] of [
      ['from=twenty', /`from` must be a four-digit year/],
      ['from=2016&to=2012', /`from` must not be after `to`/],
      ['to=99999', /`to` must be a four-digit year/],
    ] as const) {
      const bad = await request.get(`/api/routes?${query}`);
      expect(bad.status(), query).toBe(400);
      expect(await bad.json()).toMatchObject({ error: 'bad_request', message: expect.stringMatching(message) });
    }
  });
});

test.describe('the timeline strip', () => {
  test('lists the dated events in order, and a click selects its event', async ({ page, request }) => {
    const { collection, items } = await atlas(request);
    await page.goto('/');
    await mapIdle(page);
    const strip = page.getByTestId('timeline');
    const marks = strip.getByRole('button');
    await expect(marks).toHaveCount(collection.timeline!.length);
    expect(await marks.evaluateAll((bs) => bs.map((b) => (b as HTMLElement).dataset.event))).toEqual(
      collection.timeline!.map((e) => e.item),
    );

    const imjin = strip.getByRole('button', { name: /Imjin/ });
    await expect(imjin).toContainText('reported September 2013');
    await imjin.click();
    await expect(page).toHaveURL(/\/routes\/imjin-river-shooting-2013$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(/Imjin/);
    await expect(page.getByTestId('announcer')).toContainText(/Imjin/);
    const item = items.find((i) => i.id === 'imjin-river-shooting-2013')!;
    await expect.poll(() => featureState(page, item.id)).toMatchObject({ selected: true });
  });

  test('is one Tab stop walked with the arrow keys; Enter opens the event', async ({ page }) => {
    await page.goto('/');
    await mapIdle(page);
    const marks = page.getByTestId('timeline').getByRole('button');
    await marks.first().focus();
    await page.keyboard.press('ArrowRight');
    await expect(marks.nth(1)).toBeFocused();
    await page.keyboard.press('End');
    await expect(marks.last()).toBeFocused();
    await page.keyboard.press('Home');
    await expect(marks.first()).toBeFocused();
    const first = await marks.first().getAttribute('data-event');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/routes/${first}$`));
  });

  test('marks what the period leaves out, and works on a phone', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto('/?from=2015&to=2015');
    await mapIdle(page);
    const strip = page.getByTestId('timeline');
    await strip.scrollIntoViewIfNeeded();
    await expect(strip.locator('button[data-event="yellow-sea-boat-2009"]')).toHaveAttribute('data-outside', 'true');
    await expect(strip.locator('button[data-event="shenyang-workers-recalled-2015"]')).not.toHaveAttribute('data-outside');
    // The strip scrolls sideways inside the sheet: the page itself never gets wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const recalled = strip.locator('button[data-event="shenyang-workers-recalled-2015"]');
    await recalled.scrollIntoViewIfNeeded();
    await recalled.click();
    await expect(page).toHaveURL(/\/routes\/shenyang-workers-recalled-2015\?from=2015&to=2015$/);
  });
});

test('a route page says when each quoted source reported it, and the period its sources cover', async ({ page }) => {
  await page.goto('/routes/tumen-crossing-to-yanbian');
  await mapIdle(page);
  const panel = page.getByTestId('panel');
  await expect(panel.getByText('as reported in November 2020').first()).toBeVisible();
  await expect(panel.getByText('undated source').first()).toBeVisible();
  await expect(
    panel
      .getByRole('article')
      .locator('dd', { hasText: 'Reported in sources dated December 2017 to November 2020. One of its sources is undated.' }),
  ).toBeVisible();
});
