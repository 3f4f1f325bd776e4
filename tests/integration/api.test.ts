// The API route handlers, called as Next calls them, against a real seeded SQLite file: every
// response matches lib/data/api-schema.ts, bad input gets a 4xx with a message, never a 500.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { GET as getRoutes } from '@/app/api/routes/route';
import { GET as getRoute } from '@/app/api/routes/[slug]/route';
import { GET as getSourcesRoute } from '@/app/api/sources/route';
import { allCitations } from '@/geo/atlas';
import { loadAtlas } from '@/geo/load';
import type { RouteFeature } from '@/geo/schema';
import { ApiError, MapFeatureCollection, RouteDetail, SourcesResponse } from '@/lib/data/api-schema';
import { disconnectPrisma, getPrisma } from '@/lib/data/db';
import { seed } from '@/prisma/seed';
import { migrateDeploy } from '@/scripts/migrate.mjs';
import { copyGeo, freshDatabase, tempDir, useDatabase } from './test-db';

const BASE = 'http://atlas.test';
let url: string;
let geo: string;

const request = (pathname: string, headers: Record<string, string> = {}) => new Request(`${BASE}${pathname}`, { headers });
const detail = (slug: string, headers: Record<string, string> = {}) =>
  getRoute(request(`/api/routes/${encodeURIComponent(slug)}`, headers), { params: Promise.resolve({ slug }) });

beforeAll(async () => {
  ({ url } = await freshDatabase('api'));
  geo = copyGeo('api');
  await seed(getPrisma(), { dir: geo });
});
afterAll(disconnectPrisma);

