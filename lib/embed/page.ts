// The data of an embed page (/embed, /embed/{id}), made on the server for pages/embed/: what
// components/embed-frame.tsx renders and what its script (lib/embed/client.ts) is told. Options
// come from the query (lib/embed/options.ts); a bad one falls back to its default, an unknown id
// gets the frame's 404 note, and data that cannot be read now a 503 note.
import type { IncomingHttpHeaders } from 'node:http';
import type { Geometry } from 'geojson';
import { bbox } from '@/geo/geometry';
import { Slug } from '@/geo/schema';
import type { MapFeatureCollection } from '../data/api-schema';
import { corridorGroups, filterGroups, type AtlasItem } from '../data/atlas-items';
import { parseEmbedOptions, type EmbedOptions, type SearchParamsRecord } from './options';
import { mapBundle, type MapBundle } from '../map/assets/bundles';
import { MAP_DATA_URL, embedMapSettings, type Bounds, type EmbedClientConfig } from '../map/settings';
import { DEFAULT_BOUNDS } from '../map/style';
import { MAPLIBRE_SCRIPT_URL, MAPLIBRE_WORKER_URL } from '../map/maplibre-urls';
import { getRouteDetail, mapCollectionPayload } from '../data/queries';
import { UNAVAILABLE, whenReadable } from '../data/version';
import { explorerShareMeta, routeShareMeta, type ShareMeta } from '../share/metadata';
import { LOCALE_HEADER, localeHref, toLocale, type Locale } from '../i18n/locales';
import { mapText, stringsFor } from '../i18n/strings';
import { formatFilters, hasFilters } from '../view/view-state';

/** The element describing an embed's map to assistive technology (components/embed-frame.tsx). */
const DESCRIPTION_ID = 'embed-map-description';

export interface EmbedFrameData {
  title: string;
  subtitle: string | null;
  /** The full page this embed stands for, app-relative. */
  fullHref: string;
  options: Pick<EmbedOptions, 'interactive' | 'legend' | 'theme'>;
  meta: ShareMeta;
  client: EmbedClientConfig;
  /** The embed's script (lib/embed/client.ts) and the chunks it imports, content-hashed. */
  script: MapBundle;
}

/**
 * Page props: plain JSON. Without a frame, a note in its place says why: the atlas has no item
 * with this id (404), or its data cannot be read now (503).
 */
export interface EmbedPageProps {
  nonce: string | null;
  /** The frame's language: `lang` in the query, else the address's (`/ko/embed/...`). */
  lang: Locale;
  status: 200 | 404 | 503;
  frame: EmbedFrameData | null;
}

/** What `read` makes, or the 503 note when the data cannot be read now. */
export async function embedPageProps(nonce: string | null, lang: Locale, read: () => Promise<EmbedPageProps>): Promise<EmbedPageProps> {
  const props = await whenReadable(read);
  return props === UNAVAILABLE ? { nonce, lang, status: 503, frame: null } : props;
}

/**
 * The embed's language: a valid `lang` in the query wins (old snippets, the Embed dialog), else
 * the locale of the address, which the proxy read from `/ko/embed/...`.
 */
export function embedLocale(query: SearchParamsRecord, headers: IncomingHttpHeaders): Locale {
  const fromQuery = Array.isArray(query.lang) ? query.lang[0] : query.lang;
  if (fromQuery !== undefined && toLocale(fromQuery) === fromQuery) return toLocale(fromQuery);
  return toLocale(headers[LOCALE_HEADER]);
}

/** The CSP nonce the proxy gave this request (proxy.ts), for the page's own script tags. */
export function requestNonce(headers: IncomingHttpHeaders): string | null {
  const value = headers['x-nonce'];
  return typeof value === 'string' && value !== '' ? value : null;
}

