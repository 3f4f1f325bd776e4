// Issue 18: an atlas ten times today's (the synthetic 10x atlas, scripts/synthetic-atlas.ts), on a
// production server of its own (`npm start`'s scripts/server.mjs) and its own database file. The
// explorer's first response carries one page of the list, cut for the address's filters, and no
// geometry; the rest of the list arrives once the map has drawn, so search, "show more" and an
// item's page reach every item (lib/data/explorer-data.ts).
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, mapIdle, test } from './fixtures';
import { MIGRATE, SEED, SYNTHETIC, runScripts, startServer, stopServer } from './own-server';
import type { MapFeatureCollection } from '@/lib/data/api-schema';
import { corridorGroups, filterGroups } from '@/lib/data/atlas-items';
import { LIST_PAGE } from '@/lib/data/explorer-data';
import { EMPTY_FILTERS, type Filters } from '@/lib/view/view-state';

const PORT = Number(process.env.E2E_LARGE_PORT ?? 3192);
const ORIGIN = `http://localhost:${PORT}`;

test.skip(Boolean(process.env.E2E_BASE_URL), 'needs the local build');
test.use({ baseURL: ORIGIN });
test.setTimeout(120_000);

let dir: string;
let server: ChildProcess;
let collection: MapFeatureCollection;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-large-'));
  const atlas = path.join(dir, 'synthetic-10x');
  const DATABASE_URL = `file:${path.join(dir, 'atlas.db')}`;
  runScripts(DATABASE_URL, [...SYNTHETIC, '--scale', '10', '--out', atlas], MIGRATE, [...SEED, '--dir', atlas]);
  server = await startServer(PORT, { DATABASE_URL });
  collection = (await (await fetch(`${ORIGIN}/api/routes`)).json()) as MapFeatureCollection;
});

test.afterAll(async () => {
  await stopServer(server);
  fs.rmSync(dir, { recursive: true, force: true });
});

const idsOf = (filters: Partial<Filters>) =>
  filterGroups(corridorGroups(collection), { ...EMPTY_FILTERS, ...filters }).flatMap((g) => g.items.map((i) => i.id));

/** The item ids a page of the explorer lists, in order. */
const listed = (html: string) => [...html.matchAll(/data-item="([^"]+)"/g)].map((m) => m[1]);

test('the first response lists one page of items, without the map data; "show more" reaches every item', async ({ page, request }) => {
  const all = idsOf({});
  expect(all.length).toBeGreaterThan(3 * LIST_PAGE);
  const html = await (await request.get('/')).text();
  expect(listed(html)).toEqual(all.slice(0, LIST_PAGE));
  // The map module asks /api/routes for what it draws: the page itself carries no geometry.
  expect(html).not.toContain('coordinates');

  await page.goto('/');
  await expect(page.getByTestId('result-count')).toHaveText(`${all.length} items`);
  const more = page.getByTestId('show-more');
  await expect(more).toHaveText(`Show ${LIST_PAGE} more items`);
  await mapIdle(page);
  const items = page.getByTestId('route-list').locator('a[data-item]');
  await more.click();
  await expect(items).toHaveCount(2 * LIST_PAGE);
  while (await more.isVisible()) await more.click();
  await expect(items).toHaveCount(all.length);
  expect(await items.evaluateAll((links) => links.map((a) => a.getAttribute('data-item')))).toEqual(all);
});

test('a filtered link is cut on the server; a new search finds items past the first page', async ({ page, request }) => {
  const strong = idsOf({ levels: [4] });
  expect((await request.get('/?level=4').then((r) => r.text())).match(/data-item="/g)?.length).toBe(Math.min(LIST_PAGE, strong.length));
  expect(listed(await (await request.get('/?level=4')).text())).toEqual(strong.slice(0, LIST_PAGE));

  await page.goto('/?level=4');
  await mapIdle(page);
  await expect(page.getByTestId('result-count')).toHaveText(`${strong.length} of ${idsOf({}).length} shown`);
  // The last copy's items sit past the first page of the unfiltered list.
  const q = 'synthetic 10:';
  const found = idsOf({ levels: [4], q });
  expect(found.length).toBeGreaterThan(0);
  expect(idsOf({}).slice(0, LIST_PAGE)).not.toContain(found[0]);
  await page.getByRole('searchbox').fill(q);
  const links = page.getByTestId('route-list').locator('a[data-item]');
  await expect(links).toHaveCount(Math.min(found.length, LIST_PAGE));
  expect(await links.evaluateAll((a) => a.map((l) => l.getAttribute('data-item')))).toEqual(found.slice(0, LIST_PAGE));
  // The map dims what the filters leave out, past the first page too.
  const left = idsOf({}).filter((id) => !found.includes(id));
  const muted = await page.evaluate((id) => window.__atlas!.map.getFeatureState({ source: 'atlas', id }).muted, left.at(-1)!);
  expect(muted).toBe(true);
});

test('an item past the first page opens from its address, selected on the map', async ({ page }) => {
  const last = corridorGroups(collection)
    .flatMap((g) => g.items)
    .at(-1)!;
  await page.goto(`/routes/${last.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(last.name.en);
  await mapIdle(page);
  expect(await page.evaluate((id) => window.__atlas!.map.getFeatureState({ source: 'atlas', id }).selected, last.id)).toBe(true);
  await expect(page.getByTestId('announcer')).toHaveText(`Selected: ${last.name.en}`);
});
