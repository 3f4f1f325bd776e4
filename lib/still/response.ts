// Serving still images: validate the request, render once per (data version, item, size),
// answer repeats from memory and revalidations with 304. The route handlers only call this.
import 'server-only';
import { ImageResponse } from 'next/og';
import { Slug } from '@/geo/schema';
import { errorJson, INVALID_ID_MESSAGE } from '../http/api-errors';
import { conditionalResponse, etagOf } from '../http/etag.mjs';
import { SHARED_IMAGE } from '../http/cache-policy';
import { getDataVersion, getMapCollection, getRouteDetail, getSources } from '../data/queries';
import { stillBasemap, stillBasemapVersion } from './basemap';
import { sourceNames, stillImage } from './image';
import { STILL_SIZES, StillSizeParam, type StillSize } from './sizes';
import { stillFonts } from './fonts';
import { LOCALE_HEADER, toLocale, type Locale } from '../i18n/locales';

interface RenderedImage {
  png: Buffer;
  etag: string;
}

/** Every item at both sizes is under a hundred images; the cap only guards against surprises. */
const MAX_CACHED = 200;
const cache = new Map<string, Promise<RenderedImage>>();

const CACHE_CONTROL = SHARED_IMAGE;

async function render(slug: string | null, size: StillSize, lang: Locale): Promise<RenderedImage> {
  const [atlas, detail, sources] = await Promise.all([getMapCollection(), slug ? getRouteDetail(slug) : null, slug ? null : getSources()]);
  if (slug && !detail) throw new Error(`still image: ${slug} vanished between lookup and render`);
  const names = detail
    ? sourceNames(detail)
    : [...new Set(sources!.sources.filter((s) => s.supports.length).map((s) => s.publisher ?? s.author ?? s.title))];
  const { element } = stillImage({ size, basemap: stillBasemap(), atlas, focus: detail, lang }, names);
  const png = Buffer.from(await new ImageResponse(element, { ...STILL_SIZES[size], fonts: stillFonts(lang) }).arrayBuffer());
  return { png, etag: etagOf(png) };
}

function cached(key: string, make: () => Promise<RenderedImage>): Promise<RenderedImage> {
  let entry = cache.get(key);
  if (!entry) {
    entry = make();
    cache.set(key, entry);
    // A failed render must not stick; the next request tries again.
    entry.catch(() => cache.delete(key));
    if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value as string);
  }
  return entry;
}

/** Drop images of older data versions as soon as a new version is seen. */
function forgetOtherVersions(prefix: string) {
  for (const key of cache.keys()) if (!key.startsWith(prefix)) cache.delete(key);
}

/** GET handler body for /image.png (slug null) and /routes/{slug}/image.png. */
export async function stillImageResponse(request: Request, slug: string | null): Promise<Response> {
  const params = new URL(request.url).searchParams;
  const sizeParam = params.get('size');
  // `?lang=ko` on any image address, or the address's own language (`/ko/routes/x/image.png`, via proxy.ts).
  const lang = params.has('lang') ? toLocale(params.get('lang')) : toLocale(request.headers.get(LOCALE_HEADER));
  const size = StillSizeParam.safeParse(sizeParam ?? undefined);
  if (!size.success) {
    return errorJson(400, {
      error: 'bad_request',
      message: `Unknown image size. Use ?size=slide (${STILL_SIZES.slide.width}×${STILL_SIZES.slide.height}, the default) or ?size=social (${STILL_SIZES.social.width}×${STILL_SIZES.social.height}).`,
    });
  }
  if (slug !== null) {
    if (!Slug.safeParse(slug).success)
      return errorJson(400, {
        error: 'bad_request',
        message: INVALID_ID_MESSAGE,
      });
    if (!(await getRouteDetail(slug)))
      return errorJson(404, { error: 'not_found', message: `No route, crossing, event or zone has the id "${slug}".` });
  }
  const version = `${stillBasemapVersion()}:${await getDataVersion()}:`;
  forgetOtherVersions(version);
  const image = await cached(`${version}${slug ?? '*'}:${size.data}:${lang}`, () => render(slug, size.data, lang));

  const filename = `escape-atlas-${slug ?? 'all-routes'}-${size.data}${lang === 'en' ? '' : `-${lang}`}.png`;
  return conditionalResponse(request, {
    etag: image.etag,
    body: new Uint8Array(image.png),
    headers: { 'Cache-Control': CACHE_CONTROL },
    contentHeaders: {
      'Content-Type': 'image/png',
      'Content-Length': String(image.png.length),
      'Content-Disposition': `inline; filename="${filename}"`,
    },
  });
}
