// The explorer's MapLibre style: the basemap from public/generated/basemap.json (geo/basemap.ts)
// under the atlas from GET /api/routes. Pure data, no maplibre-gl import, so it can be built and
// inspected anywhere.
//
// Risk is drawn with colour AND line pattern (routes, zones) or colour AND the level's number
// (crossings, events), never colour alone. Approximate geometry gets a wide translucent casing:
// the corridor, not a path. No `glyphs` key: MapLibre draws labels with the browser's own fonts,
// so no font server is ever asked for anything.
import type { MapOptions } from 'maplibre-gl';
import { POINT_KINDS, type ItemKind } from '@/geo/vocabulary';
import type { Locale } from '@/lib/i18n/locales';
import type { MapText } from '@/lib/i18n/map-text';
import { MAP_COLORS, RISK_COLORS as RC, RISK_DASHES as RD } from '@/lib/palette/palette';

export type StyleSpecification = Exclude<NonNullable<MapOptions['style']>, string>;
export type LayerSpecification = StyleSpecification['layers'][number];
type LinePaint = NonNullable<Extract<LayerSpecification, { type: 'line' }>['paint']>;
export type ExpressionSpecification = Extract<LinePaint['line-opacity'], unknown[]>;
type SymbolLayout = NonNullable<Extract<LayerSpecification, { type: 'symbol' }>['layout']>;
type VariableAnchorOffset = Extract<SymbolLayout['text-variable-anchor-offset'], (string | number[])[]>;

/** Pinned to the built file's version (lib/map/basemap-version.mjs, given by next.config.ts). */
export const BASEMAP_URL = `/generated/basemap.json?v=${process.env.NEXT_PUBLIC_BASEMAP_VERSION ?? 'unknown'}`;
export const ATLAS_SOURCE = 'atlas';
export const BASEMAP_SOURCE = 'basemap';

/** The region the atlas covers, [west, south, east, north]: Nepal to the Sea of Japan. */
export const DEFAULT_BOUNDS: [number, number, number, number] = [80, 5, 142, 50];
export const MIN_ZOOM = 2;
export const MAX_ZOOM = 10;
/** Fitting the camera to something: the margin around it (px, less in a small map) and the closest zoom. */
export const FIT_MARGIN = 48;
export const FIT_MAX_ZOOM = 7;

/** Layers a visitor can switch off, in the order of the toggles. */
export const LAYER_GROUPS = {
  routes: ['route-approximate', 'route-hit', 'stage-focus', 'stage-underline', 'stage-line', 'route-label'],
  points: ['point-approximate', 'point', 'point-label'],
  zones: ['zone-fill', 'zone-outline', 'zone-line-approximate', 'zone-line', 'zone-label'],
} as const;
export type LayerGroup = keyof typeof LAYER_GROUPS;
export const LAYER_GROUP_IDS = Object.keys(LAYER_GROUPS) as LayerGroup[];

/**
 * The sprite (lib/map/marker-sprite.ts, served by app/map-sprite/[file]/route.ts): one SDF disc,
 * MARKER_SPRITE_SIZE px square with a MARKER_RADIUS px disc, coloured by the style. The version
 * changes with the drawing, so the files can be kept for good. A path: MapLibre wants it absolute,
 * so the map's creator resolves it against the page (lib/map/boot.ts createAtlasMap).
 */
export const MARKER_ICON = 'marker';
export const MARKER_SPRITE_SIZE = 24;
export const MARKER_RADIUS = 9;
export const MARKER_SPRITE_VERSION = `${MARKER_SPRITE_SIZE}-${MARKER_RADIUS}-1`;
export const MARKER_SPRITE_PATH = `/map-sprite/markers?v=${MARKER_SPRITE_VERSION}`;

/** Layers whose features answer hover and click; each feature carries its `item`. */
export const INTERACTIVE_LAYERS = ['point', 'route-hit', 'stage-line', 'zone-line', 'zone-fill'] as const;

const FONT = ['Noto Sans Regular'];
const FONT_BOLD = ['Noto Sans Bold'];
// The light theme's colours (lib/palette/palette.ts); lib/map/theme.ts swaps in the dark ones.
const C = MAP_COLORS.light;
const INK = C.ink;
const HALO = C.halo;

// Written out level by level (not built in a loop) so the compiler checks each expression.
const levelColor: ExpressionSpecification = ['match', ['get', 'level'], 1, RC[1], 2, RC[2], 3, RC[3], RC[4]];
const levelDash: ExpressionSpecification = [
  'match',
  ['get', 'level'],
  1,
  ['literal', [...RD[1]]],
  2,
  ['literal', [...RD[2]]],
  3,
  ['literal', [...RD[3]]],
  ['literal', [...RD[4]]],
];

