#!/usr/bin/env node
// npm run bench – how fast the atlas is, measured against the floor: a bare MapLibre page with
// the same basemap and route data, served the same way (issue #6). Figures, not timed tests: the
// exit code is 0 whatever the figures are, and non-zero only when the bench could not run.
//
// 1. the app: its own build (.next-bench) and database (data/bench.db), through scripts/start.mjs;
// 2. the baseline: bench/baseline/ served by bench/baseline-server.mjs;
// 3. cold page loads in headless Chromium, interleaved app/baseline, at 1× and 4× CPU;
// 4. bytes per page, the JS chunks and what is in them, repeat visits;
// 5. the API under load against a static file of the same size; ETag revalidation; still images;
// 6. the table on stdout, bench/results.json and bench/RESULTS.md.
//
// BENCH_QUICK=1   3 runs per page and 3 s load tests (a smoke test, not comparable figures)
// BENCH_RUNS=n    runs per page and setting (default 7)
// BENCH_REBUILD=1 rebuild the app even when the bench build looks current; =0 never rebuild
//                 an existing build, even a stale one
// CHROMIUM_PATH   the browser (default /usr/bin/chromium)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BENCH_DIR, DATABASE_URL, DIST_DIR, ROOT, TMP_DIR, ensureBasemap, pageExists, startApp } from './lib/app.mjs';
import { DEFAULT_CACHE, appServedFiles, startBaseline } from './lib/baseline.mjs';
import { inspectChunks } from './lib/chunks.mjs';
import { loadTest, rawGet, revalidation, stillImageTimes } from './lib/load.mjs';
import { STRIPS, launchBrowser, measureLoad, measureRepeatVisit, measureStripped } from './lib/page-load.mjs';
import { cleanupAll, freePort, installExitHandlers, isExiting, onCleanup } from './lib/processes.mjs';
import { checkTargets, markdown, updateReadme } from './lib/report.mjs';
import { baselineStyleModule } from './lib/style.mjs';
import { summary } from './lib/stats.mjs';

const QUICK = process.env.BENCH_QUICK === '1';
const RUNS = Number(process.env.BENCH_RUNS) || (QUICK ? 3 : 7);
const LOAD_SECONDS = QUICK ? 3 : 10;
const CONNECTIONS = 50;
const THROTTLES = [1, 4];
const SLUG = 'tumen-crossing-to-yanbian';
const DESKTOP = { width: 1280, height: 800 };
/**
 * The pages of issue #6, and the Korean explorer (issue #16). The embed page is measured at a typical iframe size.
 * `parts`: also loaded with parts of Next.js taken away (page-load.mjs STRIPS) at the highest CPU rate, to show where
 * the app's time beside the bare page goes.
 */
const PAGES = [
  { id: 'home', path: '/', viewport: DESKTOP, parts: true },
  { id: 'home-ko', path: '/ko', viewport: DESKTOP, lang: 'ko' },
  { id: 'route', path: `/routes/${SLUG}`, viewport: DESKTOP, focus: SLUG, parts: true },
  { id: 'embed', path: `/embed/${SLUG}`, viewport: { width: 800, height: 450 }, focus: SLUG },
];
const IMAGES = [`/routes/${SLUG}/image.png`, `/routes/${SLUG}/image.png?size=social`, '/image.png'];

const log = (message) => console.log(`bench: ${message}`);
const notes = [];
const note = (message) => {
  if (isExiting()) return;
  notes.push(message);
  log(`note: ${message}`);
};

function gitInfo() {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: ROOT, encoding: 'utf8' }).trim() !== '';
    return { commit, dirty };
  } catch {
    return { commit: 'unknown', dirty: false };
  }
}

function version(pkg) {
  try {
    return JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')).version;
  } catch {
    return null;
  }
}

/**
 * Put the latest table into README.md between its bench markers; false when the README has no
 * markers (then only bench/RESULTS.md is written). BENCH_QUICK runs leave the README alone.
 * The README's own headings are level 2; the bench's bold captions stay as they are.
 */
const writeReadme = (md) => !QUICK && updateReadme(ROOT, 'bench', md);

/** Save a GET of the app's API as a file: the baseline serves these exact bytes. */
async function snapshot(origin, pathname, file) {
  const res = await fetch(origin + pathname);
  const text = await res.text();
  if (!res.ok) throw new Error(`${pathname} answered ${res.status}: ${text.slice(0, 200)}`);
  fs.writeFileSync(file, text);
  return JSON.parse(text);
}

