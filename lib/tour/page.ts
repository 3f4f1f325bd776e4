// Server only. The data of a tour page (/tour, /tour/{id}) and of a tour's embed
// (/embed/tour/{id}), made on the server for pages/: what components/tour-frame.tsx renders and
// what its script (lib/tour/client.ts) is told. The step comes from the query (lib/tour/step-param.ts):
// malformed is a 400, past the end a 404, an unknown tour a 404, each with a page that says so.
import type { IncomingHttpHeaders } from 'node:http';
import { Slug } from '@/geo/schema';
import type { MapFeatureCollection, RouteDetail } from '../data/api-schema';
import { corridorGroups } from '../data/atlas-items';
import { getRouteDetail, mapCollectionPayload } from '../data/queries';
import { UNAVAILABLE, whenReadable } from '../data/version';
import { parseEmbedOptions, type EmbedOptions, type SearchParamsRecord } from '../embed/options';
import { mapBundle, type MapBundle } from '../map/assets/bundles';
import { MAPLIBRE_SCRIPT_URL, MAPLIBRE_WORKER_URL } from '../map/maplibre-urls';
import { MAP_DATA_URL, embedMapSettings } from '../map/settings';
import { LOCALE_HEADER, LOCALE_TAGS, LOCALES, localeHref, toLocale, type Locale } from '../i18n/locales';
import { pageAlternates } from '../share/metadata';
import { mapText, stringsFor } from '../i18n/strings';
import { tourEmbedPath, tourImagePath, tourPath } from './paths';
import { parseStep, stepSearch } from './step-param';
import { TOUR_CONFIG_ID, type TourClientConfig, type TourMode } from './config';
import { ATLAS_TOUR_ID, atlasTour, routeTour, tourIds, type Tour } from './tours';

export interface TourFrameData {
  tour: Tour;
  step: number;
  mode: TourMode;
  options: Pick<EmbedOptions, 'legend' | 'theme' | 'interactive'>;
  /** App-relative addresses: the tour's page, its route's page (null for the atlas tour), its still image. */
  links: { page: string; route: string | null; image: string; embed: string };
  /** The same tour page in every language (hreflang), and where the language switch goes. */
  alternates: { canonical: string; languages: Record<string, string>; switchTo: { lang: string; href: string } };
  /** Every tour, for the index on /tour. */
  index: { id: string; title: string; steps: number }[] | null;
  client: TourClientConfig;
  /** The id of the element holding `client`. */
  configId: typeof TOUR_CONFIG_ID;
  script: MapBundle;
}

export interface TourError {
  status: 400 | 404 | 503;
  title: string;
  body: string;
  /** Where to go instead. */
  action: { href: string; label: string };
}

export interface TourPageProps {
  nonce: string | null;
  /** The page's language: the address's (`/ko/tour/...`), or `lang` in an embed's query. */
  lang: Locale;
  frame: TourFrameData | null;
  error: TourError | null;
}

/** The element describing the tour's map to assistive technology. */
const DESCRIPTION_ID = 'tour-map-description';

/** The tour with this id over the current data, or null when there is none. */
export async function loadTour(id: string, locale: Locale = 'en'): Promise<{ tour: Tour; collection: MapFeatureCollection } | null> {
  const { data: collection } = await mapCollectionPayload();
  if (id === ATLAS_TOUR_ID) {
    const ids = corridorGroups(collection).flatMap((g) => g.items.map((i) => i.id));
    const details = new Map<string, RouteDetail>();
    for (const item of ids) {
      const d = await getRouteDetail(item);
      if (d) details.set(item, d);
    }
    return { tour: atlasTour(collection, details, locale), collection };
  }
  if (!Slug.safeParse(id).success) return null;
  const detail = await getRouteDetail(id);
  const tour = detail ? routeTour(detail, collection, locale) : null;
  return tour ? { tour, collection } : null;
}

const notFound = (lang: Locale): TourError => {
  const t = stringsFor(lang).tour;
  return {
    status: 404,
    title: t.errors.notFoundTitle,
    body: t.errors.notFoundBody,
    action: { href: localeHref(lang, '/tour'), label: t.errors.allTours },
  };
};

/** A tour page's language: the address's (proxy.ts), or for an embed a valid `lang` in the query (lib/embed/page.ts embedLocale). */
export function tourLocale(headers: IncomingHttpHeaders): Locale {
  return toLocale(headers[LOCALE_HEADER]);
}