describe('GET /api/routes', () => {
  it('returns every item as drawable GeoJSON matching the API schema', async () => {
    const res = await getRoutes(request('/api/routes'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = MapFeatureCollection.parse(await res.json());
    const atlas = loadAtlas(geo);

    expect(body.corridors.map((c) => c.id)).toEqual(atlas.corridors.map((c) => c.id));
    const uids = body.features.map((f) => f.properties.uid);
    expect(new Set(uids).size).toBe(uids.length);
    // One feature per item, plus one per stage of every route.
    const items = new Set(body.features.filter((f) => f.properties.kind !== 'stage').map((f) => f.properties.item));
    expect([...items]).toEqual(atlas.features.map((f) => f.properties.id));
    const stageCount = atlas.features.reduce((n, f) => n + (f.properties.kind === 'route' ? f.properties.stages.length : 0), 0);
    expect(body.features.filter((f) => f.properties.kind === 'stage')).toHaveLength(stageCount);
  });

  it('returns events their source does not place with a null geometry, and no box to fit (issue #20)', async () => {
    const body = MapFeatureCollection.parse(await (await getRoutes(request('/api/routes'))).json());
    const unplaced = body.features.filter((f) => f.properties.precision === 'unplaced');
    expect(unplaced.map((f) => f.properties.item)).toContain('yellow-sea-boat-2009');
    for (const f of unplaced) expect(f.geometry).toBeNull();
    // Every other feature is drawable.
    for (const f of body.features.filter((x) => x.properties.precision !== 'unplaced')) expect(f.geometry).not.toBeNull();
    const res = await detail('yellow-sea-boat-2009');
    expect(res.status).toBe(200);
    const item = RouteDetail.parse(await res.json());
    expect(item).toMatchObject({ kind: 'event', precision: 'unplaced', bbox: null });
    expect(item.stages[0].annotations[0].finding).toBe('harm');
  });

  it('draws each stage over its own part of the route line, rounded to the route precision', async () => {
    const body = MapFeatureCollection.parse(await (await getRoutes(request('/api/routes'))).json());
    const atlas = loadAtlas(geo);
    const route = atlas.features.find((f): f is RouteFeature => f.properties.kind === 'route' && f.properties.stages.length > 1)!;
    const decimals = route.properties.precision === 'approximate' ? 2 : 3;
    const stage = route.properties.stages[1];
    const feature = body.features.find((f) => f.properties.uid === `stage:${route.properties.id}:${stage.id}`)!;
    expect(feature.properties).toMatchObject({
      kind: 'stage',
      item: route.properties.id,
      stage: stage.id,
      order: 2,
      level: stage.level,
      hazards: stage.hazards.join(','),
    });
    const [a, b] = stage.vertices;
    const round = (n: number) => Math.round(n * 10 ** decimals) / 10 ** decimals;
    const expected = route.geometry.coordinates.slice(a, b + 1).map(([x, y]) => [round(x), round(y)]);
    expect(feature.geometry).toEqual({ type: 'LineString', coordinates: expected });
    // The route's own feature carries its most dangerous stage's level.
    const whole = body.features.find((f) => f.properties.uid === `route:${route.properties.id}`)!;
    expect(whole.properties.level).toBe(Math.max(...route.properties.stages.map((s) => s.level)));
  });

  it('answers a repeat request carrying the ETag with 304 and no body', async () => {
    const first = await getRoutes(request('/api/routes'));
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{20,}"$/);
    expect(first.headers.get('cache-control')).toMatch(/must-revalidate/);
    const again = await getRoutes(request('/api/routes', { 'If-None-Match': etag }));
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    // A weakened copy of the tag (e.g. from a compressing proxy) and lists of tags match too.
    expect((await getRoutes(request('/api/routes', { 'If-None-Match': `"other", W/${etag}` }))).status).toBe(304);
    expect((await getRoutes(request('/api/routes', { 'If-None-Match': '"stale"' }))).status).toBe(200);
  });

  it('changes the ETag when the data changes', async () => {
    const before = (await getRoutes(request('/api/routes'))).headers.get('etag');
    const edited = copyGeo('api-edited');
    const file = path.join(edited, 'features', fs.readdirSync(path.join(edited, 'features')).sort()[0]);
    const data = JSON.parse(fs.readFileSync(file, 'utf8'));
    data.features[0].properties.name.en = 'A name changed by a test';
    fs.writeFileSync(file, JSON.stringify(data));
    await seed(getPrisma(), { dir: edited });
    try {
      const res = await getRoutes(request('/api/routes', { 'If-None-Match': before! }));
      expect(res.status).toBe(200);
      const body = MapFeatureCollection.parse(await res.json());
      expect(body.features.find((f) => f.properties.item === data.features[0].properties.id)?.properties.name_en).toBe(
        'A name changed by a test',
      );
    } finally {
      await seed(getPrisma(), { dir: geo });
    }
  });
});

describe('GET /api/routes/[slug]', () => {
  it('returns every item with its stages and cited passages, matching the API schema', async () => {
    const atlas = loadAtlas(geo);
    const sources = new Map(atlas.sources.map((s) => [s.id, s]));
    for (const f of atlas.features) {
      const res = await detail(f.properties.id);
      expect(res.status).toBe(200);
      const body = RouteDetail.parse(await res.json());
      expect(body).toMatchObject({
        id: f.properties.id,
        kind: f.properties.kind,
        name: f.properties.name,
        corridor: { id: f.properties.corridor },
      });
      const blocks = f.properties.kind === 'route' ? f.properties.stages : [f.properties];
      expect(body.stages.map((s) => s.annotations.map((a) => a.id))).toEqual(blocks.map((b) => b.annotations.map((a) => a.id)));
      for (const c of body.stages.flatMap((s) => s.annotations.flatMap((a) => a.citations))) {
        const source = sources.get(c.source.id)!;
        // A post without an address of its own links to the archive page it was read in.
        const parentUrl = source.partOf ? (sources.get(source.partOf)?.url ?? null) : null;
        expect(c.source.archiveUrl).toBe(source.url ? null : parentUrl);
      }
    }
  });

  it('answers 404 with a message for an id no item has', async () => {
    const res = await detail('no-such-route');
    expect(res.status).toBe(404);
    const body = ApiError.parse(await res.json());
    expect(body).toEqual({ error: 'not_found', message: expect.stringContaining('no-such-route') });
  });

  it.each([
    ['a path', '../etc'],
    ['an overlong id', 'a'.repeat(500)],
    ['a NUL byte', '%00'],
    ['a decoded NUL byte', 'tumen\u0000'],
    ['upper case', 'Tumen-Crossing'],
    ['a double hyphen', 'tumen--crossing'],
    ['an empty id', ''],
  ])('answers 400 with a message for %s', async (_, slug) => {
    const res = await detail(slug);
    expect(res.status).toBe(400);
    const body = ApiError.parse(await res.json());
    expect(body.error).toBe('bad_request');
    expect(body.message).toMatch(/lower-case letters, digits and single hyphens/);
    expect(body.message).not.toContain(slug.length > 1 ? slug : '\u0000');
  });

  it('answers 304 to a repeat request for the same item', async () => {
    const id = loadAtlas(geo).features[0].properties.id;
    const etag = (await detail(id)).headers.get('etag')!;
    expect((await detail(id, { 'If-None-Match': etag })).status).toBe(304);
  });
});

describe('GET /api/sources', () => {
  it('lists every source with the passages quoted from it, matching the API schema', async () => {
    const res = await getSourcesRoute(request('/api/sources'));
    expect(res.status).toBe(200);
    const body = SourcesResponse.parse(await res.json());
    const atlas = loadAtlas(geo);
    expect(body.sources.map((s) => s.id)).toEqual(atlas.sources.map((s) => s.id));
    expect(body.sources.some((s) => 'document' in s)).toBe(false);
    const citations = allCitations(atlas);
    expect(body.sources.reduce((n, s) => n + s.supports.length, 0)).toBe(citations.length);
    const etag = res.headers.get('etag')!;
    expect((await getSourcesRoute(request('/api/sources', { 'If-None-Match': etag }))).status).toBe(304);
  });
});

describe('when the database cannot answer', () => {
  let serverLog: MockInstance<typeof console.error>;
  beforeEach(() => {
    serverLog = vi.spyOn(console, 'error').mockImplementation(() => {});
  });
  afterEach(() => serverLog.mockRestore());

  async function expect503(message: RegExp) {
    for (const res of [await getRoutes(request('/api/routes')), await detail('tumen'), await getSourcesRoute(request('/api/sources'))]) {
      expect(res.status).toBe(503);
      const body = ApiError.parse(await res.json());
      expect(body.error).toBe('unavailable');
      expect(body.message).toMatch(message);
      // The client gets the reason; file paths stay in the server log. And no advice that would
      // destroy the short links kept in the same database (issue 19).
      expect(body.message).not.toMatch(/\/tmp\//);
      expect(body.message).not.toMatch(/delete|remove/i);
    }
    expect(serverLog).toHaveBeenCalled();
  }

  it('answers 503 with a message when the database was never seeded', async () => {
    const empty = `file:${path.join(tempDir('api-empty'), 'atlas.db')}`;
    await migrateDeploy({ url: empty });
    await useDatabase(empty);
    try {
      await expect503(/has not been seeded/);
    } finally {
      await useDatabase(url);
    }
  });

  it('answers 503 with a message when the database file is damaged', async () => {
    const file = path.join(tempDir('api-garbage'), 'atlas.db');
    fs.writeFileSync(file, 'garbage '.repeat(1000));
    await useDatabase(`file:${file}`);
    try {
      await expect503(/damaged or is not a SQLite database \(keep it: it holds the short links/);
    } finally {
      await useDatabase(url);
    }
  });

  it('answers 503 with a message when the database file is missing', async () => {
    await useDatabase(`file:${path.join(tempDir('api-missing'), 'nope.db')}`);
    try {
      await expect503(/cannot be opened/);
    } finally {
      await useDatabase(url);
    }
  });

  it('serves again once the database is back', async () => {
    expect((await getRoutes(request('/api/routes'))).status).toBe(200);
  });
});
