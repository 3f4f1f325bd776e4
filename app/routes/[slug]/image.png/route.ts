// GET /routes/[slug]/image.png?size=slide|social – a still map of one item, for slides and link previews.
import { apiHandler } from '@/lib/http/handler';
import { stillImageResponse } from '@/lib/still/response';

export const dynamic = 'force-dynamic';

export const GET = apiHandler(async (request: Request, context: { params: Promise<{ slug: string }> }) =>
  stillImageResponse(request, (await context.params).slug),
);