function frameData(
  items: readonly AtlasItem[],
  options: EmbedOptions,
  f: {
    title: string;
    subtitle: string | null;
    fullHref: string;
    meta: ShareMeta;
    bounds: Bounds;
    selected: string | null;
    visibleIds: string[] | null;
    stage: string | null;
  },
): EmbedFrameData {
  const visible = f.visibleIds ? new Set(f.visibleIds) : null;
  return {
    title: f.title,
    subtitle: f.subtitle,
    fullHref: f.fullHref,
    options: { interactive: options.interactive, legend: options.legend, theme: options.theme },
    meta: f.meta,
    script: mapBundle('embed-client'),
    client: {
      settings: embedMapSettings(options, mapText(options.lang)),
      dataUrl: MAP_DATA_URL,
      maplibre: { script: MAPLIBRE_SCRIPT_URL, worker: MAPLIBRE_WORKER_URL },
      bounds: f.bounds,
      legend: options.legend,
      keyPadding: 'embed',
      view: {
        selected: f.selected,
        muted: visible ? items.filter((i) => !visible.has(i.id)).map((i) => i.id) : [],
        stage: f.stage,
      },
      describedBy: DESCRIPTION_ID,
    },
  };
}

/** /embed: every route, dimming what the link's filters leave out. */
export async function allRoutesEmbed(query: SearchParamsRecord, nonce: string | null, lang: Locale = 'en'): Promise<EmbedPageProps> {
  const options = { ...parseEmbedOptions(query), lang };
  const cards = stringsFor(lang).cards;
  const { data: collection } = await mapCollectionPayload();
  const groups = corridorGroups(collection);
  const visibleIds = hasFilters(options.filters) ? filterGroups(groups, options.filters).flatMap((g) => g.items.map((i) => i.id)) : null;
  const filters = formatFilters(options.filters);
  return {
    nonce,
    lang,
    status: 200,
    frame: frameData(
      groups.flatMap((g) => g.items),
      options,
      {
        title: cards.allRoutesTitle,
        subtitle: null,
        fullHref: localeHref(lang, `/${filters ? `?${filters}` : ''}`),
        meta: explorerShareMeta(undefined, lang),
        bounds: [...DEFAULT_BOUNDS] as Bounds,
        selected: null,
        visibleIds,
        stage: null,
      },
    ),
  };
}

/** The bounds of one stage's line, or null when the item draws no such stage. */
function stageLine(collection: MapFeatureCollection, item: string, stage: string): { bounds: Bounds } | null {
  const line = collection.features.find((f) => f.properties.kind === 'stage' && f.properties.item === item && f.properties.stage === stage);
  // The API's geometry is checked for shape by the geo tests; here it is read, not trusted to be typed.
  return line ? { bounds: bbox(line.geometry as Geometry) } : null;
}

/** /embed/{id}: one route, crossing, event or zone, fitted and emphasised. */
export async function itemEmbed(
  slug: string,
  query: SearchParamsRecord,
  nonce: string | null,
  lang: Locale = 'en',
): Promise<EmbedPageProps> {
  const detail = Slug.safeParse(slug).success ? await getRouteDetail(slug) : null;
  if (!detail) return { nonce, lang, status: 404, frame: null };
  const options = { ...parseEmbedOptions(query), lang };
  const share = stringsFor(lang).share;
  const { data: collection } = await mapCollectionPayload();
  // A stage that is not this item's is ignored, like any other bad option.
  const stage = options.stage ? (detail.stages.find((s) => s.id === options.stage && s.id !== 'main') ?? null) : null;
  const line = stage ? stageLine(collection, detail.id, stage.id) : null;
  const full = new URLSearchParams(stage ? { stage: stage.id } : {}).toString();
  return {
    nonce,
    lang,
    status: 200,
    frame: frameData(
      corridorGroups(collection).flatMap((g) => g.items),
      options,
      {
        title: detail.name[lang],
        subtitle: stage ? share.embedPage.stage(stage.order, stage.name[lang]) : null,
        fullHref: localeHref(lang, `/routes/${detail.id}${full ? `?${full}` : ''}`),
        meta: routeShareMeta(detail, undefined, lang),
        bounds: line?.bounds ?? detail.bbox ?? ([...DEFAULT_BOUNDS] as Bounds),
        selected: detail.id,
        visibleIds: null,
        stage: line && stage ? stage.id : null,
      },
    ),
  };
}
