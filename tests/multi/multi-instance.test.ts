// Issue 18: the production recipe (deploy/nginx.conf, run by deploy/run-local.mjs) on loopback:
// two `next start` instances on one database behind nginx. What one instance stores the other
// serves, nginx loses no request while an instance dies under load, and nothing is lost when
// everything restarts. Needs a build (`npm run build`) and nginx; `npm run test:multi`. On
// PostgreSQL when TEST_POSTGRES_URL names a server whose user may create databases (.ci/run sets
// it): a database of its own, made afresh; else on one SQLite file.
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, startStack } from '../../deploy/run-local.mjs';
import { freePort } from '../free-port';
import { VIEW_LIMITS } from '../../lib/share/view-limits';

type Stack = Awaited<ReturnType<typeof startStack>>;

const SLUG = 'tumen-crossing-to-yanbian';
const DB_FILE = path.join(ROOT, 'data', 'multi.db');
const POSTGRES = process.env.TEST_POSTGRES_URL;
const PG_DATABASE = 'atlas_test_multi';
const DATABASE_URL = POSTGRES ? postgresUrl(POSTGRES, PG_DATABASE) : 'file:./data/multi.db';

/** The same server and user as `admin`, another database. */
function postgresUrl(admin: string, database: string): string {
  const url = new URL(admin);
  url.pathname = `/${database}`;
  return url.toString();
}

/** An empty database for this run (PostgreSQL), or no file (SQLite). */
async function freshDatabase(): Promise<void> {
  if (!POSTGRES) {
    fs.rmSync(DB_FILE, { force: true });
    return;
  }
  const admin = new pg.Client({ connectionString: POSTGRES });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${PG_DATABASE}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${PG_DATABASE}"`);
  await admin.end();
}

async function makeShortLink(origin: string, view: object): Promise<{ status: number; url?: string }> {
  const res = await fetch(`${origin}/api/views`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(view),
  });
  const body = (await res.json()) as { url?: string };
  return { status: res.status, url: body.url };
}

async function resolveShortLink(origin: string, url: string): Promise<{ status: number; location: string | null }> {
  const res = await fetch(origin + url, { redirect: 'manual' });
  await res.arrayBuffer();
  return { status: res.status, location: res.headers.get('location') };
}

function load(url: string, seconds: number): { result: Promise<autocannon.Result>; stop: () => void } {
  let instance: autocannon.Instance | undefined;
  const result = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon({ url, connections: 8, duration: seconds, headers: { 'accept-encoding': 'gzip' }, timeout: 20 }, (err, r) =>
      err ? reject(err) : resolve(r),
    );
  });
  return { result, stop: () => instance?.stop() };
}

let stack: Stack;
let ports: { nginxPort: number; appPorts: number[] };

beforeAll(async () => {
  console.info(`multi-instance: on ${POSTGRES ? 'PostgreSQL' : 'SQLite'}`);
  await freshDatabase();
  ports = { nginxPort: await freePort(), appPorts: [await freePort(), await freePort()] };
  stack = await startStack({ ...ports, databaseUrl: DATABASE_URL, quiet: true });
});

afterAll(async () => {
  await stack?.stop();
});

