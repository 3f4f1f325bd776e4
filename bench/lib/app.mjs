// The app under test: its own production build (NEXT_DIST_DIR=.next-bench, so no one else's
// build is touched) and its own SQLite file (data/bench.db), prepared and started by the
// project's own `scripts/start.mjs` (migrate, seed, build when stale, then scripts/server.mjs).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { staleBuildReason } from '../../scripts/build-state.mjs';
import { runProcess, startProcess, tail, waitForHttp } from './processes.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BENCH_DIR = path.join(ROOT, 'bench');
export const TMP_DIR = path.join(BENCH_DIR, 'tmp');
export const DIST_DIR = '.next-bench';
export const DATABASE_URL = 'file:./data/bench.db';
export const BASEMAP = path.join(ROOT, 'public', 'generated', 'basemap.json');

/** Why the bench build must be (re)made, or null when it is up to date. */
export function buildReason() {
  if (process.env.BENCH_REBUILD === '1') return 'BENCH_REBUILD=1';
  // BENCH_REBUILD=0: keep whatever build there is (for repeated runs while the app is edited).
  if (process.env.BENCH_REBUILD === '0' && fs.existsSync(path.join(ROOT, DIST_DIR, 'BUILD_ID'))) return null;
  return staleBuildReason(DIST_DIR);
}

function packageScripts() {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts ?? {};
}

/** npm itself, run with this Node: `npm_execpath` when the bench runs under `npm run`. */
export function npmCommand() {
  const execPath = process.env.npm_execpath;
  return execPath && fs.existsSync(execPath) ? [process.execPath, [execPath]] : ['npm', []];
}

/**
 * The basemap the app serves and the baseline reuses. Built with the project's `npm run basemap`
 * when missing; null when the project has no such script yet.
 */
export async function ensureBasemap(log) {
  if (fs.existsSync(BASEMAP)) return BASEMAP;
  const options = { cwd: ROOT, env: process.env, logFile: path.join(TMP_DIR, 'basemap.log') };
  if (packageScripts().basemap) {
    log('public/generated/basemap.json is missing: running npm run basemap');
    const [command, args] = npmCommand();
    await runProcess(command, [...args, 'run', 'basemap'], options);
  } else if (fs.existsSync(path.join(ROOT, 'scripts', 'build-basemap.ts'))) {
    log('public/generated/basemap.json is missing: running scripts/build-basemap.ts');
    await runProcess(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/build-basemap.ts'], options);
  }
  return fs.existsSync(BASEMAP) ? BASEMAP : null;
}

/**
 * Start the app on `port` through scripts/start.mjs, building first when the bench build is
 * missing or stale. Resolves once /api/routes answers, with the child process.
 */
export async function startApp({ port, log }) {
  const reason = buildReason();
  if (reason) {
    // start.mjs builds exactly when BUILD_ID is missing.
    log(`building the app into ${DIST_DIR}/ (${reason}); this takes a few minutes on 2 cores`);
    fs.rmSync(path.join(ROOT, DIST_DIR, 'BUILD_ID'), { force: true });
  }
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    NEXT_DIST_DIR: DIST_DIR,
    DATABASE_URL,
    PORT: String(port),
  };
  const logFile = path.join(TMP_DIR, 'app.log');
  fs.writeFileSync(logFile, '');
  const child = startProcess(process.execPath, ['scripts/start.mjs'], {
    cwd: ROOT,
    env,
    logFile,
    onLine: (line) => {
      if (/^start:|Compiled|Failed to compile|Error:/.test(line)) log(`  app | ${line}`);
    },
  });
  try {
    await waitForHttp(`http://127.0.0.1:${port}/api/routes`, { child, timeoutMs: 15 * 60_000, what: 'the app (scripts/start.mjs)' });
  } catch (e) {
    throw new Error(`${e.message}\n--- bench/tmp/app.log (tail) ---\n${tail(logFile)}`, { cause: e });
  }
  return child;
}

/** Whether the build has a page for `pathname` (the app is written while the bench is). */
export async function pageExists(origin, pathname) {
  const res = await fetch(origin + pathname, { redirect: 'manual' });
  await res.arrayBuffer();
  return res.status === 200;
}
