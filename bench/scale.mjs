#!/usr/bin/env node
// @ts-check
// `npm run bench:scale`: the figures for running the atlas on more than one process (issues 15
// and 18), apart from `npm run bench` because they start nginx and several servers. Needs a
// build in .next/ (`npm run build`) and nginx. Prints a table and writes bench/scale-results.json
// and bench/SCALE.md. Figures, not pass/fail: the exit code is 0 whatever they are.
//
// 1. The API behind `npm start`'s caching proxy (scripts/http-cache.mjs) against a plain
//    node:http server sending the same bytes (gzip per response, as bench/baseline-server.mjs
//    does for data), and against bare `next start` (no cache of its own).
// 2. Two `next start` instances behind nginx (deploy/nginx.conf, started by deploy/run-local.mjs)
//    against one instance alone: /api/routes and a route page.
// 3. Synthetic atlases 10× and 100× the size (scripts/synthetic-atlas.ts): /api/routes size and
//    map idle against the bare-MapLibre baseline on the same data. A row says "skipped" with the
//    reason when its atlas could not be made.
//
// BENCH_QUICK=1: 3 s load tests. BENCH_RUNS=n: cold loads per side for the synthetic rows (9: with 5,
// the 100x row read 1.20x and 1.25x in two runs of the same code half an hour apart).
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { startStack, waitForHttp } from '../deploy/run-local.mjs';
import { npmCommand } from './lib/app.mjs';
import { DEFAULT_CACHE, appServedFiles, startBaseline } from './lib/baseline.mjs';
import { ACCEPT_ENCODING, BROWSER_PAGE_ACCEPT, loadTest, rawGet } from './lib/load.mjs';
import { launchBrowser, measureLoad } from './lib/page-load.mjs';
import { cleanupAll, freePort, runProcess } from './lib/processes.mjs';
import { updateReadme } from './lib/report.mjs';
import { summary } from './lib/stats.mjs';
import { baselineStyleModule } from './lib/style.mjs';
import { staleBuildReason } from '../scripts/build-state.mjs';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const TMP = path.join(ROOT, 'bench', 'tmp');
const QUICK = process.env.BENCH_QUICK === '1';
const SECONDS = QUICK ? 3 : 10;
const RUNS = Number(process.env.BENCH_RUNS) || 9;
const SLUG = 'tumen-crossing-to-yanbian';
const GENERATOR = path.join(ROOT, 'scripts', 'synthetic-atlas.ts');
const TSX = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

/** @param {string} m */
const log = (m) => console.log(`scale: ${m}`);

/** @type {Array<() => Promise<unknown> | unknown>} */
const cleanups = [];
async function cleanup() {
  for (const fn of cleanups.splice(0).reverse()) await fn();
  // The baseline server (bench/lib/baseline.mjs) is stopped by the bench's own process list.
  await cleanupAll();
}
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM']))
  process.on(signal, () => {
    cleanup().finally(() => process.exit(1));
  });

/**
 * A node:http server answering every GET with `body` (gzip per response when asked, a strong ETag),
 * in this process: the floor a server of the same bytes sets.
 * @param {Buffer} body @param {number} port
 * @returns {Promise<http.Server>}
 */
