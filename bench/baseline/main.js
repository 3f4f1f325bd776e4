// The baseline map: bare MapLibre, the same data the app draws, and the same readiness signal
// the app exposes (data-map-idle="true" on the map container at the first idle with every
// source loaded), so the harness times both pages with the same probe.
import { Map as MapLibreMap, getVersion, setWorkerUrl } from '/maplibre/maplibre-gl.mjs';
import { baselineStyle, mapOptions } from '/baseline/style.js';

const params = new URLSearchParams(location.search);
// The camera of the app page this stands in for: the harness passes the bounds it fits to.
const given = params.get('bounds')?.split(',').map(Number);
const bounds = given?.length === 4 && given.every(Number.isFinite) ? given : mapOptions.defaultBounds;
// And its language: the same labels (the Korean explorer's map draws Hangul).
const lang = params.get('lang') ?? 'en';

// The worker URL the app uses (components/atlas-map.tsx), served with the same headers.
setWorkerUrl(`/maplibre-gl-worker.mjs?v=${getVersion()}`);
const container = document.getElementById('map');
const style = baselineStyle({ basemapUrl: '/generated/basemap.json', routesUrl: '/data/routes.json', lang });
// The style names its sprite by path, as the app's does; MapLibre wants it absolute (as the app's controller makes it).
if (typeof style.sprite === 'string' && style.sprite.startsWith('/')) style.sprite = location.origin + style.sprite;
const map = new MapLibreMap({
  container,
  style,
  bounds: [
    [bounds[0], bounds[1]],
    [bounds[2], bounds[3]],
  ],
  fitBoundsOptions: mapOptions.fit,
  minZoom: mapOptions.minZoom,
  maxZoom: mapOptions.maxZoom,
  renderWorldCopies: false,
  attributionControl: false,
});

function allSourcesLoaded() {
  return Object.keys(map.getStyle().sources).every((id) => map.isSourceLoaded(id));
}

map.on('idle', function onIdle() {
  if (!allSourcesLoaded()) return;
  map.off('idle', onIdle);
  container.dataset.mapIdle = 'true';
});
