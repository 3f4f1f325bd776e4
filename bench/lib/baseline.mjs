// The baseline: bench/baseline/index.html served by bench/baseline-server.mjs with the same
// maplibre-gl files, basemap and route data as the app, under the Cache-Control headers the app
// itself sends for each kind of file (read from the running app, so the two never drift apart).
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
 * The style's sprite (the markers' disc) as the app at `appOrigin` serves it, saved under
 * TMP_DIR, as extra files for the baseline server, so the baseline draws the same symbols.
 * @param {string} appOrigin
 * @param {string} cacheControl
 */
export async function appSpriteFiles(appOrigin, cacheControl) {
  /** @type {Record<string, { file: string, type: string, cache: string }>} */
  const files = {};
  for (const name of ['markers.json', 'markers.png', 'markers@2x.json', 'markers@2x.png']) {
    const res = await fetch(`${appOrigin}/map-sprite/${name}`);
    if (!res.ok) throw new Error(`bench: the app answered ${res.status} for /map-sprite/${name}; the baseline needs its sprite`);
    const file = path.join(TMP_DIR, `sprite-${name}`);
    fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    files[`/map-sprite/${name}`] = { file, type: res.headers.get('content-type') ?? 'application/octet-stream', cache: cacheControl };
  }
  return files;
}

/**
 * Write the server's file list and start it.
 * @param {{ port: number, basemap: string, routesSnapshot: string, detailSnapshot: string, styleModule: string, cache: typeof DEFAULT_CACHE & { worker?: string, basemap?: string }, extraFiles?: Record<string, { file: string, type: string, cache: string }> }} o
 */
export async function startBaseline({ port, basemap, routesSnapshot, detailSnapshot, styleModule, cache, extraFiles = {} }) {
  const files = {
    '/': { file: path.join(BENCH_DIR, 'baseline', 'index.html'), type: 'text/html; charset=utf-8', cache: cache.page },
    '/baseline/main.js': { file: path.join(BENCH_DIR, 'baseline', 'main.js'), type: JS, cache: cache.immutable },
    '/baseline/style.js': { file: styleModule, type: JS, cache: cache.immutable },
    '/maplibre/maplibre-gl.mjs': { file: path.join(MAPLIBRE_DIST, 'maplibre-gl.mjs'), type: JS, cache: cache.immutable },
    '/maplibre/maplibre-gl.css': {
      file: path.join(MAPLIBRE_DIST, 'maplibre-gl.css'),
      type: 'text/css; charset=utf-8',
      cache: cache.immutable,
    },
    // The worker under the headers the app sends with its copy of it.
    '/maplibre-gl-worker.mjs': { file: path.join(MAPLIBRE_DIST, 'maplibre-gl-worker.mjs'), type: JS, cache: cache.worker ?? cache.public },
    '/generated/basemap.json': { file: basemap, type: JSON_TYPE, cache: cache.basemap ?? cache.public },
    '/data/routes.json': { file: routesSnapshot, type: JSON_TYPE, cache: cache.api },
    '/data/route-detail.json': { file: detailSnapshot, type: JSON_TYPE, cache: cache.api },
    ...extraFiles,
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