function staticServer(body, port) {
  const etag = `"${body.length.toString(16)}"`;
  const server = http.createServer((req, res) => {
    if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const out = gzip ? zlib.gzipSync(body) : body;
    res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      etag,
      'content-length': String(out.length),
      ...(gzip ? { 'content-encoding': 'gzip', vary: 'Accept-Encoding' } : {}),
    });
    res.end(out);
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

/**
 * Start a node process and wait until `url` answers; stopped at the end.
 * @param {string[]} args @param {NodeJS.ProcessEnv} env @param {string} url @param {string} logName
 */
async function startNode(args, env, url, logName) {
  const out = fs.openSync(path.join(TMP, logName), 'w');
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  cleanups.push(
    () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(undefined);
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  );
  await waitForHttp(url, child, 120_000);
  return child;
}

/** @typedef {{ rps: number, p50: number, p99: number, errors: number, connections?: number }} Row */
/** @typedef {{ skipped: string } | { apiRoutesKbGz: number, idleMs: { app: Summary, baseline: Summary }, ratio: number | null }} SyntheticRow */
/** @typedef {ReturnType<typeof summary>} Summary */

/** @param {Awaited<ReturnType<typeof loadTest>>} r @returns {Row} */
const row = (r) => ({
  rps: Math.round(r.requestsPerSecond),
  p50: r.latencyMs.p50,
  p99: r.latencyMs.p99,
  errors: r.errors + r.timeouts + r.non2xx,
});

/** @param {string} databaseUrl */
async function apiCache(databaseUrl) {
  const [cachePort, nextPort, staticPort] = [await freePort(3470), await freePort(3480), await freePort(3490)];
  const env = { ...process.env, NODE_ENV: /** @type {const} */ ('production'), NEXT_TELEMETRY_DISABLED: '1', DATABASE_URL: databaseUrl };
  log(`npm start's server (scripts/server.mjs) on ${cachePort}, next start on ${nextPort}`);
  await startNode(
    ['scripts/server.mjs'],
    { ...env, PORT: String(cachePort) },
    `http://127.0.0.1:${cachePort}/api/routes`,
    'scale-server.log',
  );
  await startNode(
    [path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next'), 'start', '-p', String(nextPort), '-H', '127.0.0.1'],
    env,
    `http://127.0.0.1:${nextPort}/api/routes`,
    'scale-next-start.log',
  );
  const plain = await rawGet(`http://127.0.0.1:${cachePort}/api/routes`, { 'accept-encoding': 'identity' });
  const server = await staticServer(plain.body, staticPort);
  cleanups.push(() => new Promise((resolve) => server.close(resolve)));
  /** @type {Record<string, Row>} */
  const rows = {};
  for (const [name, origin] of /** @type {const} */ ([
    ['static node:http', `http://127.0.0.1:${staticPort}`],
    ['npm start (caching proxy)', `http://127.0.0.1:${cachePort}`],
    ['next start (no cache)', `http://127.0.0.1:${nextPort}`],
  ])) {
    log(`  /api/routes: ${name}`);
    rows[name] = row(await loadTest(`${origin}/api/routes`, { seconds: SECONDS }));
  }
  await cleanup();
  return rows;
}

/** @param {string} databaseUrl */
async function nginxRows(databaseUrl) {
  const nginxPort = await freePort(8190);
  const appPorts = [await freePort(3460), await freePort(3465)];
  log(`nginx on ${nginxPort} in front of next start on ${appPorts.join(' and ')}`);
  const stack = await startStack({ nginxPort, appPorts, databaseUrl, quiet: true });
  cleanups.push(() => stack.stop());
  /** @type {Record<string, Row>} */
  const rows = {};
  for (const pathname of ['/api/routes', `/routes/${SLUG}`]) {
    for (const [name, origin] of [
      ['one instance', stack.instances[0].origin],
      ['nginx + 2 instances', stack.origin],
    ]) {
      log(`  ${pathname}: ${name}`);
      // One instance renders a page for each request (its CSP nonce): 10 connections, so that
      // the latency is the render's and not a queue's; the API gets the main bench's 50. Pages
      // are asked for as a browser navigates, which is what nginx keeps (with fresh nonces).
      const page = !pathname.startsWith('/api/');
      const connections = page ? 10 : 50;
      const accept = page ? BROWSER_PAGE_ACCEPT : '*/*';
      rows[`${pathname} | ${name}`] = { ...row(await loadTest(origin + pathname, { seconds: SECONDS, connections, accept })), connections };
    }
  }
  await cleanup();
  return rows;
}

/**
 * Synthetic atlases: size of /api/routes and map idle against the baseline on the same data.
 * @returns {Promise<{ skipped: string } | { rows: Record<string, SyntheticRow> }>}
 */
async function syntheticRows() {
  if (!fs.existsSync(GENERATOR)) {
    log('synthetic atlases: skipped: no generator (scripts/synthetic-atlas.ts)');
    return { skipped: 'no generator' };
  }
  /** @type {Record<string, SyntheticRow>} */
  const results = {};
  const browser = await launchBrowser();
  try {
    const style = await baselineStyleModule();
    for (const factor of [10, 100]) results[`x${factor}`] = await syntheticRow(browser, style.file, factor);
  } finally {
    await browser.close();
  }
  return { rows: results };
}

/**
 * @param {import('playwright-core').Browser} browser @param {string} styleFile @param {number} factor
 */
async function syntheticRow(browser, styleFile, factor) {
  /** @returns {Promise<SyntheticRow>} */
  const measure = async () => {
    const databaseUrl = `file:./data/scale-x${factor}.db`;
    fs.rmSync(path.join(ROOT, 'data', `scale-x${factor}.db`), { force: true });
    const env = { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: /** @type {const} */ ('production') };
    try {
      execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'migrate.mjs'), 'deploy'], { cwd: ROOT, env, stdio: 'ignore' });
      // The generator writes a geo/-shaped folder outside geo/ (scripts/synthetic-atlas.ts); the
      // seed reads it from SEED_DIR into the database DATABASE_URL names.
      const dir = path.join(ROOT, 'data', `synthetic-${factor}x`);
      execFileSync(process.execPath, [TSX, GENERATOR, '--scale', String(factor), '--out', dir], { cwd: ROOT, env, stdio: 'inherit' });
      execFileSync(process.execPath, [TSX, path.join(ROOT, 'prisma', 'seed.ts')], {
        cwd: ROOT,
        env: { ...env, SEED_DIR: dir },
        stdio: 'inherit',
      });
    } catch (e) {
      log(`synthetic ×${factor}: skipped: the generator failed (${e instanceof Error ? e.message.split('\n')[0] : e})`);
      return { skipped: 'generator failed' };
    }
    const [appPort, basePort] = [await freePort(3500), await freePort(3510)];
    await startNode(
      [path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next'), 'start', '-p', String(appPort), '-H', '127.0.0.1'],
      env,
      `http://127.0.0.1:${appPort}/api/routes`,
      `scale-x${factor}.log`,
    );
    const appOrigin = `http://127.0.0.1:${appPort}`;
    const routes = await rawGet(`${appOrigin}/api/routes`, { 'accept-encoding': ACCEPT_ENCODING });
    const plain = await rawGet(`${appOrigin}/api/routes`, { 'accept-encoding': 'identity' });
    const detail = await rawGet(`${appOrigin}/api/routes/${SLUG}`, { 'accept-encoding': 'identity' });
    fs.writeFileSync(path.join(TMP, `routes-x${factor}.json`), plain.body);
    fs.writeFileSync(path.join(TMP, `route-detail-x${factor}.json`), detail.body);
    await startBaseline({
      port: basePort,
      basemap: path.join(ROOT, 'public', 'generated', 'basemap.json'),
      routesSnapshot: path.join(TMP, `routes-x${factor}.json`),
      detailSnapshot: path.join(TMP, `route-detail-x${factor}.json`),
      styleModule: styleFile,
      cache: { ...DEFAULT_CACHE },
      // The sprite and maplibre-gl's files as the app serves them, as in bench/run.mjs.
      appFiles: await appServedFiles(appOrigin, DEFAULT_CACHE),
    });
    /** @type {{ app: number[], baseline: number[] }} */
    const times = { app: [], baseline: [] };
    const viewport = { width: 1280, height: 800 };
    for (let i = 0; i < RUNS; i++) {
      times.app.push((await measureLoad(browser, { url: `${appOrigin}/`, viewport, throttle: 1, timeoutMs: 120_000 })).ms);
      times.baseline.push(
        (await measureLoad(browser, { url: `http://127.0.0.1:${basePort}/`, viewport, throttle: 1, timeoutMs: 120_000 })).ms,
      );
    }
    const app = summary(times.app);
    const base = summary(times.baseline);
    await cleanup();
    return {
      apiRoutesKbGz: +(routes.bytes / 1000).toFixed(1),
      idleMs: { app, baseline: base },
      ratio: app && base ? +(app.median / base.median).toFixed(2) : null,
    };
  };
  return measure();
}

