// The API's response shapes: one zod schema per response, shared by the route handlers
// (which parse what they send) and the client hooks (which parse what they receive).
import { z } from 'zod';
import { Annotation, Country, Hazard, ItemKindSchema, Level, Name, PartialDate, PrecisionSchema, Slug, Source } from '@/geo/schema';
import { ITEM_KINDS } from '@/geo/vocabulary';

/** Properties of every drawable feature in GET /api/routes. Flat, JSON-only, MapLibre-friendly. */
export const MapFeatureProps = z.object({
  /** Unique across the collection; MapLibre's promoteId for feature-state (hover, selection). */
  uid: z.string(),
  /** An item's kind, or 'stage' for one stage of a route. */
  kind: z.enum([...ITEM_KINDS, 'stage']),
  /** The item (route, crossing, event or zone) this feature belongs to: its page is /routes/{item}. */
  item: Slug,
  /** For kind 'stage': the stage slug and its position (1-based) along the route. */
  stage: z.optional(Slug),
  order: z.number().int().optional(),
  name_en: z.string(),
  name_ko: z.string(),
  corridor: Slug,
  level: Level,
  /** Hazard ids joined by "," (MapLibre expressions cannot test membership in nested arrays cheaply). */
  hazards: z.string(),
  precision: PrecisionSchema,
  /** Destination country for routes, crossings and events that lead somewhere. */
  to: Country.optional(),
  sea: z.boolean().optional(),
  date: PartialDate.optional(),
  /** The item's period: the first and last date of the dated sources it quotes (lib/time/atlas-time.ts). */
  reported_from: PartialDate.optional(),
  reported_to: PartialDate.optional(),
});
export type MapFeatureProps = z.infer<typeof MapFeatureProps>;

const Geometry = z.object({ type: z.enum(['Point', 'LineString', 'Polygon']), coordinates: z.array(z.any()) }); // coordinates nest by type; checked by geo tests, not here
/** geometry is null for an event its source gives no place (precision "unplaced"): listed, not drawn. */
export const MapFeature = z.object({ type: z.literal('Feature'), geometry: Geometry.nullable(), properties: MapFeatureProps });
/** One mark on the timeline strip (lib/time/atlas-time.ts): events, placed on the map or not. */
export const TimelineEntry = z.object({
  item: Slug,
  kind: ItemKindSchema,
  name: Name,
  date: PartialDate.nullable(),
  dated: z.enum(['event', 'reported']).nullable(),
  label: z.string().nullable(),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const MapFeatureCollection = z.object({
  type: z.literal('FeatureCollection'),
  corridors: z.array(z.object({ id: Slug, order: z.number(), name: Name })),
  features: z.array(MapFeature),
  /** The dated events, oldest first; a foreign member of the GeoJSON, which map libraries ignore. */
  timeline: z.array(TimelineEntry).optional(),
});
export type MapFeatureCollection = z.infer<typeof MapFeatureCollection>;

export const CitationOut = z.object({
  quote: z.string(),
  source: z.object({ id: Slug, title: z.string(), publisher: z.string().nullable(), author: z.string().nullable(), date: PartialDate.nullable(), url: z.string().nullable(), archiveUrl: z.string().nullable() }),
});
export const AnnotationOut = Annotation.omit({ citations: true }).extend({ citations: z.array(CitationOut) });
export const RiskBlockOut = z.object({ level: Level, reason: z.string(), hazards: z.array(Hazard), annotations: z.array(AnnotationOut) });

/** GET /api/routes/[slug]: one item with everything its page shows. */
export const RouteDetail = z.object({
  id: Slug,
  kind: ItemKindSchema,
  name: Name,
  corridor: z.object({ id: Slug, name: Name }),
  precision: PrecisionSchema,
  precisionNote: z.string().nullable(),
  summary: z.string(),
  from: Country.nullable(),
  to: Country.nullable(),
  when: z.object({ date: PartialDate, label: z.string() }).nullable(),
  /** The first and last date of the dated sources it quotes; null when every one is undated. */
  period: z.object({ from: PartialDate, to: PartialDate }).nullable(),
  undatedSources: z.number().int().min(0),
  level: Level,
  /** Null for an unplaced event: it has no point to fit the map to. */
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).nullable(),
  /** Routes: their stages in order. Crossings, events and zones: one block, id "main". */
  stages: z.array(RiskBlockOut.extend({ id: Slug, order: z.number().int(), name: Name })),
});
export type RouteDetail = z.infer<typeof RouteDetail>;

/** GET /api/sources */
export const SourcesResponse = z.object({
  sources: z.array(
    Source.omit({ document: true }).extend({
      archiveUrl: z.string().nullable(),
      supports: z.array(z.object({ item: Slug, itemName: Name, annotation: Slug, text: z.string(), quote: z.string() })),
    }),
  ),
});
export type SourcesResponse = z.infer<typeof SourcesResponse>;

export const ApiError = z.object({ error: z.string(), message: z.string() });
