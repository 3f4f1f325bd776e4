// For the e2e tests that need a server of their own: the production server (scripts/server.mjs,
// what `npm start` runs once its checks pass) on a database the test chooses, and the project's
// own migrate and seed to fill that database first.
import { spawn, spawnSync, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { expect } from '@playwright/test';

const TSX = 'node_modules/tsx/dist/cli.mjs';
/** The migrations, then the seed of geo/ (or of `--dir <atlas>` given after it). */
export const MIGRATE = ['scripts/migrate.mjs', 'deploy'];
export const SEED = [TSX, 'prisma/seed.ts'];
export const SYNTHETIC = [TSX, 'scripts/synthetic-atlas.ts'];

/** Run each Node script (`[file, ...args]`) in turn against `databaseUrl`; each must succeed. */
export function runScripts(databaseUrl: string, ...scripts: string[][]): void {
  const env = { ...process.env, DATABASE_URL: databaseUrl };
  for (const args of scripts) {
    const run = spawnSync(process.execPath, args, { env, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
  }
}

/**
 * Start the production server on `port` with `env` added, and wait until /api/routes answers
 * `ready` (200 by default; 503 for a server whose database cannot be read).
 */
export async function startServer(
  port: number,
  env: Record<string, string>,
  { ready = 200, ...options }: { ready?: number } & Pick<SpawnOptions, 'uid' | 'gid'> = {},
): Promise<ChildProcess> {
  const server = spawn(process.execPath, ['scripts/server.mjs'], {
    env: { ...process.env, ...env, PORT: String(port), NEXT_TELEMETRY_DISABLED: '1' },
    stdio: 'ignore',
    ...options,
  });
  await expect
    .poll(async () => (await fetch(`http://localhost:${port}/api/routes`).catch(() => null))?.status, { timeout: 60_000, intervals: [250] })
    .toBe(ready);
  return server;
}

/** Stop a server startServer started (SIGTERM) and wait for it to exit. */
export async function stopServer(server: ChildProcess | undefined): Promise<void> {
  if (!server || server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  await exited;
}
