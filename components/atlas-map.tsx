'use client';
// The one owner of the MapLibre instance. React says what is selected, hovered, filtered out
// and switched off; this component turns that into feature-state and layer visibility on a map
// whose data is sent once (setData only when the collection itself changes). The map itself is
// usually started before React hydrates, by the page's inline script (lib/map/boot.ts); this
// component adopts it, or makes it through the same createAtlasMap when the script did not.
//
// The camera is uncontrolled: the map moves itself, and on `moveend` writes `#zoom/lat/lng`
// into the current history entry (throttled, replaceState), the way MapLibre's own hash does.
// Back/forward and a hand-edited hash move it back (popstate/hashchange). That, and the pointer,
// is lib/map/behaviour.ts, which the embeds' script (no React) uses too.
import 'maplibre-gl/dist/maplibre-gl.css';
import type { GeoJSONSource, LngLatBoundsLike, Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useImperativeHandle, useLayoutEffect, useRef, useState, type Ref } from 'react';
import type { MapFeatureCollection } from '@/lib/data/api-schema';
import type { AtlasItem } from '@/lib/data/atlas-items';
import {
  ATLAS_SOURCE,
  DEFAULT_BOUNDS,
  LAYER_GROUPS,
  LAYER_GROUP_IDS,
  FIT_MARGIN,
  FIT_MAX_ZOOM,
  stageUid,
  type FeatureStateName,
  type LayerGroup,
} from '@/lib/map/style';
import { OWNER_ATTRIBUTE, atlasMapInit, createAtlasMap, fitPadding as paddingFor, type Bounds, type Padding } from '@/lib/map/boot';
import { MAPLIBRE_SCRIPT_URL, MAPLIBRE_WORKER_URL } from '@/lib/map/maplibre-urls';
import type { MapTheme } from '@/lib/map/theme';
import { useStrings } from '@/lib/i18n/client';
import { bindPointer, syncCameraWithUrl } from '@/lib/map/behaviour';
import { parseCameraHash } from '@/lib/view/view-state';

// Start loading maplibre-gl and its worker as soon as this module runs in the browser, while
// React is still hydrating, instead of after the first effect. The library is not bundled: it
// is served as it ships (lib/map/maplibre-assets.ts) and announced in the page's <head> by
// components/maplibre-preload.tsx, so by now it is usually fetched and compiled. Never on the server.
const maplibreReady: Promise<typeof import('maplibre-gl')> | null =
  typeof window === 'undefined'
    ? null
    : (import(/* webpackIgnore: true */ /* turbopackIgnore: true */ MAPLIBRE_SCRIPT_URL) as Promise<typeof import('maplibre-gl')>).then(
        (maplibre) => {
          maplibre.setWorkerUrl(MAPLIBRE_WORKER_URL);
          maplibre.prewarm();
          return maplibre;
        },
      );
// An unhandled rejection here would be reported twice; the effect below reports it once.
maplibreReady?.catch(() => {});

export interface AtlasMapHandle {
  /** Fit the camera to this item once it is the selected one (after the navigation commits). */
  focusWhenSelected(id: string): void;
  /** Write a pending camera hash now, before the history entry changes. */
  flushCamera(): void;
}