/** Stand-in basemap while the project has none: Natural Earth 1:50m countries from world-atlas. */
async function fallbackBasemap() {
  const file = path.join(TMP_DIR, 'fallback-basemap.json');
  if (!fs.existsSync(file)) {
    const { feature } = await import('topojson-client');
    const topology = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', 'world-atlas', 'countries-50m.json'), 'utf8'));
    fs.writeFileSync(file, JSON.stringify(feature(topology, topology.objects.countries)));
  }
  return file;
}

async function cacheControl(url) {
  const res = await rawGet(url);
  return res.status === 200 ? (res.headers['cache-control'] ?? null) : null;
}

/**
 * Cold loads of every page, app and baseline taking turns (the order flips every run, so
 * neither side always runs on a warmer machine), at each CPU throttling rate.
 */
async function measurePages(browser, pages, appOrigin, baseOrigin) {
  const partsAt = Math.max(...THROTTLES);
  for (const throttle of THROTTLES) {
    for (const page of pages) page.runs[throttle] = { app: [], baseline: [], failures: [], parts: {} };
    for (let run = 0; run < RUNS; run++) {
      for (const page of pages) {
        const sides = [
          ['app', appOrigin + page.path],
          ['baseline', baseOrigin + page.baselinePath],
          ...(page.parts && throttle === partsAt ? Object.keys(STRIPS).map((strip) => [strip, appOrigin + page.path]) : []),
        ];
        if (run % 2) sides.reverse();
        for (const [side, url] of sides) {
          const screenshot = run === 0 ? path.join(TMP_DIR, 'screens', `${page.id}-${side}-cpu${throttle}.png`) : undefined;
          const timeoutMs = throttle > 1 ? 180_000 : 90_000;
          try {
            if (side in STRIPS) {
              const r = await measureStripped(browser, { url, viewport: page.viewport, throttle, timeoutMs, strip: side });
              (page.runs[throttle].parts[side] ??= []).push(r);
              continue;
            }
            const r = await measureLoad(browser, { url, viewport: page.viewport, throttle, timeoutMs, screenshot });
            page.runs[throttle][side].push(r);
          } catch (e) {
            page.runs[throttle].failures.push(`${side} run ${run + 1}: ${e instanceof Error ? e.message.split('\n')[0] : e}`);
          }
        }
      }
      process.stdout.write(run + 1 === RUNS ? `  CPU ${throttle}×: ${RUNS} runs done\n` : '.');
    }
  }
}

function pageResults(page) {
  if (!page.available) return { id: page.id, path: page.path, available: false };
  const throttles = THROTTLES.map((throttle) => {
    const { app, baseline, failures } = page.runs[throttle];
    const a = summary(app.map((r) => r.ms));
    const b = summary(baseline.map((r) => r.ms));
    // Each part: its loads, and its median over the baseline's; null when nothing was taken away.
    const parts = Object.fromEntries(
      Object.entries(page.runs[throttle].parts).map(([strip, runs]) => {
        const s = runs.every((r) => r.taken > 0) ? summary(runs.map((r) => r.ms)) : null;
        return [strip, s && b ? { ...s, ratio: s.median / b.median } : null];
      }),
    );
    return {
      throttle,
      app: a,
      baseline: b,
      ratio: a && b ? a.median / b.median : null,
      parts,
      failures,
      appRuns: app.map((r) => Math.round(r.ms)),
      baselineRuns: baseline.map((r) => Math.round(r.ms)),
    };
  });
  const firstApp = page.runs[1].app[0];
  const firstBase = page.runs[1].baseline[0];
  const maplibreJs = firstBase
    ? firstBase.files.filter((f) => f.kind === 'js' && f.url.startsWith('/maplibre')).reduce((s, f) => s + f.bytes, 0)
    : null;
  const problems = [...new Set(THROTTLES.flatMap((t) => page.runs[t].app.flatMap((r) => r.problems)))];
  const baselineProblems = [...new Set(THROTTLES.flatMap((t) => page.runs[t].baseline.flatMap((r) => r.problems)))];
  return {
    id: page.id,
    path: page.path,
    baselinePath: page.baselinePath,
    viewport: page.viewport,
    available: true,
    throttles,
    bytes:
      firstApp && firstBase
        ? {
            app: { ...firstApp.bytes, requests: firstApp.requests },
            baseline: { ...firstBase.bytes, requests: firstBase.requests },
            maplibreJs,
          }
        : null,
    jsBeyondMaplibre: firstApp && maplibreJs != null ? firstApp.bytes.js - maplibreJs : null,
    files: firstApp?.files ?? [],
    foreignRequests: firstApp?.foreign ?? null,
    problems,
    baselineProblems,
  };
}

