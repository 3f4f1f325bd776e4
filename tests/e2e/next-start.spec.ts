// Issue 18: nothing a visitor gets depends on `npm start`'s own server. Plain `next start` on
// the same build and the same database file answers with the same status, security headers
// (CSP with a fresh nonce, HSTS, frame rules) and cache headers as the e2e server, which is
// `npm start` (scripts/start.mjs -> scripts/server.mjs). The only difference allowed is the Age
// header `npm start`'s in-process cache adds to an answer it kept. With E2E_STANDALONE_DIST set
// to the folder of a standalone build (`NEXT_OUTPUT=standalone NEXT_DIST_DIR=.next-standalone
// npm run build`), its server.js is compared the same way.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { freePort } from '../free-port';

const SLUG = 'tumen-crossing-to-yanbian';
const PATHS = [
  '/',
  `/routes/${SLUG}`,
  '/sources',
  `/embed/${SLUG}`,
  '/api/routes',
  `/api/routes/${SLUG}`,
  '/api/sources',
  '/api/export',
  '/api/routes/NOT_AN_ID',
  `/routes/${SLUG}/image.png?size=social`,
  '/generated/embed/embed-client.js',
  '/v/AAAAAAAAAAAA',
  '/no-such-page',
];
// What must be the same both ways; the others (Date, Age, Connection, Content-Length of a
// streamed page) describe one message, not the app.
const COMPARED = [
  'content-security-policy',
  'strict-transport-security',
  'x-frame-options',
  'x-content-type-options',
  'referrer-policy',
  'permissions-policy',
  'cache-control',
  'content-type',
  'content-encoding',
  'etag',
  'location',
];

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const NEXT_BIN = path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');

async function waitFor(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode})`);
    try {
      await (await fetch(url)).arrayBuffer();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(`${url} did not answer within 60 s`);
}

/** The compared headers of one answer, with the CSP nonce (fresh per response) masked. */
async function headersOf(origin: string, pathname: string) {
  const res = await fetch(origin + pathname, { redirect: 'manual', headers: { 'accept-encoding': 'gzip' } });
  await res.arrayBuffer();
  const headers: Record<string, string | null> = { status: String(res.status) };
  for (const name of COMPARED) headers[name] = res.headers.get(name)?.replace(/'nonce-[^']+'/g, "'nonce-…'") ?? null;
  // A page's ETag (the embeds', from the Pages Router) hashes a body that holds this response's
  // nonce: only a shared answer's validator is the same from one response to the next.
  if (!headers['cache-control']?.includes('public') && headers.etag) headers.etag = '(per response)';
  return headers;
}

// Only against the server playwright.config.ts starts (its build and database are known).
test.skip(Boolean(process.env.E2E_BASE_URL), 'needs the local e2e server and its database');

/** Start `args` with Node and wait until it answers /api/routes; stopped after the file. */
async function startServer(
  args: (port: number) => string[],
  env: Record<string, string>,
  cwd: string,
): Promise<{ origin: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, args(port), {
    cwd,
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', PORT: String(port), HOSTNAME: '127.0.0.1', ...env },
    stdio: 'ignore',
  });
  children.push(child);
  const origin = `http://127.0.0.1:${port}`;
  await waitFor(`${origin}/api/routes`, child);
  return { origin, child };
}

const children: ChildProcess[] = [];
const DATABASE_URL = process.env.E2E_DATABASE_URL ?? 'file:./data/e2e.db';
let origin = '';

test.beforeAll(async () => {
  test.setTimeout(120_000);
  ({ origin } = await startServer((port) => [NEXT_BIN, 'start', '-p', String(port), '-H', '127.0.0.1'], { DATABASE_URL }, ROOT));
});

test.afterAll(async () => {
  for (const child of children.splice(0)) {
    if (child.exitCode !== null) continue;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
});

/** `other` answers `pathname` with the same compared headers as npm start at `baseURL`. */
async function expectAlike(baseURL: string, other: string, pathname: string) {
  const viaNpmStart = await headersOf(baseURL, pathname);
  const viaOther = await headersOf(other, pathname);
  expect(viaOther).toEqual(viaNpmStart);
  // And they are there at all: an answer with none would compare equal too.
  expect(viaOther['content-security-policy'], pathname).toBeTruthy();
  expect(viaOther['strict-transport-security'], pathname).toBeTruthy();
  expect(viaOther['cache-control'], pathname).toBeTruthy();
}

test.describe('next start and npm start answer alike', () => {
  for (const pathname of PATHS) {
    test(`${pathname}: same status, security and cache headers`, async ({ baseURL }) => {
      await expectAlike(baseURL!, origin, pathname);
    });
  }

  test('a short link made through next start opens through npm start', async ({ baseURL }) => {
    const made = await fetch(`${origin}/api/views`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ path: `/routes/${SLUG}`, query: {}, hash: '' }),
    });
    expect(made.status).toBe(201);
    expect(made.headers.get('cache-control')).toBe('no-store');
    const { url } = (await made.json()) as { url: string };
    const opened = await fetch(baseURL! + url, { redirect: 'manual' });
    expect(opened.status).toBe(307);
    expect(opened.headers.get('location')).toBe(`/routes/${SLUG}`);
  });
});

const STANDALONE = process.env.E2E_STANDALONE_DIST;

test.describe('the standalone server answers like npm start', () => {
  test.skip(!STANDALONE, 'set E2E_STANDALONE_DIST to the folder of a standalone build');
  let standalone = '';

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    const dist = path.resolve(ROOT, STANDALONE!);
    const dir = path.join(dist, 'standalone');
    // What Next.js documents for a standalone deployment: public/ and the build's static files
    // beside server.js, which runs from its own folder (so the database path is made absolute).
    // Timestamps kept: a public file's ETag is its size and modification time.
    fs.cpSync(path.join(ROOT, 'public'), path.join(dir, 'public'), { recursive: true, preserveTimestamps: true });
    fs.cpSync(path.join(dist, 'static'), path.join(dir, path.basename(dist), 'static'), { recursive: true, preserveTimestamps: true });
    const file = path.resolve(ROOT, DATABASE_URL.replace(/^file:/, ''));
    ({ origin: standalone } = await startServer(() => [path.join(dir, 'server.js')], { DATABASE_URL: `file:${file}` }, dir));
  });

  for (const pathname of PATHS) {
    test(`${pathname}: same status, security and cache headers`, async ({ baseURL }) => {
      await expectAlike(baseURL!, standalone, pathname);
    });
  }
});
