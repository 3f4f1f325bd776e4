// Creating the atlas map, and starting it before React hydrates the page.
//
// The map's first idle waited for React: the app's chunks had to arrive, run and hydrate the
// whole page before AtlasMap's effect created the map (about 250 ms at full CPU speed, much more
// on a slow phone), while a bare MapLibre page creates it as soon as the library has loaded. So
// each map page carries a small inline script (mapBootScript, written by
// components/maplibre-preload.tsx) that, when the parser reaches it, imports maplibre-gl and
// the boot module (lib/map/boot-module.ts, a cached file), fetches /api/routes, and creates the
// map in the server-rendered container; AtlasMap adopts that map when it mounts.
//
// `createAtlasMap`, `fitPadding`, the key paddings and `startAtlasMap` serve both paths: AtlasMap
// imports them, and the boot module carries their source text (Function.prototype.toString), so
// there is one definition of how the map is made. That is why they are self-contained: they use
// nothing but their parameters and browser globals.
import type { FeatureCollection } from 'geojson';
import type { Map as MapLibreMap, StyleSpecification } from 'maplibre-gl';
import { ATLAS_SOURCE, MAX_ZOOM, MIN_ZOOM, buildStyle, type FeatureStateName, type stageUid } from '@/lib/map/style';
import { holdAppStart, startAppAfterMap, type AppStartOptions } from '@/lib/map/app-start-gate';
import { themedStyle, type MapTheme } from '@/lib/map/theme';
import { mapText } from '@/lib/i18n/map-text';
import type { Locale } from '@/lib/i18n/locales';

export type Bounds = [number, number, number, number];

/** Everything `new maplibre.Map` needs besides its container; plain data, so it can be sent. */
export interface MapInit {
  style: StyleSpecification;
  camera: { center: [number, number]; zoom: number } | { bounds: Bounds; padding: Padding; maxZoom: number };
  interactive: boolean;
  cooperativeGestures: boolean;
  minZoom: number;
  maxZoom: number;
  /** MapLibre's UI strings (lib/i18n/map-text.ts). */
  locale: Record<string, string>;
  /** The source holding the atlas's features. */
  atlasSource: string;
  /** Feature-states the map starts with, by name: the feature uids to set each one on. */
  states?: Partial<Record<FeatureStateName, readonly string[]>>;
}

/**
 * Create the atlas map in `container`, with the idle marker (`data-map-idle`) that tests and
 * benchmarks wait on: "true" at an idle once the atlas source has its data and is loaded.
 * Self-contained: see the top of this file.
 */
export function createAtlasMap(maplibre: typeof import('maplibre-gl'), container: HTMLElement, init: MapInit): MapLibreMap {
  const camera = init.camera;
  const map = new maplibre.Map({
    container,
    style: init.style,
    ...('center' in camera
      ? { center: camera.center, zoom: camera.zoom }
      : { bounds: camera.bounds, fitBoundsOptions: { padding: camera.padding, maxZoom: camera.maxZoom } }),
    interactive: init.interactive,
    cooperativeGestures: init.cooperativeGestures,
    minZoom: init.minZoom,
    maxZoom: init.maxZoom,
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
    renderWorldCopies: false,
    attributionControl: { compact: true },
    locale: init.locale,
  });
  map.touchZoomRotate.disableRotation();
  map.keyboard.disableRotation();
  const atlas = init.style.sources[init.atlasSource];
  const data = atlas && atlas.type === 'geojson' ? atlas.data : undefined;
  if (data && typeof data === 'object' && 'features' in data && data.features.length > 0) container.dataset.atlasData = 'true';
  const setIdle = (idle: boolean) => {
    const value = String(idle);
    if (container.dataset.mapIdle !== value) container.dataset.mapIdle = value;
  };
  const states = init.states;
  if (states) {
    // Once the style has its sources, before any tile is drawn: the first frames show them.
    map.once('styledata', () => {
      for (const [name, uids] of Object.entries(states))
        for (const id of uids ?? []) map.setFeatureState({ source: init.atlasSource, id }, { [name]: true });
    });
  }
  // Whoever made it: tests read the map from here as soon as it exists.
  window.__atlas = { map };
  map.on('render', () => setIdle(false));
  map.on('idle', () =>
    setIdle(
      map.getSource(init.atlasSource) !== undefined && container.dataset.atlasData === 'true' && map.isSourceLoaded(init.atlasSource),
    ),
  );
  return map;
}

