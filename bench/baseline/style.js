// A plain MapLibre style for the baseline page, used when lib/map/style.ts cannot be loaded by a
// static page: the basemap's land and borders, zones, route lines coloured and dashed by risk
// level (geo/vocabulary.ts), crossings and events as circles, and local-font labels (no glyphs).
const LEVELS = {
  1: { color: '#0072B2', dash: [1, 0] },
  2: { color: '#009E73', dash: [4, 2] },
  3: { color: '#E69F00', dash: [2, 1, 0.5, 1] },
  4: { color: '#D55E00', dash: [0.5, 1.2] },
};

/** The app's camera limits and start view (lib/map/style.ts, components/atlas-map.tsx). */
export const mapOptions = { minZoom: 2, maxZoom: 10, defaultBounds: [80, 5, 142, 50], fit: { padding: 48, maxZoom: 7 } };

const levelColor = [
  'match',
  ['get', 'level'],
  ...Object.entries(LEVELS).flatMap(([level, { color }]) => [Number(level), color]),
  '#555555',
];

export function baselineStyle({ basemapUrl, routesUrl }) {
  return {
    version: 8,
    sources: {
      basemap: { type: 'geojson', data: basemapUrl },
      atlas: { type: 'geojson', data: routesUrl, promoteId: 'uid' },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#dfe9f0' } },
      { id: 'land', type: 'fill', source: 'basemap', filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'fill-color': '#f6f4ee' } },
      { id: 'borders', type: 'line', source: 'basemap', paint: { 'line-color': '#a9a39a', 'line-width': 0.8 } },
      {
        id: 'zones',
        type: 'fill',
        source: 'atlas',
        filter: ['==', ['get', 'kind'], 'zone'],
        paint: { 'fill-color': levelColor, 'fill-opacity': 0.18 },
      },
      ...Object.entries(LEVELS).map(([level, { dash }]) => ({
        id: `routes-${level}`,
        type: 'line',
        source: 'atlas',
        filter: ['all', ['in', ['get', 'kind'], ['literal', ['route', 'stage']]], ['==', ['get', 'level'], Number(level)]],
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: { 'line-color': levelColor, 'line-width': 3, 'line-dasharray': dash },
      })),
      {
        id: 'points',
        type: 'circle',
        source: 'atlas',
        filter: ['==', ['geometry-type'], 'Point'],
        paint: { 'circle-color': levelColor, 'circle-radius': 6, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1.5 },
      },
      {
        id: 'labels',
        type: 'symbol',
        source: 'atlas',
        filter: ['==', ['geometry-type'], 'Point'],
        layout: {
          'text-field': ['get', 'name_en'],
          'text-font': ['sans-serif'],
          'text-size': 12,
          'text-offset': [0, 1.2],
          'text-anchor': 'top',
        },
        paint: { 'text-color': '#222222', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
      },
    ],
  };
}
