// GET /api/routes – everything drawable as one GeoJSON FeatureCollection: routes, their stages,
// crossings, events and zones, with the corridors they belong to.
import { apiHandler } from '@/lib/http/handler';
import { cachedJson } from '@/lib/http/api-response';
import { mapCollectionPayload } from '@/lib/data/queries';

// Read from the database at request time, never at build time.
export const dynamic = 'force-dynamic';

export const GET = apiHandler(async (request: Request) => cachedJson(request, await mapCollectionPayload()));
