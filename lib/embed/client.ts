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
// names a camera): the camera in the hash. The route data is MapLibre's to fetch, by its address,
// in its worker, as a bare MapLibre page would.
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
  const hash = window.location.hash;
  const cameraReady = hash ? loadChecks().then((m) => m.parseCameraHash(hash)) : null;

  // Read once: after that the visitor opens and folds the key.
  const key = document.querySelector('[data-map-key]');
  if (key instanceof HTMLDetailsElement && window.matchMedia(SMALL_FRAME).matches) key.open = false;

  // The script is async: it may run before the parser is done; the map waits for the
  // stylesheets (its container sized), not for the rest of the document.
  const [maplibre, camera] = await Promise.all([maplibreReady, cameraReady, stylesheetsLoaded()]);
  const startCamera: StartCamera = camera ? { center: [camera.lng, camera.lat], zoom: camera.zoom } : { bounds: c.bounds };
  const controller = AtlasMapController.create(maplibre, el, {
    init: atlasMapInit(c.settings, new URL(c.dataUrl, window.location.href).href),
    camera: startCamera,
    view: { ...EMPTY_VIEW, ...c.view },
    keyPadding: KEY_PADDING[c.legend ? c.keyPadding : 'none'],
    describedBy: c.describedBy,
    // Items under the pointer are read from what the map drew (lib/map/behaviour.ts itemAt).
    pointer: {
      hover: (id) => controller.setView({ hovered: id }),
      // The host page stays where it is: an item's full page opens beside it.
      select: (id) => window.open(routePath(id, c.settings.lang), '_blank', 'noopener,noreferrer'),
    },
    startedBy: 'boot',
    onDataError: (e) => showFailure(el, e),
  });
  controller.map.once('load', () => {
    el.parentElement?.querySelector<HTMLElement>('[data-map-status]')?.setAttribute('hidden', '');
  });
  // Back/forward and an edited hash move the map; their hashes are read with the zod parser.
  controller.syncCameraOnceDrawn(
    () => loadChecks().then((m) => m.parseCameraHash),
    () => c.bounds,
  );
}

/** No WebGL, or a script or the data failed to load: say so in the frame. */
function showFailure(el: HTMLElement, e: unknown): void {
  console.warn('Escape Atlas: the map could not start.', e);
  const status = el.parentElement?.querySelector<HTMLElement>('[data-map-status]');
  if (status) {
    // The words come with the frame, in its language (components/embed-frame.tsx).
    status.textContent = status.dataset.failedText ?? '';
    status.classList.add('atlas-map__status--error');
    status.setAttribute('role', 'status');
    status.hidden = false;
  }
}

function main(): void {
  const el = document.querySelector<HTMLElement>(`[${OWNER_ATTRIBUTE}]`);
  const config = document.getElementById(EMBED_CONFIG_ID)?.textContent;
  if (!el || !config) return;
  // Our own server's JSON, rendered into this page (components/embed-frame.tsx).
  start(el, JSON.parse(config) as EmbedClientConfig).catch((e: unknown) => showFailure(el, e));
}

main();
