// Issues #6 and #15: the caching reverse proxy in front of Next.js (scripts/http-cache.mjs) asks
// its upstream with real HTTP requests and sends again only what the app declares shareable, no
// older than its limit, byte for byte as the upstream sent it, compressed by the same middleware
// Next.js uses.
import http from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { SHARED_DATA } from '@/lib/http/cache-policy';
import { codingFor, createCachingProxy, forwardedHeaders, sharedFreshness } from '../../scripts/http-cache.mjs';

type Middleware = (req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => void;
// The compression middleware `next start` and scripts/server.mjs run (next/dist/server/lib/router-server.js).
const compression = createRequire(import.meta.url)('next/dist/compiled/compression') as () => Middleware;

const SHARED = SHARED_DATA;
// What Next.js sends with a /_next/static file, and the app with maplibre-gl's versioned files.
const IMMUTABLE = 'public, max-age=31536000, immutable';
const BODY = JSON.stringify({
  type: 'FeatureCollection',
  features: Array.from({ length: 200 }, (_, i) => ({ id: i, name: `feature ${i}` })),
});

interface Answer {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
}

type ProxyOptions = Omit<Parameters<typeof createCachingProxy>[0], 'upstream'>;
type Proxy = ReturnType<typeof createCachingProxy>;

/** Listen on a free loopback port; closed after each test. */
async function listen(server: http.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return (server.address() as AddressInfo).port;
}

/** The proxy on its own port in front of `upstream`. */
async function front(upstream: http.Server, options: ProxyOptions = {}) {
  const port = await listen(upstream);
  const cache = createCachingProxy({ upstream: { host: '127.0.0.1', port }, ...options });
  proxies.push(cache);
  const origin = `http://127.0.0.1:${await listen(http.createServer((req, res) => cache.handle(req, res)))}`;
  return { cache, origin };
}

/** A stand-in for Next.js: Next's own compression middleware, then `answer` for the request. */
async function serve(options: ProxyOptions, answer: (req: http.IncomingMessage, call: number) => Answer) {
  const compress = compression();
  let calls = 0;
  const upstream = http.createServer((req, res) => {
    calls++;
    compress(req, res, () => {});
    const a = answer(req, calls);
    res.writeHead(a.status ?? 200, { 'content-type': 'application/json', 'cache-control': SHARED, etag: '"v1"', ...a.headers });
    // Two writes, as a streamed body arrives.
    const body = a.body ?? BODY;
    res.write(body.slice(0, 100));
    res.end(body.slice(100));
  });
  const { cache, origin } = await front(upstream, options);
  return { cache, origin, calls: () => calls };
}

const servers: http.Server[] = [];
const proxies: Proxy[] = [];
afterEach(async () => {
  for (const p of proxies.splice(0)) p.close();
  for (const s of servers) s.closeAllConnections();
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

interface Got {
  status: number;
  headers: http.IncomingHttpHeaders;
  raw: Buffer;
  text: string;
}

function get(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Got> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        const text = res.headers['content-encoding'] === 'gzip' && raw.length ? zlib.gunzipSync(raw).toString() : raw.toString();
        resolve({ status: res.statusCode ?? 0, headers: res.headers, raw, text });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

const GZIP = { 'accept-encoding': 'gzip, deflate, br, zstd' };

describe('sharedFreshness', () => {
  it('reads s-maxage from public responses only', () => {
    expect(sharedFreshness(SHARED)).toEqual({ seconds: 60, immutable: false });
    expect(sharedFreshness('public, s-maxage="5"')).toEqual({ seconds: 5, immutable: false });
    expect(sharedFreshness('s-maxage=60')).toBeNull();
    expect(sharedFreshness('public, max-age=60')).toBeNull();
    expect(sharedFreshness('public, s-maxage=60, private')).toBeNull();
    expect(sharedFreshness('public, s-maxage=60, no-store')).toBeNull();
    expect(sharedFreshness('public, s-maxage=0')).toBeNull();
    expect(sharedFreshness(undefined)).toBeNull();
  });

  it('takes max-age for an immutable public response (a versioned file)', () => {
    expect(sharedFreshness(IMMUTABLE)).toEqual({ seconds: 31536000, immutable: true });
    expect(sharedFreshness('public, max-age=600, s-maxage=60, immutable')).toEqual({ seconds: 60, immutable: true });
    expect(sharedFreshness('max-age=31536000, immutable')).toBeNull();
    expect(sharedFreshness('public, max-age=0, immutable')).toBeNull();
    expect(sharedFreshness('public, immutable')).toBeNull();
    expect(sharedFreshness('public, max-age=31536000, immutable, no-cache')).toBeNull();
  });
});

describe('codingFor', () => {
  it('predicts the compression middleware only when it is certain', () => {
    expect(codingFor('gzip, deflate, br, zstd')).toBe('gzip');
    expect(codingFor(undefined)).toBe('identity');
    expect(codingFor('br')).toBe('identity');
    expect(codingFor('deflate')).toBeNull();
    expect(codingFor('*')).toBeNull();
    expect(codingFor('gzip;q=0, identity')).toBeNull();
  });
});

describe('createCachingProxy', () => {
  it('answers a repeat request from memory with the same bytes, compressed once, with an Age', async () => {
    const app = await serve({}, () => ({}));
    const first = await get(`${app.origin}/api/routes`, GZIP);
    const second = await get(`${app.origin}/api/routes`, GZIP);
    expect(app.calls()).toBe(1);
    expect(first.headers['content-encoding']).toBe('gzip');
    expect(second.headers['content-encoding']).toBe('gzip');
    expect(second.raw.equals(first.raw)).toBe(true);
    expect(JSON.parse(second.text)).toEqual(JSON.parse(BODY));
    expect(second.headers.age).toBe('0');
    expect(second.headers['content-length']).toBe(String(second.raw.length));
    expect(second.headers['cache-control']).toBe(SHARED);
    expect(first.headers.age).toBeUndefined();
  });

  it('keeps gzip and uncompressed answers apart', async () => {
    const app = await serve({}, () => ({}));
    await get(`${app.origin}/a`, GZIP);
    const plain = await get(`${app.origin}/a`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.text).toBe(BODY);
    expect(app.calls()).toBe(2);
    const again = await get(`${app.origin}/a`);
    expect(again.text).toBe(BODY);
    expect(app.calls()).toBe(2);
  });

  it('answers If-None-Match with 304 and no body', async () => {
    const app = await serve({}, () => ({}));
    await get(`${app.origin}/a`, GZIP);
    const revalidated = await get(`${app.origin}/a`, { ...GZIP, 'if-none-match': 'W/"v1"' });
    expect(revalidated.status).toBe(304);
    expect(revalidated.raw.length).toBe(0);
    expect(revalidated.headers.etag).toBe('"v1"');
    expect(app.calls()).toBe(1);
    expect((await get(`${app.origin}/a`, { ...GZIP, 'if-none-match': '"v0"' })).status).toBe(200);
  });

  it('never keeps what may not be shared', async () => {
    const cases: Array<[string, Answer]> = [
      ['private', { headers: { 'cache-control': 'private, max-age=60' } }],
      ['no s-maxage', { headers: { 'cache-control': 'public, max-age=60' } }],
      ['not found', { status: 404 }],
      ['a cookie', { headers: { 'set-cookie': 'a=b' } }],
      ['vary *', { headers: { vary: '*' } }],
    ];
    for (const [name, answer] of cases) {
      const app = await serve({}, () => answer);
      const cache = app.cache;
      await get(`${app.origin}/x`, GZIP);
      await get(`${app.origin}/x`, GZIP);
      expect(app.calls(), name).toBe(2);
      expect(cache.size(), name).toBe(0);
    }
  });

  it('passes on POSTs and weighted Accept-Encoding untouched', async () => {
    const app = await serve({}, () => ({}));
    const cache = app.cache;
    await get(`${app.origin}/x`, GZIP, 'POST');
    await get(`${app.origin}/x`, GZIP, 'POST');
    await get(`${app.origin}/y`, { 'accept-encoding': 'gzip;q=0.5, br' });
    await get(`${app.origin}/y`, { 'accept-encoding': 'gzip;q=0.5, br' });
    expect(app.calls()).toBe(4);
    expect(cache.size()).toBe(0);
  });

  it('keeps one entry per value of a header the answer Varies on', async () => {
    const app = await serve({}, (req) => ({
      headers: { vary: 'rsc, Accept-Encoding' },
      body: `{"rsc":"${req.headers.rsc ?? ''}"}`,
    }));
    expect((await get(`${app.origin}/v`, GZIP)).text).toBe('{"rsc":""}');
    expect((await get(`${app.origin}/v`, { ...GZIP, rsc: '1' })).text).toBe('{"rsc":"1"}');
    expect((await get(`${app.origin}/v`, GZIP)).text).toBe('{"rsc":""}');
    expect(app.calls()).toBe(2);
  });

  it('refreshes after maxAgeMs, and forgets an answer that is no longer shareable', async () => {
    let clock = 0;
    let version = 1;
    let status = 200;
    const app = await serve({ maxAgeMs: 1000, now: () => clock }, () => ({
      status,
      body: `{"version":${version}}`,
      headers: { etag: `"v${version}"` },
    }));
    expect((await get(`${app.origin}/d`)).text).toBe('{"version":1}');
    version = 2;
    clock = 999;
    expect((await get(`${app.origin}/d`)).text).toBe('{"version":1}');
    expect(app.calls()).toBe(1);
    clock = 1000;
    expect((await get(`${app.origin}/d`)).text).toBe('{"version":2}');
    expect((await get(`${app.origin}/d`)).text).toBe('{"version":2}');
    expect(app.calls()).toBe(2);
    status = 404;
    clock = 2500;
    expect((await get(`${app.origin}/d`)).status).toBe(404);
    expect((await get(`${app.origin}/d`)).status).toBe(404);
    expect(app.calls()).toBe(4);
    expect(app.cache.size()).toBe(0);
  });

  it('keeps an immutable answer for its max-age, not maxAgeMs, and still forgets it when it stops being one', async () => {
    let clock = 0;
    let cacheControl = IMMUTABLE;
    const app = await serve({ maxAgeMs: 1000, now: () => clock }, (_req, call) => ({
      headers: { 'cache-control': cacheControl },
      body: `{"call":${call}}`,
    }));
    expect((await get(`${app.origin}/_next/static/chunks/a.js`, GZIP)).text).toBe('{"call":1}');
    clock = 3_600_000;
    const later = await get(`${app.origin}/_next/static/chunks/a.js`, GZIP);
    expect(later.text).toBe('{"call":1}');
    expect(later.headers.age).toBe('3600');
    expect(later.headers['cache-control']).toBe(IMMUTABLE);
    expect(app.calls()).toBe(1);
    // Past its max-age it is asked for again; an answer that is no longer immutable is held to maxAgeMs.
    clock = 31_536_000_000;
    cacheControl = 'public, max-age=0, s-maxage=60';
    expect((await get(`${app.origin}/_next/static/chunks/a.js`, GZIP)).text).toBe('{"call":2}');
    clock += 1000;
    expect((await get(`${app.origin}/_next/static/chunks/a.js`, GZIP)).text).toBe('{"call":3}');
    expect(app.calls()).toBe(3);
  });

  it('serves the stale copy to others while one request refreshes it', async () => {
    let clock = 0;
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    let calls = 0;
    const upstream = http.createServer(async (req, res) => {
      const call = ++calls;
      if (call === 2) await gate;
      res.writeHead(200, { 'cache-control': SHARED, 'content-type': 'text/plain' }).end(`call ${call}`);
    });
    const url = `${(await front(upstream, { maxAgeMs: 1000, now: () => clock })).origin}/s`;
    expect((await get(url)).text).toBe('call 1');
    clock = 5000;
    const refreshing = get(url);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const meanwhile = await get(url);
    expect(meanwhile.text).toBe('call 1');
    expect(meanwhile.headers.age).toBe('5');
    release();
    expect((await refreshing).text).toBe('call 2');
    expect((await get(url)).text).toBe('call 2');
    expect(calls).toBe(2);
  });

  it('holds at most maxEntries, dropping the oldest, and no body over maxBodyBytes', async () => {
    const app = await serve({ maxEntries: 2, maxBodyBytes: BODY.length - 1 }, (req) => ({
      body: req.url === '/big' ? BODY : `{"url":"${req.url}"}`,
    }));
    for (const path of ['/1', '/2', '/3', '/big']) await get(app.origin + path);
    expect(app.cache.size()).toBe(2);
    await get(`${app.origin}/3`);
    expect(app.calls()).toBe(4);
    await get(`${app.origin}/1`);
    await get(`${app.origin}/big`);
    expect(app.calls()).toBe(6);
  });

  it('holds at most maxTotalBytes in all, dropping the oldest', async () => {
    const app = await serve({ maxTotalBytes: 2 * BODY.length + 10 }, () => ({}));
    const cache = app.cache;
    for (const path of ['/1', '/2', '/3']) await get(app.origin + path);
    expect(cache.size()).toBe(2);
    await get(`${app.origin}/3`);
    await get(`${app.origin}/2`);
    expect(app.calls()).toBe(3);
    await get(`${app.origin}/1`);
    expect(app.calls()).toBe(4);
  });

  it('passes a POST through with its body, status and cookies, and keeps none of it', async () => {
    const seen: Array<{ method?: string; body: string; forwardedFor?: string | string[]; connection?: string }> = [];
    const upstream = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seen.push({ method: req.method, body: Buffer.concat(chunks).toString(), forwardedFor: req.headers['x-forwarded-for'] });
        res.writeHead(201, { location: '/v/abc', 'set-cookie': ['a=1', 'b=2'], 'cache-control': 'no-store' }).end('{"id":"abc"}');
      });
    });
    const { cache, origin } = await front(upstream);
    const answer = await new Promise<Got>((resolve, reject) => {
      const req = http.request(
        `${origin}/api/views`,
        { method: 'POST', agent: false, headers: { 'content-type': 'application/json' } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              raw: Buffer.concat(chunks),
              text: Buffer.concat(chunks).toString(),
            }),
          );
        },
      );
      req.on('error', reject);
      req.end('{"path":"/"}');
    });
    expect(answer.status).toBe(201);
    expect(answer.headers.location).toBe('/v/abc');
    expect(answer.headers['set-cookie']).toEqual(['a=1', 'b=2']);
    expect(answer.text).toBe('{"id":"abc"}');
    expect(seen).toEqual([{ method: 'POST', body: '{"path":"/"}', forwardedFor: '127.0.0.1' }]);
    expect(cache.size()).toBe(0);
  });

  it('answers 502 when the upstream cannot be reached', async () => {
    const probe = http.createServer();
    const port = await listen(probe);
    await new Promise((resolve) => probe.close(resolve));
    const cache = createCachingProxy({ upstream: { host: '127.0.0.1', port } });
    proxies.push(cache);
    const origin = `http://127.0.0.1:${await listen(http.createServer((req, res) => cache.handle(req, res)))}`;
    const down = await get(`${origin}/api/routes`);
    expect(down.status).toBe(502);
    expect(down.headers['cache-control']).toBe('no-store');
    expect(cache.stats.upstreamErrors).toBe(1);
  });

  it("refreshes a stale copy with the upstream's 304 instead of forgetting it", async () => {
    let clock = 0;
    const app = await serve({ maxAgeMs: 1000, now: () => clock }, (req) =>
      req.headers['if-none-match'] === '"v1"' ? { status: 304, body: '' } : {},
    );
    await get(`${app.origin}/r`, GZIP);
    clock = 5000;
    expect((await get(`${app.origin}/r`, { ...GZIP, 'if-none-match': '"v1"' })).status).toBe(304);
    expect(app.calls()).toBe(2);
    const fromCopy = await get(`${app.origin}/r`, GZIP);
    expect(fromCopy.status).toBe(200);
    expect(fromCopy.headers.age).toBe('0');
    expect(app.calls()).toBe(2);
  });

  it('keeps nothing when maxAgeMs is 0', async () => {
    const app = await serve({ maxAgeMs: 0 }, () => ({}));
    await get(`${app.origin}/a`, GZIP);
    await get(`${app.origin}/a`, GZIP);
    expect(app.calls()).toBe(2);
    expect(app.cache.size()).toBe(0);
  });
});

describe('forwardedHeaders', () => {
  it("names the client as Next.js would, keeps a proxy's X-Forwarded-For, and drops hop-by-hop headers", () => {
    expect(forwardedHeaders({ host: 'a', connection: 'keep-alive', 'keep-alive': 'timeout=5' }, '10.0.0.1')).toEqual({
      host: 'a',
      'x-forwarded-for': '10.0.0.1',
    });
    expect(forwardedHeaders({ 'x-forwarded-for': '203.0.113.9' }, '127.0.0.1')).toEqual({ 'x-forwarded-for': '203.0.113.9' });
  });
});
