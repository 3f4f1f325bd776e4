// GET /api/routes/[slug] – one route, crossing, event or zone with its stages, annotations and
// the passages they cite.
import { apiHandler } from '@/lib/http/handler';
import { Slug } from '@/geo/schema';
import { badRequest, notFound } from '@/lib/http/api-errors';
import { cachedJson } from '@/lib/http/api-response';
import { routeDetailPayload } from '@/lib/data/queries';

export const dynamic = 'force-dynamic';

export const GET = apiHandler(async (request: Request, context: { params: Promise<{ slug: string }> }): Promise<Response> => {
  const { slug } = await context.params;
  const parsed = Slug.safeParse(slug);
  if (!parsed.success) {
    // The input is not echoed back: it may be long or hold control characters.
    throw badRequest('Not a valid id: ids are 2–80 lower-case letters, digits and single hyphens.');
  }
  const payload = await routeDetailPayload(parsed.data);
  if (!payload) throw notFound(`No route, crossing, event or zone has the id "${parsed.data}".`);
  return cachedJson(request, payload);
});
