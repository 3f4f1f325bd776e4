// While the atlas's data cannot be read, every page says so, in its own way and never as a bare
// 500: the explorer's pages render without their data (the list asks /api/routes, which says
// why), the embeds, tours and short links answer 503 with a note (JSON to an API client). And no
// proxy may keep such a page: behind a trusted proxy that rewrites nonces (deploy/nginx.conf)
// pages are marked shareable (lib/http/shared-page.ts), and nginx would have kept the degraded
// copy for a minute after the database came back. The production server (scripts/server.mjs) on
// a database file that does not exist yet, then on the same file migrated and seeded, asked for
// pages as nginx asks for them.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { SHARED_DATA } from '../../lib/http/cache-policy';
import { NONCE_REWRITE_HEADER } from '../../lib/http/shared-page';
import { freePort } from '../free-port';
import { axeViolations } from './axe';
import { MIGRATE, SEED, runScripts, startServer, stopServer } from './own-server';

test.skip(Boolean(process.env.E2E_BASE_URL), 'needs the local build');
test.setTimeout(120_000);

const SLUG = 'tumen-crossing-to-yanbian';
// Rendered without their data, as pages of the explorer.
const EXPLORER = ['/', '/ko', `/routes/${SLUG}`, `/ko/routes/${SLUG}`];
// Pages that can set their status: 503, with a note where the map would be.
const NOTED = [
  ['/embed', 'This map cannot be shown right now'],
  [`/embed/${SLUG}`, 'This map cannot be shown right now'],
  [`/ko/embed/${SLUG}`, '지금은 이 지도를 보여 드릴 수 없습니다'],
  ['/tour', 'This tour cannot be shown right now'],
  [`/tour/${SLUG}`, 'This tour cannot be shown right now'],
  [`/embed/tour/${SLUG}`, 'This tour cannot be shown right now'],
] as const;
const PAGES = [...EXPLORER, '/sources', '/about', ...NOTED.map(([p]) => p)];
let dir: string;
let file: string;
let origin: string;
let server: ChildProcess;

test.beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-degraded-'));
  file = path.join(dir, 'atlas.db');
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  server = await startServer(port, { DATABASE_URL: `file:${file}`, TRUST_PROXY: '1', SHARED_CACHE_MS: '0' }, { ready: 503 });
});

test.afterAll(async () => {
  await stopServer(server);
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A page as nginx asks for it: a page, with its promise to rewrite the nonce. */
async function asProxied(pathname: string) {
  const res = await fetch(origin + pathname, { headers: { accept: 'text/html', [NONCE_REWRITE_HEADER]: '1' } });
  return { status: res.status, cacheControl: res.headers.get('cache-control'), html: await res.text() };
}

test('without its data every page says so, and none is a 500 or a blank page', async ({ page }) => {
  for (const [pathname, note] of NOTED) {
    const answer = await asProxied(pathname);
    expect(answer.status, pathname).toBe(503);
    expect(answer.html, pathname).toContain(note);
  }
  for (const pathname of [...EXPLORER, '/sources', '/about']) expect((await asProxied(pathname)).status, pathname).toBe(200);
  // A route's page is the explorer without its data, like /: the list says the routes could not
  // be loaded (it was a blank 500 before).
  await page.goto(`${origin}/routes/${SLUG}`);
  await expect(page.getByRole('alert').filter({ hasText: 'The routes could not be loaded' })).toBeVisible();
  // And every such page, in both languages, is as accessible as the page it stands in for.
  for (const pathname of [
    `/routes/${SLUG}`,
    `/ko/routes/${SLUG}`,
    `/embed/${SLUG}`,
    `/ko/embed/${SLUG}`,
    `/tour/${SLUG}`,
    `/ko/tour/${SLUG}`,
  ]) {
    await page.goto(origin + pathname);
    await expect(pathname.includes('/routes/') ? page.getByRole('alert').first() : page.locator('h1')).toBeVisible();
    expect(await axeViolations(page), pathname).toEqual([]);
  }
  // A short link: a page saying so to a browser, in the link's language; JSON to an API client.
  for (const [pathname, note] of [
    ['/v/AAAAAAAAAAAA', 'This share link cannot be opened right now'],
    ['/ko/v/AAAAAAAAAAAA', '지금은 이 공유 링크를 열 수 없습니다'],
  ]) {
    const answer = await asProxied(pathname);
    expect(answer.status, pathname).toBe(503);
    expect(answer.html, pathname).toContain(note);
  }
  const short = await fetch(`${origin}/v/AAAAAAAAAAAA`, { headers: { accept: 'application/json' } });
  expect(short.status).toBe(503);
  expect(await short.json()).toMatchObject({ error: 'unavailable', message: expect.stringContaining('cannot be opened') });
});

test('a page rendered without its data is never marked shareable; once the data is in, it is', async () => {
  for (const pathname of PAGES) {
    const page = await asProxied(pathname);
    // For this visitor only.
    expect(page.status, pathname).toBeLessThan(504);
    expect(page.cacheControl, pathname).not.toContain('public');
  }
  runScripts(`file:${file}`, MIGRATE, SEED);
  for (const pathname of PAGES) {
    const page = await asProxied(pathname);
    expect(page.status, pathname).toBe(200);
    expect(page.cacheControl, pathname).toBe(SHARED_DATA);
  }
});
