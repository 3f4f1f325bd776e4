'use client';
// The React host of the explorer's map: a thin one. The map is made and driven by the map module
// (lib/map/explorer-map.ts, a content-hashed file of its own), usually before React hydrates the
// page; this component imports the same file, takes the controller it made (or has one made from
// the data React holds, when the module made none), and passes React's view to it: what is
// selected, hovered, filtered out and switched off, and the stage a link names. The controller
// turns that into feature-state by difference (lib/map/controller.ts), and keeps the camera in
// the URL's hash.
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useImperativeHandle, useLayoutEffect, useRef, useState, type Ref } from 'react';
import type { AtlasItem } from '@/lib/data/atlas-items';
import { loadMapCollection } from '@/lib/data/use-atlas';
import type { AtlasMapController } from '@/lib/map/controller';
import type { LayerGroup } from '@/lib/map/style';
import { OWNER_ATTRIBUTE, type ExplorerMapConfig } from '@/lib/map/settings';
import { useStrings } from '@/lib/i18n/client';

/** The map module's exports, as the React host uses them (type only: the code is the module's). */
type ExplorerMapModule = typeof import('@/lib/map/explorer-map');

export interface AtlasMapHandle {
  /** Fit the camera to this item once it is the selected one (after the navigation commits). */
  focusWhenSelected(id: string): void;
  /** Write a pending camera hash now, before the history entry changes. */
  flushCamera(): void;
}

export interface AtlasMapProps {
  /** The map module's URL (lib/map/assets/bundles.ts): the very file the page's script loaded. */
  module: string;
  /** The page's config for it (app/(explorer)/layout.tsx). */
  config: ExplorerMapConfig;
  /** Items by id: their bounds. */
  items: ReadonlyMap<string, AtlasItem>;
  /** The item whose page is open. @default null */
  selected: string | null;
  /** The item under the pointer, here or in the list. @default null */
  hovered: string | null;
  /** Ids passing the filters; the others are dimmed. null: no filter; undefined: not known yet (the map keeps what the address named). */
  visible: ReadonlySet<string> | null | undefined;
  layers: Readonly<Record<LayerGroup, boolean>>;
  onHover(id: string | null): void;
  onSelect(id: string): void;
  ref?: Ref<AtlasMapHandle>;
  /** The stage of the selected route that a link names, drawn with a band of its own. @default null */
  stage?: string | null;
}

/** The map container's content: MapLibre's, never React's (the same object on every render). */
const NOT_REACTS = { __html: '' };

export function AtlasMap({
  module,
  config,
  items,
  selected,
  hovered,
  visible,
  layers,
  onHover,
  onSelect,
  ref,
  stage = null,
}: AtlasMapProps) {
  const { explorer: t } = useStrings();
  const containerRef = useRef<HTMLDivElement>(null);
  const [controller, setController] = useState<AtlasMapController | null>(null);
  const [failed, setFailed] = useState(false);
  const pendingFocus = useRef<string | null>(null);
  // The latest props for callbacks the controller holds, and for the start below.
  const latest = useRef({ onHover, onSelect, items });
  useLayoutEffect(() => {
    latest.current = { onHover, onSelect, items };
  });

  useImperativeHandle(ref, () => ({
    focusWhenSelected(id) {
      pendingFocus.current = id;
    },
    flushCamera() {
      controller?.flushCamera();
    },
  }));

  // Take the module's map, or have it make one from the API's data. A layout effect: it runs in
  // the commit that hydrates the page, not after the browser has painted it.
  useLayoutEffect(() => {
    let cancelled = false;
    let mod: ExplorerMapModule | undefined;
    let made: AtlasMapController | null = null;
    const container = containerRef.current!;
    (import(/* webpackIgnore: true */ /* turbopackIgnore: true */ module) as Promise<ExplorerMapModule>)
      .then((m) => {
        mod = m;
        // The default view of any item page the visitor reaches here (the page's config names only its own).
        m.knowItemBounds(container, (id) => latest.current.items.get(id)?.bounds);
        return m.startExplorerMap(container, config, { load: loadMapCollection });
      })
      .then((c) => {
        made = c;
        if (!c) throw new Error('the map module made no map');
        if (cancelled) return;
        c.setPointer({ hover: (id) => latest.current.onHover(id), select: (id) => latest.current.onSelect(id) });
        // Who drives the map from now on, for tests and for anyone curious.
        container.dataset.mapHost = 'react';
        setController(c);
      })
      .catch((e: unknown) => {
        // No WebGL, or the module failed to load: the list and pages still work without a map.
        console.warn('Escape Atlas: the map could not start.', e);
        if (!cancelled) setFailed(true);
      });
    return () => {
      cancelled = true;
      // Leaving the explorer: the map goes with its container. (The module's start may still be
      // under way: what it makes is removed when it lands.)
      if (made) made.remove();
      else void mod?.startExplorerMap(container, config).then((c) => c?.remove());
      mod?.forgetExplorerMap(container);
      setController(null);
    };
    // Started once; the atlas's data does not change while the page is open.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- config and module are fixed for the page's life
  }, []);

  useEffect(() => {
    if (!controller) return;
    const view = { selected, hovered, stage: selected ? stage : null, layers };
    if (visible === undefined) controller.setView(view);
    else controller.setView({ ...view, muted: visible ? [...items.keys()].filter((id) => !visible.has(id)) : [] });
  }, [controller, items, selected, hovered, visible, stage, layers]);

  // Fit to an item the visitor just chose, once its page is the current one.
  useEffect(() => {
    if (!controller || !selected || pendingFocus.current !== selected) return;
    pendingFocus.current = null;
    const item = items.get(selected);
    // An unplaced event has no point: the camera stays where it is.
    if (item?.bounds) controller.fitTo(item.bounds);
  }, [controller, selected, items]);

  return (
    <div className="atlas-map">
      {/* MapLibre fills this box, usually before React hydrates the page: an empty innerHTML
          tells React its content is not React's to hydrate or replace, and the classes and data
          attributes MapLibre and the module add by then are expected. */}
      <div
        ref={containerRef}
        className="atlas-map__canvas"
        data-testid="atlas-map"
        {...{ [OWNER_ATTRIBUTE]: '' }}
        dangerouslySetInnerHTML={NOT_REACTS}
        suppressHydrationWarning
      />
      {!controller && !failed && <p className="atlas-map__status">{t.map.loading}</p>}
      {failed && (
        <p className="atlas-map__status atlas-map__status--error" role="status">
          {t.map.failed}
        </p>
      )}
    </div>
  );
}
