// Issue #4: oEmbed 1.0 for the atlas's own pages, answered by the real handler from a real
// seeded SQLite file, and checked against the spec (https://oembed.com, sections 2.3–2.4).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GET } from '@/app/api/oembed/route';
import { GET as routeImage } from '@/app/routes/[slug]/image.png/route';
import { disconnectPrisma, getPrisma } from '@/lib/data/db';
import { getMapCollection, getRouteDetail } from '@/lib/data/queries';
import { seed } from '@/prisma/seed';
import { pngSize } from './png';
import { copyGeo, freshDatabase } from './test-db';

const ORIGIN = 'http://localhost:3000';
let slug: string;
let routeName: string;

beforeAll(async () => {
  await freshDatabase('oembed');
  await seed(getPrisma(), { dir: copyGeo('oembed') });
  slug = (await getMapCollection()).features.find((f) => f.properties.kind === 'route')!.properties.item;
  routeName = (await getRouteDetail(slug))!.name.en;
});
afterAll(disconnectPrisma);
afterEach(() => {
  delete process.env.APP_ORIGIN;
});

function oembed(params: Record<string, string>, origin = ORIGIN) {
  return GET(new Request(`${origin}/api/oembed?${new URLSearchParams(params)}`));
}

/** The response rules of oEmbed 1.0 for type "rich", whatever the provider. */
function expectSpecCompliant(body: Record<string, unknown>) {
  expect(body.type).toBe('rich');
  expect(body.version).toBe('1.0');
  expect(typeof body.html).toBe('string');
  for (const key of ['width', 'height'] as const) {
    expect(Number.isInteger(body[key]), key).toBe(true);
    expect(body[key] as number).toBeGreaterThan(0);
  }
  for (const key of ['title', 'provider_name', 'provider_url'] as const) if (key in body) expect(typeof body[key]).toBe('string');
  // thumbnail_url, _width and _height come all together or not at all.
  const thumb = ['thumbnail_url', 'thumbnail_width', 'thumbnail_height'].filter((k) => k in body);
  expect([0, 3]).toContain(thumb.length);
}

const iframeSrc = (html: string) => {
  const src = /^<iframe [^<>]*src="([^"]*)"[^<>]*><\/iframe>$/.exec(html)?.[1];
  if (src === undefined) throw new Error(`not one iframe: ${html}`);
  return src.replace(/&amp;/g, '&');
};