async function main() {
  installExitHandlers();
  const loadAtStart = os.loadavg().map((x) => +x.toFixed(2));
  fs.mkdirSync(TMP_DIR, { recursive: true });
  fs.rmSync(path.join(TMP_DIR, 'screens'), { recursive: true, force: true });
  log(`${QUICK ? 'QUICK smoke test: ' : ''}${RUNS} runs per page and CPU rate, load tests of ${LOAD_SECONDS} s`);

  let basemap = await ensureBasemap(log);
  if (!basemap) {
    basemap = await fallbackBasemap();
    note(
      'public/generated/basemap.json does not exist and package.json has no "basemap" script: the baseline uses world-atlas countries-50m instead of the app\'s basemap.',
    );
  }

  const appPort = await freePort(3400);
  const basePort = await freePort(appPort + 1, [appPort]);
  await startApp({ port: appPort, log });
  const appOrigin = `http://127.0.0.1:${appPort}`;
  const baseOrigin = `http://127.0.0.1:${basePort}`;
  log(`app up on ${appOrigin} (${DIST_DIR}/, ${DATABASE_URL})`);

  const routesFile = path.join(TMP_DIR, 'routes.json');
  const detailFile = path.join(TMP_DIR, 'route-detail.json');
  await snapshot(appOrigin, '/api/routes', routesFile);
  const detail = await snapshot(appOrigin, `/api/routes/${SLUG}`, detailFile);

  // First requests for the images after the server started: these are the cold renders.
  log('still images: cold and cached');
  const images = [];
  for (const image of IMAGES) {
    const r = await stillImageTimes(appOrigin + image);
    images.push({ path: image, ...r, url: undefined });
  }
  if (!images.some((i) => i.available)) note('no still image route answered 200: still images are n/a.');

  const pages = [];
  for (const p of PAGES) {
    const available = await pageExists(appOrigin, p.path);
    // The app fits a route page to the route's bounds and the others to DEFAULT_BOUNDS, which
    // the baseline's style module carries.
    const box = p.focus ? detail.bbox : null;
    // The baseline draws the same map: the same camera, and the same language's labels.
    const params = new URLSearchParams();
    if (box) params.set('bounds', box.map((x) => +x.toFixed(4)).join(','));
    if (p.lang) params.set('lang', p.lang);
    pages.push({ ...p, available, runs: {}, baselinePath: params.size ? `/?${params}` : '/' });
    if (!available) note(`${p.path} does not answer 200 in this build: reported as n/a.`);
  }
  const measured = pages.filter((p) => p.available);

  const browser = await launchBrowser();
  onCleanup(() => browser.close());
  const chromium = browser.version();

  // A first load of each page warms the server (route modules, data cache) without counting,
  // and shows which files the app serves, so the baseline can copy their headers.
  log('warm-up loads');
  const probes = {};
  for (const p of measured) {
    try {
      probes[p.id] = await measureLoad(browser, { url: appOrigin + p.path, viewport: p.viewport, throttle: 1, timeoutMs: 120_000 });
    } catch (e) {
      note(
        `${p.path}: the map never reported idle (data-map-idle="true") within 120 s: ${e instanceof Error ? e.message.split('\n')[0] : e}`,
      );
      p.available = false;
    }
  }
  const probeFiles = Object.values(probes).flatMap((r) => r.files);
  const findUrl = (re) => probeFiles.find((f) => re.test(f.url))?.url ?? null;
  const worker = findUrl(/maplibre-gl-worker|worker.*\.m?js/);
  const appBasemap = findUrl(/basemap/);
  const staticChunk = findUrl(/^\/_next\/static\/.*\.js/);
  const cache = { ...DEFAULT_CACHE };
  const mirrored = { page: null, immutable: null, worker: null, basemap: null, api: null };
  if (measured[0]) mirrored.page = await cacheControl(appOrigin + measured[0].path);
  if (staticChunk) mirrored.immutable = await cacheControl(appOrigin + staticChunk);
  if (worker) mirrored.worker = await cacheControl(appOrigin + worker);
  if (appBasemap) mirrored.basemap = await cacheControl(appOrigin + appBasemap);
  mirrored.api = await cacheControl(`${appOrigin}/api/routes`);
  for (const [key, value] of Object.entries(mirrored)) if (value) cache[key] = value;
  if (measured.length && !worker)
    note('the app loaded no MapLibre worker script that the bench could recognise; the baseline worker gets public-file headers.');

  const style = await baselineStyleModule();
  if (style.note) note(style.note);
  // The sprite and maplibre-gl's files, as the app serves them: the same symbols and the same library.
  const appFiles = await appServedFiles(appOrigin, cache);
  await startBaseline({
    port: basePort,
    basemap,
    routesSnapshot: routesFile,
    detailSnapshot: detailFile,
    styleModule: style.file,
    cache,
    appFiles,
  });
  log(`baseline up on ${baseOrigin}`);

  if (measured.some((p) => p.available)) {
    log(
      `cold loads: ${measured
        .filter((p) => p.available)
        .map((p) => p.path)
        .join(', ')} (app and baseline, ${RUNS}× each at CPU ${THROTTLES.join('× and ')}×)`,
    );
    await measurePages(
      browser,
      measured.filter((p) => p.available),
      appOrigin,
      baseOrigin,
    );
  }

  log('repeat visits');
  for (const p of pages.filter((q) => q.available)) {
    try {
      p.repeatVisit = {
        app: await measureRepeatVisit(browser, { url: appOrigin + p.path, viewport: p.viewport, timeoutMs: 120_000 }),
        baseline: await measureRepeatVisit(browser, { url: baseOrigin + p.baselinePath, viewport: p.viewport, timeoutMs: 120_000 }),
      };
    } catch (e) {
      note(`repeat visit of ${p.path} failed: ${e instanceof Error ? e.message.split('\n')[0] : e}`);
    }
  }

  const pageFigures = pages.map((p) => ({ ...pageResults(p), repeatVisit: p.repeatVisit ?? null }));
  const chunkPage = pageFigures.find((p) => p.id === 'embed' && p.available) ?? pageFigures.find((p) => p.available);
  let chunks = null;
  if (chunkPage) {
    chunks = { page: chunkPage.path, files: await inspectChunks(appOrigin, chunkPage.files) };
  }

  log(`load tests: ${CONNECTIONS} connections, ${LOAD_SECONDS} s each`);
  const load = [];
  for (const [appPath, staticPath] of [
    ['/api/routes', '/data/routes.json'],
    [`/api/routes/${SLUG}`, '/data/route-detail.json'],
  ]) {
    const entry = { path: appPath, staticPath };
    try {
      entry.static = await loadTest(baseOrigin + staticPath, { seconds: LOAD_SECONDS, connections: CONNECTIONS });
      entry.app = await loadTest(appOrigin + appPath, { seconds: LOAD_SECONDS, connections: CONNECTIONS });
      const repeat = await rawGet(appOrigin + appPath);
      entry.gzBytes = repeat.bytes;
      // An Age header: the answer came from a shared cache in front of the app (HTTP semantics).
      entry.sharedCache = repeat.headers.age !== undefined;
      entry.staticGzBytes = (await rawGet(baseOrigin + staticPath)).bytes;
      log(
        `  ${appPath}: ${Math.round(entry.app.requestsPerSecond)} req/s (static ${Math.round(entry.static.requestsPerSecond)}), p99 ${entry.app.latencyMs.p99} ms`,
      );
    } catch (e) {
      note(`load test of ${appPath} failed: ${e instanceof Error ? e.message : e}`);
    }
    load.push(entry);
  }

  // For context, not for the targets: the floor of the app's own server (Next.js routing, the
  // proxy's security headers) on a static file it serves from public/.
  let appStatic = null;
  try {
    appStatic = { path: '/icon.svg', ...(await loadTest(`${appOrigin}/icon.svg`, { seconds: LOAD_SECONDS, connections: CONNECTIONS })) };
    log(
      `  /icon.svg (a static file from the app's own server): ${Math.round(appStatic.requestsPerSecond)} req/s, p99 ${appStatic.latencyMs.p99} ms`,
    );
  } catch (e) {
    note(`load test of the app's static /icon.svg failed: ${e instanceof Error ? e.message : e}`);
  }

  const revalidationChecks = [];
  for (const p of ['/api/routes', `/api/routes/${SLUG}`, ...(appBasemap ? [appBasemap] : [])])
    revalidationChecks.push({ path: p, ...(await revalidation(appOrigin + p)), url: undefined });
  const basemapGz = appBasemap
    ? (await rawGet(appOrigin + appBasemap)).bytes
    : (await rawGet(`${baseOrigin}/generated/basemap.json`)).bytes;
  if (!appBasemap)
    note(
      'the app loaded no basemap file the bench could recognise (a URL containing "basemap"); the basemap size is that of the baseline\'s file.',
    );

  const cpus = os.cpus();
  const results = {
    timestamp: new Date().toISOString(),
    machine: {
      cpus: cpus.length,
      cpuModel: cpus[0]?.model.trim() ?? 'unknown',
      memoryGB: Math.round(os.totalmem() / 1e9),
      platform: `${os.platform()} ${os.release()}`,
      // Other work on the machine skews every figure; the load average says how much there was.
      loadAverageAtStart: loadAtStart,
      loadAverageAtEnd: os.loadavg().map((x) => +x.toFixed(2)),
      node: process.versions.node,
      chromium,
      next: version('next'),
      maplibre: version('maplibre-gl'),
      ...gitInfo(),
    },
    settings: {
      runs: RUNS,
      throttles: THROTTLES,
      loadSeconds: LOAD_SECONDS,
      connections: CONNECTIONS,
      quick: QUICK,
      viewports: Object.fromEntries(PAGES.map((p) => [p.path, p.viewport])),
    },
    app: { distDir: DIST_DIR, databaseUrl: DATABASE_URL, basemap: path.relative(ROOT, basemap), baselineStyle: style.source },
    mirroredHeaders: { ...cache, fromApp: mirrored },
    pages: pageFigures,
    chunks,
    load,
    appStatic,
    sizes: {
      routes: load[0]?.gzBytes ?? (await rawGet(`${appOrigin}/api/routes`)).bytes,
      routeDetail: load[1]?.gzBytes ?? null,
      basemap: basemapGz,
    },
    revalidation: revalidationChecks,
    images,
    notes,
  };
  for (const p of pageFigures) {
    if (p.problems?.length) notes.push(`${p.path} (app) reported: ${p.problems.slice(0, 5).join('; ')}`);
    if (p.baselineProblems?.length) notes.push(`${p.path} (baseline) reported: ${p.baselineProblems.slice(0, 5).join('; ')}`);
    if (p.foreignRequests) notes.push(`${p.path} made ${p.foreignRequests} request(s) to other hosts.`);
    for (const t of p.throttles ?? [])
      if (t.failures.length)
        notes.push(`${p.path} at CPU ${t.throttle}×: ${t.failures.length} failed load(s): ${t.failures.slice(0, 3).join('; ')}`);
  }
  for (const p of pageFigures.filter((q) => q.available && q.files.length)) {
    if (!p.files.some((f) => f.url.startsWith('/api/routes'))) {
      const html = p.files[0];
      notes.push(
        `${p.path} requests no /api/routes: the route data comes inside the page's HTML (${(html.bytes / 1000).toFixed(1)} kB gz, counted as "other"), so it is downloaded again with every page view instead of being revalidated.`,
      );
    }
  }
  if (chunks) {
    const heavy = chunks.files.filter((c) => c.libraries.some((l) => l !== 'maplibre-gl' && l !== 'react-dom'));
    notes.push(
      `JS on ${chunks.page}, largest first (kB gz): ${chunks.files
        .slice(0, 8)
        .map(
          (c) =>
            `${c.url.replace(/^\/_next\/static\/chunks\//, '')} ${(c.gzBytes / 1000).toFixed(1)}${c.libraries.length ? ` [${c.libraries.join(', ')}]` : ''}`,
        )
        .join('; ')}.${heavy.length ? '' : ' No signature of @turf, jsts, zod, world-atlas or inlined geo/ data besides those listed.'}`,
    );
  }
  results.targets = checkTargets(results);

  const md = markdown(results);
  fs.writeFileSync(path.join(BENCH_DIR, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  fs.writeFileSync(path.join(BENCH_DIR, 'RESULTS.md'), `<!-- written by npm run bench (bench/run.mjs); do not edit -->\n${md}`);
  console.log(`\n${md}`);
  const readmeUpdated = writeReadme(md);
  log(
    `wrote bench/results.json and bench/RESULTS.md${readmeUpdated ? ', and the table in README.md' : ''}; screenshots of the first loads are in bench/tmp/screens/`,
  );
  await cleanupAll();
}

main().then(
  () => process.exit(0),
  async (e) => {
    console.error(`bench: could not run: ${e instanceof Error ? e.message : e}`);
    await cleanupAll();
    process.exit(1);
  },
);