/**
 * The feature-states the atlas layers paint by, set on items (the atlas source's promoteId is
 * `item`: every feature of an item, a route and its stages, shares its state) by
 * lib/map/controller.ts. Three are flags; `stage` holds the id of the stage a link names, lit on
 * the stage feature whose `stage` property it equals.
 */
export type FeatureStateFlag = 'hover' | 'selected' | 'muted';
export const STAGE_STATE = 'stage';
const state = (name: FeatureStateFlag): ExpressionSpecification => ['boolean', ['feature-state', name], false];
const stageLit: ExpressionSpecification = ['==', ['string', ['feature-state', STAGE_STATE], ''], ['string', ['get', 'stage'], '-']];
/** `then` when hovered or selected, `muted` when filtered out, else `otherwise`. */
const emphasis = (then: number, otherwise: number, muted: number): ExpressionSpecification => [
  'case',
  ['any', state('hover'), state('selected')],
  then,
  state('muted'),
  muted,
  otherwise,
];
const approximate: ExpressionSpecification = ['==', ['get', 'precision'], 'approximate'];
/** A feature's name in the map's language: `name_ko` in Korean (English where a feature has none). */
const nameField = (lang: Locale): ExpressionSpecification =>
  lang === 'ko' ? ['coalesce', ['get', 'name_ko'], ['get', 'name_en']] : ['get', 'name_en'];
const nameLabel = (suffix: boolean, { lang, approximateSuffix }: MapLabels): ExpressionSpecification =>
  suffix ? ['case', approximate, ['concat', nameField(lang), approximateSuffix], nameField(lang)] : nameField(lang);

/** The language of the map's labels, and the words drawn with them (from the server: lib/i18n/strings.ts mapText). */
export interface MapLabels extends Pick<MapText, 'approximateSuffix' | 'credit'> {
  lang: Locale;
}

const kind = (...kinds: (ItemKind | 'stage')[]): ExpressionSpecification => ['in', ['get', 'kind'], ['literal', kinds]];
const isType = (t: 'Point' | 'LineString' | 'Polygon'): ExpressionSpecification => ['==', ['geometry-type'], t];

function basemapLayers(lang: Locale): LayerSpecification[] {
  const layer = (name: string): ExpressionSpecification => ['==', ['get', 'layer'], name];
  return [
    { id: 'background', type: 'background', paint: { 'background-color': C.sea } },
    {
      id: 'country-fill',
      type: 'fill',
      source: BASEMAP_SOURCE,
      filter: layer('country'),
      // North Korea a shade darker: every line on the map starts there.
      paint: { 'fill-color': ['match', ['get', 'code'], 'KP', C.landNorthKorea, C.land], 'fill-outline-color': C.landOutline },
    },
    {
      id: 'border',
      type: 'line',
      source: BASEMAP_SOURCE,
      filter: layer('border'),
      paint: { 'line-color': C.border, 'line-width': ['interpolate', ['linear'], ['zoom'], 3, 0.6, 8, 1.4] },
    },
    {
      id: 'river',
      type: 'line',
      source: BASEMAP_SOURCE,
      filter: layer('river'),
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': C.river, 'line-width': ['interpolate', ['linear'], ['zoom'], 3, 1.2, 8, 3] },
    },
    {
      id: 'river-label',
      type: 'symbol',
      source: BASEMAP_SOURCE,
      filter: layer('river'),
      minzoom: 4,
      layout: {
        'symbol-placement': 'line',
        'text-field': nameField(lang),
        'text-font': FONT,
        'text-size': 12,
        'text-letter-spacing': 0.05,
      },
      paint: { 'text-color': C.riverLabel, 'text-halo-color': HALO, 'text-halo-width': 1.5 },
    },
    {
      id: 'city',
      type: 'circle',
      source: BASEMAP_SOURCE,
      filter: layer('city'),
      minzoom: 3,
      paint: { 'circle-radius': 2.5, 'circle-color': C.city, 'circle-stroke-color': HALO, 'circle-stroke-width': 1 },
    },
    {
      id: 'city-label',
      type: 'symbol',
      source: BASEMAP_SOURCE,
      filter: layer('city'),
      minzoom: 3,
      layout: {
        'text-field': nameField(lang),
        'text-font': FONT,
        'text-size': 11,
        'text-anchor': 'left',
        'text-offset': [0.5, 0],
        'text-optional': true,
      },
      paint: { 'text-color': C.cityLabel, 'text-halo-color': HALO, 'text-halo-width': 1.2 },
    },
    {
      id: 'country-label',
      type: 'symbol',
      source: BASEMAP_SOURCE,
      filter: layer('country-label'),
      layout: {
        'text-field': nameField(lang),
        'text-font': FONT_BOLD,
        'text-size': 13,
        'text-letter-spacing': 0.08,
        'text-transform': 'uppercase',
        'text-max-width': 8,
        // Placed after the atlas's markers (issue #15): a name that a marker would cover moves
        // beside its place rather than vanish, east first (offshore, for the peninsula's two).
        'text-variable-anchor-offset': ['center', [0, 0], 'left', [2.8, 0], 'top', [0, 1.2], 'bottom', [0, -1.2], 'right', [-2.8, 0]],
      },
      paint: { 'text-color': C.countryLabel, 'text-halo-color': HALO, 'text-halo-width': 1.2 },
    },
  ];
}

