// GET /maplibre-gl.mjs?v={version} – the maplibre-gl library as an ES module, from our own origin (lib/maplibre-assets.ts).
import { serveMaplibreFile } from '@/lib/maplibre-assets';

export const dynamic = 'force-dynamic';

export function GET(request: Request): Promise<Response> {
  return serveMaplibreFile(request, 'maplibre-gl.mjs');
}
