// oEmbed 1.0 (https://oembed.com) for this app's own pages: which page URLs can be embedded,
// what frame they become, and the response object. Pure; the route handler does the I/O.
import { z } from 'zod';
import { iframeSnippet } from './snippet';
import { localeHref, splitLocale, toLocale, type Locale } from '../i18n/locales';
import { stringsFor } from '../i18n/strings';
import { parseViewPath, VIEW_QUERY_KEYS, ViewHash, ViewQuery } from '../share/short-view';
import { STILL_SIZES } from '../still/sizes';

export const OEMBED_DEFAULT = { width: 800, height: 450 } as const;
/** Below this the map, legend and attribution no longer fit in the frame. */
export const OEMBED_MIN = { width: 240, height: 135 } as const;

const Dimension = z
  .string()
  .regex(/^\d{1,5}$/, 'a whole number of pixels')
  .transform(Number)
  .optional();

export const OEmbedQuery = z.object({
  url: z.string().min(1, 'url is required').max(2048, 'url is too long'),
  maxwidth: Dimension,
  maxheight: Dimension,
  format: z.string().max(20).default('json'),
});
export type OEmbedQuery = z.infer<typeof OEmbedQuery>;

/** A page of ours that can be embedded: the embed path and the view options it carries. */
export interface EmbedTarget {
  origin: string;
  slug: string | null;
  /** e.g. /embed/tumen-crossing-to-yanbian?legend=0#6/42.5/129.9, or /ko/embed/... for a Korean page */
  embedPath: string;
  /** The page's language: `/ko/...`, or `lang=` on an embed's address. */
  lang: Locale;
}

/**
 * Map a page URL to its embed, or null when it is not one of our embeddable pages: the explorer
 * (/), a route page (/routes/{id}) or an embed itself. Only view options from the URL are carried
 * into the frame; anything else in its query is dropped, and so is a malformed camera.
 */
export function embedTargetFor(pageUrl: string, ownOrigins: ReadonlySet<string>): EmbedTarget | null {
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    return null;
  }
  if (!ownOrigins.has(url.origin)) return null;
  const { locale: pathLocale, path: plain } = splitLocale(url.pathname);
  const path = plain.length > 1 ? plain.replace(/\/$/, '') : plain;
  const parts = parseViewPath(path.replace(/^\/routes\//, '/embed/').replace(/^\/$/, '/embed'));
  if (!parts || parts.base !== '/embed') return null;
  const params = new URLSearchParams();
  for (const key of VIEW_QUERY_KEYS) {
    const value = url.searchParams.get(key);
    // The language goes into the frame's path (/ko/embed/...), not its query.
    if (value === null || key === 'lang') continue;
    if (ViewQuery.shape[key].safeParse(value).success) params.set(key, value);
  }
  const hash = ViewHash.safeParse(url.hash).success ? url.hash : '';
  const query = params.toString();
  const langParam = url.searchParams.get('lang');
  const lang = langParam !== null && toLocale(langParam) === langParam ? toLocale(langParam) : pathLocale;
  const embedPath = localeHref(lang, `/embed${parts.slug ? `/${parts.slug}` : ''}${query ? `?${query}` : ''}${hash}`);
  return { origin: url.origin, slug: parts.slug, embedPath, lang };
}

/** The frame size: 16:9 at 800×450 unless the consumer's maximum is smaller. Null when it cannot fit. */
export function frameSize(maxwidth?: number, maxheight?: number): { width: number; height: number } | null {
  const ratio = OEMBED_DEFAULT.width / OEMBED_DEFAULT.height;
  let width: number = Math.min(OEMBED_DEFAULT.width, maxwidth ?? Infinity);
  let height = Math.round(width / ratio);
  if (maxheight !== undefined && height > maxheight) {
    height = maxheight;
    width = Math.round(height * ratio);
  }
  if (width < OEMBED_MIN.width || height < OEMBED_MIN.height) return null;
  return { width, height };
}

export const OEmbedResponse = z.object({
  type: z.literal('rich'),
  version: z.literal('1.0'),
  title: z.string(),
  provider_name: z.string(),
  provider_url: z.string(),
  html: z.string(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  thumbnail_url: z.string().optional(),
  thumbnail_width: z.number().int().positive().optional(),
  thumbnail_height: z.number().int().positive().optional(),
});
export type OEmbedResponse = z.infer<typeof OEmbedResponse>;

export function oembedResponse(
  target: EmbedTarget,
  title: string,
  size: { width: number; height: number },
  max: { maxwidth?: number; maxheight?: number },
): OEmbedResponse {
  const thumb = STILL_SIZES.social;
  const SHARE_STRINGS = stringsFor(target.lang).cards;
  const thumbPath = localeHref(target.lang, target.slug ? `/routes/${target.slug}/image.png?size=social` : '/image.png?size=social');
  // The spec says a thumbnail must respect maxwidth/maxheight too; the social image is the
  // smallest we render, so a smaller limit means no thumbnail rather than a wrong size.
  const thumbFits = (max.maxwidth ?? Infinity) >= thumb.width && (max.maxheight ?? Infinity) >= thumb.height;
  return OEmbedResponse.parse({
    type: 'rich',
    version: '1.0',
    title,
    provider_name: SHARE_STRINGS.appName,
    provider_url: `${target.origin}/`,
    html: iframeSnippet({
      src: `${target.origin}${target.embedPath}`,
      title: `${title} – ${SHARE_STRINGS.appName}`,
      width: size.width,
      height: size.height,
    }),
    width: size.width,
    height: size.height,
    ...(thumbFits ? { thumbnail_url: `${target.origin}${thumbPath}`, thumbnail_width: thumb.width, thumbnail_height: thumb.height } : {}),
  });
}