function atlasLayers(labels: MapLabels): LayerSpecification[] {
  const src = { source: ATLAS_SOURCE } as const;
  const zonePolygon: ExpressionSpecification = ['all', kind('zone'), isType('Polygon')];
  const zoneLine: ExpressionSpecification = ['all', kind('zone'), isType('LineString')];
  const points: ExpressionSpecification = kind(...POINT_KINDS);
  // Route, zone and point names alike: ink on a white halo, faded with what is muted.
  const atlasLabelPaint = { 'text-color': INK, 'text-halo-color': HALO, 'text-halo-width': 1.6, 'text-opacity': emphasis(1, 1, 0.3) };
  return [
    // Zones: shaded areas edged, or lines (a sea boundary) drawn, in the level's pattern.
    {
      id: 'zone-fill',
      type: 'fill',
      ...src,
      filter: zonePolygon,
      paint: { 'fill-color': levelColor, 'fill-opacity': emphasis(0.32, 0.16, 0.04) },
    },
    {
      id: 'zone-outline',
      type: 'line',
      ...src,
      filter: zonePolygon,
      paint: {
        'line-color': levelColor,
        'line-width': emphasis(3, 1.5, 1),
        'line-dasharray': levelDash,
        'line-opacity': emphasis(1, 0.9, 0.2),
      },
    },
    {
      id: 'zone-line-approximate',
      type: 'line',
      ...src,
      filter: ['all', zoneLine, approximate],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': levelColor, 'line-width': 16, 'line-opacity': emphasis(0.3, 0.16, 0.04), 'line-blur': 2 },
    },
    {
      id: 'zone-line',
      type: 'line',
      ...src,
      filter: zoneLine,
      paint: {
        'line-color': levelColor,
        'line-width': emphasis(4.5, 3, 2),
        'line-dasharray': levelDash,
        'line-opacity': emphasis(1, 0.95, 0.2),
      },
    },
    // Routes: a translucent corridor when approximate; each stage drawn in its own level's
    // colour and pattern over a white underline, so patterns stay legible on any background.
    {
      id: 'route-approximate',
      type: 'line',
      ...src,
      filter: ['all', kind('route'), approximate],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': levelColor,
        'line-width': ['interpolate', ['linear'], ['zoom'], 3, 10, 8, 22],
        'line-opacity': emphasis(0.28, 0.14, 0.03),
        'line-blur': 2,
      },
    },
    {
      // The hover/selection halo, and a wide target for the pointer.
      id: 'route-hit',
      type: 'line',
      ...src,
      filter: kind('route'),
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': INK, 'line-width': 12, 'line-opacity': ['case', state('selected'), 0.45, state('hover'), 0.3, 0] },
    },
    {
      // The stage a link names (?stage=): a dark band under its line, on top of the route's halo.
      id: 'stage-focus',
      type: 'line',
      ...src,
      filter: kind('stage'),
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': INK, 'line-width': 16, 'line-opacity': ['case', stageLit, 0.6, 0] },
    },
    {
      id: 'stage-underline',
      type: 'line',
      ...src,
      filter: kind('stage'),
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': HALO, 'line-width': emphasis(7.5, 6, 4), 'line-opacity': emphasis(1, 0.9, 0.25) },
    },
    {
      id: 'stage-line',
      type: 'line',
      ...src,
      filter: kind('stage'),
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': levelColor,
        'line-width': emphasis(5, 3.5, 2.5),
        'line-dasharray': levelDash,
        'line-opacity': emphasis(1, 1, 0.25),
      },
    },
    // The corridor of an approximate crossing or event: a soft disc at the point itself.
    {
      id: 'point-approximate',
      type: 'circle',
      ...src,
      filter: ['all', points, approximate],
      paint: { 'circle-radius': 20, 'circle-color': levelColor, 'circle-opacity': emphasis(0.3, 0.15, 0.03), 'circle-blur': 0.4 },
    },
    // Labels last, so they sit on top of every line.
    {
      id: 'route-label',
      type: 'symbol',
      ...src,
      filter: kind('route'),
      minzoom: 4.5,
      layout: {
        'symbol-placement': 'line',
        'text-field': nameLabel(true, labels),
        'text-font': FONT,
        'text-size': 12,
        'text-offset': [0, 1.1],
      },
      paint: atlasLabelPaint,
    },
    {
      id: 'zone-label',
      type: 'symbol',
      ...src,
      filter: kind('zone'),
      minzoom: 5,
      layout: {
        'symbol-placement': 'line-center',
        'text-field': nameLabel(true, labels),
        'text-font': FONT,
        'text-size': 11,
        'text-offset': [0, 1],
      },
      paint: atlasLabelPaint,
    },
    {
      id: 'point-label',
      type: 'symbol',
      ...src,
      filter: points,
      minzoom: 4,
      layout: {
        'text-field': nameLabel(true, labels),
        'text-font': FONT,
        'text-size': 11.5,
        'text-anchor': 'left',
        'text-offset': [1.2, 0],
        'text-max-width': 12,
        'text-optional': true,
      },
      paint: atlasLabelPaint,
    },
    pointMarker(),
  ];
}