/**
 * Resolves once every stylesheet the document links has loaded (or failed), so the map's
 * container has its final size; a script that runs while the page is still being parsed waits
 * for this rather than for the whole document. Self-contained.
 */
export function stylesheetsLoaded(): Promise<unknown> {
  const links = [...document.querySelectorAll('link[rel="stylesheet"]')] as HTMLLinkElement[];
  const pending = links
    .filter((l) => !l.sheet)
    .map((l) => new Promise((r) => (l.addEventListener('load', r, { once: true }), l.addEventListener('error', r, { once: true }))));
  // A sheet that failed before we looked fires no event: the parsed document is the fallback.
  if (pending.length === 0 || document.readyState !== 'loading') return Promise.resolve();
  return Promise.race([Promise.all(pending), new Promise((r) => document.addEventListener('DOMContentLoaded', r, { once: true }))]);
}

export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/**
 * The padding to fit the camera with: a margin of `max` px, less in a small map (an embed in a
 * slide, 240×135, where MapLibre would refuse a fit whose padding leaves no room), plus `extra`
 * room on any side (a key drawn over the map). Self-contained.
 */
export function fitPadding(container: HTMLElement, max: number, extra: Partial<Padding>): Padding {
  const margin = Math.min(max, Math.floor(Math.min(container.clientWidth, container.clientHeight) / 8));
  return {
    top: margin + (extra.top ?? 0),
    right: margin + (extra.right ?? 0),
    bottom: margin + (extra.bottom ?? 0),
    left: margin + (extra.left ?? 0),
  };
}

/** Room for the explorer's map key when it is open over the map's left edge. Self-contained. */
export function explorerKeyPadding(): Partial<Padding> {
  const legend = document.querySelector('details.legend');
  if (!(legend instanceof HTMLDetailsElement) || !legend.open || !legend.parentElement) return {};
  const map = legend.parentElement.getBoundingClientRect();
  const box = legend.getBoundingClientRect();
  // Only when the key leaves a useful map beside it; on narrow screens it would leave none.
  return box.right - map.left < map.width / 2 ? { left: box.right - map.left } : {};
}

/** Room below an embed's key, at the top of the frame, when there is room for it. Self-contained. */
export function embedKeyPadding(): Partial<Padding> {
  const key = document.querySelector('[data-map-key]');
  if (!(key instanceof HTMLElement)) return {};
  const below = key.offsetTop + key.offsetHeight;
  // In a short frame the key sits over the map instead.
  return below < window.innerHeight / 3 ? { top: below } : {};
}

/** The keys drawn over a map, by the page that draws them. */
export const KEY_PADDING = { explorer: explorerKeyPadding } as const;

export interface AtlasMapSettings {
  theme: MapTheme;
  interactive: boolean;
  cooperativeGestures: boolean;
  /** The labels' and controls' language. @default 'en' */
  lang?: Locale;
}

/** The atlas's MapInit, camera aside, for both paths; `data` goes into the style when given. */
export function atlasMapInit(
  { theme, interactive, cooperativeGestures, lang = 'en' }: AtlasMapSettings,
  data?: FeatureCollection,
): Omit<MapInit, 'camera'> {
  return {
    style: themedStyle(buildStyle(undefined, data, lang), theme),
    interactive,
    cooperativeGestures,
    minZoom: MIN_ZOOM,
    maxZoom: MAX_ZOOM,
    locale: mapText(lang).controls,
    atlasSource: ATLAS_SOURCE,
  };
}

/** An embed's map: still when not interactive, and cooperative gestures when it is (a host page
 * scrolls past it; Ctrl/⌘ + wheel zooms). */
export function embedMapSettings({ interactive, theme, lang }: { interactive: boolean; theme: MapTheme; lang?: Locale }): AtlasMapSettings {
  return { theme, interactive, cooperativeGestures: interactive, lang };
}

/**
 * What an embed page tells its script (lib/embed/client.ts), as JSON in the page: the embed has
 * no React on the client, so everything the map needs beyond the data is here.
 */
