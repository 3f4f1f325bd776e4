// GET /api/routes – everything drawable as one GeoJSON FeatureCollection: routes, their stages,
// crossings, events and zones, with the corridors they belong to.
import { errorResponse } from '@/lib/http/api-errors';
import { cachedJson } from '@/lib/http/api-response';
import { mapCollectionPayload } from '@/lib/data/queries';

// Read from the database at request time, never at build time.
export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  try {
    return cachedJson(request, await mapCollectionPayload());
  } catch (e) {
    return errorResponse(e);
  }
}
