// GET /tour/{id}/image.png?step=3&size=slide|social: the still image of one step of a tour, for
// decks that need pictures, not frames. The still images' renderer (lib/still/image.tsx) framed
// on the step's stage or corridor, titled with the step. Bad input is a 4xx in the API's words.
import 'server-only';
import { ImageResponse } from 'next/og';
import { errorJson, INVALID_ID_MESSAGE } from '../http/api-errors';
import { Slug } from '@/geo/schema';
import { conditionalResponse, etagOf } from '../http/etag.mjs';
import { SHARED_IMAGE } from '../http/cache-policy';
import { getRouteDetail } from '../data/queries';
import { stillBasemap } from '../still/basemap';
import { stillImage } from '../still/image';
import { STILL_SIZES, StillSizeParam } from '../still/sizes';
import { LOCALE_HEADER, toLocale } from '../i18n/locales';
import { stringsFor } from '../i18n/strings';
import { stillFonts } from '../still/fonts';
import { parseStep } from './step-param';
import { loadTour } from './page';
import { ATLAS_TOUR_ID } from './tours';

export async function tourStillResponse(request: Request, id: string): Promise<Response> {
  const params = new URL(request.url).searchParams;
  const size = StillSizeParam.safeParse(params.get('size') ?? undefined);
  if (!size.success) {
    return errorJson(400, {
      error: 'bad_request',
      message: `Unknown image size. Use ?size=slide (${STILL_SIZES.slide.width}×${STILL_SIZES.slide.height}, the default) or ?size=social (${STILL_SIZES.social.width}×${STILL_SIZES.social.height}).`,
    });
  }
  if (id !== ATLAS_TOUR_ID && !Slug.safeParse(id).success) return errorJson(400, { error: 'bad_request', message: INVALID_ID_MESSAGE });
  // `?lang=ko`, or the address's own language (`/ko/tour/x/image.png`, via proxy.ts), as the other still images.
  const lang = params.has('lang') ? toLocale(params.get('lang')) : toLocale(request.headers.get(LOCALE_HEADER));
  const t = stringsFor(lang).tour;
  const loaded = await loadTour(id, lang);
  if (!loaded) return errorJson(404, { error: 'not_found', message: `No guided tour has the id "${id}".` });
  const { tour, collection } = loaded;
  const step = parseStep(params.getAll('step'), tour.steps.length);
  if (!step.ok)
    return errorJson(step.status, {
      error: step.status === 400 ? 'bad_request' : 'not_found',
      // The API answers in English, as every other API message.
      message: stringsFor('en').tour.errors.badStep(tour.steps.length),
    });
  const s = tour.steps[step.step - 1];
  // A route's tour draws its route over the rest; the atlas tour draws everything.
  const focus = tour.id === ATLAS_TOUR_ID ? null : await getRouteDetail(tour.id);
  const { element } = stillImage(
    {
      size: size.data,
      basemap: stillBasemap(),
      atlas: collection,
      focus,
      lang,
      frame: {
        bbox: s.focus.bounds,
        title: s.title,
        subtitle: `${t.counter(s.n, tour.steps.length)} · ${tour.title}`,
        level: s.risk.level,
      },
    },
    [s.citation.source.publisher ?? s.citation.source.author ?? s.citation.source.title],
  );
  const png = Buffer.from(await new ImageResponse(element, { ...STILL_SIZES[size.data], fonts: stillFonts(lang) }).arrayBuffer());
  return conditionalResponse(request, {
    etag: etagOf(png),
    body: new Uint8Array(png),
    headers: { 'Cache-Control': SHARED_IMAGE },
    contentHeaders: {
      'Content-Type': 'image/png',
      'Content-Length': String(png.length),
      'Content-Disposition': `inline; filename="escape-atlas-tour-${tour.id}-${step.step}-${size.data}${lang === 'en' ? '' : `-${lang}`}.png"`,
    },
  });
}
