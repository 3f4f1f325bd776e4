// The script of an embed page (/embed, /embed/{id}): the whole of what runs in the frame. An
// embed is the map, its key and a caption, with nothing for React to do, so its pages carry no
// framework on the client (pages/embed/, `unstable_runtimeJS: false`) and this module, bundled on
// its own by scripts/build-embed-client.mjs, makes the map as soon as the frame is parsed: an
// embed on a school laptop or a phone costs about what a bare MapLibre page costs (issue #6).
//
// It uses the explorer's own pieces: createAtlasMap and the fit paddings (lib/map/boot.ts), the
// pointer and the camera hash (lib/map/behaviour.ts). What crosses a boundary is checked with
// zod, off the path to the first drawing (lib/embed/checks.ts, loaded at once only when the
// hash names a camera): the camera in the hash, and the route data before the pointer uses it.
import type { Map as MapLibreMap } from 'maplibre-gl';
import { corridorGroups } from '../data/atlas-items';
import { bindPointer, syncCameraWithUrl } from '../map/behaviour';
import {
  EMBED_CONFIG_ID,
  OWNER_ATTRIBUTE,
  atlasMapInit,
  createAtlasMap,
  embedKeyPadding,
  fitPadding,
  stylesheetsLoaded,
  type EmbedClientConfig,
} from '../map/boot';
import { ATLAS_SOURCE, FIT_MARGIN, FIT_MAX_ZOOM, type FeatureStateName } from '../map/style';

/** Frames this small start with the key folded, so the map stays visible. */
const SMALL_FRAME = '(max-height: 240px), (max-width: 320px)';

let checks: Promise<typeof import('./checks')> | undefined;
/** The zod checks (lib/embed/checks.ts), fetched the first time one is needed. */
const loadChecks = () => (checks ??= import('./checks'));
const cameraParser = () => loadChecks().then((m) => m.parseCameraHash);

function setStates(map: MapLibreMap, uids: readonly string[], name: FeatureStateName, on: boolean): void {
  for (const id of uids) map.setFeatureState({ source: ATLAS_SOURCE, id }, { [name]: on });
}

/** Hover and click, once the data has passed its schema: hovering lights up the whole item. */
async function bindItems(map: MapLibreMap, data: unknown): Promise<void> {
  const { MapFeatureCollection } = await loadChecks();
  const parsed = MapFeatureCollection.safeParse(data);
  if (!parsed.success) {
    console.warn('Escape Atlas: the route data did not match its schema; the map is shown without pointer actions.');
    return;
  }
  const uids = new Map(corridorGroups(parsed.data).flatMap((g) => g.items.map((i) => [i.id, i.uids] as const)));
  let hovered: string | null = null;
  bindPointer(map, {
    hover(id) {
      if (id === hovered) return;
      if (hovered) setStates(map, uids.get(hovered) ?? [], 'hover', false);
      if (id) setStates(map, uids.get(id) ?? [], 'hover', true);
      hovered = id;
    },
    // The host page stays where it is: an item's full page opens beside it.
    select: (id) => window.open(`/routes/${encodeURIComponent(id)}`, '_blank', 'noopener,noreferrer'),
  });
}

async function start(el: HTMLElement, c: EmbedClientConfig): Promise<void> {
  el.setAttribute(OWNER_ATTRIBUTE, 'boot');
  el.dataset.mapStart = 'boot';
  const maplibreReady = import(/* @vite-ignore */ c.maplibre.script).then((m: typeof import('maplibre-gl')) => {
    m.setWorkerUrl(c.maplibre.worker);
    m.prewarm();
    return m;
  });
  const dataReady = fetch(c.dataUrl, { headers: { accept: 'application/json' } }).then((res) => {
    if (!res.ok) throw new Error(`${c.dataUrl} answered ${res.status}`);
    return res.json() as Promise<unknown>;
  });
  const hash = window.location.hash;
  const cameraReady = hash ? cameraParser().then((parse) => parse(hash)) : null;

  // Read once: after that the visitor opens and folds the key.
  const key = document.querySelector('[data-map-key]');
  if (key instanceof HTMLDetailsElement && window.matchMedia(SMALL_FRAME).matches) key.open = false;
  const fit = () => ({ padding: fitPadding(el, FIT_MARGIN, c.legend ? embedKeyPadding() : {}), maxZoom: FIT_MAX_ZOOM });

  // The script is async: it may run before the parser is done; the map waits for the
  // stylesheets (its container sized), not for the rest of the document.
  const [maplibre, data, camera] = await Promise.all([maplibreReady, dataReady, cameraReady, stylesheetsLoaded()]);
  // MapLibre reads the GeoJSON itself; the pointer waits for the schema check (bindItems).
  const init = atlasMapInit(c.settings, data as GeoJSON.FeatureCollection);
  const map = createAtlasMap(maplibre, el, {
    ...init,
    camera: camera ? { center: [camera.lng, camera.lat], zoom: camera.zoom } : { bounds: c.bounds, ...fit() },
    states: c.states,
  });
  // A still map has nothing for zoom buttons to do.
  if (c.settings.interactive) map.addControl(new maplibre.NavigationControl({ showCompass: false }), 'top-right');
  map.getCanvas().setAttribute('aria-describedby', c.describedBy);
  map.once('load', () => {
    el.parentElement?.querySelector<HTMLElement>('[data-map-status]')?.setAttribute('hidden', '');
  });
  map.once('idle', () => {
    void bindItems(map, data);
    // Back/forward and an edited hash move the map; their hashes are read with the zod parser.
    void cameraParser().then((parse) =>
      syncCameraWithUrl(map, { parse, home: () => map.fitBounds(c.bounds, { ...fit(), animate: false }), removed: () => false }),
    );
  });
}

function main(): void {
  const el = document.querySelector<HTMLElement>(`[${OWNER_ATTRIBUTE}]`);
  const config = document.getElementById(EMBED_CONFIG_ID)?.textContent;
  if (!el || !config) return;
  start(el, JSON.parse(config) as EmbedClientConfig).catch((e: unknown) => {
    // No WebGL, or a script or the data failed to load: say so in the frame.
    console.warn('Escape Atlas: the map could not start.', e);
    const status = el.parentElement?.querySelector<HTMLElement>('[data-map-status]');
    if (status) {
      // The words come with the frame, in its language (components/embed-frame.tsx).
      status.textContent = status.dataset.failedText ?? '';
      status.classList.add('atlas-map__status--error');
      status.setAttribute('role', 'status');
    }
  });
}

main();
