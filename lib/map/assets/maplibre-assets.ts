// Serves maplibre-gl's two ES modules (the URLs are in lib/map/maplibre-urls.ts) from our own
// origin, read from node_modules at run time, so they are always those of the installed
// maplibre-gl. Server only. The library is not bundled: as a file of its own the HTML can name
// it in its <head>, so the browser fetches and compiles it while the app's own scripts load.
import 'server-only';
import fs from 'node:fs/promises';
import path from 'node:path';
import { conditionalResponse, etagOf } from '../../http/etag.mjs';

export type MaplibreFile = 'maplibre-gl.mjs' | 'maplibre-gl-worker.mjs';

const DIST = path.join(process.cwd(), 'node_modules', 'maplibre-gl');
const cache = new Map<MaplibreFile, Promise<{ version: string; body: string }>>();

// V8's explicit compile hint (Chrome 136 and later; other engines read a comment), and it must
// open the file: compile every function of the library eagerly, on a background thread while the
// file streams in, rather than each on the main thread when the map first calls it. Most of the
// library runs as the map starts, and on the explorer the main thread is busy with the page and
// Next.js's scripts then. Measured at CPU 4x on `/` (paired cold loads, 13 each): the main thread's
// compiling before the map's first idle fell from about 1050 to 560 ms, the idle from 3588 to
// 3371 ms; at CPU 1x no difference. The worker's file gets none: no gain measured there.
const COMPILE_HINT: Partial<Record<MaplibreFile, string>> = { 'maplibre-gl.mjs': '//# allFunctionsCalledOnLoad\n' };

async function load(file: MaplibreFile): Promise<{ version: string; body: string }> {
  const [pkg, source] = await Promise.all([
    fs.readFile(path.join(DIST, 'package.json'), 'utf8'),
    fs.readFile(path.join(DIST, 'dist', file), 'utf8'),
  ]);
  const { version } = JSON.parse(pkg) as { version: string };
  // The source map is not shipped; a dangling reference would only 404 in developer tools.
  return { version, body: (COMPILE_HINT[file] ?? '') + source.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n') };
}

/** GET handler body for one of the files: immutable when `?v=` names the installed version. */
export async function serveMaplibreFile(request: Request, file: MaplibreFile): Promise<Response> {
  let entry = cache.get(file);
  if (!entry) {
    entry = load(file);
    cache.set(file, entry);
    entry.catch(() => cache.delete(file));
  }
  let asset: { version: string; body: string };
  try {
    asset = await entry;
  } catch (e) {
    console.error(`maplibre-gl file ${file} unavailable`, e);
    return Response.json({ error: 'unavailable', message: 'A map script is missing: reinstall dependencies (npm ci).' }, { status: 503 });
  }
  return scriptResponse(request, asset.body, asset.version);
}

/** The last body's ETag per version: the files are served from memory, hashed once. */
const etags = new Map<string, { body: string; etag: string }>();

function scriptEtag(body: string, version: string): string {
  const known = etags.get(version);
  if (known?.body === body) return known.etag;
  const etag = etagOf(body);
  etags.set(version, { body, etag });
  return etag;
}

/**
 * A JavaScript file served under `?v={version}`: kept for good when the link names this exact
 * version (it never changes), revalidated each time otherwise (304 when unchanged).
 */
export function scriptResponse(request: Request, body: string, version: string): Response {
  const pinned = new URL(request.url).searchParams.get('v') === version;
  return conditionalResponse(request, {
    etag: scriptEtag(body, version),
    body,
    headers: { 'Cache-Control': pinned ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate' },
    contentHeaders: { 'Content-Type': 'text/javascript; charset=utf-8' },
  });
}
