// GET /api/routes – everything drawable as one GeoJSON FeatureCollection: routes, their stages,
// crossings, events and zones, with the corridors they belong to and the timeline of dated events.
// ?from=2011&to=2015 keeps only what was reported or happened in those years (lib/time/period.ts).
import { apiHandler } from '@/lib/http/handler';
import { badRequest } from '@/lib/http/api-errors';
import { cachedJson, jsonPayload } from '@/lib/http/api-response';
import { mapCollectionPayload } from '@/lib/data/queries';
import { collectionInYears, parsePeriodQuery } from '@/lib/time/period-query';

// Read from the database at request time, never at build time.
export const dynamic = 'force-dynamic';

export const GET = apiHandler(async (request: Request) => {
  const params = new URL(request.url).searchParams;
  const period = params.has('from') || params.has('to') ? parsePeriodQuery(params) : null;
  if (period && !period.ok) throw badRequest(period.message);
  const payload = await mapCollectionPayload();
  if (!period || (period.years.from === null && period.years.to === null)) return cachedJson(request, payload);
  return cachedJson(request, jsonPayload(collectionInYears(payload.data, period.years)));
});
