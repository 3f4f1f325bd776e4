// Issue #4: still images for slides and link previews. Rendered by the real route handlers from
// a real seeded SQLite file; the PNG bytes are read back and their pixels inspected.
import type { MultiLineString } from 'geojson';
import { ImageResponse } from 'next/og';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RISK_LEVELS, type RiskLevel } from '@/geo/vocabulary';
import { GET as allRoutesImage } from '@/app/image.png/route';
import { GET as routeImage } from '@/app/routes/[slug]/image.png/route';
import type { MapFeatureCollection, RouteDetail } from '@/lib/data/api-schema';
import { disconnectPrisma, getPrisma } from '@/lib/data/db';
import { getMapCollection, getRouteDetail } from '@/lib/data/queries';
import { stillBasemap } from '@/lib/still/basemap';
import { PALETTE, stillImage, stillLayout, type StillLayout } from '@/lib/still/image';
import { STILL_SIZES, type StillSize } from '@/lib/still/sizes';
import type { Bbox } from '@/lib/still/svg-map';
import { seed } from '@/prisma/seed';
import { decodePng, hexToRgb, PNG_SIGNATURE, pngSize, type DecodedPng } from './png';
import { copyGeo, freshDatabase } from './test-db';

let atlas: MapFeatureCollection;
let route: RouteDetail;

beforeAll(async () => {
  await freshDatabase('still-image');
  await seed(getPrisma(), { dir: copyGeo('still-image') });
  atlas = await getMapCollection();
  // The first route with more than one level along it, so that two colours must both show.
  const routes = atlas.features.filter((f) => f.properties.kind === 'route').map((f) => f.properties.item);
  const details = await Promise.all(routes.map((slug) => getRouteDetail(slug)));
  route = details.find((d) => d && new Set(d.stages.map((s) => s.level)).size > 1) ?? details[0]!;
});
afterAll(disconnectPrisma);

const get = (slug: string, query = '', headers?: HeadersInit) =>
  routeImage(new Request(`http://localhost/routes/${slug}/image.png${query}`, { headers }), { params: Promise.resolve({ slug }) });

/** Pixels on the map within `radius` of the stage's line whose colour is `hex` (±4 per channel, opaque). */
function pixelsOfColourAlong(png: DecodedPng, layout: StillLayout, line: number[][], hex: string, radius = 3): number {
  const [r, g, b] = hexToRgb(hex);
  const seen = new Set<number>();
  for (let i = 1; i < line.length; i++) {
    const [ax, ay] = layout.project(line[i - 1]);
    const [bx, by] = layout.project(line[i]);
    const steps = Math.max(1, Math.ceil(Math.hypot(bx - ax, by - ay)));
    for (let s = 0; s <= steps; s++) {
      const cx = Math.round(ax + ((bx - ax) * s) / steps),
        cy = Math.round(ay + ((by - ay) * s) / steps);
      for (let dy = -radius; dy <= radius; dy++) {
        for (let dx = -radius; dx <= radius; dx++) {
          const x = cx + dx,
            y = cy + dy;
          if (x < layout.map.x || x >= png.width || y < 0 || y >= png.height) continue;
          const [pr, pg, pb, pa] = png.pixel(x, y);
          if (pa === 255 && Math.abs(pr - r) <= 4 && Math.abs(pg - g) <= 4 && Math.abs(pb - b) <= 4) seen.add(y * png.width + x);
        }
      }
    }
  }
  return seen.size;
}

describe.each(['slide', 'social'] as StillSize[])('GET /routes/{id}/image.png?size=%s', (size) => {
  let res: Response;
  let png: Buffer;
  beforeAll(async () => {
    res = await get(route.id, `?size=${size}`);
    png = Buffer.from(await res.arrayBuffer());
  });

  it('is a PNG of exactly the requested size', () => {
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(pngSize(png)).toEqual(STILL_SIZES[size]);
  });

  it("shows every stage of the route on the map in its risk level's colour", () => {
    const decoded = decodePng(png);
    const layout = stillLayout(size, route.bbox as Bbox);
    const stages = atlas.features.filter((f) => f.properties.kind === 'stage' && f.properties.item === route.id);
    expect(stages.length).toBe(route.stages.length);
    for (const stage of stages) {
      const colour = RISK_LEVELS[stage.properties.level as RiskLevel].color;
      const line = stage.geometry!.coordinates as number[][];
      expect(pixelsOfColourAlong(decoded, layout, line, colour), `${stage.properties.stage} in ${colour}`).toBeGreaterThan(5);
    }
  });

  it('does not paint the route colour where the route is not (a map corner)', () => {
    const decoded = decodePng(png);
    const layout = stillLayout(size, route.bbox as Bbox);
    const corner = decoded.pixel(layout.map.x + 3, layout.height - 3);
    const colours = route.stages.map((s) => hexToRgb(RISK_LEVELS[s.level].color).join());
    expect(colours).not.toContain(corner.slice(0, 3).join());
  });

  it('names itself for saving and may be cached publicly', () => {
    expect(res.headers.get('cache-control')).toMatch(/^public/);
    expect(res.headers.get('content-disposition')).toBe(`inline; filename="escape-atlas-${route.id}-${size}.png"`);
  });
});

