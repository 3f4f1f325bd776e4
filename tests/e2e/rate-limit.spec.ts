// Issue 19, over real HTTP through the production server (scripts/server.mjs, what `npm start`
// runs): without TRUST_PROXY a client cannot buy a fresh allowance with its own X-Forwarded-For,
// bad requests cost nothing, and with TRUST_PROXY=1 the address the proxy appended is the client.
// A server of its own, on its own database, so the suite's server keeps its allowance.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { MIGRATE, SEED, runScripts, startServer, stopServer } from './own-server';
import { VIEW_LIMITS } from '../../lib/share/view-limits';

const PORT = Number(process.env.E2E_RATE_LIMIT_PORT ?? 3192);
const ORIGIN = `http://localhost:${PORT}`;
const PER_CLIENT = VIEW_LIMITS.perClient;

test.skip(Boolean(process.env.E2E_BASE_URL), 'needs the local build');
test.setTimeout(180_000);

let dir: string;

test.beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-rate-limit-'));
  runScripts(`file:${path.join(dir, 'atlas.db')}`, MIGRATE, SEED);
});
test.afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function withServer(env: Record<string, string>, body: () => Promise<void>): Promise<void> {
  const server = await startServer(PORT, { ...env, DATABASE_URL: `file:${path.join(dir, 'atlas.db')}` });
  try {
    await body();
  } finally {
    await stopServer(server);
  }
}

const post = (headers: Record<string, string>, body: unknown = { path: '/' }) =>
  fetch(`${ORIGIN}/api/views`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

test('forged X-Forwarded-For buys no fresh allowance without TRUST_PROXY, and 400s cost nothing', async () => {
  await withServer({ TRUST_PROXY: '' }, async () => {
    for (let i = 0; i < 10; i++) expect((await post({ 'x-forwarded-for': `198.51.100.${i}` }, { path: '/nowhere' })).status).toBe(400);
    const statuses: number[] = [];
    for (let i = 0; i <= PER_CLIENT; i++) {
      statuses.push((await post({ 'x-forwarded-for': `203.0.113.${i}`, 'x-real-ip': `192.0.2.${i}` })).status);
    }
    expect(statuses.slice(0, PER_CLIENT)).toEqual(Array(PER_CLIENT).fill(201));
    const refused = await post({ 'x-forwarded-for': '203.0.113.250' });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(((await refused.json()) as { message: string }).message).toMatch(/Too many short links from this address/);
  });
});

test('with TRUST_PROXY=1, the address the proxy appended is the client', async () => {
  await withServer({ TRUST_PROXY: '1' }, async () => {
    // Behind a trusted proxy, the client is the right-most X-Forwarded-For entry, whatever the
    // client wrote to its left.
    expect((await post({ 'x-forwarded-for': '1.1.1.1, 203.0.113.77' })).status).toBe(201);
    for (let i = 1; i < PER_CLIENT; i++) expect((await post({ 'x-forwarded-for': `10.9.9.${i}, 203.0.113.77` })).status).toBe(201);
    expect((await post({ 'x-forwarded-for': '203.0.113.77' })).status).toBe(429);
    expect((await post({ 'x-forwarded-for': '203.0.113.78' })).status).toBe(201);
  });
});