async function main() {
  fs.mkdirSync(TMP, { recursive: true });
  // The stack runs `next start` on .next/: build it when it is missing or older than its sources.
  const stale = staleBuildReason('.next');
  if (stale) {
    log(`${stale}: running npm run build (a few minutes on 2 cores)`);
    const [npm, npmArgs] = npmCommand();
    await runProcess(npm, [...npmArgs, 'run', 'build'], { cwd: ROOT, env: process.env, logFile: path.join(TMP, 'scale-build.log') });
  }
  const databaseUrl = 'file:./data/scale.db';
  const loadAtStart = os.loadavg().map((x) => +x.toFixed(2));
  // The database is prepared by startStack (migrate, seed) before the first servers start.
  const nginx = await nginxRows(databaseUrl);
  const api = await apiCache(databaseUrl);
  const synthetic = await syntheticRows();
  await cleanup();
  const results = {
    measuredAt: new Date().toISOString(),
    cpus: os.cpus().length,
    loadAverage: { start: loadAtStart, end: os.loadavg().map((x) => +x.toFixed(2)) },
    seconds: SECONDS,
    api,
    nginx,
    synthetic,
  };
  const staticRps = api['static node:http'].rps;
  const cached = api['npm start (caching proxy)'];
  const page = (/** @type {string} */ name) => nginx[`/routes/${SLUG} | ${name}`];
  const x100 = 'rows' in synthetic ? synthetic.rows.x100 : undefined;
  /** @param {Summary} s */
  const spread = (s) => (s ? `${Math.round(s.median)} (${Math.round(s.min)}–${Math.round(s.max)})` : '–');
  const lines = [
    `Measured ${results.measuredAt} on ${results.cpus} CPUs; load average ${loadAtStart[0]} at the start, ${results.loadAverage.end[0]} at the end. autocannon, ${SECONDS} s, gzip, 50 connections (10 on route pages).`,
    '',
    '| Server | Path | Connections | req/s | p50 / p99 ms | Errors and timeouts |',
    '| --- | --- | --- | --- | --- | --- |',
    ...Object.entries(api).map(([name, r]) => `| ${name} | /api/routes | 50 | ${r.rps} | ${r.p50} / ${r.p99} | ${r.errors} |`),
    ...Object.entries(nginx).map(([key, r]) => {
      const [p, name] = key.split(' | ');
      return `| ${name} | ${p} | ${r.connections ?? 50} | ${r.rps} | ${r.p50} / ${r.p99} | ${r.errors} |`;
    }),
    '',
    '| Target | Goal | Measured |',
    '| --- | --- | --- |',
    `| /api/routes through npm start vs static | ≥ 70% | ${Math.round((100 * cached.rps) / staticRps)}% |`,
    `| /api/routes p99 through npm start | < 25 ms | ${cached.p99} ms |`,
    `| /api/routes errors | 0 | ${cached.errors} |`,
    `| route page through nginx vs one instance | ≥ 3× | ${(page('nginx + 2 instances').rps / Math.max(1, page('one instance').rps)).toFixed(2)}× |`,
    `| route page p99 through nginx | < 50 ms | ${page('nginx + 2 instances').p99} ms |`,
    ...(x100 && !('skipped' in x100)
      ? [
          `| /api/routes at 100× the data | ≤ 600 kB gz | ${x100.apiRoutesKbGz} kB |`,
          `| map idle at 100× the data vs the baseline on it | ≤ 1.25× | ${x100.ratio}× |`,
        ]
      : []),
    '',
    `Synthetic atlases: map idle of \`/\` at CPU 1×, ${RUNS} cold loads per side, ms median (min–max).`,
    '',
    '| Synthetic atlas | /api/routes kB gz | Map idle `/` app ms | Baseline ms | App / baseline |',
    '| --- | --- | --- | --- | --- |',
    ...('skipped' in synthetic
      ? [`| 10×, 100× | skipped: ${synthetic.skipped} | | | |`]
      : Object.entries(synthetic.rows).map(([k, v]) =>
          'skipped' in v
            ? `| ${k.slice(1)}× | skipped: ${v.skipped} | | | |`
            : `| ${k.slice(1)}× | ${v.apiRoutesKbGz} | ${spread(v.idleMs.app)} | ${spread(v.idleMs.baseline)} | ${v.ratio}× |`,
        )),
  ];
  const md = lines.join('\n');
  console.log(`\n${md}\n`);
  fs.writeFileSync(path.join(ROOT, 'bench', 'scale-results.json'), JSON.stringify(results, null, 2) + '\n');
  fs.writeFileSync(path.join(ROOT, 'bench', 'SCALE.md'), `<!-- written by npm run bench:scale (bench/scale.mjs); do not edit -->\n${md}\n`);
  const inReadme = !QUICK && updateReadme(ROOT, 'bench-scale', md);
  log(`wrote bench/scale-results.json and bench/SCALE.md${inReadme ? ', and the scale tables in README.md' : ''}`);
}

main()
  .catch(async (e) => {
    console.error(`scale: ${e instanceof Error ? e.stack : e}`);
    process.exitCode = 1;
  })
  .finally(cleanup);