describe('GET /api/oembed for a route page', () => {
  it('answers a rich embed with an iframe to /embed/{id}, sized 800×450, with a thumbnail', async () => {
    const res = await oembed({ url: `${ORIGIN}/routes/${slug}`, format: 'json' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = await res.json();
    expectSpecCompliant(body);
    expect(body).toMatchObject({
      title: routeName,
      provider_name: 'Escape Atlas',
      provider_url: `${ORIGIN}/`,
      width: 800,
      height: 450,
      thumbnail_url: `${ORIGIN}/routes/${slug}/image.png?size=social`,
      thumbnail_width: 1200,
      thumbnail_height: 630,
    });
    expect(iframeSrc(body.html)).toBe(`${ORIGIN}/embed/${slug}`);
    expect(body.html).toContain('width="800" height="450"');
    expect(body.html).toMatch(/title="[^"]+"/);
  });

  it('names a thumbnail that really is a 1200×630 PNG', async () => {
    const body = await (await oembed({ url: `${ORIGIN}/routes/${slug}` })).json();
    const thumb = new URL(body.thumbnail_url);
    const res = await routeImage(new Request(thumb), { params: Promise.resolve({ slug }) });
    expect(res.status).toBe(200);
    expect(pngSize(Buffer.from(await res.arrayBuffer()))).toEqual({ width: body.thumbnail_width, height: body.thumbnail_height });
  });

  it('carries view options and the camera into the frame, and nothing else', async () => {
    const page = `${ORIGIN}/routes/${slug}?theme=dark&utm_source=x&legend=0&interactive=maybe#6.5/42.1/129.8`;
    const body = await (await oembed({ url: page })).json();
    expect(iframeSrc(body.html)).toBe(`${ORIGIN}/embed/${slug}?legend=0&theme=dark#6.5/42.1/129.8`);
  });

  it('accepts embed URLs themselves and a trailing slash', async () => {
    expect(iframeSrc((await (await oembed({ url: `${ORIGIN}/embed/${slug}` })).json()).html)).toBe(`${ORIGIN}/embed/${slug}`);
    expect(iframeSrc((await (await oembed({ url: `${ORIGIN}/routes/${slug}/` })).json()).html)).toBe(`${ORIGIN}/embed/${slug}`);
  });
});

describe('GET /api/oembed for the explorer', () => {
  it.each(['/', '/embed', '/?hazard=gunfire'])('embeds all routes for %s', async (path) => {
    const body = await (await oembed({ url: `${ORIGIN}${path}` })).json();
    expectSpecCompliant(body);
    expect(body.title).toBe('Routes out of North Korea');
    expect(iframeSrc(body.html)).toBe(`${ORIGIN}/embed${path.includes('hazard') ? '?hazard=gunfire' : ''}`);
    expect(body.thumbnail_url).toBe(`${ORIGIN}/image.png?size=social`);
  });
});

describe('maxwidth and maxheight', () => {
  it.each([
    [{ maxwidth: '400' }, 400, 225],
    [{ maxheight: '200' }, 356, 200],
    [{ maxwidth: '1000', maxheight: '1000' }, 800, 450],
    [{ maxwidth: '640', maxheight: '300' }, 533, 300],
  ])('%j gives a %i×%i frame that fits', async (max, width, height) => {
    const body = await (await oembed({ url: `${ORIGIN}/routes/${slug}`, ...max })).json();
    expectSpecCompliant(body);
    expect([body.width, body.height]).toEqual([width, height]);
    expect(body.html).toContain(`width="${width}" height="${height}"`);
  });

  it('leaves out the thumbnail when it would exceed the maximum (the spec requires it to fit)', async () => {
    const body = await (await oembed({ url: `${ORIGIN}/routes/${slug}`, maxwidth: '600' })).json();
    expectSpecCompliant(body);
    expect(body.thumbnail_url).toBeUndefined();
  });

  it('refuses a maximum too small for a usable map with a 400', async () => {
    const res = await oembed({ url: `${ORIGIN}/routes/${slug}`, maxwidth: '100' });
    expect(res.status).toBe(400);
    expect((await res.json()).message).toMatch(/at least 240/);
  });
});

describe('origins', () => {
  it('uses the configured public origin (APP_ORIGIN) for a URL on it', async () => {
    process.env.APP_ORIGIN = 'https://atlas.example';
    const body = await (await oembed({ url: `https://atlas.example/routes/${slug}` }, 'http://127.0.0.1:3000')).json();
    expect(iframeSrc(body.html)).toBe(`https://atlas.example/embed/${slug}`);
    expect(body.provider_url).toBe('https://atlas.example/');
  });

  it.each([
    'https://evil.example/routes/x',
    'http://localhost:3001/routes/x',
    'javascript:alert(1)',
    '/routes/tumen',
    `${ORIGIN}/sources`,
    `${ORIGIN}/about`,
    `${ORIGIN}/api/routes`,
    `${ORIGIN}//evil.example/`,
    `${ORIGIN}/routes/a/b`,
  ])('answers 404 for %s, which is not an embeddable page of ours', async (url) => {
    const res = await oembed({ url });
    expect(res.status).toBe(404);
    expect((await res.json()).error).toBe('not_found');
  });

  it('answers 404 for a route id that does not exist', async () => {
    const res = await oembed({ url: `${ORIGIN}/routes/no-such-route` });
    expect(res.status).toBe(404);
    expect((await res.json()).message).toContain('no-such-route');
  });
});

describe('bad requests', () => {
  it('501 for format=xml (and any format but json)', async () => {
    for (const format of ['xml', 'yaml']) {
      const res = await oembed({ url: `${ORIGIN}/routes/${slug}`, format });
      expect(res.status).toBe(501);
      expect((await res.json()).message).toMatch(/format=json/);
    }
  });

  it.each([
    [{}, 'url'],
    [{ url: '' }, 'url'],
    [{ url: `${ORIGIN}/`, maxwidth: 'wide' }, 'maxwidth'],
    [{ url: `${ORIGIN}/`, maxheight: '-5' }, 'maxheight'],
    [{ url: `${ORIGIN}/`, maxwidth: '1.5' }, 'maxwidth'],
    [{ url: 'x'.repeat(3000) }, 'url'],
  ])('400 for %j, naming %s', async (params, where) => {
    const res = await oembed(params as Record<string, string>);
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error).toBe('bad_request');
    expect(body.message).toContain(where);
  });
});
