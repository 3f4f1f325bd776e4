// GET /api/oembed – oEmbed 1.0 for the explorer, route pages and embeds: a rich iframe response.
import { apiHandler } from '@/lib/http/handler';
import { errorJson } from '@/lib/http/api-errors';
import { ownOrigins } from '@/lib/share/app-origin';
import { embedTargetFor, frameSize, OEMBED_MIN, OEmbedQuery, oembedResponse } from '@/lib/embed/oembed';
import { getRouteDetail } from '@/lib/data/queries';
import { stringsFor } from '@/lib/i18n/strings';

export const dynamic = 'force-dynamic';

export const GET = apiHandler(async (request: Request): Promise<Response> => {
  const query = OEmbedQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) {
    const issue = query.error.issues[0];
    return errorJson(400, {
      error: 'bad_request',
      message: `${issue.path.join('.') || 'query'}: ${issue.message}. Use ?url=<page URL>&maxwidth=<px>&maxheight=<px>&format=json.`,
    });
  }
  const { url, maxwidth, maxheight, format } = query.data;
  if (format !== 'json')
    return errorJson(501, { error: 'not_implemented', message: `Only format=json is available, not "${format.slice(0, 20)}".` });

  const target = embedTargetFor(url, ownOrigins(request));
  if (!target)
    return errorJson(404, {
      error: 'not_found',
      message: "Only this atlas's own map and route pages (/, /routes/{id}, /embed, /embed/{id}) can be embedded.",
    });
  const size = frameSize(maxwidth, maxheight);
  if (!size)
    return errorJson(400, {
      error: 'bad_request',
      message: `The map needs at least ${OEMBED_MIN.width}×${OEMBED_MIN.height} pixels; maxwidth/maxheight are smaller.`,
    });

  let title: string = stringsFor(target.lang).cards.allRoutesTitle;
  if (target.slug) {
    const detail = await getRouteDetail(target.slug);
    if (!detail) return errorJson(404, { error: 'not_found', message: `No route, crossing, event or zone has the id "${target.slug}".` });
    title = detail.name[target.lang];
  }
  return Response.json(oembedResponse(target, title, size, { maxwidth, maxheight }), {
    headers: { 'Cache-Control': 'public, max-age=300', 'Access-Control-Allow-Origin': '*' },
  });
});
