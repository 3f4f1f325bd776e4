// The baseline: bench/baseline/index.html served by bench/baseline-server.mjs with the same
// maplibre-gl files (taken from the app: appServedFiles), basemap and route data as the app,
// under the Cache-Control headers the app itself sends for each kind of file (read from the
// running app, so the two never drift apart).
import fs from 'node:fs';
import path from 'node:path';
import { BENCH_DIR, ROOT, TMP_DIR } from './app.mjs';
import { startProcess, waitForHttp } from './processes.mjs';

const MAPLIBRE_DIST = path.join(ROOT, 'node_modules', 'maplibre-gl', 'dist');
const JS = 'application/javascript; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';

/** Next's defaults, used for any kind of file the app does not serve yet. */
export const DEFAULT_CACHE = {
  page: 'private, no-cache, no-store, max-age=0, must-revalidate',
  immutable: 'public, max-age=31536000, immutable',
  public: 'public, max-age=0',
  api: 'public, max-age=0, s-maxage=60, must-revalidate',
};

/**
 * The files the baseline takes from the app at `appOrigin` byte for byte, saved under `dir`, as
 * extra files for the baseline server: the style's sprite (the markers' disc), so the baseline
 * draws the same symbols, and maplibre-gl's library and worker as the app serves them
 * (lib/map/assets/maplibre-assets.ts: less the source-map comment, the library with V8's compile
 * hint), so both pages load the same library the same way and the ratio measures only the app's
 * own work.
 * @param {string} appOrigin
 * @param {{ immutable: string, worker?: string, public: string }} cache
 * @param {string} [dir] where to save them
 */
export async function appServedFiles(appOrigin, cache, dir = TMP_DIR) {
  /** @type {Record<string, { file: string, type: string, cache: string }>} */
  const files = {};
  /** @type {[string, string, string][]} [the app's path, the baseline's path, Cache-Control] */
  const wanted = [
    ...['markers.json', 'markers.png', 'markers@2x.json', 'markers@2x.png'].map((name) => [
      `/map-sprite/${name}`,
      `/map-sprite/${name}`,
      cache.immutable,
    ]),
    ['/maplibre-gl.mjs', '/maplibre/maplibre-gl.mjs', cache.immutable],
    // The worker under the headers the app sends with its copy of it.
    ['/maplibre-gl-worker.mjs', '/maplibre-gl-worker.mjs', cache.worker ?? cache.public],
  ];
  fs.mkdirSync(dir, { recursive: true });
  for (const [appPath, basePath, cacheControl] of wanted) {
    const res = await fetch(appOrigin + appPath);
    if (!res.ok) throw new Error(`bench: the app answered ${res.status} for ${appPath}; the baseline needs it`);
    const file = path.join(dir, `app-${path.basename(appPath)}`);
    fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    files[basePath] = { file, type: res.headers.get('content-type') ?? 'application/octet-stream', cache: cacheControl };
  }
  return files;
}

/**
 * Write the server's file list and start it. `appFiles` is what appServedFiles took from the app.
 * @param {{ port: number, basemap: string, routesSnapshot: string, detailSnapshot: string, styleModule: string, cache: typeof DEFAULT_CACHE & { worker?: string, basemap?: string }, appFiles: Record<string, { file: string, type: string, cache: string }> }} o
 */
export async function startBaseline({ port, basemap, routesSnapshot, detailSnapshot, styleModule, cache, appFiles }) {
  const files = {
    '/': { file: path.join(BENCH_DIR, 'baseline', 'index.html'), type: 'text/html; charset=utf-8', cache: cache.page },
    '/baseline/main.js': { file: path.join(BENCH_DIR, 'baseline', 'main.js'), type: JS, cache: cache.immutable },
    '/baseline/style.js': { file: styleModule, type: JS, cache: cache.immutable },
    '/maplibre/maplibre-gl.css': {
      file: path.join(MAPLIBRE_DIST, 'maplibre-gl.css'),
      type: 'text/css; charset=utf-8',
      cache: cache.immutable,
    },
    '/generated/basemap.json': { file: basemap, type: JSON_TYPE, cache: cache.basemap ?? cache.public },
    '/data/routes.json': { file: routesSnapshot, type: JSON_TYPE, cache: cache.api },
    '/data/route-detail.json': { file: detailSnapshot, type: JSON_TYPE, cache: cache.api },
    ...appFiles,
  };
  const manifest = path.join(TMP_DIR, 'baseline-files.json');
  fs.writeFileSync(manifest, JSON.stringify(files, null, 2));
  const child = startProcess(process.execPath, [path.join(BENCH_DIR, 'baseline-server.mjs'), String(port), manifest], {
    cwd: ROOT,
    env: process.env,
    logFile: path.join(TMP_DIR, 'baseline.log'),
  });
  await waitForHttp(`http://127.0.0.1:${port}/`, { child, timeoutMs: 10_000, what: 'the baseline server' });
  return child;
}
