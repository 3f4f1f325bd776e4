// What the server tells a map page's map module, as plain JSON: the settings every atlas map is
// made with, and the two configs (the explorer's, lib/map/explorer-map.ts; an embed's,
// lib/embed/client.ts). Pure data and pure functions: imported by server code, the React host
// and the browser bundles alike.
import type { StyleSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { MAX_ZOOM, MIN_ZOOM, buildStyle } from './style';
import { themedStyle, type MapTheme } from './theme';
import type { KeyPadding } from './padding';
import type { Locale } from '@/lib/i18n/locales';
import type { MapText } from '@/lib/i18n/map-text';

export type Bounds = [number, number, number, number];

/** The container's attribute saying who started the map in it: '' (nobody yet), 'boot' or 'react'. */
export const OWNER_ATTRIBUTE = 'data-atlas-owner';
/** The ids of the JSON config elements a page carries for its map module. */
export const EXPLORER_CONFIG_ID = 'atlas-map-config';
export const EMBED_CONFIG_ID = 'embed-config';
/** The element describing the explorer's map to assistive technology. */
export const EXPLORER_MAP_DESCRIPTION_ID = 'atlas-map-description';
/** The map's data: the API the explorer's SWR hook reads too. */
export const MAP_DATA_URL = '/api/routes';

export interface AtlasMapSettings {
  theme: MapTheme;
  interactive: boolean;
  /** Wheel zoom only with Ctrl/⌘, touch pan only with two fingers: a host page scrolls past it. */
  cooperativeGestures: boolean;
  /** The page's language: the map's labels are each feature's `name_ko` in Korean, and a click opens the item's page in it. */
  lang: Locale;
  /**
   * The words on the map in that language (MapLibre's controls, the credit, the label suffix),
   * from the server (lib/i18n/strings.ts mapText): this module reaches the browser, which
   * should get the page's own words and not every language's message file.
   */
  text: MapText;
}

/** Where maplibre-gl's two modules are served (lib/map/maplibre-urls.ts). */
export interface MaplibreUrls {
  script: string;
  worker: string;
}

/** Everything `new maplibregl.Map` needs besides its container and camera: plain data. */
export interface MapInit {
  style: StyleSpecification;
  interactive: boolean;
  cooperativeGestures: boolean;
  minZoom: number;
  maxZoom: number;
  /** MapLibre's UI strings, in the page's language (lib/i18n/map-text.ts). */
  locale: Record<string, string>;
}

/**
 * The atlas's MapInit; `data` goes into the style's atlas source when given: the collection, or
 * the address MapLibre's worker fetches it from (fetched, parsed and laid out off the main thread).
 */
export function atlasMapInit(
  { theme, interactive, cooperativeGestures, lang, text }: AtlasMapSettings,
  data?: FeatureCollection | string,
): MapInit {
  return {
    style: themedStyle(buildStyle(undefined, data, { lang, approximateSuffix: text.approximateSuffix, credit: text.credit }), theme),
    interactive,
    cooperativeGestures,
    minZoom: MIN_ZOOM,
    maxZoom: MAX_ZOOM,
    locale: text.controls,
  };
}

/** The explorer's map (`/`, `/routes/{id}`): light, interactive, and the page's own gestures. */
export function explorerMapSettings(lang: Locale, text: MapText): AtlasMapSettings {
  return { theme: 'light', interactive: true, cooperativeGestures: false, lang, text };
}

/** An embed's map: still when not interactive, and cooperative gestures when it is. */
export function embedMapSettings(
  { interactive, theme, lang }: { interactive: boolean; theme: MapTheme; lang: Locale },
  text: MapText,
): AtlasMapSettings {
  return { theme, interactive, cooperativeGestures: interactive, lang, text };
}

/** What every map page tells its module. */
interface MapConfigBase {
  settings: AtlasMapSettings;
  maplibre: MaplibreUrls;
  dataUrl: string;
  /** The key over this page's map, to leave room for when fitting. */
  keyPadding: KeyPadding;
  /** id of the element describing the map to assistive technology. */
  describedBy: string;
}

/**
 * The explorer's config (`/`, `/routes/{id}`), rendered by its layout. The map module reads the
 * page's address itself (the item in the path, the stage and filters in the query, the camera
 * in the hash), as the React host does, so a deep link draws its view from the first frame.
 */
export interface ExplorerMapConfig extends MapConfigBase {
  /** The ETag of the data this page was rendered with: another version is left to the React host. */
  etag: string;
  /** The camera when the address names no item. */
  bounds: Bounds;
  /**
   * The item a page loaded on `/routes/{id}` shows, with its bounds, when the atlas has it placed;
   * null on the list and for an unplaced event. Only that one: every item's bounds made this
   * config, which the page carries twice over, 166 kB at 100x the data. The React host hands the
   * module the rest once it runs (lib/map/explorer-map.ts knowItemBounds).
   */
  item: { id: string; bounds: Bounds } | null;
}

/**
 * An embed's config (/embed, /embed/{id}): the embed has no React, so everything the map needs
 * beyond the data is here, the feature-states included.
 */
export interface EmbedClientConfig extends MapConfigBase {
  /** Fitted when the hash names no camera (and when history returns to an entry without one). */
  bounds: Bounds;
  /** Whether the key is drawn over the map (small frames fold it). */
  legend: boolean;
  /** Items drawn selected (the embed's item) and muted (left out by the link's filters); the id of the stage the link names. */
  view: { selected: string | null; muted: string[]; stage: string | null };
}

/** A config as the body of a <script type="application/json">: `<` escaped, so no text can close the element. */
export function scriptJson(value: ExplorerMapConfig | EmbedClientConfig): { __html: string } {
  return { __html: JSON.stringify(value).replace(/</g, '\\u003c') };
}