export interface AtlasMapProps {
  collection: MapFeatureCollection | undefined;
  /** Items by id: their feature uids and bounds. */
  items: ReadonlyMap<string, AtlasItem>;
  /** The item whose page is open. @default null */
  selected: string | null;
  /** The item under the pointer, here or in the list. @default null */
  hovered: string | null;
  /** Ids passing the filters; the others are dimmed. null: no filter. */
  visible: ReadonlySet<string> | null;
  layers: Readonly<Record<LayerGroup, boolean>>;
  onHover(id: string | null): void;
  onSelect(id: string): void;
  /** id of the element describing the map to assistive technology. */
  describedBy: string;
  /**
   * Extra room to leave when fitting the camera to something, e.g. for a key drawn over the map.
   * Read at each fit. @default () => ({})
   */
  fitPadding?: () => Partial<Padding>;
  ref?: Ref<AtlasMapHandle>;
  /** Whether visitors can pan and zoom (MapLibre `interactive`); read once, at creation. @default true */
  interactive?: boolean;
  /**
   * Wheel zoom only with Ctrl/⌘ and touch pan only with two fingers, so a page scrolls past the
   * map (embeds on other sites); read once, at creation. @default false
   */
  cooperativeGestures?: boolean;
  /** Basemap colours (lib/map/theme.ts); read once, at creation. @default 'light' */
  theme?: MapTheme;
  /**
   * [west, south, east, north] to fit when the URL has no camera, instead of the selected item's
   * bounds (e.g. one stage of it). @default the selected item's bounds, else the region
   */
  initialBounds?: readonly [number, number, number, number];
  /** The stage of the selected route that a link names, drawn with a band of its own. @default null */
  stage?: string | null;
}

/** The map container's content: MapLibre's, never React's (the same object on every render). */
const NOT_REACTS = { __html: '' };

/** Maps already removed: late callbacks (a throttled write, an effect cleanup) leave them be. */
const removedMaps = new WeakSet<MapLibreMap>();

const reducedMotion = () => typeof window !== 'undefined' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * Clear the idle marker before changing the map, so nobody reads the old drawing as settled;
 * the change repaints, and the next `idle` sets it again.
 */
function markBusy(map: MapLibreMap): void {
  const container = map.getContainer();
  if (container.dataset.mapIdle !== 'false') container.dataset.mapIdle = 'false';
}

/** Bounds to fit on first paint: the selected item when the link names one, else the region. */
function startBounds(items: ReadonlyMap<string, AtlasItem>, selected: string | null): LngLatBoundsLike {
  const item = selected ? items.get(selected) : undefined;
  return (item?.bounds ?? DEFAULT_BOUNDS) as LngLatBoundsLike;
}

