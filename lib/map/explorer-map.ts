// The explorer's map module (`/`, `/routes/{id}`): bundled on its own by
// scripts/build-map-bundles.mjs into a content-hashed file under public/generated/map/, which the
// page loads as a module script right after the map's container, so the map is made as soon as
// maplibre-gl, the data and the stylesheets are in, without waiting for React to hydrate. The
// React host (components/atlas-map.tsx) imports the same file and calls `startExplorerMap` on the
// same module instance: it gets the controller this module made (adoption is a method call), or
// has one made from its own data when this module made none.
//
// The first frame already shows what the address names: the item in the path drawn selected,
// the stage in the query lit, what the filters leave out dimmed, the camera in the hash. Reading
// a query or a hash needs the zod checks (lib/map/view-checks.ts), a chunk loaded only then.
import { AtlasMapController, EMPTY_VIEW, loadMaplibre, type MapView, type PointerHandlers, type StartCamera } from './controller';
import { KEY_PADDING, stylesheetsLoaded } from './padding';
import { EXPLORER_CONFIG_ID, OWNER_ATTRIBUTE, atlasMapInit, type Bounds, type ExplorerMapConfig } from './settings';
import { FILTER_PARAMS, VIEW_PARAMS, routeIdOf, routePath } from '../view/paths';
import type { Locale } from '../i18n/locales';

let checks: Promise<typeof import('./view-checks')> | undefined;
const loadChecks = () => (checks ??= import('./view-checks'));

/** Starts by container: each one is started once, by whoever asks first. */
const starts = new WeakMap<HTMLElement, Promise<AtlasMapController | null>>();

/**
 * Each item's bounds, by container, once the React host knows the atlas's items (knowItemBounds):
 * the default view of an item page reached in the app. Before that, only the item the page was
 * loaded on is known (its config's `item`).
 */
const itemBounds = new WeakMap<HTMLElement, (id: string) => Bounds | null | undefined>();

/** Hand the module the items' bounds, for the default view of any item page the visitor reaches. */
export function knowItemBounds(container: HTMLElement, boundsOf: (id: string) => Bounds | null | undefined): void {
  itemBounds.set(container, boundsOf);
}

/** Bounds of the page's default view: its item's, else the region's. */
function homeBounds(container: HTMLElement, config: ExplorerMapConfig): Bounds {
  const id = routeIdOf(window.location.pathname);
  if (id === null) return config.bounds;
  const known = itemBounds.get(container)?.(id) ?? (config.item?.id === id ? config.item.bounds : null);
  return known ?? config.bounds;
}

/** Before the React host runs: hover lights the item up, a click opens its page in the page's language. */
function pointerOnItsOwn(controller: () => AtlasMapController | undefined, lang: Locale | undefined): PointerHandlers {
  return {
    hover: (id) => controller()?.setView({ hovered: id }),
    select: (id) => window.location.assign(routePath(id, lang)),
  };
}

/**
 * Where the map's data comes from: the page's own start gives MapLibre the data's address, so its
 * worker fetches and parses it off the main thread, as a bare MapLibre page does; the React host
 * hands over the data it has read.
 */
type DataSource = { url: string } | { load(): Promise<unknown> };

/**
 * Whether the query may hold filters, whose muted items only the data can tell (read before the
 * zod readers are in, so the data is asked for at once). A link's other parameters (utm_source,
 * fbclid, …) filter nothing: MapLibre's worker then fetches the data, as on a bare link.
 */
const mayFilter = (url: URL) => FILTER_PARAMS.some((key) => url.searchParams.has(key));

async function start(
  container: HTMLElement,
  config: ExplorerMapConfig,
  source: DataSource,
  by: 'boot' | 'react',
): Promise<AtlasMapController | null> {
  const url = new URL(window.location.href);
  const filtering = mayFilter(url);
  const needsChecks = url.hash !== '' || url.searchParams.has(VIEW_PARAMS.stage) || filtering;
  // The collection itself where the filters need it, else its address; null when the page's
  // version is gone (the React host then has the map made from its own).
  const dataReady: Promise<unknown> = !('url' in source) ? source.load() : filtering ? pageData(config) : Promise.resolve(source.url);
  const [maplibre, lib, data] = await Promise.all([
    loadMaplibre(config.maplibre),
    needsChecks ? loadChecks() : null,
    dataReady,
    stylesheetsLoaded(),
  ]);
  if (data === null) return null;
  const id = routeIdOf(url.pathname);
  const selected = id !== null && config.item?.id === id ? id : null;
  let view: MapView = { ...EMPTY_VIEW, selected };
  let camera: StartCamera = { bounds: homeBounds(container, config) };
  if (lib) {
    const named = lib.addressView(url);
    view = { ...view, stage: selected !== null ? named.stage : null, muted: typeof data === 'string' ? [] : lib.mutedBy(url, data) };
    if (named.camera) camera = { center: [named.camera.lng, named.camera.lat], zoom: named.camera.zoom };
  }
  // The pointer's handlers reach the controller once it exists.
  const made: { controller?: AtlasMapController } = {};
  made.controller = AtlasMapController.create(maplibre, container, {
    init: atlasMapInit(config.settings, data as GeoJSON.FeatureCollection | string),
    camera,
    view,
    keyPadding: KEY_PADDING[config.keyPadding],
    describedBy: config.describedBy,
    pointer: pointerOnItsOwn(() => made.controller, config.settings.lang),
    startedBy: by,
  });
  const controller = made.controller;
  // The camera follows Back/Forward and edited hashes; their hashes are read with the zod parser,
  // loaded once the map has drawn.
  controller.syncCameraOnceDrawn(
    () => loadChecks().then((c) => c.parseCameraHash),
    () => homeBounds(container, config),
  );
  return controller;
}

