// GET /api/sources – every source document, with the passages the map quotes from it.
import { errorResponse } from '@/lib/http/api-errors';
import { cachedJson } from '@/lib/http/api-response';
import { sourcesPayload } from '@/lib/data/queries';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  try {
    return cachedJson(request, await sourcesPayload());
  } catch (e) {
    return errorResponse(e);
  }
}
