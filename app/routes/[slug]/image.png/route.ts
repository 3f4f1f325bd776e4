// GET /routes/[slug]/image.png?size=slide|social – a still map of one item, for slides and link previews.
import { errorResponse } from '@/lib/http/api-errors';
import { stillImageResponse } from '@/lib/still/response';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, context: { params: Promise<{ slug: string }> }): Promise<Response> {
  try {
    return await stillImageResponse(request, (await context.params).slug);
  } catch (e) {
    return errorResponse(e);
  }
}