export function AtlasMap({
  collection,
  items,
  selected,
  hovered,
  visible,
  layers,
  onHover,
  onSelect,
  describedBy,
  fitPadding,
  ref,
  interactive = true,
  cooperativeGestures = false,
  theme = 'light',
  initialBounds,
  stage = null,
}: AtlasMapProps) {
  const { explorer: t, locale } = useStrings();
  const containerRef = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const [failed, setFailed] = useState(false);
  const pendingFocus = useRef<string | null>(null);
  const writeHash = useRef<{ flush(): void } | null>(null);
  // The latest props for handlers registered once on the map.
  const latest = useRef({ collection, items, selected, onHover, onSelect, initialBounds, fitPadding });
  latest.current = { collection, items, selected, onHover, onSelect, initialBounds, fitPadding };
  // The collection the map's atlas source holds: put in the style at creation, or sent by setData.
  const sent = useRef<MapFeatureCollection | undefined>(undefined);
  const fit = () => ({
    padding: paddingFor(containerRef.current!, FIT_MARGIN, latest.current.fitPadding?.() ?? {}),
    maxZoom: FIT_MAX_ZOOM,
  });
  const homeBounds = (slug: string | null): LngLatBoundsLike =>
    (latest.current.initialBounds ?? startBounds(latest.current.items, slug)) as LngLatBoundsLike;

  useImperativeHandle(ref, () => ({
    focusWhenSelected(id) {
      pendingFocus.current = id;
    },
    flushCamera() {
      writeHash.current?.flush();
    },
  }));

  // Create the map once. maplibre-gl is imported here, never during server rendering. A layout
  // effect: it runs in the commit that hydrates the page, not after the browser has painted it,
  // so the map's worker starts a frame or more sooner.
  useLayoutEffect(() => {
    let cancelled = false;
    let instance: MapLibreMap | undefined;
    const container = containerRef.current!;
    const cleanups: (() => void)[] = [];

    // The inline boot script (lib/map/boot.ts) may have started the map already; if it has not
    // begun, it must not start one now.
    const boot = container.getAttribute(OWNER_ATTRIBUTE) === 'boot' ? window.__atlasBoot : undefined;
    container.setAttribute(OWNER_ATTRIBUTE, 'react');
    delete window.__atlasBoot;

    Promise.all([maplibreReady!, boot ?? null])
      .then(([maplibre, booted]) => {
        if (cancelled) {
          booted?.map.remove();
          return;
        }
        let m: MapLibreMap;
        if (booted) {
          // Started from the same data version (its ETag was checked against the page's).
          m = booted.map;
          sent.current = latest.current.collection;
          // It fitted around the key as the server rendered it: fit again if that has changed
          // (a key folded away on a small screen).
          const wanted = fit();
          const sides = ['top', 'right', 'bottom', 'left'] as const;
          if (sides.some((k) => wanted.padding[k] !== booted.padding[k]))
            m.fitBounds(homeBounds(latest.current.selected), { ...wanted, animate: false });
        } else {
          const camera = parseCameraHash(window.location.hash);
          // Data the page already has goes into the style itself: one pass in the worker, and
          // the first `load` already draws the routes.
          const initial = latest.current.collection;
          sent.current = initial;
          m = createAtlasMap(maplibre, container, {
            ...atlasMapInit({ theme, interactive, cooperativeGestures, lang: locale }, initial),
            camera: camera
              ? { center: [camera.lng, camera.lat], zoom: camera.zoom }
              : { bounds: homeBounds(latest.current.selected) as Bounds, ...fit() },
          });
        }
        instance = m;
        // Which path made it, for tests and for anyone curious.
        container.dataset.mapStart = booted ? 'boot' : 'react';
        // A still map has nothing for zoom buttons to do.
        if (interactive) m.addControl(new maplibre.NavigationControl({ showCompass: false }), 'top-right');
        m.getCanvas().setAttribute('aria-describedby', describedBy);

        bindPointer(m, { hover: (id) => latest.current.onHover(id), select: (id) => latest.current.onSelect(id) });
        const camera = syncCameraWithUrl(m, {
          parse: parseCameraHash,
          home: () => {
            const match = /^(?:\/ko)?\/routes\/([^/]+)$/.exec(window.location.pathname);
            m.fitBounds(homeBounds(match ? match[1] : null), { ...fit(), animate: false });
          },
          removed: () => removedMaps.has(m),
        });
        writeHash.current = camera;
        cleanups.push(camera.dispose);

        // A map the boot script started may have loaded its style already.
        if (m.isStyleLoaded()) setMap(m);
        else
          m.once('load', () => {
            if (!cancelled) setMap(m);
          });
      })
      .catch((e: unknown) => {
        // No WebGL, or the bundle failed to load: the list and pages still work without a map.
        console.warn('Escape Atlas: the map could not start.', e);
        if (!cancelled) setFailed(true);
      });

    return () => {
      cancelled = true;
      if (instance) removedMaps.add(instance);
      cleanups.forEach((c) => c());
      writeHash.current = null;
      if (window.__atlas?.map === instance) delete window.__atlas;
      instance?.remove();
      // A map handed to React already (an adopted one is, at once) must not outlive this effect
      // in state: React's development re-run of effects would drive a removed map.
      if (instance) setMap((current) => (current === instance ? null : current));
    };
    // Created once: later props reach the map through `latest` and the effects below.
  }, []);

  // Data: sent only when the collection object changes (SWR keeps it stable while equal) and
  // the map does not hold it already.
  useEffect(() => {
    if (!map || removedMaps.has(map) || !collection || sent.current === collection) return;
    markBusy(map);
    (map.getSource(ATLAS_SOURCE) as GeoJSONSource | undefined)?.setData(collection);
    sent.current = collection;
    containerRef.current!.dataset.atlasData = 'true';
  }, [map, collection]);

  useFeatureState(map, items, hovered ? [hovered] : [], 'hover', collection);
  useFeatureState(map, items, selected ? [selected] : [], 'selected', collection);
  const muted = visible ? [...items.keys()].filter((id) => !visible.has(id)) : [];
  useFeatureState(map, items, muted, 'muted', collection);
  // The stage a link names: its own feature (uid `stage:{item}:{stage}`), when the data draws it.
  const stageId = selected && stage ? stageUid(selected, stage) : null;
  const stageDrawn = stageId !== null && collection?.features.some((f) => f.properties.uid === stageId) === true;
  useUidState(map, stageDrawn ? [stageId] : [], 'stage', collection);

  useEffect(() => {
    if (!map || removedMaps.has(map)) return;
    for (const group of LAYER_GROUP_IDS) {
      const visibility = layers[group] ? 'visible' : 'none';
      // Only real changes: setting a layout property, even to its current value, makes the
      // worker lay the source's tiles out again.
      for (const id of LAYER_GROUPS[group]) {
        if (!map.getLayer(id) || (map.getLayoutProperty(id, 'visibility') ?? 'visible') === visibility) continue;
        markBusy(map);
        map.setLayoutProperty(id, 'visibility', visibility);
      }
    }
  }, [map, layers]);

  // Fit to an item the visitor just chose, once its page is the current one.
  useEffect(() => {
    if (!map || removedMaps.has(map) || !selected || pendingFocus.current !== selected) return;
    pendingFocus.current = null;
    const item = items.get(selected);
    if (item) map.fitBounds(item.bounds as LngLatBoundsLike, { ...fit(), animate: !reducedMotion() });
  }, [map, selected, items]);

  return (
    <div className="atlas-map">
      {/* MapLibre fills this box, possibly before React hydrates the page (lib/map/boot.ts): an
          empty innerHTML tells React its content is not React's to hydrate or replace, and the
          classes and data attributes MapLibre and the script add by then are expected. */}
      <div
        ref={containerRef}
        className="atlas-map__canvas"
        data-testid="atlas-map"
        {...{ [OWNER_ATTRIBUTE]: '' }}
        dangerouslySetInnerHTML={NOT_REACTS}
        suppressHydrationWarning
      />
      {!map && !failed && <p className="atlas-map__status">{t.map.loading}</p>}
      {failed && (
        <p className="atlas-map__status atlas-map__status--error" role="status">
          {t.map.failed}
        </p>
      )}
    </div>
  );
}

