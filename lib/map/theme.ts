// The dark basemap for embeds on dark pages (`?theme=dark`). The basemap and the atlas's text
// labels change: the atlas lines, points and zones keep their risk colours, patterns and white
// underlines, which were chosen to read on any background, so the key means the same thing in
// both themes. Pure, like lib/map/style.ts.
import type { LayerSpecification, StyleSpecification } from './style';

export type MapTheme = 'light' | 'dark';
export const MAP_THEMES = ['light', 'dark'] as const satisfies readonly MapTheme[];

const DARK_SEA = '#102130';
const DARK_HALO = '#101418';

/** Paint overrides by basemap layer id (lib/map/style.ts `basemapLayers`). */
const DARK_PAINT: Record<string, Record<string, unknown>> = {
  background: { 'background-color': DARK_SEA },
  // North Korea stays a shade apart from its neighbours, as in the light map.
  'country-fill': { 'fill-color': ['match', ['get', 'code'], 'KP', '#3d3629', '#262a2f'], 'fill-outline-color': '#4b5158' },
  border: { 'line-color': '#8d939b' },
  river: { 'line-color': '#4f97dd' },
  'river-label': { 'text-color': '#a7d0f5', 'text-halo-color': DARK_HALO },
  city: { 'circle-color': '#c4c4c4', 'circle-stroke-color': DARK_HALO },
  'city-label': { 'text-color': '#d6d6d6', 'text-halo-color': DARK_HALO },
  'country-label': { 'text-color': '#b8b0a0', 'text-halo-color': DARK_HALO },
  // Names of routes, zones and points: light on a dark halo, like the basemap's own labels.
  'route-label': { 'text-color': '#f0f2f4', 'text-halo-color': DARK_HALO },
  'zone-label': { 'text-color': '#f0f2f4', 'text-halo-color': DARK_HALO },
  'point-label': { 'text-color': '#f0f2f4', 'text-halo-color': DARK_HALO },
};

/** The colour behind the map while it loads, to match the theme's sea. */
export const THEME_BACKGROUND: Record<MapTheme, string> = { light: '#dce8f0', dark: DARK_SEA };

/** The style in a theme; 'light' returns it unchanged. */
export function themedStyle(style: StyleSpecification, theme: MapTheme): StyleSpecification {
  if (theme === 'light') return style;
  const layers = style.layers.map((layer) => {
    const paint = DARK_PAINT[layer.id];
    if (!paint) return layer;
    // The overrides are written per layer id above, each for that layer's own type.
    return { ...layer, paint: { ...('paint' in layer ? layer.paint : {}), ...paint } } as LayerSpecification;
  });
  return { ...style, layers };
}