export interface EmbedClientConfig {
  settings: AtlasMapSettings;
  dataUrl: string;
  maplibre: { script: string; worker: string };
  /** Fitted when the hash names no camera (and when history returns to an entry without one). */
  bounds: Bounds;
  /** Whether the key is drawn over the map (room is left for it; small frames fold it). */
  legend: boolean;
  /** Feature uids drawn selected (the embed's item), muted (left out by the link's filters) and as the named stage. */
  states: { selected: string[]; muted: string[]; stage: string[] };
  /** id of the element describing the map to assistive technology. */
  describedBy: string;
}

/** The id of the embed page's JSON config element. */
export const EMBED_CONFIG_ID = 'embed-config';

/** Where the inline script fetches the data: the API the explorer's SWR hook reads too. */
export const BOOT_DATA_URL = '/api/routes';

/**
 * The inline script's config for a page drawing the map collection whose ETag is `etag`, fitted
 * to `bounds` (or, on /routes/{slug}, to `boundsBySlug[slug]`).
 */
export function mapBootConfig(
  settings: AtlasMapSettings,
  etag: string,
  camera: { bounds: Bounds; boundsBySlug?: Record<string, Bounds>; keyPadding: keyof typeof KEY_PADDING | null },
): MapBootConfig {
  return { settings, dataUrl: BOOT_DATA_URL, etag, boundsBySlug: {}, ...camera };
}

/** What the server tells the inline script about this page's map: small, per page. */
export interface MapBootConfig {
  settings: AtlasMapSettings;
  /** The data to fetch, and the ETag it must have: the version this page was rendered with. */
  dataUrl: string;
  etag: string;
  /** The camera when the page names no item of `boundsBySlug`. */
  bounds: Bounds;
  /** `/routes/{slug}` fits that item (the explorer keeps its map across pages, so it needs all). */
  boundsBySlug: Record<string, Bounds>;
  /** The key over this page's map, to leave room for (KEY_PADDING). */
  keyPadding: keyof typeof KEY_PADDING | null;
}

/** What the inline script leaves for AtlasMap: the map it made, or null when it made none. */
export interface MapBoot {
  map: MapLibreMap;
  /** The padding it fitted with; AtlasMap fits again when it wants another (a key folded away). */
  padding: Padding;
}

declare global {
  interface Window {
    /** Set by the inline script when it starts a map (see the top of this file). */
    __atlasBoot?: Promise<MapBoot | null>;
    /** The live map, for end-to-end tests (queryRenderedFeatures, feature-state). */
    __atlas?: { map: MapLibreMap };
  }
}

/** The container's attribute that says who creates the map in it: 'boot' or 'react'. */
export const OWNER_ATTRIBUTE = 'data-atlas-owner';

/**
 * How the inline script holds the app's start (lib/map/app-start-gate.ts): at most 10 s when the map
 * has not drawn (a background tab draws nothing; a very slow phone), then 10 s more for the app
 * before kept clicks are made as they are. The app runs once AtlasMap owns the map's container.
 */
const appStart: AppStartOptions = { startBy: 10_000, replayBy: 10_000, live: [OWNER_ATTRIBUTE, 'react'] };

/** What the boot module holds besides `startAtlasMap` (built by lib/map/boot-module.ts). */
export interface BootLibrary {
  createAtlasMap: typeof createAtlasMap;
  fitPadding: typeof fitPadding;
  stylesheetsLoaded: typeof stylesheetsLoaded;
  stageUid: typeof stageUid;
  keyPadding: typeof KEY_PADDING;
  /** The map's init for each theme and language (`light-en`, `dark-ko`...), with an empty atlas source. */
  init: Record<string, Omit<MapInit, 'camera'>>;
  fitMargin: number;
  fitMaxZoom: number;
}

/**
 * The boot module's entry: given the library, the data's response and this page's config, make
 * the map, or return null when the data is another version than the page's. Self-contained.
 */