/** A tour page's own address in every language, and the other language's at this step for the switch. */
function tourAlternates(id: string, lang: Locale, step: number): TourFrameData['alternates'] {
  const { canonical, languages } = pageAlternates(tourPath(id), lang);
  const to = LOCALES.find((l) => l !== lang)!;
  return {
    canonical: String(canonical),
    languages: Object.fromEntries(Object.entries(languages ?? {}).map(([k, v]) => [k, String(v)])),
    switchTo: { lang: LOCALE_TAGS[to].lang, href: `${localeHref(to, tourPath(id))}${stepSearch(step)}` },
  };
}

/** A tour page's props: the frame, or the error to show with its status. */
export async function tourPageProps(
  id: string,
  query: SearchParamsRecord,
  mode: TourMode,
  nonce: string | null,
  lang: Locale = 'en',
): Promise<TourPageProps> {
  const t = stringsFor(lang).tour;
  const loaded = await whenReadable(() => loadTour(id, lang));
  if (loaded === UNAVAILABLE) {
    // The same address again, once the data can be read (an id that cannot be one: the index).
    const again = id === ATLAS_TOUR_ID || Slug.safeParse(id).success ? id : null;
    const href =
      again === null ? localeHref(lang, '/tour') : mode === 'embed' ? tourEmbedPath(again, { lang }) : localeHref(lang, tourPath(again));
    return {
      nonce,
      lang,
      frame: null,
      error: { status: 503, title: t.errors.unavailableTitle, body: t.errors.unavailableBody, action: { href, label: t.errors.tryAgain } },
    };
  }
  if (!loaded) return { nonce, lang, frame: null, error: notFound(lang) };
  const { tour, collection } = loaded;
  const step = parseStep(query.step, tour.steps.length);
  if (!step.ok) {
    return {
      nonce,
      lang,
      frame: null,
      error: {
        status: step.status,
        title: t.errors.badStepTitle,
        body: t.errors.badStep(tour.steps.length),
        action: {
          href: mode === 'embed' ? tourEmbedPath(tour.id, { lang }) : localeHref(lang, tourPath(tour.id)),
          label: t.errors.startTour,
        },
      },
    };
  }
  const options =
    mode === 'embed' ? { ...parseEmbedOptions(query), lang } : { legend: true, theme: 'light' as const, interactive: true, lang };
  const ids = corridorGroups(collection).flatMap((g) => g.items.map((i) => i.id));
  const count = tour.steps.length;
  return {
    nonce,
    lang,
    error: null,
    frame: {
      tour,
      step: step.step,
      mode,
      options: { legend: options.legend, theme: options.theme, interactive: options.interactive },
      links: {
        page: localeHref(lang, tourPath(tour.id)),
        route: tour.id === ATLAS_TOUR_ID ? null : localeHref(lang, `/routes/${encodeURIComponent(tour.id)}`),
        image: localeHref(lang, tourImagePath(tour.id, step.step)),
        embed: tourEmbedPath(tour.id, mode === 'embed' ? options : {}),
      },
      alternates: tourAlternates(tour.id, lang, step.step),
      index:
        mode === 'page' && tour.id === ATLAS_TOUR_ID
          ? await Promise.all(
              tourIds(collection)
                .filter((i) => i !== ATLAS_TOUR_ID)
                .map(async (i) => {
                  const other = (await loadTour(i, lang))?.tour;
                  return { id: i, title: other?.title ?? i, steps: other?.steps.length ?? 0 };
                }),
            )
          : null,
      script: mapBundle('tour-client'),
      configId: TOUR_CONFIG_ID,
      client: {
        settings:
          mode === 'embed'
            ? embedMapSettings(options, mapText(lang))
            : { theme: 'light', interactive: true, cooperativeGestures: false, lang, text: mapText(lang) },
        maplibre: { script: MAPLIBRE_SCRIPT_URL, worker: MAPLIBRE_WORKER_URL },
        dataUrl: MAP_DATA_URL,
        keyPadding: 'none',
        describedBy: DESCRIPTION_ID,
        mode,
        step: step.step,
        steps: tour.steps.map((s) => {
          const lit = new Set(s.focus.lit);
          return {
            view: { selected: s.focus.selected, stage: s.focus.stage, muted: ids.filter((i) => !lit.has(i)) },
            bounds: s.focus.bounds,
            announce: t.announce(s.n, count, s.title, s.text),
            counter: t.counter(s.n, count),
          };
        }),
        text: { present: t.present, leavePresent: t.leavePresent, mapFailed: t.mapFailed },
      },
    },
  };
}