describe('two instances behind nginx on one database', () => {
  const view = { path: `/routes/${SLUG}`, query: { level: '3,4' }, hash: '#6.25/42.41/129.93' };
  let made: string;

  it('a short link made through one instance opens through the other and through nginx', async () => {
    const [a, b] = stack.instances;
    const link = await makeShortLink(a.origin, view);
    expect(link.status).toBe(201);
    expect(link.url).toMatch(/^\/v\/[A-Za-z0-9_-]+$/);
    made = link.url!;
    const viaB = await resolveShortLink(b.origin, made);
    expect(viaB.status).toBe(307);
    expect(viaB.location).toContain(`/routes/${SLUG}?level=3%2C4#6.25/42.41/129.93`);
    // And the other way, through the proxy.
    const viaNginx = await makeShortLink(stack.origin, { path: '/', query: {}, hash: '' });
    expect(viaNginx.status).toBe(201);
    for (const instance of stack.instances) expect((await resolveShortLink(instance.origin, viaNginx.url!)).status).toBe(307);
  });

  // Pages are kept by nginx too (lib/http/shared-page.ts), each copy sent with a nonce of its own:
  // the one in the policy is the one on every script and in the flight data, and no two agree.
  it('nginx keeps a page and sends every copy with a fresh CSP nonce, in the policy and in the body', async () => {
    const nonces = async (accept: string) => {
      const res = await fetch(`${stack.origin}/routes/${SLUG}`, { headers: { accept, 'accept-encoding': 'gzip' } });
      const html = await res.text();
      expect(res.status).toBe(200);
      const policy = /'nonce-([A-Za-z0-9+/=]+)'/.exec(res.headers.get('content-security-policy') ?? '')?.[1];
      const inBody = new Set([...html.matchAll(/nonce(?:="|\\":\\")([A-Za-z0-9+/=]+)/g)].map((m) => m[1]));
      expect(policy).toBeTruthy();
      expect([...inBody]).toEqual([policy]);
      return { nonce: policy, cache: res.headers.get('x-cache-status'), cacheControl: res.headers.get('cache-control') };
    };
    const pages = [];
    for (let i = 0; i < 3; i++) pages.push(await nonces('text/html,application/xhtml+xml,*/*;q=0.8'));
    expect(pages.slice(1).map((p) => p.cache)).toEqual(['HIT', 'HIT']);
    expect(new Set(pages.map((p) => p.nonce)).size).toBe(3);
    // Nothing past nginx may share a copy.
    for (const p of pages) expect(p.cacheControl).toBe('private, no-store');
    // Asked for as anything but a page, it is rendered afresh (never kept) with the app's own nonce.
    const other = await nonces('*/*');
    expect(other.cache).not.toBe('HIT');
    expect(other.cacheControl).toContain('no-store');
  });

  // The counters live in the database (lib/http/rate-limit.ts): a client alternating between the
  // two instances gets the limit once, not twice. The instances trust one proxy (TRUST_PROXY=1),
  // so the client is the address in X-Forwarded-For.
  it('the short-link rate limit counts writes through both instances together', async () => {
    const PER_CLIENT = VIEW_LIMITS.perClient;
    const statuses: number[] = [];
    for (let i = 0; i <= PER_CLIENT; i++) {
      const res = await fetch(`${stack.instances[i % 2].origin}/api/views`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.7' },
        body: JSON.stringify({ path: '/', query: {}, hash: '' }),
      });
      await res.arrayBuffer();
      statuses.push(res.status);
    }
    expect(statuses.slice(0, PER_CLIENT - 2).every((s) => s === 201)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it('nginx loses no request while one instance is killed under load, and fails over to the other', async () => {
    const victim = stack.instances[1];
    // A page (private, never cached: every request reaches an instance) under load for 10 s;
    // the second instance is killed (SIGKILL, no goodbye) after 3 s.
    const page = load(`${stack.origin}/routes/${SLUG}`, 10);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    await victim.kill();
    const r = await page.result;
    console.info(`failover: ${r.requests.total} requests through nginx, ${r.errors} errors, ${r.timeouts} timeouts, ${r.non2xx} not 2xx`);
    expect(r.requests.total).toBeGreaterThan(0);
    expect(r.errors).toBe(0);
    expect(r.timeouts).toBe(0);
    expect(r.non2xx).toBe(0);
    // nginx did meet the dead instance (and so retried on the other).
    const errorLog = fs.readFileSync(path.join(stack.runDir, 'logs', 'error.log'), 'utf8');
    expect(errorLog).toContain(`127.0.0.1:${victim.port}`);
    await victim.start();
    expect((await resolveShortLink(victim.origin, made)).status).toBe(307);
  });

  it('nothing is lost when everything restarts', async () => {
    await stack.stop();
    stack = await startStack({ ...ports, databaseUrl: DATABASE_URL, quiet: true });
    const again = await resolveShortLink(stack.origin, made);
    expect(again.status).toBe(307);
    expect(again.location).toContain(`/routes/${SLUG}?level=3%2C4#6.25/42.41/129.93`);
    for (const instance of stack.instances) expect((await resolveShortLink(instance.origin, made)).status).toBe(307);
  });
});