/** Feature-state `name` true on the features of the items `ids` (all their uids). */
function useFeatureState(
  map: MapLibreMap | null,
  items: ReadonlyMap<string, AtlasItem>,
  ids: string[],
  name: FeatureStateName,
  collection: MapFeatureCollection | undefined,
) {
  useUidState(
    map,
    ids.flatMap((id) => items.get(id)?.uids ?? []),
    name,
    collection,
  );
}

/**
 * Keep feature-state `name` true on the features `uids` and false elsewhere. The effect's
 * cleanup clears what it set, so each change is a small diff, never a resend of the data.
 */
function useUidState(map: MapLibreMap | null, uids: string[], name: FeatureStateName, collection: MapFeatureCollection | undefined) {
  const key = uids.join('\n');
  useEffect(() => {
    if (!map || removedMaps.has(map) || !collection) return;
    const list = key ? key.split('\n') : [];
    if (list.length) markBusy(map);
    for (const id of list) map.setFeatureState({ source: ATLAS_SOURCE, id }, { [name]: true });
    return () => {
      if (removedMaps.has(map)) return;
      if (list.length) markBusy(map);
      for (const id of list) map.setFeatureState({ source: ATLAS_SOURCE, id }, { [name]: false });
    };
  }, [map, key, name, collection]);
}
