// Issues 18 and 19: the rate limit's counters live in the database, so every instance gives the same
// answer and the same limit. Real databases (a SQLite file; PostgreSQL in the PostgreSQL pass),
// and two clients on the same database standing for two instances.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST } from '@/app/api/views/route';
import { createPrismaClient, disconnectPrisma, getPrisma, type PrismaClient } from '@/lib/data/db';
import { DatabaseRateLimiter, PEER_ADDRESS_HEADER, peerHeaderValue } from '@/lib/http/rate-limit';
import { seed } from '@/prisma/seed';
import { VIEW_LIMITS } from '@/lib/share/short-view-limits';
import { copyGeo, freshDatabase } from './test-db';

let url: string;
let other: PrismaClient;

// As scripts/server.mjs does at start: the secret its peer header begins with.
process.env.ATLAS_PEER_SECRET ??= 'test-secret-0123456789';

beforeAll(async () => {
  ({ url } = await freshDatabase('rate-limit'));
  await seed(getPrisma(), { dir: copyGeo('rate-limit') });
  other = createPrismaClient(url);
});
afterAll(async () => {
  await other.$disconnect();
  await disconnectPrisma();
});

function clock(start = Date.now()) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

let ruleCount = 0;
const rule = (limit: number, windowMs: number) => ({ name: `test-${++ruleCount}`, limit, windowMs });

describe('DatabaseRateLimiter', () => {
  it('allows `limit` hits per window, then refuses with the seconds until the window ends', async () => {
    const c = clock();
    const limiter = new DatabaseRateLimiter(rule(3, 60_000), getPrisma, c.now);
    expect(await limiter.take('a')).toMatchObject({ ok: true, remaining: 2 });
    c.advance(10_000);
    expect(await limiter.take('a')).toMatchObject({ ok: true, remaining: 1 });
    expect(await limiter.take('a')).toMatchObject({ ok: true, remaining: 0 });
    c.advance(5_000);
    expect(await limiter.take('a')).toEqual({ ok: false, retryAfterSeconds: 45 });
    expect(await limiter.take('b')).toMatchObject({ ok: true, remaining: 2 });
  });

  it('starts counting again once the window has passed, however many hits were refused', async () => {
    const c = clock();
    const limiter = new DatabaseRateLimiter(rule(1, 1_000), getPrisma, c.now);
    expect((await limiter.take('a')).ok).toBe(true);
    for (let i = 0; i < 20; i++) expect((await limiter.take('a')).ok).toBe(false);
    c.advance(999);
    expect(await limiter.take('a')).toEqual({ ok: false, retryAfterSeconds: 1 });
    c.advance(1);
    expect(await limiter.take('a')).toMatchObject({ ok: true, remaining: 0 });
  });

  it('two instances share one limit: concurrent hits from both admit exactly `limit`', async () => {
    const r = rule(10, 60_000);
    const one = new DatabaseRateLimiter(r, getPrisma);
    const two = new DatabaseRateLimiter(r, () => other);
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? one : two).take('shared')));
    expect(results.filter((x) => x.ok)).toHaveLength(10);
    expect(await two.take('shared')).toMatchObject({ ok: false });
    expect(await one.take('shared')).toMatchObject({ ok: false });
  });

  it('gives back a hit whose request failed, also once the count is saturated, and only in its window', async () => {
    const c = clock();
    const limiter = new DatabaseRateLimiter(rule(2, 60_000), getPrisma, c.now);
    const first = await limiter.take('r');
    const second = await limiter.take('r');
    expect((await limiter.take('r')).ok).toBe(false); // saturated at limit + 1
    await limiter.refund('r', second);
    expect(await limiter.take('r')).toMatchObject({ ok: true, remaining: 0 });
    c.advance(60_000); // a new window: a refund of the old one changes nothing
    expect(await limiter.take('r')).toMatchObject({ ok: true, remaining: 1 });
    await limiter.refund('r', first);
    expect(await limiter.take('r')).toMatchObject({ ok: true, remaining: 0 });
  });

  it('keeps one row per key and sweeps rows whose window has ended', async () => {
    const c = clock(Date.now() + 3_600_000);
    const r = rule(5, 1_000);
    const limiter = new DatabaseRateLimiter(r, getPrisma, c.now);
    for (let i = 0; i < 4; i++) await limiter.take('row');
    expect(await getPrisma().rateLimit.count({ where: { key: `${r.name}:row` } })).toBe(1);
    c.advance(120_000); // past the window and the sweep interval
    await limiter.take('other');
    expect(await getPrisma().rateLimit.count({ where: { key: `${r.name}:row` } })).toBe(0);
  });
});

