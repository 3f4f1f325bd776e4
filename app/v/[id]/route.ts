// GET /v/[id] – a short share link: redirect to the full view it stands for, on this site only.
// A Korean page's link is /ko/v/[id] (app/api/views), served here by proxy.ts with the locale in a
// request header: it leads to the same view, and says in Korean when the link is unknown.
import { apiHandler } from '@/lib/http/handler';
import { errorResponse, notFound, type ApiError } from '@/lib/http/api-errors';
import { getPrisma } from '@/lib/data/db';
import { escapeHtml } from '@/lib/embed/snippet';
import { getRouteDetail } from '@/lib/data/queries';
import { unavailable } from '@/lib/data/version';
import { loadView, parseViewPath, viewTarget, type ViewState } from '@/lib/share/short-view';
import { UI_COLORS } from '@/lib/palette/palette';
import { LOCALE_TAGS, localeHref, type Locale } from '@/lib/i18n/locales';
import { requestLocale } from '@/lib/i18n/server';
import { stringsFor } from '@/lib/i18n/strings';

export const dynamic = 'force-dynamic';

/**
 * Why a short link leads nowhere: it names no view (404), or the database cannot be read now
 * (503). People follow short links in a browser: they get a page; API clients get the usual JSON.
 */
function cannotOpen(request: Request, locale: Locale, error: ApiError): Response {
  const strings = stringsFor(locale).cards;
  const { title, body, action } = error.status === 404 ? strings.shortLinkNotFound : strings.shortLinkUnavailable;
  const accept = request.headers.get('accept') ?? '';
  if (!accept.includes('text/html') && accept.includes('json')) return errorResponse(error);
  const html = `<!doctype html>
<html lang="${LOCALE_TAGS[locale].lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)} · ${escapeHtml(strings.appName)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;word-break:keep-all;overflow-wrap:anywhere;max-width:34rem;margin:15vh auto;padding:0 1.5rem;color:${UI_COLORS.light.ink}}a{color:${UI_COLORS.light.link}}</style>
</head><body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(body)}</p><p><a href="${localeHref(locale, '/')}">${escapeHtml(action)}</a></p></body></html>`;
  return new Response(html, { status: error.status, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' } });
}

export const GET = apiHandler(async (request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> => {
  const { id } = await context.params;
  const locale = await requestLocale();
  let view: ViewState | null;
  try {
    view = await loadView(getPrisma(), id);
  } catch (e) {
    // A database that cannot be read: 503 saying why (lib/data/version.ts), not a 500.
    return cannotOpen(request, locale, unavailable(e));
  }
  if (!view) return cannotOpen(request, locale, notFound(stringsFor(locale).cards.shortLinkNotFound.body));
  const slug = parseViewPath(view.path)?.slug;
  const exists = slug ? (await getRouteDetail(slug)) !== null : true;
  // 307, not 308: where a link leads can change (a route removed later), so no cache may pin it.
  // The Location is app-relative, so it cannot name another host.
  return new Response(null, { status: 307, headers: { Location: viewTarget(view, () => exists), 'Cache-Control': 'no-store' } });
});
