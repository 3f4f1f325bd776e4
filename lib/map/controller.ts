// The one owner of an atlas map. It makes the MapLibre map (the only `new Map` in the source), or
// is handed the map module's own; it holds the data the atlas source was given and sends new data
// only when the collection really changed; it turns a view (what is selected, hovered, muted, the
// stage a link names, which layer groups are on) into feature-state and layer visibility by
// diffing against what it last applied, never by resending data; it fits the camera and keeps it
// in the URL's hash (lib/map/behaviour.ts). The explorer's map module (lib/map/explorer-map.ts),
// the embeds' script (lib/embed/client.ts) and, through them, the React host
// (components/atlas-map.tsx) all drive maps through this class.
import type { GeoJSONSource, LngLatBoundsLike, Map as MapLibreMap } from 'maplibre-gl';
import { bindPointer, syncCameraWithUrl, type CameraUrlSync } from './behaviour';
import { fitPadding, type Padding } from './padding';
import type { Bounds, MapInit, MaplibreUrls } from './settings';
import {
  ATLAS_SOURCE,
  FIT_MARGIN,
  FIT_MAX_ZOOM,
  LAYER_GROUPS,
  LAYER_GROUP_IDS,
  stageUid,
  type FeatureStateName,
  type LayerGroup,
} from './style';
import type { Camera } from '../view/camera-hash';

export type Maplibre = typeof import('maplibre-gl');

declare global {
  interface Window {
    /** The live map, for end-to-end tests (queryRenderedFeatures, feature-state). */
    __atlas?: { map: MapLibreMap };
  }
}

const maplibreLoads = new Map<string, Promise<Maplibre>>();

/**
 * maplibre-gl, imported from where the app serves it (not bundled: the page's <head> preloads
 * it), with its worker URL set and the worker started. Once per page, whoever asks first.
 */
export function loadMaplibre(urls: MaplibreUrls): Promise<Maplibre> {
  let load = maplibreLoads.get(urls.script);
  if (!load) {
    load = (import(/* webpackIgnore: true */ /* @vite-ignore */ urls.script) as Promise<Maplibre>).then((maplibre) => {
      maplibre.setWorkerUrl(urls.worker);
      maplibre.prewarm();
      return maplibre;
    });
    maplibreLoads.set(urls.script, load);
  }
  return load;
}

/** What the map shows beyond its data, by item id (a route, crossing, event or zone). */
export interface MapView {
  selected: string | null;
  hovered: string | null;
  /** Items left out by the filters: dimmed. */
  muted: readonly string[];
  /** The stage of the selected route that the address names. */
  stage: string | null;
  layers: Readonly<Record<LayerGroup, boolean>>;
}

export const ALL_LAYERS: Readonly<Record<LayerGroup, boolean>> = Object.freeze({ routes: true, points: true, zones: true });
export const EMPTY_VIEW: MapView = Object.freeze({ selected: null, hovered: null, muted: [], stage: null, layers: ALL_LAYERS });

/** Feature uids by item id, read from the collection the map draws (each feature's `item` and `uid`). */
export function uidsByItem(data: unknown): Map<string, string[]> {
  const index = new Map<string, string[]>();
  const features = typeof data === 'object' && data !== null && 'features' in data && Array.isArray(data.features) ? data.features : [];
  for (const f of features as { properties?: { item?: unknown; uid?: unknown } }[]) {
    const { item, uid } = f.properties ?? {};
    if (typeof item !== 'string' || typeof uid !== 'string') continue;
    const list = index.get(item);
    if (list) list.push(uid);
    else index.set(item, [uid]);
  }
  return index;
}

/** The feature uids each state is true on, for a view over a data set (the rest are false). */
export function featureStatesOf(view: MapView, index: ReadonlyMap<string, readonly string[]>): Record<FeatureStateName, Set<string>> {
  const uids = (ids: readonly (string | null)[]) => new Set(ids.flatMap((id) => (id === null ? [] : (index.get(id) ?? []))));
  const stageId = view.selected !== null && view.stage !== null ? stageUid(view.selected, view.stage) : null;
  const drawn = stageId !== null && (index.get(view.selected!) ?? []).includes(stageId);
  return {
    selected: uids([view.selected]),
    hover: uids([view.hovered]),
    muted: uids(view.muted),
    stage: new Set(drawn ? [stageId!] : []),
  };
}

