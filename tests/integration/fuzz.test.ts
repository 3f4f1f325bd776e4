// Issue #5: every route handler and the URL parser take random and hostile input (overlong
// strings, odd Unicode, NaN and Infinity, path tricks, JSON bombs) without a 500, without a
// throw, always answering a 4xx as JSON with a message, and never storing a script.
// Handlers are imported and called with real Requests against a real, seeded SQLite file.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/data/api-schema';
import { disconnectPrisma, getPrisma } from '@/lib/data/db';
import { seed } from '@/prisma/seed';
import en from '@/messages/en.json';
import { copyGeo, dumpTables, freshDatabase } from './test-db';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ORIGIN = 'http://localhost:3000';
/** Runs per property: enough to meet the odd cases, small enough for the whole file to take seconds. */
const RUNS = 150;

/** Every route handler the app has, by file. A new one must be added here (see the last test). */
const HANDLERS = {
  routes: 'app/api/routes/route.ts',
  route: 'app/api/routes/[slug]/route.ts',
  sources: 'app/api/sources/route.ts',
  export: 'app/api/export/route.ts',
  views: 'app/api/views/route.ts',
  oembed: 'app/api/oembed/route.ts',
  shortLink: 'app/v/[id]/route.ts',
  atlasImage: 'app/image.png/route.ts',
  routeImage: 'app/routes/[slug]/image.png/route.ts',
  tourImage: 'app/tour/[id]/image.png/route.ts',
  mapWorker: 'app/maplibre-gl-worker.mjs/route.ts',
  mapLibrary: 'app/maplibre-gl.mjs/route.ts',
  mapSprite: 'app/map-sprite/[file]/route.ts',
} as const;
const VIEW_STATE = 'lib/view/view-state.ts';

const exists = (rel: string) => fs.existsSync(path.join(ROOT, rel));
for (const rel of [...Object.values(HANDLERS), VIEW_STATE]) {
  if (!exists(rel)) console.warn(`[fuzz] skipping ${rel}: the file does not exist yet`);
}

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
async function handler(rel: string, method: 'GET' | 'POST' = 'GET'): Promise<Handler> {
  const mod = (await import(/* @vite-ignore */ pathToFileURL(path.join(ROOT, rel)).href)) as Record<string, Handler>;
  return mod[method];
}
const params = (p: Record<string, string> = {}) => ({ params: Promise.resolve(p) });

// ---------------------------------------------------------------------------------------------
// Hostile input

const NASTY = [
  '',
  ' ',
  '\u0000',
  '%00',
  'a%00b',
  '..',
  '../',
  '../../../../etc/passwd',
  '..%2f..%2fetc%2fpasswd',
  '%2e%2e',
  '%2e%2e%2f',
  '%252e%252e%252f',
  '....//',
  '/\\evil.example',
  '//evil.example',
  'https://evil.example/',
  'javascript:alert(1)',
  '<script>alert(1)</script>',
  '"><svg onload=alert(1)>',
  '\'; DROP TABLE "Item"; --',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'NaN',
  'Infinity',
  '-Infinity',
  '-0',
  '1e309',
  '-1e309',
  '0x1F',
  '1_000',
  '9'.repeat(400),
  '\u202Etumen-crossing-to-yanbian',
  'tumen\u200B-crossing',
  '\uFEFFtumen',
  '\uD800',
  '\uDFFF',
  'tumen\uD83D',
  '🇰🇵',
  'ｔｕｍｅｎ',
  'TUMEN-CROSSING-TO-YANBIAN',
  'tumen-crossing-to-yanbian\n',
  'tumen-crossing-to-yanbian ',
  'x'.repeat(100_000),
  '%',
  '%E0%A4%A',
  '%uD800',
  '\r\nX-Injected: 1',
  '두만강',
  '두만',
  '\u0301\u0301\u0301',
];
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const specialNumber = fc.constantFrom(NaN, Infinity, -Infinity, -0, Number.MAX_VALUE, Number.MIN_VALUE, 2 ** 53 + 1, -(2 ** 31), 1e21);

