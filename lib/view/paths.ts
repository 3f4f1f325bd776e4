// The item page's address, `/routes/{id}` (`/ko/routes/{id}` in Korean): written and read here
// only. No zod, so the map module can read the page it is on without a validator; the id it reads
// is only ever looked up in the data (an id the data does not have selects nothing).
import { DEFAULT_LOCALE, isLocale, localeHref, splitLocale, type Locale } from '../i18n/locales';

/**
 * The explorer's query parameters (lib/view/view-state.ts reads and writes them): the stage of the
 * item in the path, then the filters. Any other parameter a link picks up (utm_source, fbclid, …)
 * names nothing.
 */
export const VIEW_PARAMS = { stage: 'stage', level: 'level', hazard: 'hazard', from: 'from', to: 'to', q: 'q' } as const;
/** The parameters that filter the items (and so dim some on the map): all but the stage. */
export const FILTER_PARAMS: readonly string[] = Object.values(VIEW_PARAMS).filter((key) => key !== VIEW_PARAMS.stage);

/** The pattern of an item page's path; the id is the first group, still URI-encoded. */
export const ROUTE_PATH = /^\/routes\/([^/]*)\/?$/;

/** `/routes/{id}` for an item id, under the locale's prefix (`/ko/routes/{id}`). */
export function routePath(id: string, locale: Locale = DEFAULT_LOCALE): string {
  return localeHref(locale, `/routes/${encodeURIComponent(id)}`);
}

/**
 * The still image of an item, or of every route when `slug` is null (app/routes/[slug]/image.png,
 * app/image.png). Here, not in a component: the handout (a server component) and the client's
 * Download link and Embed dialog all write it.
 */
export function stillImagePath(slug: string | null, size: 'slide' | 'social' = 'slide', locale: Locale = DEFAULT_LOCALE): string {
  const path = localeHref(locale, slug ? `${routePath(slug)}/image.png` : '/image.png');
  // Slide is the renderer's default: the link stays short.
  return size === 'slide' ? path : `${path}?size=${size}`;
}

/** The item id a path names (decoded), in any locale, or null when it is not an item page. */
export function routeIdOf(pathname: string): string | null {
  const m = ROUTE_PATH.exec(splitLocale(pathname).path);
  if (!m) return null;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return null;
  }
}

/**
 * The reading pages, whose language is in the address: the explorer (`/`, `/routes/{id}`),
 * `/sources`, `/about` and the tours (`/tour`, `/tour/{id}`). Embeds and still images take their
 * language from `?lang=` instead, and keep it there.
 */
const READING_PAGE = /^\/(?:sources|about|tour(?:\/[^/]+)?)?\/?$/;

/**
 * Where a reading page's address with `?lang=` belongs: `/tour?lang=ko` is `/ko/tour`, and
 * `/ko/about?lang=en` is `/about`; the rest of the query stays. null when there is nothing to
 * move: no `lang`, one that is no locale, the address's own language, or not a reading page.
 */
export function languageRedirect(url: URL): string | null {
  const lang = url.searchParams.get('lang');
  if (!isLocale(lang)) return null;
  const { locale, path } = splitLocale(url.pathname);
  if (lang === locale || !(READING_PAGE.test(path) || ROUTE_PATH.test(path))) return null;
  const query = new URLSearchParams(url.search);
  query.delete('lang');
  const search = query.toString();
  return localeHref(lang, `${path}${search ? `?${search}` : ''}`);
}

/** The embed pages: `/embed`, `/embed/{id}`, `/embed/tour/{id}` (not their still images). */
const EMBED_PAGE = /^\/embed(?:\/tour)?(?:\/[^/.]+)?\/?$/;

/**
 * The HTML pages that are the same for every visitor at one address (no cookie, no account; the
 * language is in the path): the reading pages and the embeds. Only their CSP nonce differs, so a
 * reverse proxy that gives each copy a fresh nonce may keep one (lib/http/cache-policy.ts
 * `pageCacheControl`, deploy/nginx.conf). `path` is without its locale prefix.
 */
export function isSharedPage(path: string): boolean {
  return READING_PAGE.test(path) || ROUTE_PATH.test(path) || EMBED_PAGE.test(path);
}
