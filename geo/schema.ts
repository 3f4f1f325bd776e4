// The zod schema of geo/: the single source of truth for what the map shows.
// Types are derived with z.infer; every file is parsed through these schemas (tests, seed).
import { z } from 'zod';
import { Slug } from './slug';
import { COUNTRY_CODES, FINDINGS, HAZARD_IDS, ITEM_KINDS, PRECISION_VALUES, type ItemKind } from './vocabulary';

export const DATA_VERSION = 1;

/** Stable, URL-safe ids (geo/slug.ts). */
export { Slug };

/** A calendar date as precise as the source allows: 2012, 2012-10 or 2012-10-16. */
export const PartialDate = z.string().regex(/^\d{4}(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/, 'YYYY, YYYY-MM or YYYY-MM-DD');

export const Name = z.object({ en: z.string().min(1).max(120), ko: z.string().min(1).max(120) }).strict();
export type Name = z.infer<typeof Name>;

export const Country = z.enum(COUNTRY_CODES);
export const Hazard = z.enum(HAZARD_IDS);
export const Level = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
export const PrecisionSchema = z.enum(PRECISION_VALUES);

export const Source = z
  .object({
    id: Slug,
    title: z.string().min(1),
    publisher: z.string().min(1).nullable(),
    author: z.string().min(1).nullable(),
    /** When the source published it; null where the document is undated. */
    date: PartialDate.nullable(),
    /** A verified address, or null: never a guessed one. */
    url: z.url({ protocol: /^https?$/ }).nullable(),
    /** For a post inside an archive page: the archive source it was read in. */
    partOf: z.optional(Slug),
    /** Which seed document holds the text (file name in ../shared/seeds). */
    document: z.string().regex(/^\d{3}_[0-9a-f]{16}\.txt$/),
    note: z.string().optional(),
  })
  .strict();
export type Source = z.infer<typeof Source>;

export const SourcesFile = z.object({ version: z.literal(DATA_VERSION), sources: z.array(Source).min(1) }).strict();

export const Citation = z
  .object({
    source: Slug,
    /** The passage, letter for letter; "…" may elide text between pieces. */
    quote: z.string().min(8).max(600),
  })
  .strict();
export type Citation = z.infer<typeof Citation>;

/** One statement in our own words, resting on the quoted passages it carries. */
export const Annotation = z
  .object({
    id: Slug,
    text: z.string().min(10).max(400),
    hazards: z.array(Hazard),
    /** What the quoted passages state: a harm, its absence, or context (geo/vocabulary.ts FINDINGS). */
    finding: z.enum(FINDINGS),
    /** A figure the passages give ("751"), letter for letter as in one of its quotes. */
    figure: z.string().min(1).max(40).optional(),
    citations: z.array(Citation).min(1),
  })
  .strict();
export type Annotation = z.infer<typeof Annotation>;

/**
 * The citations a sentence of ours rests on: ids of annotations (each carrying its quotes). The
 * rule (checked by checkAtlas in geo/atlas.ts): every `text` rests on its own citations; every
 * `summary`, `reason` and corridor `description` names the annotations it rests on; a level of 2–4
 * rests on at least one cited passage that states a harm, a level 1 ("the sources report none")
 * on one that states its absence. A level given on silence alone is refused.
 */
export const Rests = z.array(Slug).min(1);

/** The risk assessment carried by every stage, crossing, event and zone. */
const RiskFields = {
  level: Level,
  /** Why this level, in our own words. */
  reason: z.string().min(10).max(300),
  /** The annotations of this block that the reason and the level rest on. */
  reasonRests: Rests,
  hazards: z.array(Hazard),
  annotations: z.array(Annotation).min(1),
};

/** A date for an event, with the passage it rests on. */
export const When = z
  .object({
    date: PartialDate,
    /** How the date is shown, e.g. "November 2017". */
    label: z.string().min(4).max(80),
    /** A passage from one of the feature's own citations that gives or implies this date. */
    quote: z.string().min(4),
  })
  .strict();
export type When = z.infer<typeof When>;

export const Stage = z
  .object({
    id: Slug,
    name: Name,
    /** First and last vertex of the route's line that this stage covers (inclusive). */
    vertices: z.tuple([z.number().int().min(0), z.number().int().min(1)]),
    ...RiskFields,
  })
  .strict();
export type Stage = z.infer<typeof Stage>;

const Common = {
  id: Slug,
  name: Name,
  corridor: Slug,
  precision: PrecisionSchema,
  /** What this is, in our own words; facts in it are cited by the annotations. */
  summary: z.string().min(10).max(500),
  /** The item's annotations the summary rests on. */
  summaryRests: Rests,
  /** Why the geometry is only approximate, when it is. */
  precisionNote: z.string().min(10).max(300).optional(),
};

export const RouteProps = z
  .object({
    ...Common,
    kind: z.literal('route'),
    from: Country,
    to: Country,
    /** A crossing by sea: its line may run over water. */
    sea: z.boolean().default(false),
    when: When.optional(),
    stages: z.array(Stage).min(1),
  })
  .strict();

export const CrossingProps = z.object({ ...Common, kind: z.literal('crossing'), from: Country, to: Country, ...RiskFields }).strict();

export const EventProps = z
  .object({
    ...Common,
    kind: z.literal('event'),
    /** null where the source names only a region ("Southeast Asia"), not a country. */
    country: Country.nullable(),
    /** An event at sea: its point may lie on water. */
    sea: z.boolean().default(false),
    /** Where a defection led, when the source says. */
    to: Country.optional(),
    when: When.optional(),
    ...RiskFields,
  })
  .strict();

export const ZoneProps = z
  .object({ ...Common, kind: z.literal('zone'), countries: z.array(Country).min(1), sea: z.boolean().default(false), ...RiskFields })
  .strict();

const Position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
const LineCoords = z.array(Position).min(2);
const Ring = z.array(Position).min(4);

const PointGeometry = z.object({ type: z.literal('Point'), coordinates: Position }).strict();
const LineStringGeometry = z.object({ type: z.literal('LineString'), coordinates: LineCoords }).strict();
const PolygonGeometry = z.object({ type: z.literal('Polygon'), coordinates: z.array(Ring).min(1) }).strict();

export const RouteFeature = z.object({ type: z.literal('Feature'), geometry: LineStringGeometry, properties: RouteProps }).strict();
export const CrossingFeature = z.object({ type: z.literal('Feature'), geometry: PointGeometry, properties: CrossingProps }).strict();
/**
 * An event whose source gives no place has precision "unplaced" and geometry null (GeoJSON allows
 * a null geometry): it is listed, never drawn. Only events may be unplaced; checkAtlas ties the two.
 */
export const EventFeature = z.object({ type: z.literal('Feature'), geometry: PointGeometry.nullable(), properties: EventProps }).strict();
export const ZoneFeature = z
  .object({ type: z.literal('Feature'), geometry: z.union([PolygonGeometry, LineStringGeometry]), properties: ZoneProps })
  .strict();

export const AtlasFeature = z.union([RouteFeature, CrossingFeature, EventFeature, ZoneFeature]);
export type RouteFeature = z.infer<typeof RouteFeature>;
export type CrossingFeature = z.infer<typeof CrossingFeature>;
export type EventFeature = z.infer<typeof EventFeature>;
export type ZoneFeature = z.infer<typeof ZoneFeature>;
export type AtlasFeature = z.infer<typeof AtlasFeature>;
export type FeatureKind = AtlasFeature['properties']['kind'];

/** An item's kind, as the API and the pages name it: the features' discriminator, listed once in geo/vocabulary.ts. */
export const ItemKindSchema = z.enum(ITEM_KINDS);
// The compiler checks that the union above has exactly the vocabulary's kinds, no more, no fewer.
type SameKinds = [FeatureKind] extends [ItemKind] ? ([ItemKind] extends [FeatureKind] ? true : never) : never;
const kindsMatch: SameKinds = true;
void kindsMatch;

export const CorridorFile = z
  .object({
    type: z.literal('FeatureCollection'),
    version: z.literal(DATA_VERSION),
    corridor: z
      .object({
        id: Slug,
        order: z.number().int().min(1),
        name: Name,
        description: z.string().min(10).max(500),
        /** Annotations of the corridor's items that the description rests on. */
        descriptionRests: Rests,
      })
      .strict(),
    features: z.array(AtlasFeature).min(1),
  })
  .strict();
export type CorridorFile = z.infer<typeof CorridorFile>;
export type Corridor = CorridorFile['corridor'];

export const Place = z
  .object({ id: Slug, name: Name, country: Country, coordinates: Position, rank: z.number().int().min(1).max(3) })
  .strict();
export type Place = z.infer<typeof Place>;
export const PlacesFile = z.object({ version: z.literal(DATA_VERSION), places: z.array(Place) }).strict();
