// POST /api/views – store a map view (path, filters, camera) and answer its short link /v/{id}
// (/ko/v/{id} for a Korean view, so that even an unknown link answers in Korean).
import { apiHandler } from '@/lib/http/handler';
import { errorJson, writeUnavailable } from '@/lib/http/api-errors';
import { getPrisma } from '@/lib/data/db';
import { BodyTooLarge, isJsonContentType, readLimitedText } from '@/lib/http/response';
import { clientKey } from '@/lib/http/rate-limit';
import { getRouteDetail } from '@/lib/data/queries';
import { parseViewPath, saveView, ViewState } from '@/lib/share/short-view';
import { localeHref, toLocale } from '@/lib/i18n/locales';
import { reserveViewWrite, VIEW_BODY_LIMIT_BYTES } from '@/lib/share/short-view-limits';

export const dynamic = 'force-dynamic';

function tooMany(retryAfterSeconds: number, message: string): Response {
  const res = errorJson(429, { error: 'rate_limited', message });
  res.headers.set('Retry-After', String(retryAfterSeconds));
  return res;
}

export const POST = apiHandler(async (request: Request): Promise<Response> => {
  if (!isJsonContentType(request)) {
    return errorJson(415, { error: 'unsupported_media_type', message: 'Send the view as JSON, with Content-Type: application/json.' });
  }
  let text: string;
  try {
    text = await readLimitedText(request, VIEW_BODY_LIMIT_BYTES);
  } catch (e) {
    if (e instanceof BodyTooLarge) {
      return errorJson(413, { error: 'payload_too_large', message: `A view is at most ${VIEW_BODY_LIMIT_BYTES} bytes of JSON.` });
    }
    throw e;
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return errorJson(400, { error: 'bad_request', message: 'The body is not valid JSON.' });
  }
  const parsed = ViewState.safeParse(body);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`);
    return errorJson(400, {
      error: 'bad_request',
      message: `Not a view this map can open. ${issues.join('; ')}. Expected { path: "/" | "/routes/{id}" | "/embed" | "/embed/{id}", query?: { … }, hash?: "#zoom/lat/lng" | "" }.`,
    });
  }

  const target = parseViewPath(parsed.data.path);
  if (target?.slug && !(await getRouteDetail(target.slug))) {
    return errorJson(400, { error: 'bad_request', message: `No route, crossing, event or zone has the id "${target.slug}".` });
  }

  // Counted only now, once the view is known to be good: a bad request costs no allowance.
  const reserved = await reserveViewWrite(clientKey(request));
  if (!reserved.ok) {
    return tooMany(
      reserved.retryAfterSeconds,
      reserved.reason === 'client'
        ? `Too many short links from this address. Please wait ${reserved.retryAfterSeconds} seconds and try again, or share the full link instead.`
        : `Short links are busy right now. Please try again in ${reserved.retryAfterSeconds} seconds, or share the full link instead.`,
    );
  }
  let id: string;
  try {
    id = await saveView(getPrisma(), parsed.data);
  } catch (e) {
    await reserved.release();
    // The database refused the write (read-only disk, locked, full): reads still work, so this
    // is a 503 to retry, not a 500.
    throw writeUnavailable(e);
  }
  const url = localeHref(toLocale(parsed.data.query.lang), `/v/${id}`);
  return Response.json({ id, url }, { status: 201, headers: { Location: url, 'Cache-Control': 'no-store' } });
});
