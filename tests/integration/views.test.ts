// Issue #4: short share links. POST /api/views stores a view in a real SQLite file, /v/{id}
// redirects to it, only ever inside the app, and the links outlive the process's client.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAtlas, type Atlas } from '@/geo/atlas';
import { loadAtlas } from '@/geo/load';
import { POST } from '@/app/api/views/route';
import { GET as openShortLink } from '@/app/v/[id]/route';
import { createPrismaClient, disconnectPrisma, getPrisma } from '@/lib/data/db';
import { loadView, ROUTE_REMOVED_NOTICE } from '@/lib/share/short-view';
import { VIEW_BODY_LIMIT_BYTES, VIEW_LIMITS } from '@/lib/share/short-view-limits';
import { seed } from '@/prisma/seed';
import { ROOT } from '@/scripts/migrate.mjs';
import { copyGeo, freshDatabase } from './test-db';

let url: string;
let atlas: Atlas;
/** A route whose removal leaves a sound atlas, so it can be "removed later". */
let removable: string;
let kept: string;
let ipCounter = 0;
/** Each test writes from its own address so the per-client limit only bites where it is tested. */
const freshIp = () => `198.51.100.${++ipCounter}`;

beforeAll(async () => {
  // These requests stand for clients behind one proxy, which names them in X-Forwarded-For.
  process.env.TRUST_PROXY = '1';
  ({ url } = await freshDatabase('views'));
  atlas = loadAtlas(copyGeo('views'));
  await seed(getPrisma(), { atlas });
  const routes = atlas.features.filter((f) => f.properties.kind === 'route').map((f) => f.properties.id);
  removable = routes.find((id) => checkAtlas({ ...atlas, features: atlas.features.filter((f) => f.properties.id !== id) }).length === 0)!;
  kept = routes.find((id) => id !== removable)!;
  expect(removable).toBeTruthy();
});
afterAll(disconnectPrisma);

function post(body: unknown, init: { ip?: string; type?: string; raw?: BodyInit; headers?: Record<string, string> } = {}) {
  return POST(
    new Request('http://localhost/api/views', {
      method: 'POST',
      headers: { 'content-type': init.type ?? 'application/json', 'x-forwarded-for': init.ip ?? freshIp(), ...init.headers },
      body: init.raw ?? JSON.stringify(body),
      ...(init.raw instanceof ReadableStream ? { duplex: 'half' } : {}),
    } as RequestInit),
  );
}

function open(id: string, accept = 'text/html') {
  return openShortLink(new Request(`http://localhost/v/${id}`, { headers: { accept } }), { params: Promise.resolve({ id }) });
}

