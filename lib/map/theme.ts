// The dark basemap for embeds on dark pages (`?theme=dark`). The basemap and the atlas's text
// labels change: the atlas lines, points and zones keep their risk colours, patterns and white
// underlines, which were chosen to read on any background, so the key means the same thing in
// both themes. Pure, like lib/map/style.ts.
import { MAP_COLORS } from '@/lib/palette/palette';
import type { LayerSpecification, StyleSpecification } from './style';

export type MapTheme = 'light' | 'dark';
export const MAP_THEMES = ['light', 'dark'] as const satisfies readonly MapTheme[];

const D = MAP_COLORS.dark;

/** Paint overrides by basemap layer id (lib/map/style.ts `basemapLayers`). */
const DARK_PAINT: Record<string, Record<string, unknown>> = {
  background: { 'background-color': D.sea },
  // North Korea stays a shade apart from its neighbours, as in the light map.
  'country-fill': { 'fill-color': ['match', ['get', 'code'], 'KP', D.landNorthKorea, D.land], 'fill-outline-color': D.landOutline },
  border: { 'line-color': D.border },
  river: { 'line-color': D.river },
  'river-label': { 'text-color': D.riverLabel, 'text-halo-color': D.halo },
  city: { 'circle-color': D.city, 'circle-stroke-color': D.halo },
  'city-label': { 'text-color': D.cityLabel, 'text-halo-color': D.halo },
  'country-label': { 'text-color': D.countryLabel, 'text-halo-color': D.halo },
  // Names of routes, zones and points: light on a dark halo, like the basemap's own labels.
  'route-label': { 'text-color': D.ink, 'text-halo-color': D.halo },
  'zone-label': { 'text-color': D.ink, 'text-halo-color': D.halo },
  'point-label': { 'text-color': D.ink, 'text-halo-color': D.halo },
};

/** The colour behind the map while it loads, to match the theme's sea. */
export const THEME_BACKGROUND: Record<MapTheme, string> = { light: MAP_COLORS.light.sea, dark: D.sea };

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
