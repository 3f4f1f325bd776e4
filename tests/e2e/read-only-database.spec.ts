// Issue 19: a database the server can no longer write answers writes with 503, a JSON message and
// Retry-After, and keeps serving reads. The production server (scripts/server.mjs, what `npm start`
// runs once its checks pass) on a real database file it may read but not write: started as the
// unprivileged user "nobody" when the tests run as root (root may write anything), or with the
// folder and file made read-only otherwise. The test process keeps its own connection open, as the
// server's would be from before the disk turned read-only: in WAL mode, a reader needs the -shm
// and -wal files beside the database to exist already when it cannot create them.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { MIGRATE, SEED, runScripts, startServer, stopServer } from './own-server';

const PORT = Number(process.env.E2E_READONLY_PORT ?? 3191);
const ORIGIN = `http://localhost:${PORT}`;

test.skip(Boolean(process.env.E2E_BASE_URL), 'needs the local build');
test.setTimeout(120_000);

let dir: string;
let holder: Database.Database;
let server: ChildProcess;

test.beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-readonly-'));
  const file = path.join(dir, 'atlas.db');
  const DATABASE_URL = `file:${file}`;
  runScripts(DATABASE_URL, MIGRATE, SEED);
  holder = new Database(file, { readonly: true });
  holder.prepare('SELECT count(*) FROM "Item"').get();

  const root = process.getuid?.() === 0;
  fs.chmodSync(dir, root ? 0o755 : 0o555);
  if (!root) fs.chmodSync(file, 0o444);
  server = await startServer(PORT, { DATABASE_URL, SHARED_CACHE_MS: '0' }, root ? { uid: 65534, gid: 65534 } : {});
});

test.afterAll(async () => {
  await stopServer(server);
  holder?.close();
  fs.chmodSync(dir, 0o755);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('writes answer 503 with a JSON message and Retry-After; reads answer 200', async () => {
  const write = await fetch(`${ORIGIN}/api/views`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ path: '/routes/tumen-crossing-to-yanbian', query: { level: '4' } }),
  });
  expect(write.status).toBe(503);
  expect(write.headers.get('retry-after')).toMatch(/^\d+$/);
  expect(write.headers.get('content-type')).toMatch(/^application\/json/);
  expect(await write.json()).toEqual({
    error: 'unavailable',
    message: expect.stringMatching(/cannot be saved right now: the database is read-only\. The map still works/),
  });

  expect((await fetch(`${ORIGIN}/api/routes`)).status).toBe(200);
  expect((await fetch(`${ORIGIN}/api/routes/tumen-crossing-to-yanbian`)).status).toBe(200);
  expect((await fetch(`${ORIGIN}/routes/tumen-crossing-to-yanbian`)).status).toBe(200);
  // A bad request is still a 400, not a 503: the body is checked before anything is written.
  const bad = await fetch(`${ORIGIN}/api/views`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"path":"/x"}',
  });
  expect(bad.status).toBe(400);
});
