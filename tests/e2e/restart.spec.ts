// Issue #4: short links survive a restart. Issue 19: `npm start` keeps serving when its server
// process is killed. A server of its own (the real `npm start` path:
// migrate, seed, scripts/server.mjs) on its own database file is stopped and started again between
// storing a view and opening its short link.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { expect, test } from '@playwright/test';

const PORT = Number(process.env.E2E_RESTART_PORT ?? 3190);
const ORIGIN = `http://localhost:${PORT}`;
const DB_FILE = 'data/e2e-restart.db';

/** What `npm start` has printed so far, stdout and stderr together. */
const output = new WeakMap<ChildProcess, string[]>();
const printed = (child: ChildProcess) => (output.get(child) ?? []).join('');

async function startServer(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    env: { ...process.env, PORT: String(PORT), DATABASE_URL: `file:./${DB_FILE}`, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const chunks: string[] = [];
  output.set(child, chunks);
  child.stdout?.on('data', (d: Buffer) => chunks.push(d.toString()));
  child.stderr?.on('data', (d: Buffer) => chunks.push(d.toString()));
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${ORIGIN}/api/routes`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGTERM');
  throw new Error('the server did not answer within 2 minutes');
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

// Uses the build the suite runs against; a server given by E2E_BASE_URL cannot be restarted.
test.skip(Boolean(process.env.E2E_BASE_URL), 'needs the local build');
test.setTimeout(300_000);

test('a short link made before a restart opens the same view after it', async ({ page }) => {
  fs.rmSync(DB_FILE, { force: true });
  let server = await startServer();
  let id: string;
  try {
    const res = await fetch(`${ORIGIN}/api/views`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ path: '/routes/tumen-crossing-to-yanbian', query: { level: '4' }, hash: '#6/42.5/129.5' }),
    });
    expect(res.status).toBe(201);
    ({ id } = (await res.json()) as { id: string });
  } finally {
    await stopServer(server);
  }

  server = await startServer();
  try {
    await page.goto(`${ORIGIN}/v/${id}`);
    await expect(page).toHaveURL(`${ORIGIN}/routes/tumen-crossing-to-yanbian?level=4#6/42.5/129.5`);
    await expect(page.locator('#route-title')).toBeVisible();
  } finally {
    await stopServer(server);
    fs.rmSync(DB_FILE, { force: true });
  }
});

test('after kill -9 of the server process, npm start answers again within seconds (issue 19)', async () => {
  fs.rmSync(DB_FILE, { force: true });
  const server = await startServer();
  try {
    const pids = () => [...printed(server).matchAll(/server: Escape Atlas on \S+.*, pid (\d+)/g)].map((m) => Number(m[1]));
    const [pid] = pids();
    expect(pid).toBeGreaterThan(0);
    process.kill(pid, 'SIGKILL');
    const killedAt = Date.now();
    await expect.poll(() => printed(server), { timeout: 5_000 }).toMatch(/start: the server stopped \(killed by SIGKILL\).*restarting it/);
    await expect
      .poll(async () => (await fetch(`${ORIGIN}/api/routes`).catch(() => null))?.status, { timeout: 20_000, intervals: [100] })
      .toBe(200);
    expect(Date.now() - killedAt).toBeLessThan(10_000);
    // A new server process answered, and npm start itself never stopped.
    expect(pids()).toHaveLength(2);
    expect(pids()[1]).not.toBe(pid);
    expect(server.exitCode).toBeNull();
  } finally {
    await stopServer(server);
    fs.rmSync(DB_FILE, { force: true });
  }
  expect(server.exitCode).toBe(0);
});
