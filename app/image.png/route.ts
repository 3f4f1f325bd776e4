// GET /image.png?size=slide|social – a still map of every route, for slides and link previews.
import { errorResponse } from '@/lib/http/api-errors';
import { stillImageResponse } from '@/lib/still/response';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  try {
    return await stillImageResponse(request, null);
  } catch (e) {
    return errorResponse(e);
  }
}