const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({
    unit: fc.oneof(loneSurrogate, fc.constantFrom('\u200B', '\u202E', '\u2066', '\uFEFF', '\u0000', '/', '.', '%')),
    maxLength: 40,
  }),
  fc.tuple(fc.constantFrom(...NASTY), fc.constantFrom(...NASTY)).map(([a, b]) => a + b),
  fc.double().map(String),
  specialNumber.map(String),
);

/** A real id with something odd done to it: the near misses a parser must not let through. */
const nearSlug = fc
  .tuple(fc.constantFrom('tumen-crossing-to-yanbian', 'yalu', 'mongolia', 'thailand'), fc.constantFrom(...NASTY), fc.boolean())
  .map(([slug, junk, before]) => (before ? junk + slug : slug + junk));

const slugInput = fc.oneof(hostileString, nearSlug, fc.constantFrom('tumen-crossing-to-yanbian', 'no-such-route'));

/** Header values must be ByteStrings without CR/LF or a Request cannot even be built. */
const headerValue = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 200 }),
  fc.constantFrom('*', 'W/"x"', '"', '""', ',,,', 'W/', 'x'.repeat(8000)),
);

/** A query string: sometimes built properly, sometimes raw and malformed. */
function queryString(keys: string[]): fc.Arbitrary<string> {
  const built = fc
    .array(fc.tuple(fc.oneof(fc.constantFrom(...keys), hostileString), hostileString), { maxLength: 6 })
    .map((pairs) => new URLSearchParams(pairs).toString());
  const raw = fc.tuple(fc.constantFrom(...keys), fc.constantFrom(...NASTY)).map(([k, v]) => `${k}=${v}`);
  return fc.oneof(built, raw, hostileString);
}

/** Deeply nested arrays and objects: the classic JSON bombs, sized to fit under or over the cap. */
const jsonBomb = fc.oneof(
  fc.integer({ min: 1, max: 200_000 }).map((n) => '['.repeat(n) + ']'.repeat(n)),
  fc.integer({ min: 1, max: 2_000 }).map((n) => '{"a":'.repeat(n) + '1' + '}'.repeat(n)),
  fc.integer({ min: 1, max: 100_000 }).map((n) => `{"path":"/","hash":${'9'.repeat(n)}}`),
  fc.constantFrom('{"path":"/","hash":1e999}', '{"path":"/","query":{"q":1e-999}}', '[1e309]', '-0', 'NaN', 'Infinity', 'null', '""'),
  fc.constantFrom('{"__proto__":{"polluted":true},"path":"/"}', '{"constructor":{"prototype":{"polluted":true}},"path":"/"}'),
  fc.constantFrom('{"path":"/","query":{"__proto__":{"polluted":true}}}', '{"path":"/","path":"/routes/../../etc"}'),
);

/** Roughly the shape POST /api/views wants, filled with hostile values. */
const viewLike = fc.record(
  {
    path: fc.oneof(
      hostileString,
      nearSlug.map((s) => `/routes/${s}`),
      fc.constantFrom(
        '/',
        '/embed',
        '/routes/tumen-crossing-to-yanbian',
        '//evil.example',
        '/\\evil.example',
        '/routes/../../admin',
        '/embed/%2e%2e',
      ),
    ),
    query: fc.oneof(
      fc.dictionary(
        fc.oneof(fc.constantFrom('q', 'stage', 'level', 'hazard', 'to', 'theme', 'lang', '__proto__'), hostileString),
        hostileString,
        { maxKeys: 4 },
      ),
      fc.constantFrom(
        { q: '<script>alert(1)</script>' },
        { q: '<SCRIPT src=//evil.example/x.js>' },
        { q: '"><img src=x onerror=alert(1)>' },
      ),
      fc.anything(),
    ),
    hash: fc.oneof(
      hostileString,
      specialNumber,
      fc.constantFrom('#5/42.5/129.9', '#NaN/NaN/NaN', '#Infinity/0/0', '#-0/-0/-0', '#5/91/0', '#99/0/0'),
    ),
  },
  { requiredKeys: [] },
);

