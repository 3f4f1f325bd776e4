#!/usr/bin/env node
// npm start: from a fresh checkout (after `npm install`) to a running production server.
// 1. generate the Prisma clients (SQLite and PostgreSQL) when missing or older than their schema;
// 2. apply pending migrations to DATABASE_URL (default file:./data/atlas.db; a postgresql:// URL
//    for PostgreSQL) and seed it from geo/ when the data version differs from the one stored;
//    a database that cannot be reached or used stops here with one line saying how to fix it;
// 3. build (basemap, the still images' Hangul font, map bundles, then next build) when there is no build in .next/ ($NEXT_DIST_DIR when set), or
//    its sources changed since (scripts/build-state.mjs);
// 4. the production server, scripts/server.mjs (Next.js behind a short shared cache for the
//    read-only API), on PORT (default 3000), restarted with a backoff whenever it dies (supervise).
// Every step that fails stops here with a message saying what to do, before the server starts
// (a TRUST_PROXY that is not one of the forms lib/http/rate-limit.ts reads, too).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseTrustProxy } from '../lib/http/trust-proxy.mjs';
import { staleBuildReason } from './build-state.mjs';
import { DEFAULT_DATABASE_URL, MigrateError, ROOT, migrateDeploy } from './migrate.mjs';

const require = createRequire(import.meta.url);

class StartError extends Error {}

/** The JavaScript file behind a package's command, run with this Node (no shell, no .bin shims). */
function binOf(pkg, name = pkg) {
  const manifest = require.resolve(`${pkg}/package.json`, { paths: [ROOT] });
  const { bin } = JSON.parse(fs.readFileSync(manifest, 'utf8'));
  return path.join(path.dirname(manifest), typeof bin === 'string' ? bin : bin[name]);
}

function run(what, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: 'inherit' });
    child.on('error', (e) => reject(new StartError(`${what} could not start: ${e.message}`)));
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new StartError(`${what} failed (${signal ?? `exit code ${code}`}); see the output above.`)),
    );
  });
}

/** Each schema and the client generated from it (one per provider: see lib/data/db.ts). */
const CLIENTS = [
  { schema: 'prisma/schema.prisma', client: 'lib/generated/prisma/client.ts' },
  { schema: 'prisma/postgresql/schema.prisma', client: 'lib/generated/prisma-pg/client.ts' },
];

function needsGenerate({ schema, client }) {
  const file = path.join(ROOT, client);
  if (!fs.existsSync(file)) return true;
  return fs.statSync(path.join(ROOT, schema)).mtimeMs > fs.statSync(file).mtimeMs;
}

async function main() {
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', CHECKPOINT_DISABLE: '1' };
  env.DATABASE_URL ||= DEFAULT_DATABASE_URL;
  // `prisma generate` needs no engine, but insists that the engine file exists.
  env.PRISMA_SCHEMA_ENGINE_BINARY ||= process.execPath;
  const log = (m) => console.log(`start: ${m}`);

  // The rule the rate limit reads it by; a typo must not quietly trust no proxy.
  const trust = parseTrustProxy(env.TRUST_PROXY);
  if (!trust.ok) throw new StartError(trust.message);

  for (const c of CLIENTS.filter(needsGenerate)) {
    log(`generating the Prisma client for ${c.schema}`);
    await run('prisma generate', [binOf('prisma'), 'generate', '--schema', c.schema], env);
  }

  // Checks the URL and the connection first (one line for a bad one), then migrates.
  await migrateDeploy({ url: env.DATABASE_URL, log });
  await run('The seed (prisma/seed.ts)', [binOf('tsx'), 'prisma/seed.ts', '--if-changed'], env);

  const stale = staleBuildReason(env.NEXT_DIST_DIR || '.next');
  if (stale) {
    log(`${stale}: building the basemap, the still images' font and the map bundles, then running next build`);
    await run('The basemap build (scripts/build-basemap.ts)', [binOf('tsx'), 'scripts/build-basemap.ts'], env);
    await run('The still images’ Hangul font (scripts/build-still-font.ts)', [binOf('tsx'), 'scripts/build-still-font.ts'], env);
    await run('The map bundles build (scripts/build-map-bundles.mjs)', ['scripts/build-map-bundles.mjs'], env);
    await run('next build', [binOf('next'), 'build'], env);
  }

  const port = env.PORT || '3000';
  if (!/^\d{1,5}$/.test(port) || Number(port) > 65535) throw new StartError(`PORT must be a port number, not "${port}".`);
  supervise(
    () => spawn(process.execPath, [path.join(ROOT, 'scripts', 'server.mjs')], { cwd: ROOT, env: { ...env, PORT: port }, stdio: 'inherit' }),
    log,
  );
}

