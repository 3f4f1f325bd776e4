// GET /tour/[id]/image.png?step=3&size=slide|social – a still image of one step of a guided tour.
import { apiHandler } from '@/lib/http/handler';
import { tourStillResponse } from '@/lib/tour/still';

export const dynamic = 'force-dynamic';

export const GET = apiHandler(async (request: Request, context: { params: Promise<{ id: string }> }) =>
  tourStillResponse(request, (await context.params).id),
);