export async function startAtlasMap(
  lib: BootLibrary,
  maplibre: typeof import('maplibre-gl'),
  el: HTMLElement,
  c: MapBootConfig,
  res: Response,
): Promise<MapBoot | null> {
  if (!res.ok || res.headers.get('etag') !== c.etag) return null;
  const [data] = await Promise.all([res.json() as Promise<unknown>, lib.stylesheetsLoaded()]);
  const base = lib.init[`${c.settings.theme}-${c.settings.lang ?? 'en'}`];
  const atlas = base.style.sources[base.atlasSource];
  const style = { ...base.style, sources: { ...base.style.sources, [base.atlasSource]: { ...atlas, data } } } as StyleSpecification;
  const page = /^(?:\/ko)?\/routes\/([^/]+)$/.exec(location.pathname);
  const slug = page ? decodeURIComponent(page[1]) : null;
  const item = slug !== null && Object.hasOwn(c.boundsBySlug, slug) ? slug : null;
  const bounds = item ? c.boundsBySlug[item] : c.bounds;
  const padding = lib.fitPadding(el, lib.fitMargin, c.keyPadding ? lib.keyPadding[c.keyPadding]() : {});
  // The page's item drawn selected, and the stage its address names, as AtlasMap draws them.
  const uids = ((data as { features?: { properties?: { item?: unknown; uid?: unknown } }[] }).features ?? []).flatMap((f) =>
    typeof f.properties?.uid === 'string' ? [{ item: f.properties.item, uid: f.properties.uid }] : [],
  );
  const stage = item ? new URLSearchParams(location.search).get('stage') : null;
  const stageId = item && stage ? lib.stageUid(item, stage) : null;
  const states = {
    selected: item ? uids.filter((f) => f.item === item).map((f) => f.uid) : [],
    stage: stageId !== null && uids.some((f) => f.uid === stageId) ? [stageId] : [],
  };
  const init = { ...base, style, interactive: c.settings.interactive, cooperativeGestures: c.settings.cooperativeGestures, states };
  return { map: lib.createAtlasMap(maplibre, el, { ...init, camera: { bounds, padding, maxZoom: lib.fitMaxZoom } }), padding };
}

/**
 * The inline script: warm maplibre-gl up (worker URL, prewarm) and, with a `config`, start the
 * map through the boot module (`bootUrl`, lib/map/boot-module.ts), fetching the data alongside.
 * A classic script (a block, so its names stay its own) placed right after the map's container:
 * it runs when the parser reaches it (an async inline module waited behind the app's async
 * chunks), so the library is evaluated and the data fetched while the rest of the page loads,
 * and the map is made once the stylesheets are in (stylesheetsLoaded: the container has its
 * size), ahead of the app's own scripts, which it holds until the map has drawn
 * (lib/map/app-start-gate.ts). Gives up (leaving the map to AtlasMap, and starting the app) when
 * AtlasMap got there first, the address has a hash (a camera, or an anchor), or the data
 * answered with another version than the page's. Only JSON-quoted values go in.
 */
export function mapBootScript(urls: { script: string; worker: string; boot: string }, config: MapBootConfig | null): string {
  const q = (v: unknown) => JSON.stringify(v).replace(/</g, '\\u003c');
  const warm = `import(${q(urls.script)}).then((m) => { m.setWorkerUrl(${q(urls.worker)}); m.prewarm(); return m; })`;
  if (!config) return `${warm}.catch(() => {});`;
  return `{
const c = ${q(config)};
const maplibre = ${warm};
// The answer the <head> preloaded (MaplibrePreload): taken whether or not the map starts here,
// so the browser never warns that the preload went unused.
const data = fetch(c.dataUrl);
const el = document.querySelector('[${OWNER_ATTRIBUTE}]');
if (el && el.getAttribute('${OWNER_ATTRIBUTE}') === '' && !location.hash) {
  el.setAttribute('${OWNER_ATTRIBUTE}', 'boot');
  const startApp = (${startAppAfterMap.toString()})(${holdAppStart.toString()}, el, ${q(appStart)});
  window.__atlasBoot = Promise.all([maplibre, import(${q(urls.boot)}), data])
    .then(([m, boot, res]) => boot.start(m, el, c, res))
    .catch(() => null);
  // No map from here: AtlasMap makes it, so the app must start.
  window.__atlasBoot.then((b) => b || startApp());
} else {
  maplibre.catch(() => {});
  data.catch(() => {});
}
}`;
}
