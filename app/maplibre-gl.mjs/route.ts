// GET /maplibre-gl.mjs?v={version} – the maplibre-gl library as an ES module, from our own origin (lib/map/assets/maplibre-assets.ts).
import { serveMaplibreFile } from '@/lib/map/assets/maplibre-assets';

export const dynamic = 'force-dynamic';

export function GET(request: Request): Promise<Response> {
  return serveMaplibreFile(request, 'maplibre-gl.mjs');
}