/** Where a symbol's anchor may go, in ems of its text: the point, then rings of eight around it. */
function anchorRings(...radii: number[]): VariableAnchorOffset {
  const directions = {
    top: [0, 1],
    bottom: [0, -1],
    left: [1, 0],
    right: [-1, 0],
    'top-left': [0.72, 0.72],
    'top-right': [-0.72, 0.72],
    'bottom-left': [0.72, -0.72],
    'bottom-right': [-0.72, -0.72],
  } as const;
  const out: VariableAnchorOffset = ['center', [0, 0]];
  for (const r of radii)
    for (const [anchor, [x, y]] of Object.entries(directions)) out.push(anchor, [+(x * r).toFixed(2), +(y * r).toFixed(2)]);
  return out;
}

/**
 * Crossings and events: a disc in the level's colour with the level's number on it, as one
 * symbol, so MapLibre's collision keeps markers apart (issue #15: at the overview zoom those on the
 * Korean peninsula sat on each other and on the country names). A marker that would overlap
 * another moves beside its point (a variable anchor; the disc follows its number, icon-text-fit),
 * so each stays readable and clickable. Last in the style, so markers are placed before every
 * label, and labels (the countries' too) give way to them.
 */
function pointMarker(): LayerSpecification {
  const TEXT_SIZE = 11;
  // The disc's box is the number's line box (1.2 em) padded to the sprite's size: not stretched.
  const pad = (MARKER_SPRITE_SIZE - 1.2 * TEXT_SIZE) / 2;
  return {
    id: 'point',
    type: 'symbol',
    source: ATLAS_SOURCE,
    filter: kind(...POINT_KINDS),
    layout: {
      'icon-image': MARKER_ICON,
      'icon-text-fit': 'height',
      'icon-text-fit-padding': [pad, 0, pad, 0],
      'icon-padding': 1,
      'text-field': ['to-string', ['get', 'level']],
      'text-font': FONT_BOLD,
      'text-size': TEXT_SIZE,
      'text-padding': 1,
      // On its point if it can; else beside it, one marker away, then two (a crowded corner of the
      // peninsula has four markers within a few pixels at the overview zoom).
      'text-variable-anchor-offset': anchorRings(MARKER_SPRITE_SIZE / TEXT_SIZE, (2 * MARKER_SPRITE_SIZE) / TEXT_SIZE),
      // The most dangerous first: they keep their own place when two compete.
      'symbol-sort-key': ['-', 0, ['get', 'level']],
    },
    paint: {
      'icon-color': levelColor,
      'icon-opacity': emphasis(1, 1, 0.25),
      // Crossings ringed in ink, events in white: the kind is in the label and the list too.
      'icon-halo-color': ['case', ['any', state('hover'), state('selected')], INK, ['==', ['get', 'kind'], 'crossing'], INK, HALO],
      'icon-halo-width': emphasis(2.5, 1.5, 1),
      'text-color': INK,
      'text-opacity': emphasis(1, 1, 0.25),
    },
  };
}

/**
 * The whole style. The atlas source is `atlas`: the collection itself, or the address MapLibre's
 * worker fetches it from (it then fetches, parses and lays it out off the main thread, alongside
 * the basemap); empty when not given.
 */
export function buildStyle(
  basemapUrl: string | undefined,
  atlas: GeoJSON.FeatureCollection | string | undefined,
  /** The labels' language (Korean labels come from each feature's `name_ko`) and words. */
  labels: MapLabels,
): StyleSpecification {
  return {
    version: 8,
    sprite: MARKER_SPRITE_PATH,
    sources: {
      [BASEMAP_SOURCE]: { type: 'geojson', data: basemapUrl ?? BASEMAP_URL, attribution: labels.credit },
      [ATLAS_SOURCE]: { type: 'geojson', data: atlas ?? { type: 'FeatureCollection', features: [] }, promoteId: 'item' },
    },
    layers: [...basemapLayers(labels.lang), ...atlasLayers(labels)],
  };
}