async function store(view: unknown): Promise<string> {
  const res = await post(view);
  expect(res.status, JSON.stringify(await res.clone().json())).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

describe('short link round trip', () => {
  it('stores a view and redirects /v/{id} to exactly that deep link', async () => {
    const res = await post({
      path: `/routes/${kept}`,
      query: { theme: 'dark', level: '3,4', q: 'river & sea', hazard: 'gunfire' },
      hash: '#6.25/42.41/129.93',
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { id: string; url: string };
    expect(body.id).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(body.url).toBe(`/v/${body.id}`);

    const redirect = await open(body.id);
    expect(redirect.status).toBe(307);
    // Query in the codec's fixed order, values encoded by URLSearchParams.
    expect(redirect.headers.get('location')).toBe(
      `/routes/${kept}?level=3%2C4&hazard=gunfire&q=river+%26+sea&theme=dark#6.25/42.41/129.93`,
    );
  });

  it('keeps the explorer and embed paths, and a view with no filters or camera', async () => {
    expect((await open(await store({ path: '/' }))).headers.get('location')).toBe('/');
    expect((await open(await store({ path: '/embed', query: { interactive: '0', legend: '0' } }))).headers.get('location')).toBe(
      '/embed?interactive=0&legend=0',
    );
    expect((await open(await store({ path: `/embed/${kept}`, hash: '' }))).headers.get('location')).toBe(`/embed/${kept}`);
  });

  it('drops query keys that are not view options instead of storing them', async () => {
    const id = await store({ path: '/', query: { theme: 'light', redirect: 'https://evil.example', next: '//evil.example' } });
    expect((await open(id)).headers.get('location')).toBe('/?theme=light');
  });

  it('gives every stored view its own id', async () => {
    const ids = await Promise.all([1, 2, 3].map(() => store({ path: '/' })));
    expect(new Set(ids).size).toBe(3);
  });
});

describe('persistence', () => {
  it('survives a new database client: the row is on disk, not in the process', async () => {
    const id = await store({ path: `/routes/${kept}`, query: { stage: 'xy' } });
    await disconnectPrisma();
    const other = createPrismaClient(url);
    try {
      expect(await loadView(other, id)).toEqual({ path: `/routes/${kept}`, query: { stage: 'xy' }, hash: '' });
    } finally {
      await other.$disconnect();
    }
    // The app's own client is re-created on first use and finds it too.
    expect((await open(id)).headers.get('location')).toBe(`/routes/${kept}?stage=xy`);
  });
});

describe('foreign targets are refused', () => {
  it.each([
    '//evil.com',
    'https://evil.com',
    '/\\evil.com',
    'javascript:alert(1)',
    '/routes/../../evil',
    '/routes/x/../../..//evil.com',
    '/%2F%2Fevil.com',
    ' /',
    '/about',
    `/routes/${'a'.repeat(81)}`,
  ])('POST refuses the path %j with a 400', async (path) => {
    const res = await post({ path });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'bad_request', message: expect.stringContaining('path') });
  });

  it('never redirects off-site, even for a row written past the API', async () => {
    for (const [i, path] of ['//evil.com', 'https://evil.com', '/\\evil.com', 'javascript:alert(1)'].entries()) {
      const id = `forged-id-0${i}`;
      await getPrisma().shortView.create({ data: { id, state: { v: 1, path, query: {}, hash: '' } } });
      const res = await open(id);
      expect(res.status).toBe(404);
      expect(res.headers.get('location')).toBeNull();
    }
  });

  it('cannot smuggle a target through a query value or the hash', async () => {
    const id = await store({ path: '/', query: { q: '?x=1#//evil.com' } });
    const location = (await open(id)).headers.get('location')!;
    expect(location.startsWith('/?')).toBe(true);
    expect(new URL(location, 'http://self.test').origin).toBe('http://self.test');
    expect((await post({ path: '/', hash: '#//evil.com' })).status).toBe(400);
    expect((await post({ path: '/', hash: '#6/42/129/0/0/evil' })).status).toBe(400);
  });

  it('refuses a view naming an item that does not exist', async () => {
    const res = await post({ path: '/routes/no-such-route' });
    expect(res.status).toBe(400);
    expect((await res.json()).message).toContain('no-such-route');
  });
});

describe('bad input gets a 4xx with a message', () => {
  it('415 for a body that is not declared JSON', async () => {
    const res = await post({ path: '/' }, { type: 'text/plain' });
    expect(res.status).toBe(415);
    expect((await res.json()).message).toMatch(/application\/json/);
  });

  it('413 for a body over 4 KB, declared or streamed without a length', async () => {
    const big = JSON.stringify({ path: '/', query: { q: 'x'.repeat(5000) } });
    const declared = await post(null, { raw: big, headers: { 'content-length': String(big.length) } });
    expect(declared.status).toBe(413);
    const stream = new ReadableStream({
      start(c) {
        for (let i = 0; i < 5; i++) c.enqueue(new TextEncoder().encode('x'.repeat(1000)));
        c.close();
      },
    });
    const streamed = await post(null, { raw: stream });
    expect(streamed.status).toBe(413);
    expect((await streamed.json()).error).toBe('payload_too_large');
  });

  it('400 for malformed JSON', async () => {
    const res = await post(null, { raw: '{"path": "/",' });
    expect(res.status).toBe(400);
    expect((await res.json()).message).toMatch(/not valid JSON/);
  });

  it.each([
    [{}, 'path'],
    [{ path: '/', query: { theme: 'neon' } }, 'query.theme'],
    [{ path: '/', query: { interactive: 'no' } }, 'query.interactive'],
    [{ path: '/', query: { q: 'a\u0000b' } }, 'query.q'],
    [{ path: '/', hash: '#99/0/0' }, 'hash'],
    [{ path: '/', hash: '6/42/129' }, 'hash'],
    [{ path: '/', extra: 1 }, 'extra'],
    [[], '(body)'],
  ])('400 for the view %j, naming %s', async (view, where) => {
    const res = await post(view);
    expect(res.status).toBe(400);
    expect((await res.json()).message).toContain(where);
  });
});

describe('rate limit', () => {
  it('allows 30 short links per address per 10 minutes, then answers 429 with Retry-After', async () => {
    const ip = '203.0.113.7';
    for (let i = 0; i < 30; i++) expect((await post({ path: '/' }, { ip })).status).toBe(201);
    const refused = await post({ path: '/' }, { ip });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(600);
    expect(await refused.json()).toEqual({ error: 'rate_limited', message: expect.stringMatching(/Too many short links/) });
    // Another client is not affected.
    expect((await post({ path: '/' }, { ip: '203.0.113.8' })).status).toBe(201);
  });

  it('counts the address the nearest proxy saw, not what the client put first', async () => {
    const ip = '203.0.113.9';
    for (let i = 0; i < 30; i++) expect((await post({ path: '/' }, { ip: `10.0.0.${i}, ${ip}` })).status).toBe(201);
    expect((await post({ path: '/' }, { ip: `10.9.9.9, ${ip}` })).status).toBe(429);
  });
});

describe('views of removed routes and unknown links', () => {
  it('opens the map at the same place with the route-removed notice, and so does an embed', async () => {
    const id = await store({ path: `/routes/${removable}`, query: { stage: 'some-stage', theme: 'dark' }, hash: '#7/41.5/128.2' });
    const embedId = await store({ path: `/embed/${removable}`, query: { legend: '0' } });
    await seed(getPrisma(), { atlas: { ...atlas, features: atlas.features.filter((f) => f.properties.id !== removable) } });
    try {
      const res = await open(id);
      expect(res.status).toBe(307);
      expect(res.headers.get('location')).toBe(`/?theme=dark&${ROUTE_REMOVED_NOTICE.key}=${ROUTE_REMOVED_NOTICE.value}#7/41.5/128.2`);
      expect((await open(embedId)).headers.get('location')).toBe('/embed?legend=0&notice=route-removed');
    } finally {
      await seed(getPrisma(), { atlas });
    }
    // Back in the atlas, the same link opens the route again.
    expect((await open(id)).headers.get('location')).toBe(`/routes/${removable}?stage=some-stage&theme=dark#7/41.5/128.2`);
  });

  it('answers an unknown id with a friendly 404 page', async () => {
    const res = await open('AAAAAAAAAAAA');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('This share link does not exist');
    expect(html).toContain('href="/"');
  });

  it('answers JSON to a client that asks for it, and 404s a malformed id without a lookup', async () => {
    const res = await open('AAAAAAAAAAAA', 'application/json');
    expect(res.status).toBe(404);
    expect((await res.json()).error).toBe('not_found');
    expect((await open('..%2F..%2Fetc')).status).toBe(404);
    expect((await open('x'.repeat(500))).status).toBe(404);
  });
});

// Issue 19: the README documents the body exactly, with an example that works, and prints the
// limits lib/share/short-view-limits.ts states.
describe('the README on POST /api/views', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### POST /api/views'), readme.indexOf('## Running it'));

  it('has a curl example whose body the API stores, and whose link opens the view it names', async () => {
    const example = /curl [^`]*?-d '([^']+)'/.exec(section);
    expect(example).not.toBeNull();
    const res = await post(undefined, { raw: example![1] });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const body = JSON.parse(example![1]) as { path: string };
    expect((await open(id)).headers.get('location')).toMatch(new RegExp(`^${body.path}\\?`));
  });

  it('says query is an object, and a client sending it as a string gets a 400 naming it', async () => {
    expect(section).toMatch(/`query` \| \*\*object\*\* \(not a query string\)/);
    const res = await post({ path: '/', query: 'level=4' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toMatch(/query:/);
  });

  it('prints the limits the code enforces', () => {
    expect(section).toContain(`| per client, in a ${VIEW_LIMITS.windowMinutes}-minute window | ${VIEW_LIMITS.perClient} links |`);
    expect(section).toContain(`| everyone together, in a ${VIEW_LIMITS.windowMinutes}-minute window | ${VIEW_LIMITS.overall} links |`);
    expect(section).toContain(`| its first ${VIEW_LIMITS.shareWhenBusy} links of the window |`);
    expect(section).toContain(`at most ${VIEW_BODY_LIMIT_BYTES} bytes`);
  });
});
