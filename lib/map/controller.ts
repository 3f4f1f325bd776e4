// The one owner of an atlas map. It makes the MapLibre map (the only `new Map` in the source),
// whose style carries the data (or the address MapLibre's worker fetches it from); it turns a
// view (what is selected, hovered, muted, the stage a link names, which layer groups are on) into
// feature-state on item ids and layer visibility by diffing against what it last applied, never
// by resending data: it needs nothing from the data itself; it fits the camera and keeps it
// in the URL's hash (lib/map/behaviour.ts). The explorer's map module (lib/map/explorer-map.ts),
// the embeds' script (lib/embed/client.ts) and, through them, the React host
// (components/atlas-map.tsx) all drive maps through this class.
import type { LngLatBoundsLike, Map as MapLibreMap } from 'maplibre-gl';
import { bindPointer, syncCameraWithUrl, type CameraUrlSync } from './behaviour';
import { fitPadding, type Padding } from './padding';
import type { Bounds, MapInit, MaplibreUrls } from './settings';
import {
  ATLAS_SOURCE,
  FIT_MARGIN,
  FIT_MAX_ZOOM,
  LAYER_GROUPS,
  LAYER_GROUP_IDS,
  STAGE_STATE,
  type FeatureStateFlag,
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

/** What the view asks of the map's feature-state, by item id (the atlas source's promoteId). */
export interface FeatureStates {
  flags: Record<FeatureStateFlag, ReadonlySet<string>>;
  /** The selected route's stage a link names, as [item, stage]: lit where a stage feature of the item has that `stage`. */
  stage: readonly [string, string] | null;
}

/** The items each flag is true on (false on the rest), and the stage lit, for a view. */
export function featureStatesOf(view: MapView): FeatureStates {
  return {
    flags: {
      selected: new Set(view.selected === null ? [] : [view.selected]),
      hover: new Set(view.hovered === null ? [] : [view.hovered]),
      muted: new Set(view.muted),
    },
    stage: view.selected !== null && view.stage !== null ? [view.selected, view.stage] : null,
  };
}

const FLAGS: readonly FeatureStateFlag[] = ['selected', 'hover', 'muted'];

export type StartCamera = { center: [number, number]; zoom: number } | { bounds: Bounds };

export interface PointerHandlers {
  hover(id: string | null): void;
  select(id: string): void;
}

export interface ControllerOptions {
  /** The style's atlas source holds the data, or the address MapLibre fetches it from (atlasMapInit). */
  init: MapInit;
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
  /** The atlas source's data could not be loaded (its address answered an error, say). */
  onDataError?(error: Error): void;
}

const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

export class AtlasMapController {
  readonly map: MapLibreMap;
  private readonly container: HTMLElement;
  private readonly keyPadding: () => Partial<Padding>;
  private view: MapView;
  private applied: FeatureStates = { flags: { selected: new Set(), hover: new Set(), muted: new Set() }, stage: null };
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
    const onDataError = o.onDataError;
    if (onDataError)
      map.on('error', (e) => {
        // A source's errors carry its id (MapLibre's evented parent data); the type does not say so.
        if ((e as { sourceId?: unknown }).sourceId === ATLAS_SOURCE) onDataError(new Error(e.error.message));
      });
    // Whoever made it: tests read the map from here as soon as it exists.
    window.__atlas = { map };
    return controller;
  }

  /** The idle marker (`data-map-idle`) tests and benchmarks wait on: "true" at an idle once the atlas source has loaded its data. */
  private watchIdle(): void {
    const el = this.container;
    const set = (idle: boolean) => {
      const value = String(idle);
      if (el.dataset.mapIdle !== value) el.dataset.mapIdle = value;
      if (idle) this.drawn();
    };
    this.map.on('render', () => set(false));
    this.map.on('idle', () => set(this.map.getSource(ATLAS_SOURCE) !== undefined && this.map.isSourceLoaded(ATLAS_SOURCE)));
  }

  /** Clear the idle marker before a change, so nobody reads the old drawing as settled. */
  private markBusy(): void {
    if (this.container.dataset.mapIdle !== 'false') this.container.dataset.mapIdle = 'false';
  }

  get isRemoved(): boolean {
    return this.removed;
  }

  /** Show `view` (merged into the current one): feature-state and layer visibility, by difference. */
  setView(view: Partial<MapView>): void {
    if (this.removed) return;
    this.view = { ...this.view, ...view };
    this.applyView();
  }

  private applyView(): void {
    if (this.removed || !this.map.getSource(ATLAS_SOURCE)) return;
    const wanted = featureStatesOf(this.view);
    const set = (id: string, state: Record<string, boolean | string>) => {
      this.markBusy();
      this.map.setFeatureState({ source: ATLAS_SOURCE, id }, state);
    };
    for (const name of FLAGS) {
      const had = this.applied.flags[name];
      const want = wanted.flags[name];
      for (const id of had) if (!want.has(id)) set(id, { [name]: false });
      for (const id of want) if (!had.has(id)) set(id, { [name]: true });
    }
    const [hadItem, hadStage] = this.applied.stage ?? [null, null];
    const [item, stage] = wanted.stage ?? [null, null];
    if (hadItem !== null && hadItem !== item) set(hadItem, { [STAGE_STATE]: '' });
    if (item !== null && (item !== hadItem || stage !== hadStage)) set(item, { [STAGE_STATE]: stage! });
    this.applied = wanted;
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

  /**
   * syncCamera once the atlas is first drawn, with the hash reader `load` gives (a zod chunk):
   * fetched and compiled then, not while the map is still drawing.
   */
  syncCameraOnceDrawn(load: () => Promise<(hash: string) => Camera | null | undefined>, home: () => Bounds): void {
    void this.firstDrawn.then(async () => {
      if (this.removed) return;
      this.syncCamera(await load(), home);
    });
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