describe('POST /api/views rate limit', () => {
  const post = (headers: Record<string, string>) =>
    POST(
      new Request('http://localhost/api/views', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ path: '/' }),
      }),
    );

  /** Posts until refused (at most 40); how many were accepted, and the refusal. */
  async function exhaust(headers: () => Record<string, string>) {
    let accepted = 0;
    for (let i = 0; i < 40; i++) {
      const res = await post(headers());
      if (res.status === 429) return { accepted, res };
      if (res.status !== 201) console.error(await res.clone().text());
      expect(res.status).toBe(201);
      accepted++;
    }
    return { accepted, res: null };
  }

  it('without TRUST_PROXY, a client forging a new X-Forwarded-For on every request still hits its limit', async () => {
    delete process.env.TRUST_PROXY;
    let n = 0;
    const { accepted, res } = await exhaust(() => ({
      [PEER_ADDRESS_HEADER]: peerHeaderValue('203.0.113.10'),
      'x-forwarded-for': `198.51.100.${++n}`,
      'x-real-ip': `192.0.2.${n}`,
    }));
    expect(accepted).toBe(VIEW_LIMITS.perClient);
    expect(res?.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(((await res!.json()) as { message: string }).message).toMatch(/Too many short links from this address/);
    // Another peer is another client.
    expect((await post({ [PEER_ADDRESS_HEADER]: peerHeaderValue('203.0.113.11') })).status).toBe(201);
  });

  it('with TRUST_PROXY=1, the proxy-reported address is the key, so clients behind one proxy are apart', async () => {
    process.env.TRUST_PROXY = '1';
    try {
      const behindProxy = (client: string) => ({ [PEER_ADDRESS_HEADER]: peerHeaderValue('10.0.0.2'), 'x-forwarded-for': client });
      const { accepted } = await exhaust(() => behindProxy('198.51.100.200'));
      expect(accepted).toBe(VIEW_LIMITS.perClient);
      expect((await post(behindProxy('198.51.100.201'))).status).toBe(201);
    } finally {
      delete process.env.TRUST_PROXY;
    }
  });

  it('400 answers do not use up the allowance (issue 19)', async () => {
    const me = { [PEER_ADDRESS_HEADER]: peerHeaderValue('203.0.113.20') };
    const bad = [
      JSON.stringify({ path: '/nowhere' }),
      JSON.stringify({ path: '/', query: 'level=4' }),
      '{not json',
      JSON.stringify({ path: '/routes/no-such-route' }),
    ];
    for (let i = 0; i < 40; i++) {
      const res = await POST(
        new Request('http://localhost/api/views', {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...me },
          body: bad[i % bad.length],
        }),
      );
      expect(res.status).toBe(400);
    }
    expect((await exhaust(() => me)).accepted).toBe(VIEW_LIMITS.perClient);
  });

  it('a client rotating addresses inside its IPv6 /64 gets one allowance (issue 19)', async () => {
    let n = 0;
    const { accepted } = await exhaust(() => ({ [PEER_ADDRESS_HEADER]: peerHeaderValue(`2001:db8:19:1::${(++n).toString(16)}`) }));
    expect(accepted).toBe(VIEW_LIMITS.perClient);
    expect((await post({ [PEER_ADDRESS_HEADER]: peerHeaderValue('2001:db8:19:2::1') })).status).toBe(201);
  });

  it("one client flooding from many addresses cannot make another client's first request fail (issue 19)", async () => {
    // The flood: address after address, each until refused, until everyone's budget is spent
    // and the refusals say so.
    let busy: Response | null = null;
    for (let a = 1; a < 250 && !busy; a++) {
      const { res } = await exhaust(() => ({ [PEER_ADDRESS_HEADER]: peerHeaderValue(`198.18.${a >> 8}.${a & 255}`) }));
      const message = ((await res!.clone().json()) as { message: string }).message;
      if (/busy/.test(message)) busy = res;
    }
    expect(busy?.status).toBe(429);
    expect(busy?.headers.get('retry-after')).toMatch(/^\d+$/);
    // A visitor who has shared nothing yet still gets a link, and its share while busy…
    const visitor = { [PEER_ADDRESS_HEADER]: peerHeaderValue('192.0.2.77') };
    expect((await post(visitor)).status).toBe(201);
    const { accepted, res } = await exhaust(() => visitor);
    expect(accepted + 1).toBe(VIEW_LIMITS.shareWhenBusy);
    expect(((await res!.json()) as { message: string }).message).toMatch(/Short links are busy right now/);
    // …and another visitor too.
    expect((await post({ [PEER_ADDRESS_HEADER]: peerHeaderValue('192.0.2.78') })).status).toBe(201);
  });

  it('the limit survives a new client, as it survives a restart or another instance', async () => {
    await disconnectPrisma(); // the next request opens a new client, as a new instance would
    expect((await post({ [PEER_ADDRESS_HEADER]: peerHeaderValue('203.0.113.10') })).status).toBe(429);
  });
});