const viewBody: fc.Arbitrary<string> = fc.oneof(
  viewLike.map((v) => JSON.stringify(v) ?? 'null'),
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
  jsonBomb,
  hostileString,
);

// ---------------------------------------------------------------------------------------------
// What every answer must look like

const createdViewIds: string[] = [];

async function expectSafeResponse(res: Response, allowed: number[]): Promise<void> {
  expect(allowed, `status ${res.status}`).toContain(res.status);
  if (res.status >= 400) {
    expect(res.headers.get('content-type') ?? '').toMatch(/^application\/json/);
    const body = ApiError.parse(await res.json());
    expect(body.message.trim().length).toBeGreaterThan(0);
    // Messages do not echo long input back (it may be megabytes, or a script).
    expect(body.message.length).toBeLessThan(600);
  }
}

let nextAddress = 0;
/** A new client address per request, so the per-client limit does not end the fuzzing early. */
const freshClient = () => `198.18.${(nextAddress >> 8) & 255}.${nextAddress++ & 255}`;

beforeAll(async () => {
  // These requests stand for clients behind one proxy, which names them in X-Forwarded-For.
  process.env.TRUST_PROXY = '1';
  await freshDatabase('fuzz');
  await seed(getPrisma(), { dir: copyGeo('fuzz') });
});
afterAll(disconnectPrisma);

