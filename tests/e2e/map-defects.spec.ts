// Issue #15, part 7: two defects seen on the explorer. (a) The map key opened over the left of the
// map on a desktop screen, covering routes: it now starts folded, and opens and closes from the
// keyboard. (b) At the overview zoom the crossing and event markers on the Korean peninsula sat on
// top of each other and on the country names: each marker now has a place of its own. Every test
// also fails on a console error or a request to another host (./fixtures.ts).
import type { APIRequestContext } from '@playwright/test';
import { expect, mapIdle, renderedItems, test } from './fixtures';
import type { MapFeatureCollection } from '@/lib/data/api-schema';
import { POINT_KINDS } from '@/geo/vocabulary';
import { INTERACTIVE_LAYERS } from '@/lib/map/style';

async function pointItems(request: APIRequestContext): Promise<{ id: string; lngLat: [number, number] }[]> {
  const res = await request.get('/api/routes');
  expect(res.ok()).toBe(true);
  const collection = (await res.json()) as MapFeatureCollection;
  return (
    collection.features
      // Unplaced events (geometry null) are listed, not drawn: there is nothing to hover.
      .filter((f) => (POINT_KINDS as readonly string[]).includes(f.properties.kind) && f.geometry !== null)
      .map((f) => ({ id: f.properties.item, lngLat: f.geometry!.coordinates as [number, number] }))
  );
}

test.describe('the map key (issue #15)', () => {
  test('starts folded on a desktop screen, and opens and closes from the keyboard', async ({ page }) => {
    await page.goto('/');
    await mapIdle(page);
    const key = page.locator('details.legend');
    const summary = key.locator('> summary');
    await expect(key).toHaveJSProperty('open', false);
    // Folded, it is one line in the map's corner, not a panel over the routes.
    const box = (await key.boundingBox())!;
    expect(box.height).toBeLessThan(60);
    expect(box.width).toBeLessThan(200);
    await expect(summary).toBeVisible();
    await expect(key.getByRole('checkbox', { name: 'Routes' })).toBeHidden();

    await summary.focus();
    await page.keyboard.press('Enter');
    await expect(key).toHaveJSProperty('open', true);
    await expect(key.getByRole('checkbox', { name: 'Routes' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(key).toHaveJSProperty('open', false);
    await expect(summary).toBeFocused();
  });
});

test.describe('markers at the overview zoom (issue #15)', () => {
  for (const [screen, viewport, countryNames] of [
    ['a desktop screen', null, ['South Korea', 'North Korea']],
    // At a phone's overview (zoom 2) North Korea is 14 px wide and its border markers fill it; its
    // name shows from the next zoom. Noted on issue 15.
    ['a phone', { width: 390, height: 844 }, ['South Korea']],
  ] as const) {
    test(`on ${screen}: every crossing and event is drawn, no two markers overlap, and none sits on a country name`, async ({
      page,
      request,
    }) => {
      const points = await pointItems(request);
      expect(points.length).toBeGreaterThan(5);
      if (viewport) await page.setViewportSize(viewport);
      await page.goto('/');
      await mapIdle(page);
      // The overview: the whole region, as the explorer opens.
      expect(await page.evaluate(() => window.__atlas!.map.getZoom())).toBeLessThan(4.5);
      expect(await renderedItems(page, ['point'])).toEqual([...new Set(points.map((p) => p.id))].sort());

      // Sample the screen around every marker: no spot may answer for two markers, or for a marker
      // and a country's name; and each marker has a spot where a click reaches it and nothing else.
      const scan = await page.evaluate(
        ({ points, interactive }) => {
          const map = window.__atlas!.map;
          const { width, height } = map.getCanvas().getBoundingClientRect();
          const overlaps = new Set<string>();
          const onLabels = new Set<string>();
          const clickable = new Set<string>();
          const seen = new Set<string>();
          for (const { lngLat } of points) {
            const c = map.project(lngLat);
            for (let x = Math.max(0, c.x - 45); x <= Math.min(width, c.x + 45); x += 3) {
              for (let y = Math.max(0, c.y - 45); y <= Math.min(height, c.y + 45); y += 3) {
                const key = `${Math.round(x)},${Math.round(y)}`;
                if (seen.has(key)) continue;
                seen.add(key);
                const here = map.queryRenderedFeatures([x, y], { layers: ['point', 'country-label'] });
                const markers = [...new Set(here.filter((f) => f.layer.id === 'point').map((f) => String(f.properties.item)))].sort();
                if (markers.length > 1) overlaps.add(markers.join(' + '));
                const label = here.find((f) => f.layer.id === 'country-label');
                if (markers.length && label) onLabels.add(`${markers.join(' + ')} on ${String(label.properties.name_en)}`);
                const top = map.queryRenderedFeatures([x, y], { layers: interactive })[0];
                if (markers.length === 1 && top?.layer.id === 'point' && top.properties.item === markers[0]) clickable.add(markers[0]);
              }
            }
          }
          const labels = map.queryRenderedFeatures({ layers: ['country-label'] }).map((f) => String(f.properties.name_en));
          return { overlaps: [...overlaps], onLabels: [...onLabels], clickable: [...clickable].sort(), labels };
        },
        { points, interactive: [...INTERACTIVE_LAYERS] },
      );
      expect(scan.overlaps, 'markers drawn over each other').toEqual([]);
      expect(scan.onLabels, 'markers drawn over a country name').toEqual([]);
      expect(scan.clickable, 'markers a click reaches').toEqual([...new Set(points.map((p) => p.id))].sort());
      // The Koreas keep their names at the overview, beside the markers on their borders.
      expect(scan.labels).toEqual(expect.arrayContaining([...countryNames]));
    });
  }
});
