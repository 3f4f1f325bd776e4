// GET /api/sources – every source document, with the passages the map quotes from it.
import { errorResponse } from '@/lib/api-errors';
import { cachedJson } from '@/lib/api-response';
import { sourcesPayload } from '@/lib/queries';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  try {
    return cachedJson(request, await sourcesPayload());
  } catch (e) {
    return errorResponse(e);
  }
}