/** The page's data, when it is the version the page was rendered with; otherwise null. */
async function pageData(config: ExplorerMapConfig): Promise<unknown> {
  const res = await fetch(config.dataUrl);
  if (!res.ok || res.headers.get('etag') !== config.etag) return null;
  return res.json() as Promise<unknown>;
}

/**
 * The map in `container`: the one this module already started there, or a new one. The React
 * host passes a loader for the data (the API's, checked by its schema): used when nothing was
 * started, or when the page's own start gave up (the data had changed since the page was rendered).
 */
export function startExplorerMap(
  container: HTMLElement,
  config: ExplorerMapConfig,
  given?: { load(): Promise<unknown> },
): Promise<AtlasMapController | null> {
  const earlier = starts.get(container);
  const started = (earlier ?? Promise.resolve(null)).then(async (c) => {
    if (c && !c.isRemoved) return c;
    if (!given) return null;
    container.setAttribute(OWNER_ATTRIBUTE, 'react');
    return start(container, config, given, 'react');
  });
  starts.set(container, started);
  return started;
}

/**
 * Settles once the map this module started in `container` has first drawn the atlas, or at once
 * when it started none (or its start gave up): what the explorer's React tree waits for before
 * it hydrates (components/after-first-map.tsx), so the map's start has the machine to itself.
 */
export function whenFirstDrawn(container: HTMLElement): Promise<void> {
  const settle = () => (starts.get(container) ?? Promise.resolve(null)).then((c) => c?.firstDrawn);
  // React may hydrate while the parser has not yet reached the map: this module then starts when
  // it does, at DOMContentLoaded at the latest (its listener, added when it was evaluated, runs
  // before this one).
  if (document.readyState !== 'loading') return settle();
  return new Promise<void>((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), { once: true })).then(settle);
}

/** Forget a container's map (the React host removed it): a later start makes a new one. */
export function forgetExplorerMap(container: HTMLElement): void {
  starts.delete(container);
}

/** On evaluation: start the map of the page this module was loaded into, if it has one unclaimed. */
function startOnLoad(): void {
  const el = document.querySelector<HTMLElement>(`[${OWNER_ATTRIBUTE}]`);
  const json = document.getElementById(EXPLORER_CONFIG_ID)?.textContent;
  if (!el || !json || el.getAttribute(OWNER_ATTRIBUTE) !== '') return;
  el.setAttribute(OWNER_ATTRIBUTE, 'boot');
  // Our own server's JSON, rendered into this page (components/map-start.tsx).
  const config = JSON.parse(json) as ExplorerMapConfig;
  // No ETag: the server could not read the data either; the React host asks, and says why.
  const started =
    config.etag === ''
      ? Promise.resolve(null)
      : start(el, config, { url: new URL(config.dataUrl, window.location.href).href }, 'boot').catch((e: unknown) => {
          // The React host tries again with its own data, and says so if that fails too.
          console.warn('Escape Atlas: the map could not start before the app.', e);
          return null;
        });
  starts.set(el, started);
}

// The module script is in the <head> (React hoists async scripts there), so it usually runs
// before the parser has reached the map: then it starts as soon as the parser has made the map's
// container (its config comes just before it, components/explorer-shell.tsx), not at the end of
// the document.
if (typeof document !== 'undefined') {
  const container = () => document.querySelector(`[${OWNER_ATTRIBUTE}]`);
  if (container() || document.readyState !== 'loading') startOnLoad();
  else {
    const parsing = new MutationObserver(() => {
      if (!container()) return;
      parsing.disconnect();
      startOnLoad();
    });
    parsing.observe(document, { childList: true, subtree: true });
    document.addEventListener(
      'DOMContentLoaded',
      () => {
        parsing.disconnect();
        startOnLoad();
      },
      { once: true },
    );
  }
}