const STATE_NAMES: readonly FeatureStateName[] = ['selected', 'hover', 'muted', 'stage'];

export type StartCamera = { center: [number, number]; zoom: number } | { bounds: Bounds };

export interface PointerHandlers {
  hover(id: string | null): void;
  select(id: string): void;
}

export interface ControllerOptions {
  init: MapInit;
  /** The data the style's atlas source already holds (atlasMapInit's `data`). */
  data: unknown;
  camera: StartCamera;
  view: MapView;
  /** Extra room to leave when fitting (a key over the map); read at each fit. */
  keyPadding(): Partial<Padding>;
  /** id of the element describing the map to assistive technology. */
  describedBy: string;
  /** What the visitor's pointer does; the React host replaces them once it runs. */
  pointer: PointerHandlers;
  /** Who made it, for tests and for anyone curious: the page's map module, or the React host. */
  startedBy: 'boot' | 'react';
}

const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

export class AtlasMapController {
  readonly map: MapLibreMap;
  private readonly container: HTMLElement;
  private readonly keyPadding: () => Partial<Padding>;
  private data: unknown;
  private index: Map<string, string[]>;
  private view: MapView;
  private readonly applied: Record<FeatureStateName, Set<string>> = {
    selected: new Set(),
    hover: new Set(),
    muted: new Set(),
    stage: new Set(),
  };
  private pointer: PointerHandlers;
  private camera: CameraUrlSync | null = null;
  private removed = false;
  private drawn!: () => void;
  /** Settles at the first idle with the atlas drawn (the idle marker's first "true"), or when the map is removed first. */
  readonly firstDrawn = new Promise<void>((resolve) => (this.drawn = resolve));

  private constructor(map: MapLibreMap, o: ControllerOptions) {
    this.map = map;
    this.container = map.getContainer();
    this.keyPadding = o.keyPadding;
    this.data = o.data;
    this.index = uidsByItem(o.data);
    this.view = o.view;
    this.pointer = o.pointer;
  }

  /** Make the map in `container`: the one place the atlas creates a MapLibre map. */
  static create(maplibre: Maplibre, container: HTMLElement, o: ControllerOptions): AtlasMapController {
    const padding = 'bounds' in o.camera ? fitPadding(container, FIT_MARGIN, o.keyPadding()) : null;
    const camera = o.camera;
    // The style names its sprite by path (lib/map/style.ts MARKER_SPRITE_PATH); MapLibre wants it absolute.
    const sprite = o.init.style.sprite;
    const style =
      typeof sprite === 'string' && sprite.startsWith('/') ? { ...o.init.style, sprite: window.location.origin + sprite } : o.init.style;
    const map = new maplibre.Map({
      container,
      style,
      ...('center' in camera
        ? { center: camera.center, zoom: camera.zoom }
        : { bounds: camera.bounds, fitBoundsOptions: { padding: padding!, maxZoom: FIT_MAX_ZOOM } }),
      interactive: o.init.interactive,
      cooperativeGestures: o.init.cooperativeGestures,
      minZoom: o.init.minZoom,
      maxZoom: o.init.maxZoom,
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      renderWorldCopies: false,
      attributionControl: { compact: true },
      locale: o.init.locale,
    });
    map.touchZoomRotate.disableRotation();
    map.keyboard.disableRotation();
    // A still map has nothing for zoom buttons to do.
    if (o.init.interactive) map.addControl(new maplibre.NavigationControl({ showCompass: false }), 'top-right');
    map.getCanvas().setAttribute('aria-describedby', o.describedBy);
    container.dataset.mapStart = o.startedBy;
    const controller = new AtlasMapController(map, o);
    controller.watchIdle();
    // Once the style has its sources, before any tile is drawn: the first frames show the view.
    map.once('styledata', () => controller.applyView());
    bindPointer(map, { hover: (id) => controller.pointer.hover(id), select: (id) => controller.pointer.select(id) });
    // Whoever made it: tests read the map from here as soon as it exists.
    window.__atlas = { map };
    return controller;
  }