describe('the basemap of the still images', () => {
  it("is the live map's: a Tumen route's image draws the Tumen river where the map does", async () => {
    const tumen = (
      await Promise.all(atlas.features.filter((f) => f.properties.kind === 'route').map((f) => getRouteDetail(f.properties.item)))
    ).find((d) => d?.id.includes('tumen'))!;
    expect(tumen).toBeTruthy();
    const river = stillBasemap().features.find((f) => f.properties.layer === 'river' && f.properties.id === 'tumen')!;
    expect(river, 'the Tumen in the basemap').toBeTruthy();
    const lines = (
      river.geometry.type === 'LineString' ? [river.geometry.coordinates] : (river.geometry as MultiLineString).coordinates
    ) as number[][][];
    const res = await get(tumen.id, '?size=slide');
    const decoded = decodePng(Buffer.from(await res.arrayBuffer()));
    const layout = stillLayout('slide', tumen.bbox as Bbox);
    const riverBlue = lines.reduce((n, line) => n + pixelsOfColourAlong(decoded, layout, line, PALETTE.river, 2), 0);
    expect(riverBlue).toBeGreaterThan(30);
  });
});

describe('GET /image.png (all routes)', () => {
  it('defaults to the slide size and shows every risk level present in the atlas', async () => {
    const res = await allRoutesImage(new Request('http://localhost/image.png'));
    expect(res.status).toBe(200);
    const png = Buffer.from(await res.arrayBuffer());
    expect(pngSize(png)).toEqual(STILL_SIZES.slide);
    const decoded = decodePng(png);
    const layout = stillLayout('slide', [0, 0, 0, 0]);
    const lines = atlas.features.filter((f) => f.properties.kind === 'stage');
    // Every level some stage has is drawn somewhere on the map (not only in the legend).
    const levels = [...new Set(lines.map((f) => f.properties.level as RiskLevel))];
    for (const level of levels) {
      const [r, g, b] = hexToRgb(RISK_LEVELS[level].color);
      let count = 0;
      for (let y = 0; y < decoded.height; y += 1) {
        for (let x = layout.map.x; x < decoded.width; x += 1) {
          const [pr, pg, pb] = decoded.pixel(x, y);
          if (pr === r && pg === g && pb === b) count++;
        }
      }
      expect(count, `level ${level}`).toBeGreaterThan(50);
    }
  });

  it('refuses an unknown size with a 400 and a message', async () => {
    const res = await allRoutesImage(new Request('http://localhost/image.png?size=poster'));
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error).toBe('bad_request');
    expect(body.message).toMatch(/size=slide.*size=social/);
  });
});

describe('an event its source does not place (issue #20)', () => {
  it('still gets an image: the whole atlas, with nothing drawn for the event', async () => {
    const res = await get('yellow-sea-boat-2009', '?size=social');
    expect(res.status).toBe(200);
    expect(pngSize(Buffer.from(await res.arrayBuffer()))).toEqual(STILL_SIZES.social);
  });
});

describe('caching and validation', () => {
  it('gives the same strong ETag twice and answers If-None-Match with an empty 304', async () => {
    const first = await get(route.id, '?size=social');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const again = await get(route.id, '?size=social');
    expect(again.headers.get('etag')).toBe(etag);
    expect(Buffer.from(await again.arrayBuffer()).equals(Buffer.from(await first.arrayBuffer()))).toBe(true);
    const revalidated = await get(route.id, '?size=social', { 'If-None-Match': etag! });
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe('');
    expect((await get(route.id, '?size=social', { 'If-None-Match': '"something-else"' })).status).toBe(200);
  });

  it('gives different images (and tags) for the two sizes', async () => {
    const [slide, social] = await Promise.all([get(route.id, '?size=slide'), get(route.id, '?size=social')]);
    expect(slide.headers.get('etag')).not.toBe(social.headers.get('etag'));
  });

  it('renders byte-identical PNGs from the same data (deterministic, not just cached)', async () => {
    const input = { size: 'social' as const, basemap: stillBasemap(), atlas, focus: route };
    const render = async () =>
      Buffer.from(await new ImageResponse(stillImage(input, ['A publisher']).element, STILL_SIZES.social).arrayBuffer());
    expect((await render()).equals(await render())).toBe(true);
  });

  it('keeps the drawing small: the whole all-routes image is under 150 kB of markup', async () => {
    const { element } = stillImage({ size: 'slide', basemap: stillBasemap(), atlas, focus: null }, ['A publisher']);
    expect(renderToStaticMarkup(element).length).toBeLessThan(150_000);
  });

  it('answers an unknown id with a 404 JSON message', async () => {
    const res = await get('no-such-route');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'not_found', message: expect.stringContaining('no-such-route') });
  });

  it('answers a malformed id with a 400', async () => {
    const res = await get('Not_A_Slug');
    expect(res.status).toBe(400);
    expect((await res.json()).error).toBe('bad_request');
  });
});

describe('the "Sources:" line', () => {
  it('names the publishers of the sources the item cites, each once', async () => {
    const { sourceNames } = await import('@/lib/still/image');
    const names = sourceNames(route);
    const cited = route.stages.flatMap((s) =>
      s.annotations.flatMap((a) => a.citations.map((c) => c.source.publisher ?? c.source.author ?? c.source.title)),
    );
    expect(new Set(names)).toEqual(new Set(cited));
    expect(names.length).toBe(new Set(names).size);
    const markup = renderToStaticMarkup(stillImage({ size: 'slide', basemap: stillBasemap(), atlas, focus: route }, names).element);
    expect(markup).toContain(`Sources: ${names.join(', ')}`.replace(/&/g, '&amp;'));
  });
});