describe.sequential('fuzz: route handlers', () => {
  it.skipIf(!exists(HANDLERS.routes))('GET /api/routes ignores any query and any If-None-Match', async () => {
    const GET = await handler(HANDLERS.routes);
    await fc.assert(
      fc.asyncProperty(queryString(['bbox', 'kind', 'corridor']), headerValue, async (query, inm) => {
        const res = await GET(new Request(`${ORIGIN}/api/routes?${query}`, { headers: { 'if-none-match': inm } }), params());
        await expectSafeResponse(res, [200, 304]);
      }),
      { numRuns: 60 },
    );
  });

  it.skipIf(!exists(HANDLERS.sources))('GET /api/sources ignores any query and any If-None-Match', async () => {
    const GET = await handler(HANDLERS.sources);
    await fc.assert(
      fc.asyncProperty(queryString(['id']), headerValue, async (query, inm) => {
        const res = await GET(new Request(`${ORIGIN}/api/sources?${query}`, { headers: { 'if-none-match': inm } }), params());
        await expectSafeResponse(res, [200, 304]);
      }),
      { numRuns: 60 },
    );
  });

  it.skipIf(!exists(HANDLERS.export))('GET /api/export ignores any query and any If-None-Match', async () => {
    const GET = await handler(HANDLERS.export);
    await fc.assert(
      fc.asyncProperty(queryString(['format', 'item']), headerValue, async (query, inm) => {
        const res = await GET(new Request(`${ORIGIN}/api/export?${query}`, { headers: { 'if-none-match': inm } }), params());
        await expectSafeResponse(res, [200, 304]);
      }),
      { numRuns: 40 },
    );
  });

  it.skipIf(!exists(HANDLERS.route))('GET /api/routes/[slug] answers 200, 400 or 404 for any id', async () => {
    const GET = await handler(HANDLERS.route);
    await fc.assert(
      fc.asyncProperty(slugInput, async (slug) => {
        const res = await GET(new Request(`${ORIGIN}/api/routes/x`), params({ slug }));
        await expectSafeResponse(res, [200, 400, 404]);
        if (res.status === 200) expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      }),
      { numRuns: RUNS },
    );
  });

  it.skipIf(!exists(HANDLERS.views))('POST /api/views refuses every malformed body with 400, 413 or 415', async () => {
    const POST = await handler(HANDLERS.views, 'POST');
    const contentType = fc.oneof(
      fc.constant('application/json'),
      fc.constantFrom('application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', 'application/jsonp', ''),
    );
    await fc.assert(
      fc.asyncProperty(viewBody, contentType, async (body, type) => {
        const headers: Record<string, string> = { 'x-forwarded-for': freshClient() };
        if (type) headers['content-type'] = type;
        const res = await POST(new Request(`${ORIGIN}/api/views`, { method: 'POST', body, headers }), params());
        if (res.status === 201) {
          const created = (await res.clone().json()) as { id: string; url: string };
          createdViewIds.push(created.id);
          expect(created.url).toBe(`/v/${created.id}`);
        }
        await expectSafeResponse(res, [201, 400, 413, 415]);
        if (!type.startsWith('application/json')) expect(res.status).toBe(415);
        // Nothing in the body may reach Object.prototype.
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 200 },
    );
  });

  it.skipIf(!exists(HANDLERS.views))('POST /api/views answers 413 for a body over the cap, declared or streamed', async () => {
    const POST = await handler(HANDLERS.views, 'POST');
    const bomb = '['.repeat(500_000) + ']'.repeat(500_000);
    const declared = await POST(
      new Request(`${ORIGIN}/api/views`, {
        method: 'POST',
        body: bomb,
        headers: { 'content-type': 'application/json', 'x-forwarded-for': freshClient() },
      }),
      params(),
    );
    await expectSafeResponse(declared, [413]);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 100; i++) controller.enqueue(new TextEncoder().encode('['.repeat(1000)));
        controller.close();
      },
    });
    const chunked = await POST(
      new Request(`${ORIGIN}/api/views`, {
        method: 'POST',
        body: stream,
        duplex: 'half',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': freshClient() },
      } as RequestInit),
      params(),
    );
    await expectSafeResponse(chunked, [413]);
  });

  it.skipIf(!exists(HANDLERS.views))('POST /api/views rate-limits one client with a clear 429 and Retry-After', async () => {
    const POST = await handler(HANDLERS.views, 'POST');
    const client = '203.0.113.77';
    const post = () =>
      POST(
        new Request(`${ORIGIN}/api/views`, {
          method: 'POST',
          body: JSON.stringify({ path: '/' }),
          headers: { 'content-type': 'application/json', 'x-forwarded-for': client },
        }),
        params(),
      );
    let res = await post();
    for (let i = 0; i < 100 && res.status === 201; i++) {
      createdViewIds.push(((await res.json()) as { id: string }).id);
      res = await post();
    }
    await expectSafeResponse(res, [429]);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another client is not affected.
    const other = await POST(
      new Request(`${ORIGIN}/api/views`, {
        method: 'POST',
        body: JSON.stringify({ path: '/' }),
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.78' },
      }),
      params(),
    );
    expect(other.status).toBe(201);
    createdViewIds.push(((await other.json()) as { id: string }).id);
  });

  it.skipIf(!exists(HANDLERS.views) || !exists(HANDLERS.shortLink))(
    'no stored view holds a script, and reading one back never leads off-site',
    async () => {
      const POST = await handler(HANDLERS.views, 'POST');
      const GET = await handler(HANDLERS.shortLink);
      // The hostile views most likely to get through: well-formed, with script in every free-text slot.
      for (const q of [
        '<script>alert(1)</script>',
        '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
        '\u003cscript\u003e',
        '"><script>alert(1)</script>',
      ]) {
        for (const p of ['/', '/routes/tumen-crossing-to-yanbian', '/embed']) {
          const res = await POST(
            new Request(`${ORIGIN}/api/views`, {
              method: 'POST',
              body: JSON.stringify({ path: p, query: { q }, hash: '#5/42.5/129.9' }),
              headers: { 'content-type': 'application/json', 'x-forwarded-for': freshClient() },
            }),
            params(),
          );
          await expectSafeResponse(res, [201, 400]);
          if (res.status === 201) createdViewIds.push(((await res.json()) as { id: string }).id);
        }
      }
      expect(createdViewIds.length).toBeGreaterThan(0);

      for (const id of createdViewIds) {
        const res = await GET(new Request(`${ORIGIN}/v/${id}`), params({ id }));
        expect(res.status, id).toBe(307);
        const location = res.headers.get('location') ?? '';
        expect(location).toMatch(/^\/(?!\/|\\)/);
        expect(location).not.toMatch(/[<>"'\s]/);
        expect(new URL(location, ORIGIN).origin).toBe(ORIGIN);
      }
      // The table itself: another reader (an admin tool, an export, a future page) may not escape.
      const file = (process.env.DATABASE_URL ?? '').replace(/^file:/, '');
      for (const row of dumpTables(file).ShortView as { id: string; state: unknown }[]) {
        expect(String(row.state), `stored view ${row.id}`).not.toMatch(/<script/i);
      }
    },
  );

  it.skipIf(!exists(HANDLERS.shortLink))(
    'GET /v/[id] answers 404 for any unknown id, as JSON or as a page that echoes nothing',
    async () => {
      const GET = await handler(HANDLERS.shortLink);
      const ask = (id: string, accept: string) => GET(new Request(`${ORIGIN}/v/x`, { headers: accept ? { accept } : {} }), params({ id }));
      // A page that echoes nothing is the same page whatever the id (a substring test would fail
      // on ids such as "name", which the fixed page holds in its own markup).
      const pageFor = await (await ask('unknown0000', 'text/html')).text();
      await fc.assert(
        fc.asyncProperty(
          slugInput,
          fc.constantFrom('application/json', 'text/html', '*/*', 'text/html, application/json', ''),
          async (id, accept) => {
            const res = await ask(id, accept);
            expect(res.status).toBe(404);
            if ((res.headers.get('content-type') ?? '').startsWith('text/html')) {
              const html = await res.text();
              expect(html, id).toBe(pageFor);
              expect(html).not.toMatch(/<script/i);
            } else {
              await expectSafeResponse(res, [404]);
            }
          },
        ),
        { numRuns: RUNS },
      );
    },
  );

  it.skipIf(!exists(HANDLERS.oembed))('GET /api/oembed answers every URL and size with JSON, and embeds only our own pages', async () => {
    const GET = await handler(HANDLERS.oembed);
    const pageUrl = fc.oneof(
      hostileString,
      slugInput.map((s) => `${ORIGIN}/routes/${s}`),
      slugInput.map((s) => `${ORIGIN}/embed/${s}?q=${s}#${s}`),
      fc.constantFrom(
        `${ORIGIN}/`,
        `${ORIGIN}/routes/tumen-crossing-to-yanbian`,
        'https://evil.example/routes/tumen-crossing-to-yanbian',
        `${ORIGIN}@evil.example/`,
        'http://localhost:3000.evil.example/',
      ),
      fc.constantFrom(
        `${ORIGIN}/?q=<script>alert(1)</script>`,
        `${ORIGIN}/embed?legend="><script>alert(1)</script>`,
        `${ORIGIN}/#5/42/129"><script>`,
      ),
    );
    const size = fc.oneof(hostileString, fc.integer({ min: -10, max: 100_000 }).map(String), specialNumber.map(String));
    const format = fc.oneof(fc.constant('json'), fc.constant('xml'), hostileString);
    await fc.assert(
      fc.asyncProperty(pageUrl, fc.option(size), fc.option(size), fc.option(format), async (url, w, h, f) => {
        const q = new URLSearchParams({ url });
        if (w !== null) q.set('maxwidth', w);
        if (h !== null) q.set('maxheight', h);
        if (f !== null) q.set('format', f);
        const res = await GET(new Request(`${ORIGIN}/api/oembed?${q}`), params());
        // 501 is what oEmbed prescribes for a format it does not serve, and nothing else.
        if (res.status === 501) expect(f).not.toBe('json');
        await expectSafeResponse(res, [200, 400, 404, 501]);
        if (res.status === 200) {
          const body = (await res.json()) as { html: string };
          expect(body.html).not.toMatch(/<script/i);
          expect(body.html.match(/<iframe /g)).toHaveLength(1);
          expect(body.html).toContain(`src="${ORIGIN}/embed`);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it.skipIf(!exists(HANDLERS.atlasImage))('GET /image.png answers 200 or 400 for any size', async () => {
    const GET = await handler(HANDLERS.atlasImage);
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.constantFrom('slide', 'social'), hostileString), async (size) => {
        const res = await GET(new Request(`${ORIGIN}/image.png?${new URLSearchParams({ size })}`), params());
        await expectSafeResponse(res, [200, 400]);
        if (res.status === 200) expect(res.headers.get('content-type')).toBe('image/png');
      }),
      { numRuns: 60 },
    );
  });

  it.skipIf(!exists(HANDLERS.routeImage))('GET /routes/[slug]/image.png answers 200, 400 or 404 for any id and size', async () => {
    const GET = await handler(HANDLERS.routeImage);
    await fc.assert(
      fc.asyncProperty(slugInput, fc.oneof(fc.constant('social'), hostileString), async (slug, size) => {
        const res = await GET(new Request(`${ORIGIN}/routes/x/image.png?${new URLSearchParams({ size })}`), params({ slug }));
        await expectSafeResponse(res, [200, 400, 404]);
      }),
      { numRuns: RUNS },
    );
  });

  it.skipIf(!exists(HANDLERS.tourImage))('GET /tour/[id]/image.png answers 200, 400 or 404 for any id, step and size', async () => {
    const GET = await handler(HANDLERS.tourImage);
    await fc.assert(
      fc.asyncProperty(
        slugInput,
        fc.oneof(fc.constant('1'), fc.constant('2'), hostileString),
        fc.oneof(fc.constant('slide'), hostileString),
        async (id, step, size) => {
          const res = await GET(new Request(`${ORIGIN}/tour/x/image.png?${new URLSearchParams({ step, size })}`), params({ id }));
          await expectSafeResponse(res, [200, 400, 404]);
        },
      ),
      { numRuns: RUNS },
    );
  });

  // The library opens with V8's compile hint (lib/map/assets/maplibre-assets.ts), the worker with none.
  for (const [key, file, marker, hint] of [
    ['mapWorker', 'maplibre-gl-worker.mjs', null, ''],
    ['mapLibrary', 'maplibre-gl.mjs', /export\s*\{/, '//# allFunctionsCalledOnLoad\n'],
  ] as const) {
    it.skipIf(!exists(HANDLERS[key]))(
      `GET /${file} serves the installed file whatever ?v= says, pinning only its own version`,
      async () => {
        const GET = await handler(HANDLERS[key]);
        const version = (
          JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/maplibre-gl/package.json'), 'utf8')) as { version: string }
        ).version;
        const installed = fs.readFileSync(path.join(ROOT, 'node_modules/maplibre-gl/dist', file), 'utf8');
        await fc.assert(
          fc.asyncProperty(fc.oneof(hostileString, fc.constant(version)), async (v) => {
            const res = await GET(new Request(`${ORIGIN}/${file}?${new URLSearchParams({ v })}`), params());
            await expectSafeResponse(res, [200]);
            expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
            expect(res.headers.get('cache-control')?.includes('immutable')).toBe(v === version);
          }),
          { numRuns: 60 },
        );
        // The body is the installed file, less its source-map comment and after its compile hint
        // (first, or V8 ignores it); the library is an ES module.
        const served = await (await GET(new Request(`${ORIGIN}/${file}?v=${version}`), params())).text();
        expect(served.startsWith(hint)).toBe(true);
        const body = served.slice(hint.length);
        expect(body.startsWith('//#')).toBe(false);
        expect(body.length).toBeGreaterThan(installed.length - 200);
        expect(installed.startsWith(body.trimEnd().slice(0, 1000))).toBe(true);
        expect(body).not.toMatch(/sourceMappingURL/);
        if (marker) expect(body).toMatch(marker);
      },
    );
  }

  it.skipIf(!exists(HANDLERS.mapSprite))('GET /map-sprite/[file] answers 200 for its four files and 404 for any other name', async () => {
    const GET = await handler(HANDLERS.mapSprite);
    const files = ['markers.json', 'markers.png', 'markers@2x.json', 'markers@2x.png'];
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileString, fc.constantFrom(...files)), async (file) => {
        const res = await GET(new Request(`${ORIGIN}/map-sprite/x`), { params: Promise.resolve({ file }) });
        await expectSafeResponse(res, files.includes(file) ? [200] : [404]);
      }),
      { numRuns: 60 },
    );
  });

  it('covers every route handler in app/', () => {
    const found: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
        const rel = `${dir}/${entry.name}`;
        if (entry.isDirectory()) walk(rel);
        else if (/^route\.(ts|tsx|js|mjs)$/.test(entry.name)) found.push(rel);
      }
    };
    walk('app');
    expect(found.sort()).toEqual(Object.values(HANDLERS).filter(exists).sort());
  });
});

