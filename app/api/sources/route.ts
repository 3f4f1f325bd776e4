// GET /api/sources – every source document, with the passages the map quotes from it.
import { apiHandler } from '@/lib/http/handler';
import { cachedJson } from '@/lib/http/api-response';
import { sourcesPayload } from '@/lib/data/queries';

export const dynamic = 'force-dynamic';

export const GET = apiHandler(async (request: Request) => cachedJson(request, await sourcesPayload()));
