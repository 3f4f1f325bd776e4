// GET /maplibre-gl-worker.mjs?v={version} – MapLibre's web worker, served from our own origin.
// maplibre-gl 6 is ESM-only and cannot inline its worker; without this file (set with
// setWorkerUrl in components/atlas-map.tsx) the map shows nothing. Read from node_modules at run
// time, so it is always the worker of the installed maplibre-gl, and cached in memory after.
import fs from 'node:fs/promises';
import path from 'node:path';

export const dynamic = 'force-dynamic';

const DIST = path.join(process.cwd(), 'node_modules', 'maplibre-gl');

let cached: Promise<{ version: string; body: string }> | undefined;

async function load(): Promise<{ version: string; body: string }> {
  const [pkg, source] = await Promise.all([
    fs.readFile(path.join(DIST, 'package.json'), 'utf8'),
    fs.readFile(path.join(DIST, 'dist', 'maplibre-gl-worker.mjs'), 'utf8'),
  ]);
  const { version } = JSON.parse(pkg) as { version: string };
  // The source map is not shipped; a dangling reference would only 404 in developer tools.
  return { version, body: source.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n') };
}

export async function GET(request: Request): Promise<Response> {
  cached ??= load().catch((e: unknown) => {
    cached = undefined;
    throw e;
  });
  let worker: { version: string; body: string };
  try {
    worker = await cached;
  } catch (e) {
    console.error('maplibre-gl worker unavailable', e);
    return Response.json({ error: 'unavailable', message: 'The map worker script is missing: reinstall dependencies (npm ci).' }, { status: 503 });
  }
  // A link naming this exact version never changes; anything else is revalidated each time.
  const pinned = new URL(request.url).searchParams.get('v') === worker.version;
  return new Response(worker.body, {
    headers: {
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': pinned ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate',
    },
  });
}