describe('fuzz: parseViewState (lib/view/view-state.ts)', () => {
  it.skipIf(!exists(VIEW_STATE))('reads any hostile URL without throwing, into a state that links back to itself', async () => {
    type Parsed = {
      state: { route: string | null; stage: string | null; filters: { q: string }; camera: unknown };
      notices: { key: string }[];
    };
    const { parseViewState, formatViewState } = (await import(/* @vite-ignore */ pathToFileURL(path.join(ROOT, VIEW_STATE)).href)) as {
      parseViewState: (url: URL) => Parsed;
      formatViewState: (state: Parsed['state']) => string;
    };
    const url = fc
      .tuple(
        fc.oneof(
          fc.constantFrom(
            '/',
            '/embed',
            '/routes/tumen-crossing-to-yanbian',
            '/routes/',
            '/routes/%',
            '/routes/%E0%A4%A',
            '/routes/..%2f..%2f',
          ),
          slugInput.map((s) => `/routes/${encodeURIComponentSafe(s)}`),
        ),
        queryString(['stage', 'level', 'hazard', 'to', 'q', 'notice']),
        fc.oneof(
          hostileString,
          fc.tuple(specialNumber, specialNumber, specialNumber).map((n) => n.join('/')),
          fc.array(fc.oneof(fc.double(), specialNumber, fc.integer()), { maxLength: 7 }).map((n) => n.join('/')),
        ),
      )
      .map(([p, q, h]) => new URL(`${p}?${q}#${h}`, ORIGIN));
    await fc.assert(
      fc.property(url, (u) => {
        const { state, notices } = parseViewState(u);
        // Whatever came in, the state the map receives holds only finite numbers...
        JSON.stringify(state, (_k, v: unknown) => {
          if (typeof v === 'number') expect(Number.isFinite(v), `${u.href} → ${v}`).toBe(true);
          return v;
        });
        // ...a real id or none, and a search of at most 100 characters without control characters.
        if (state.route !== null) expect(state.route).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
        expect(state.filters.q.length).toBeLessThanOrEqual(100);
        expect(state.filters.q).not.toMatch(/\p{Cc}/u);
        // Each notice is a key the message files have words for (messages/*.json explorer.notices).
        for (const n of notices) expect(Object.keys(en.explorer.notices)).toContain(n.key);
        // The link it gives back stays on this site and reads back as the same view, with no complaint.
        const link = formatViewState(state);
        expect(link).toMatch(/^\/(?![/\\])/);
        const again = parseViewState(new URL(link, ORIGIN));
        expect(again.state).toEqual(state);
        expect(again.notices).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

/** encodeURIComponent throws on lone surrogates; a browser would have replaced them with U+FFFD. */
function encodeURIComponentSafe(s: string): string {
  return encodeURIComponent(s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));
}