/** scripts/server.mjs's exit code for a configuration it cannot serve with: restarting would not help. */
const EXIT_CONFIG = 78;
/** Restarts wait 0.5 s, then twice as long after each crash in a row, up to this. */
const MAX_BACKOFF_MS = 30_000;
/** A server that ran this long before dying is not crash-looping: the backoff starts over. */
const HEALTHY_AFTER_MS = 60_000;
/** Crashes in a row, each within seconds of starting, after which restarting is given up. */
const MAX_QUICK_CRASHES = 8;
const QUICK_CRASH_MS = 10_000;

/**
 * Keep the server running: when it dies (a crash, an out-of-memory kill, kill -9) it is started
 * again after a backoff, with a line saying why. A stop signal to `npm start` stops the server and
 * ends here; so does a server that exits cleanly, one that says its configuration is wrong, and
 * one that keeps dying within seconds of starting (a broken build), each with a line saying so.
 * Small enough to read here, rather than a process manager as a dependency; under systemd or
 * Docker, their restart policy can wrap this as well.
 * @param {() => import('node:child_process').ChildProcess} launch
 * @param {(message: string) => void} log
 */
function supervise(launch, log) {
  let stopping = false;
  let crashes = 0;
  let quickCrashes = 0;
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  /** @type {import('node:child_process').ChildProcess} */
  let server;
  const run = () => {
    const startedAt = Date.now();
    server = launch();
    server.on('exit', (code, signal) => {
      if (stopping) process.exit(code ?? 0);
      if (code === 0) process.exit(0);
      if (code === EXIT_CONFIG) {
        console.error('start: the server cannot run as configured (see the line above); not restarting it.');
        process.exit(1);
      }
      const ranMs = Date.now() - startedAt;
      if (ranMs >= HEALTHY_AFTER_MS) crashes = 0;
      quickCrashes = ranMs < QUICK_CRASH_MS ? quickCrashes + 1 : 0;
      const why = signal ? `killed by ${signal}` : `exit code ${code}`;
      if (quickCrashes >= MAX_QUICK_CRASHES) {
        console.error(
          `start: the server died ${quickCrashes} times in a row within seconds of starting (last: ${why}); giving up. See the output above.`,
        );
        process.exit(1);
      }
      const delay = Math.min(MAX_BACKOFF_MS, 500 * 2 ** crashes++);
      console.error(`start: the server stopped (${why}) after ${Math.round(ranMs / 1000)} s; restarting it in ${delay / 1000} s.`);
      timer = setTimeout(run, delay);
    });
  };
  // Pass stop signals on, so a process manager stopping us stops the server too.
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
    process.on(signal, () => {
      stopping = true;
      clearTimeout(timer);
      if (server.exitCode === null && server.signalCode === null) server.kill(signal);
      else process.exit(0);
    });
  }
  run();
  log('serving; the server is restarted if it dies (stop with Ctrl-C or SIGTERM).');
}

main().catch((e) => {
  console.error(e instanceof MigrateError || e instanceof StartError ? `start: ${e.message}` : e);
  process.exit(1);
});