  /** The idle marker (`data-map-idle`) tests and benchmarks wait on: "true" at an idle once the atlas source has data and is loaded. */
  private watchIdle(): void {
    const el = this.container;
    if (this.index.size > 0) el.dataset.atlasData = 'true';
    const set = (idle: boolean) => {
      const value = String(idle);
      if (el.dataset.mapIdle !== value) el.dataset.mapIdle = value;
      if (idle) this.drawn();
    };
    this.map.on('render', () => set(false));
    this.map.on('idle', () =>
      set(this.map.getSource(ATLAS_SOURCE) !== undefined && el.dataset.atlasData === 'true' && this.map.isSourceLoaded(ATLAS_SOURCE)),
    );
  }

  /** Clear the idle marker before a change, so nobody reads the old drawing as settled. */
  private markBusy(): void {
    if (this.container.dataset.mapIdle !== 'false') this.container.dataset.mapIdle = 'false';
  }

  get isRemoved(): boolean {
    return this.removed;
  }

  /** The collection the atlas source holds (the object it was given). */
  get currentData(): unknown {
    return this.data;
  }

  /** Send new data, only when it is another collection than the one the map holds. */
  setData(data: unknown): void {
    if (this.removed || data === this.data) return;
    const source = this.map.getSource<GeoJSONSource>(ATLAS_SOURCE);
    if (!source) return;
    this.markBusy();
    // The API's collection is checked by its schema where it is read (lib/data/use-atlas.ts).
    source.setData(data as GeoJSON.FeatureCollection);
    this.data = data;
    this.index = uidsByItem(data);
    if (this.index.size > 0) this.container.dataset.atlasData = 'true';
    this.applyView();
  }

  /** Show `view` (merged into the current one): feature-state and layer visibility, by difference. */
  setView(view: Partial<MapView>): void {
    if (this.removed) return;
    this.view = { ...this.view, ...view };
    this.applyView();
  }

  private applyView(): void {
    if (this.removed || !this.map.getSource(ATLAS_SOURCE)) return;
    const wanted = featureStatesOf(this.view, this.index);
    for (const name of STATE_NAMES) {
      const had = this.applied[name];
      const want = wanted[name];
      for (const id of had) {
        if (want.has(id)) continue;
        this.markBusy();
        this.map.setFeatureState({ source: ATLAS_SOURCE, id }, { [name]: false });
      }
      for (const id of want) {
        if (had.has(id)) continue;
        this.markBusy();
        this.map.setFeatureState({ source: ATLAS_SOURCE, id }, { [name]: true });
      }
      this.applied[name] = want;
    }
    for (const group of LAYER_GROUP_IDS) {
      const visibility = this.view.layers[group] ? 'visible' : 'none';
      // Only real changes: setting a layout property, even to its current value, makes the
      // worker lay the source's tiles out again.
      for (const id of LAYER_GROUPS[group]) {
        if (!this.map.getLayer(id) || (this.map.getLayoutProperty(id, 'visibility') ?? 'visible') === visibility) continue;
        this.markBusy();
        this.map.setLayoutProperty(id, 'visibility', visibility);
      }
    }
  }

  /** What the visitor's pointer does from now on. */
  setPointer(handlers: PointerHandlers): void {
    this.pointer = handlers;
  }

  /** The padding a fit uses now (the key may have been folded since the last one). */
  fitOptions(): { padding: Padding; maxZoom: number } {
    return { padding: fitPadding(this.container, FIT_MARGIN, this.keyPadding()), maxZoom: FIT_MAX_ZOOM };
  }

  /** Fit the camera to `bounds`; flown unless the visitor asks for reduced motion or `animate` is false. */
  fitTo(bounds: Bounds, animate = true): void {
    if (this.removed) return;
    this.map.fitBounds(bounds as LngLatBoundsLike, { ...this.fitOptions(), animate: animate && !reducedMotion() });
  }

  /**
   * Keep the camera in the URL's hash, and follow Back/Forward and edited hashes; `home` gives the
   * bounds of the page's default view, for an entry without a camera. Once per map.
   */
  syncCamera(parse: (hash: string) => Camera | null | undefined, home: () => Bounds): void {
    if (this.removed || this.camera) return;
    this.camera = syncCameraWithUrl(this.map, { parse, home: () => this.fitTo(home(), false), removed: () => this.removed });
  }

  /** Write a pending camera hash now, before the history entry changes. */
  flushCamera(): void {
    this.camera?.flush();
  }

  remove(): void {
    if (this.removed) return;
    this.removed = true;
    this.drawn();
    this.camera?.dispose();
    if (window.__atlas?.map === this.map) delete window.__atlas;
    this.map.remove();
  }
}
