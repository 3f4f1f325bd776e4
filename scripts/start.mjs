#!/usr/bin/env node
// npm start: from a fresh checkout (after `npm install`) to a running production server.
// 1. generate the Prisma clients (SQLite and PostgreSQL) when missing or older than their schema;
// 2. apply pending migrations to DATABASE_URL (default file:./data/atlas.db; a postgresql:// URL
//    for PostgreSQL) and seed it from geo/ when the data version differs from the one stored;
//    a database that cannot be reached or used stops here with one line saying how to fix it;
// 3. build (basemap, the still images' Hangul font, map bundles, then next build) when there is no build in .next/ ($NEXT_DIST_DIR when set), or
//    its sources changed since (scripts/build-state.mjs);
// 4. the production server, scripts/server.mjs (Next.js behind a short shared cache for the
//    read-only API), on PORT (default 3000).
// Every step that fails stops here with a message saying what to do, before the server starts
// (a TRUST_PROXY that is not one of the forms lib/http/rate-limit.ts reads, too).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
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

  // The same forms lib/http/rate-limit.ts accepts; a typo must not quietly trust no proxy.
  const trust = (env.TRUST_PROXY ?? '').trim().toLowerCase();
  if (trust && !/^(?:\d|10|true|false|loopback)$/.test(trust)) {
    throw new StartError(
      `TRUST_PROXY must be the number of reverse proxies in front of the app (0–10), "true" (1), "false" (0) or "loopback", not "${env.TRUST_PROXY}".`,
    );
  }

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
  const server = spawn(process.execPath, [path.join(ROOT, 'scripts', 'server.mjs')], {
    cwd: ROOT,
    env: { ...env, PORT: port },
    stdio: 'inherit',
  });
  // Pass stop signals on, so a process manager stopping us stops the server too.
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
  server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

main().catch((e) => {
  console.error(e instanceof MigrateError || e instanceof StartError ? `start: ${e.message}` : e);
  process.exit(1);
});
