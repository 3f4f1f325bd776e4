// GET /image.png?size=slide|social – a still map of every route, for slides and link previews.
import { apiHandler } from '@/lib/http/handler';
import { stillImageResponse } from '@/lib/still/response';

export const dynamic = 'force-dynamic';

export const GET = apiHandler(async (request: Request) => stillImageResponse(request, null));
