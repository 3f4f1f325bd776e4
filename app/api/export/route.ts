// GET /api/export – the whole atlas as a GeoJSON download (escape-atlas.geojson): every item with
// its stages, risk, annotations and quoted passages with their sources (lib/data/atlas-export.ts).
import { apiHandler } from '@/lib/http/handler';
import { cachedJson, jsonPayload, type JsonPayload } from '@/lib/http/api-response';
import type { MapFeatureCollection, RouteDetail } from '@/lib/data/api-schema';
import { buildAtlasExport } from '@/lib/data/atlas-export';
import { getMapCollection, getRouteDetail, getSources } from '@/lib/data/queries';

export const dynamic = 'force-dynamic';

const FILE_NAME = 'escape-atlas.geojson';

// lib/queries hands out one collection object per data version, so keying on it rebuilds the
// file exactly when the data changes and lets the old one be collected.
const built = new WeakMap<MapFeatureCollection, Promise<JsonPayload>>();

async function exportPayload(): Promise<JsonPayload> {
  const collection = await getMapCollection();
  let payload = built.get(collection);
  if (!payload) {
    payload = (async () => {
      const items = [...new Set(collection.features.filter((f) => f.properties.kind !== 'stage').map((f) => f.properties.item))];
      const details = new Map<string, RouteDetail>();
      for (const item of items) {
        const detail = await getRouteDetail(item);
        if (detail) details.set(item, detail);
      }
      return jsonPayload(buildAtlasExport(collection, details, await getSources()));
    })();
    built.set(collection, payload);
    payload.catch(() => built.delete(collection));
  }
  return payload;
}

export const GET = apiHandler(async (request: Request): Promise<Response> => {
  return cachedJson(request, await exportPayload(), {
    contentType: 'application/geo+json; charset=utf-8',
    headers: { 'Content-Disposition': `attachment; filename="${FILE_NAME}"` },
  });
});
