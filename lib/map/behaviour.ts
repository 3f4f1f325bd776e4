// What a visitor does with the atlas map, wired without a framework: pointing at items and
// clicking them, and the camera kept in the URL's hash. One definition for both owners of a map:
// the explorer's AtlasMap (components/atlas-map.tsx, React) and the embed's script
// (lib/embed/client.ts, no React), which calls it straight on the map it makes.
import type { Map as MapLibreMap, PointLike } from 'maplibre-gl';
import { formatCameraHash, type Camera } from '../view/camera-hash';
import { INTERACTIVE_LAYERS } from './style';

/** The id of the item drawn at `point`, among the layers shown; null over the basemap. */
export function itemAt(map: MapLibreMap, point: PointLike): string | null {
  const layers = INTERACTIVE_LAYERS.filter((id) => map.getLayer(id) && map.getLayoutProperty(id, 'visibility') !== 'none');
  const hit = map.queryRenderedFeatures(point, { layers: [...layers] })[0];
  const item = hit?.properties?.item;
  return typeof item === 'string' ? item : null;
}

/** Hover (with a pointer cursor over items) and click, reported by item id. */
export function bindPointer(map: MapLibreMap, on: { hover(id: string | null): void; select(id: string): void }): void {
  map.on('mousemove', (e) => {
    const item = itemAt(map, e.point);
    map.getCanvas().style.cursor = item ? 'pointer' : '';
    on.hover(item);
  });
  map.on('mouseout', () => on.hover(null));
  map.on('click', (e) => {
    const item = itemAt(map, e.point);
    if (item) on.select(item);
  });
}

export function cameraOf(map: MapLibreMap): Camera {
  const c = map.getCenter();
  return { zoom: map.getZoom(), lat: c.lat, lng: c.lng };
}

export const HASH_THROTTLE_MS = 300;

export interface CameraUrlSync {
  /** Write a pending camera hash now, before the history entry changes. */
  flush(): void;
  /** Stop listening (the map is going away). */
  dispose(): void;
}

/**
 * Keep the camera in the URL's hash: on `moveend`, `#zoom/lat/lng` goes into the current history
 * entry (throttled, replaceState); on
 * back/forward or an edited hash, the map follows. `parse` reads a hash (lib/view/view-state.ts's
 * parseCameraHash: undefined for no camera, null for a malformed one; null until it is loaded
 * is fine, a hash is then left alone); `home` shows the page's default view, for an entry
 * without a camera.
 */
export function syncCameraWithUrl(
  map: MapLibreMap,
  o: { parse(hash: string): Camera | null | undefined; home(): void; removed(): boolean },
): CameraUrlSync {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = 0;
  const write = () => {
    clearTimeout(timer);
    timer = undefined;
    last = Date.now();
    if (o.removed()) return;
    const hash = formatCameraHash(cameraOf(map));
    if (window.location.hash === hash) return;
    // With no state of our own, so that Next.js (on the explorer) learns of the new address, as it
    // does of the filters' (components/explorer-state.tsx), and keeps its own state for the
    // entry. Written with the entry's Next.js state instead, it went unseen, and the router's next
    // history write (a filter's change landing a moment later) put back the address without
    // the camera.
    window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}${hash}`);
  };
  map.on('moveend', () => {
    clearTimeout(timer);
    timer = setTimeout(write, Math.max(0, HASH_THROTTLE_MS - (Date.now() - last)));
  });

  // A flight still under way belongs to the entry just left: it stops, or it would write its
  // end into this one.
  const followUrl = () => {
    const camera = o.parse(window.location.hash);
    if (camera === undefined && window.location.hash !== '') return; // an in-page anchor
    if (camera === null) return;
    if (map.isMoving()) map.stop();
    clearTimeout(timer);
    timer = undefined;
    if (camera) {
      if (formatCameraHash(cameraOf(map)) !== formatCameraHash(camera)) map.jumpTo({ center: [camera.lng, camera.lat], zoom: camera.zoom });
    } else {
      // No camera in this entry: the view it had was the default one for its page.
      o.home();
    }
  };
  window.addEventListener('popstate', followUrl);
  window.addEventListener('hashchange', followUrl);
  return {
    flush: () => {
      if (timer !== undefined) write();
    },
    dispose: () => {
      clearTimeout(timer);
      window.removeEventListener('popstate', followUrl);
      window.removeEventListener('hashchange', followUrl);
    },
  };
}
