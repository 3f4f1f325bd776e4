// The script of an embed page (/embed, /embed/{id}): the whole of what runs in the frame. An
// embed is the map, its key and a caption, with nothing for React to do, so its pages carry no
// framework on the client (pages/embed/, `unstable_runtimeJS: false`) and this module, bundled
// with the explorer's map module by scripts/build-map-bundles.mjs, makes the map as soon as the
// frame is parsed: an embed on a school laptop or a phone costs about what a bare MapLibre page
// costs (issue #6).
//
// The map is the explorer's own: one controller (lib/map/controller.ts) makes it, draws the
// embed's view and keeps the camera in the hash. What crosses a boundary is checked with zod,
// off the path to the first drawing (lib/map/view-checks.ts, loaded at once only when the hash
// names a camera): the camera in the hash, and the route data before the pointer uses it.
import { AtlasMapController, EMPTY_VIEW, loadMaplibre, type StartCamera } from '../map/controller';
import { KEY_PADDING, stylesheetsLoaded } from '../map/padding';
import { EMBED_CONFIG_ID, OWNER_ATTRIBUTE, atlasMapInit, type EmbedClientConfig } from '../map/settings';
import { routePath } from '../view/paths';

/** Frames this small start with the key folded, so the map stays visible. */
const SMALL_FRAME = '(max-height: 240px), (max-width: 320px)';

let checks: Promise<typeof import('../map/view-checks')> | undefined;
const loadChecks = () => (checks ??= import('../map/view-checks'));

async function start(el: HTMLElement, c: EmbedClientConfig): Promise<void> {
  el.setAttribute(OWNER_ATTRIBUTE, 'boot');
  const maplibreReady = loadMaplibre(c.maplibre);
  const dataReady = fetch(c.dataUrl, { headers: { accept: 'application/json' } }).then((res) => {
    if (!res.ok) throw new Error(`${c.dataUrl} answered ${res.status}`);
    return res.json() as Promise<unknown>;
  });
  const hash = window.location.hash;
  const cameraReady = hash ? loadChecks().then((m) => m.parseCameraHash(hash)) : null;

  // Read once: after that the visitor opens and folds the key.
  const key = document.querySelector('[data-map-key]');
  if (key instanceof HTMLDetailsElement && window.matchMedia(SMALL_FRAME).matches) key.open = false;

  // The script is async: it may run before the parser is done; the map waits for the
  // stylesheets (its container sized), not for the rest of the document.
  const [maplibre, data, camera] = await Promise.all([maplibreReady, dataReady, cameraReady, stylesheetsLoaded()]);
  const startCamera: StartCamera = camera ? { center: [camera.lng, camera.lat], zoom: camera.zoom } : { bounds: c.bounds };
  // Until the data has passed its schema, the pointer does nothing (bindItems).
  const controller = AtlasMapController.create(maplibre, el, {
    // MapLibre reads the GeoJSON itself.
    init: atlasMapInit(c.settings, data as GeoJSON.FeatureCollection),
    data,
    camera: startCamera,
    view: { ...EMPTY_VIEW, ...c.view },
    keyPadding: KEY_PADDING[c.legend ? c.keyPadding : 'none'],
    describedBy: c.describedBy,
    pointer: { hover: () => {}, select: () => {} },
    startedBy: 'boot',
  });
  controller.map.once('load', () => {
    el.parentElement?.querySelector<HTMLElement>('[data-map-status]')?.setAttribute('hidden', '');
  });
  controller.map.once('idle', () => {
    void loadChecks().then((m) => {
      // Back/forward and an edited hash move the map; their hashes are read with the zod parser.
      controller.syncCamera(m.parseCameraHash, () => c.bounds);
      if (!m.MapFeatureCollection.safeParse(data).success) {
        console.warn('Escape Atlas: the route data did not match its schema; the map is shown without pointer actions.');
        return;
      }
      controller.setPointer({
        hover: (id) => controller.setView({ hovered: id }),
        // The host page stays where it is: an item's full page opens beside it.
        select: (id) => window.open(routePath(id, c.settings.lang), '_blank', 'noopener,noreferrer'),
      });
    });
  });
}

function main(): void {
  const el = document.querySelector<HTMLElement>(`[${OWNER_ATTRIBUTE}]`);
  const config = document.getElementById(EMBED_CONFIG_ID)?.textContent;
  if (!el || !config) return;
  // Our own server's JSON, rendered into this page (components/embed-frame.tsx).
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
