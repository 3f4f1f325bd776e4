#!/usr/bin/env node
// @ts-check
// The production recipe of deploy/nginx.conf, run on one machine on loopback only: the database,
// two (or more) app instances started with plain `next start` (nothing of `npm start`'s own
// front), and nginx in front of them. Stops everything on Ctrl-C or SIGTERM.
//
//   npm run build                      # once: the instances serve .next/
//   node deploy/run-local.mjs          # http://127.0.0.1:8088, instances on 3301 and 3302
//   DEPLOY_DB=postgres node deploy/run-local.mjs   # PostgreSQL 15 instead of one SQLite file
//
// Environment: DEPLOY_DB (`sqlite`, the default: both instances share data/deploy.db; `postgres`:
// starts the local PostgreSQL 15 cluster and uses database atlas_deploy, which needs the
// app's PostgreSQL support), DEPLOY_PORT (nginx, 8088), DEPLOY_APP_PORTS (3301,3302),
// DATABASE_URL (overrides either choice). The multi-instance test (tests/multi/) uses
// startStack() from here, so what it checks is what this script runs.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const NEXT_BIN = path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');
const TSX_BIN = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
// Debian puts nginx in /usr/sbin, which an ordinary user's PATH may lack.
const NGINX_BIN = fs.existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx';
export const SQLITE_URL = 'file:./data/deploy.db';
// The one-line switch: what DEPLOY_DB=postgres connects to (password set by ensurePostgres).
export const POSTGRES_URL = 'postgresql://atlas:atlas@127.0.0.1:5432/atlas_deploy';

/** @typedef {import('node:child_process').ChildProcess} Child */
/**
 * @typedef {{ port: number, origin: string, child: Child, stop: () => Promise<void>, kill: () => Promise<void>, start: () => Promise<void> }} Instance
 * @typedef {{ origin: string, instances: Instance[], runDir: string, databaseUrl: string, stop: () => Promise<void> }} Stack
 */

/** @param {string} message */
const log = (message) => console.log(`deploy: ${message}`);

/**
 * Run a command to its end; reject with its output when it fails.
 * @param {string} command @param {string[]} args @param {NodeJS.ProcessEnv} env
 */
function run(command, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout?.on('data', (d) => (output += d));
    child.stderr?.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${path.basename(args[0] ?? command)} failed (${code}):\n${output}`)),
    );
  });
}

/**
 * Wait until `url` answers at all (any status), for at most `timeoutMs`.
 * @param {string} url @param {Child} child @param {number} timeoutMs
 */
export async function waitForHttp(url, child, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited (${child.exitCode}) before answering`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
      await res.arrayBuffer();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

/**
 * Stop `child` with `signal` and wait for it to exit (SIGKILL after `graceMs`).
 * @param {Child} child @param {NodeJS.Signals} signal @param {number} graceMs
 */
function stopChild(child, signal = 'SIGTERM', graceMs = 5000) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(undefined);
    });
    child.kill(signal);
  });
}

/** Start the local PostgreSQL 15 cluster if it is down, and make role atlas and database atlas_deploy. */
function ensurePostgres() {
  const status = execFileSync('pg_lsclusters', ['--no-header'], { encoding: 'utf8' });
  const startedHere = !/^15\s+main\s+\d+\s+online/m.test(status);
  if (startedHere) execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', '15', 'main', 'start']);
  /** @param {string} sql */
  const psql = (sql) => execFileSync('su', ['postgres', '-c', `psql -v ON_ERROR_STOP=1 -tAc "${sql}"`], { encoding: 'utf8' }).trim();
  if (!psql("SELECT 1 FROM pg_roles WHERE rolname = 'atlas'")) psql("CREATE ROLE atlas LOGIN PASSWORD 'atlas'");
  if (!psql("SELECT 1 FROM pg_database WHERE datname = 'atlas_deploy'")) psql('CREATE DATABASE atlas_deploy OWNER atlas');
  return startedHere;
}

/**
 * deploy/nginx.conf with its listen address and upstream servers set to `nginxPort` and `appPorts`.
 * @param {number} nginxPort @param {number[]} appPorts
 */
export function nginxConfig(nginxPort, appPorts) {
  const template = fs.readFileSync(path.join(ROOT, 'deploy', 'nginx.conf'), 'utf8');
  const servers = appPorts.map((p) => `        server 127.0.0.1:${p} max_fails=1 fail_timeout=5s;`).join('\n');
  const config = template
    .replace(/^ {8}server 127\.0\.0\.1:\d+ max_fails=1 fail_timeout=5s;\n(?: {8}server 127\.0\.0\.1:\d+ .*\n)*/m, `${servers}\n`)
    .replace(/listen 127\.0\.0\.1:\d+;/, `listen 127.0.0.1:${nginxPort};`);
  if (!config.includes(`listen 127.0.0.1:${nginxPort};`) || !config.includes(servers))
    throw new Error('deploy/nginx.conf: no listen or upstream lines to set');
  return config;
}

/**
 * Prepare the database once, then start the instances and nginx. Everything listens on 127.0.0.1.
 * @param {{ nginxPort?: number, appPorts?: number[], databaseUrl?: string, postgres?: boolean, quiet?: boolean }} [options]
 * @returns {Promise<Stack>}
 */
