// GET /maplibre-gl-worker.mjs?v={version} – MapLibre's web worker, from our own origin (lib/map/assets/maplibre-assets.ts).
import { serveMaplibreFile } from '@/lib/map/assets/maplibre-assets';

export const dynamic = 'force-dynamic';

export function GET(request: Request): Promise<Response> {
  return serveMaplibreFile(request, 'maplibre-gl-worker.mjs');
}