export async function startStack({ nginxPort = 8088, appPorts = [3301, 3302], databaseUrl, postgres = false, quiet = false } = {}) {
  const say = quiet ? () => {} : log;
  if (!fs.existsSync(path.join(ROOT, '.next', 'BUILD_ID'))) throw new Error('no build in .next/: run `npm run build` first');
  const stoppers = /** @type {Array<() => Promise<void> | void>} */ ([]);
  const stopAll = async () => {
    for (const stop of stoppers.splice(0).reverse()) await stop();
  };
  try {
    if (postgres) {
      const startedHere = ensurePostgres();
      say(`PostgreSQL 15 up on 127.0.0.1:5432${startedHere ? ' (started here)' : ''}`);
      if (startedHere) stoppers.push(() => void execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', '15', 'main', 'stop']));
    }
    const url = databaseUrl ?? (postgres ? POSTGRES_URL : SQLITE_URL);
    // TRUST_PROXY=1: nginx is the one proxy in front, and appends the client's address to
    // X-Forwarded-For; the rate limit keys on that (lib/http/rate-limit.ts).
    const env = {
      ...process.env,
      DATABASE_URL: url,
      TRUST_PROXY: process.env.TRUST_PROXY ?? '1',
      NODE_ENV: /** @type {const} */ ('production'),
      NEXT_TELEMETRY_DISABLED: '1',
    };
    // Once, before any instance starts: two instances migrating one database would race.
    await run(process.execPath, [path.join(ROOT, 'scripts', 'migrate.mjs'), 'deploy'], env);
    await run(process.execPath, [TSX_BIN, 'prisma/seed.ts', '--if-changed'], env);
    say(`database ready: ${url.replace(/:[^:@/]+@/, ':***@')}`);

    const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-deploy-'));
    stoppers.push(() => fs.rmSync(runDir, { recursive: true, force: true }));
    const origin = `http://127.0.0.1:${nginxPort}`;

    /** @type {Instance[]} */
    const instances = appPorts.map((port) => {
      /** @type {Instance} */
      const instance = {
        port,
        origin: `http://127.0.0.1:${port}`,
        child: /** @type {Child} */ (/** @type {unknown} */ (null)),
        async start() {
          const logFile = fs.openSync(path.join(runDir, `app-${port}.log`), 'a');
          instance.child = spawn(process.execPath, [NEXT_BIN, 'start', '-p', String(port), '-H', '127.0.0.1'], {
            cwd: ROOT,
            env: { ...env, APP_ORIGIN: origin },
            stdio: ['ignore', logFile, logFile],
          });
          fs.closeSync(logFile);
          await waitForHttp(`${instance.origin}/api/routes`, instance.child);
        },
        stop: () => stopChild(instance.child, 'SIGTERM'),
        kill: () => stopChild(instance.child, 'SIGKILL'),
      };
      return instance;
    });
    stoppers.push(() => Promise.all(instances.map((i) => i.child && i.stop())).then(() => {}));
    // One at a time: two Next.js servers starting together on two cores take longer than in turn.
    for (const instance of instances) await instance.start();
    say(`instances up: ${instances.map((i) => i.origin).join(', ')}`);

    for (const dir of ['logs', 'tmp', 'cache']) fs.mkdirSync(path.join(runDir, dir), { recursive: true, mode: 0o777 });
    // As root, nginx's workers run as nobody: they must reach and write their folders.
    fs.chmodSync(runDir, 0o755);
    for (const dir of ['logs', 'tmp', 'cache']) fs.chmodSync(path.join(runDir, dir), 0o777);
    fs.writeFileSync(path.join(runDir, 'nginx.conf'), nginxConfig(nginxPort, appPorts));
    const nginx = spawn(NGINX_BIN, ['-p', runDir, '-c', 'nginx.conf', '-g', 'daemon off;'], { stdio: ['ignore', 'inherit', 'inherit'] });
    // SIGQUIT: nginx's graceful stop (finishes requests in flight).
    stoppers.push(() => stopChild(nginx, 'SIGQUIT'));
    await waitForHttp(`${origin}/api/routes`, nginx, 20_000);
    say(`nginx up: ${origin} (logs and cache in ${runDir})`);
    return { origin, instances, runDir, databaseUrl: url, stop: stopAll };
  } catch (e) {
    await stopAll();
    throw e;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(fs.realpathSync(process.argv[1])).href) {
  const ports = (process.env.DEPLOY_APP_PORTS || '3301,3302').split(',').map(Number);
  const stack = await startStack({
    nginxPort: Number(process.env.DEPLOY_PORT || 8088),
    appPorts: ports,
    postgres: process.env.DEPLOY_DB === 'postgres',
    databaseUrl: process.env.DATABASE_URL || undefined,
  }).catch((/** @type {unknown} */ e) => {
    console.error(`deploy: ${e instanceof Error ? e.message : e}`);
    process.exit(1);
  });
  log('running; Ctrl-C stops everything');
  let stopping = false;
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM']))
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      log('stopping nginx, the instances and the database');
      stack.stop().then(() => process.exit(0));
    });
}
