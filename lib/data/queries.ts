// Server-side reads behind the API. The database is read back into the geo/ shapes (validated
// with geo/schema.ts, so a stale or hand-edited database is caught here, not in the browser),
// every response is built from that atlas with the pure helpers in geo/geometry.ts, validated
// against lib/data/api-schema.ts, serialised and hashed once per data version.
//
// The only state is a cache keyed by the version the seed stored: several server instances,
// or a re-seed under a running server, at worst rebuild it; they never serve a mix.
import { allAnnotations, checkAtlas, type Atlas } from '@/geo/atlas';
import { bbox, roundGeometry, routeHazards, routeLevel, stageLine } from '@/geo/geometry';
import {
  CrossingFeature,
  EventFeature,
  Place as PlaceSchema,
  RouteFeature,
  Source as SourceSchema,
  ZoneFeature,
  type Annotation,
  type AtlasFeature,
  type Corridor,
  type Place,
  type Source,
} from '@/geo/schema';
import { DataUnavailableError } from '../http/api-errors';
import { jsonPayload, type JsonPayload } from '../http/api-response';
import {
  MapFeatureCollection,
  MapFeatureProps,
  RouteDetail,
  SourcesResponse,
} from './api-schema';
import { getPrisma } from './db';
import { getDataVersion, unavailable } from './version';
import { buildTimeline, itemTimes } from '../time/atlas-time';
import type { Annotation as AnnotationModel, Citation, Item, Stage } from '../generated/prisma/client';

export { getDataVersion };

/** A response value with its serialised body and ETag. */
export type Payload<T> = JsonPayload & { data: T };

// ---------------------------------------------------------------------------------------------
// Database -> atlas

/** An item with what the database holds under it, in order: the shape readAtlas() reads. */
type CitationRow = Citation & { source: { slug: string } };
type AnnotationRow = AnnotationModel & { citations: CitationRow[] };
type StageRow = Stage & { annotations: AnnotationRow[] };
type ItemRow = Item & { corridor: { slug: string }; stages: StageRow[] };

/** `rows` by `key`, each group in the order of `rows`. */
function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

/**
 * Every table the atlas is made of, read whole in one transaction (one consistent snapshot), and
 * put together here. Not one findMany with nested includes: Prisma loads an include with one bound
 * value per parent row, and on SQLite it allows 999 a statement, so an atlas of a few thousand
 * stages (the 100x synthetic one, bench/scale.mjs) could not be read at all (P2029). Whole
 * tables bind nothing, whatever the atlas's size.
 */
async function readRows() {
  const prisma = getPrisma();
  let tables;
  try {
    const byOrder = { orderBy: { order: 'asc' } } as const;
    tables = await prisma.$transaction([
      prisma.source.findMany(byOrder),
      prisma.corridor.findMany(byOrder),
      prisma.item.findMany(byOrder),
      prisma.stage.findMany(byOrder),
      prisma.annotation.findMany(byOrder),
      prisma.citation.findMany(byOrder),
      prisma.place.findMany(byOrder),
    ]);
  } catch (e) {
    throw unavailable(e);
  }
  const [sourceRows, corridors, itemRows, stageRows, annotationRows, citationRows, places] = tables;
  const sourceSlug = new Map(sourceRows.map((r) => [r.id, r.slug]));
  const corridorSlug = new Map(corridors.map((r) => [r.id, r.slug]));
  // A foreign key always names a row (the schema's relations); '' would fail the schemas' Slug.
  const slugOf = (slugs: Map<number, string>, id: number) => slugs.get(id) ?? '';
  const citations = groupBy(
    citationRows.map((c): CitationRow => ({ ...c, source: { slug: slugOf(sourceSlug, c.sourceId) } })),
    (c) => c.annotationId,
  );
  const annotations = groupBy(
    annotationRows.map((a): AnnotationRow => ({ ...a, citations: citations.get(a.id) ?? [] })),
    (a) => a.stageId,
  );
  const stages = groupBy(
    stageRows.map((st): StageRow => ({ ...st, annotations: annotations.get(st.id) ?? [] })),
    (st) => st.itemId,
  );
  const items = itemRows.map((i): ItemRow => ({ ...i, corridor: { slug: slugOf(corridorSlug, i.corridorId) }, stages: stages.get(i.id) ?? [] }));
  const sources = sourceRows.map((r) => ({ ...r, partOf: r.partOfId === null ? null : { slug: slugOf(sourceSlug, r.partOfId) } }));
  return { sources, corridors, items, places };
}

/** Annotation slugs as the seed stores them, joined by ","; empty fails the schema's min(1), as it should. */
const splitRests = (stored: string) => stored.split(',').filter(Boolean);

/** Only keys with a value: the geo/ schemas are strict and mark absent fields optional, not null. */
const optional = <K extends string, V>(key: K, value: V | null | undefined) => (value == null ? {} : ({ [key]: value } as Record<K, V>));

function annotationsOf(stage: StageRow): Annotation[] {
  return stage.annotations.map((a) => ({
    id: a.slug,
    text: a.text,
    hazards: a.hazards as Annotation['hazards'], // checked by the feature schema's parse below
    finding: a.finding as Annotation['finding'], // likewise
    ...optional('figure', a.figure),
    citations: a.citations.map((c) => ({ source: c.source.slug, quote: c.quote })),
  }));
}

function riskOf(stage: StageRow) {
  return { level: stage.level, reason: stage.reason, reasonRests: splitRests(stage.reasonRests), hazards: stage.hazards, annotations: annotationsOf(stage) };
}

/** One stored item back in its geo/ form, validated by the same schema geo/ files pass. */
function toFeature(row: ItemRow): AtlasFeature {
  const common = {
    id: row.slug,
    name: { en: row.nameEn, ko: row.nameKo },
    corridor: row.corridor.slug,
    precision: row.precision,
    summary: row.summary,
    summaryRests: splitRests(row.summaryRests),
    ...optional('precisionNote', row.precisionNote),
  };
  const when = row.whenDate ? { when: { date: row.whenDate, label: row.whenLabel, quote: row.whenQuote } } : {};
  const single = () => {
    if (row.stages.length !== 1 || row.stages[0].slug !== 'main') throw new Error(`${row.slug}: a ${row.kind} must have exactly one risk block, "main"`);
    return riskOf(row.stages[0]);
  };
  const feature = { type: 'Feature', geometry: row.geometry };
  const parsed = (() => {
    switch (row.kind) {
      case 'route':
        return RouteFeature.safeParse({
          ...feature,
          properties: {
            ...common,
            kind: 'route',
            from: row.fromCountry,
            to: row.toCountry,
            sea: row.sea,
            ...when,
            stages: row.stages.map((s) => ({
              id: s.slug,
              name: { en: s.nameEn, ko: s.nameKo },
              vertices: [s.vertexFrom, s.vertexTo],
              ...riskOf(s),
            })),
          },
        });
      case 'crossing':
        return CrossingFeature.safeParse({ ...feature, properties: { ...common, kind: 'crossing', from: row.fromCountry, to: row.toCountry, ...single() } });
      case 'event':
        return EventFeature.safeParse({
          ...feature,
          properties: { ...common, kind: 'event', country: row.country, sea: row.sea, ...optional('to', row.toCountry), ...when, ...single() },
        });
      case 'zone':
        return ZoneFeature.safeParse({ ...feature, properties: { ...common, kind: 'zone', countries: row.countries, sea: row.sea, ...single() } });
      default:
        throw new Error(`${row.slug}: unknown kind "${row.kind}"`);
    }
  })();
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${row.slug}: ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}

/**
 * The atlas as the database holds it, in the shape loadAtlas() gives for geo/. Throws
 * DataUnavailableError when the database cannot be read or its content is not a sound atlas.
 */
export async function readAtlas(): Promise<Atlas> {
  const rows = await readRows();
  try {
    const sources: Source[] = rows.sources.map((s) =>
      SourceSchema.parse({
        id: s.slug,
        title: s.title,
        publisher: s.publisher,
        author: s.author,
        date: s.date,
        url: s.url,
        ...optional('partOf', s.partOf?.slug),
        document: s.document,
        ...optional('note', s.note),
      }),
    );
    const corridors: Corridor[] = rows.corridors.map((c) => ({ id: c.slug, order: c.order, name: { en: c.nameEn, ko: c.nameKo }, description: c.description, descriptionRests: splitRests(c.descriptionRests) }));
    const places: Place[] = rows.places.map((p) =>
      PlaceSchema.parse({ id: p.slug, name: { en: p.nameEn, ko: p.nameKo }, country: p.country, coordinates: [p.lon, p.lat], rank: p.rank }),
    );
    const atlas: Atlas = { sources, corridors, features: rows.items.map(toFeature), places };
    const problems = checkAtlas(atlas);
    if (problems.length) throw new Error(problems.slice(0, 5).join('; '));
    return atlas;
  } catch (e) {
    throw new DataUnavailableError('The atlas data is unavailable: the database content does not match geo/schema.ts (run `npm run db:seed`).', { cause: e });
  }
}

// ---------------------------------------------------------------------------------------------
// Atlas -> API responses (pure)

const joinHazards = (hazards: readonly string[]) => hazards.join(',');

/** Link to the archive page a source was read in, when the source has no address of its own. */
function archiveUrlOf(source: Source, byId: Map<string, Source>): string | null {
  if (source.url || !source.partOf) return null;
  return byId.get(source.partOf)?.url ?? null;
}

export function buildMapCollection(atlas: Atlas): MapFeatureCollection {
  const features: MapFeatureCollection['features'] = [];
  const times = itemTimes(atlas);
  const push = (geometry: MapFeatureCollection['features'][number]['geometry'], properties: MapFeatureProps) =>
    features.push({ type: 'Feature', geometry, properties });
  for (const f of atlas.features) {
    const p = f.properties;
    const period = times.get(p.id)?.period;
    const base = {
      item: p.id,
      name_en: p.name.en,
      name_ko: p.name.ko,
      corridor: p.corridor,
      precision: p.precision,
      ...optional('reported_from', period?.from),
      ...optional('reported_to', period?.to),
    };
    // An unplaced event goes out with a null geometry (RFC 7946 allows it): listed, never drawn.
    const geometry = f.geometry && roundGeometry(f.geometry, p.precision);
    if (p.kind === 'route') {
      const route = f as RouteFeature;
      const travel = { to: p.to, sea: p.sea, ...optional('date', p.when?.date) };
      push(geometry, { uid: `route:${p.id}`, kind: 'route', ...base, level: routeLevel(route), hazards: joinHazards(routeHazards(route)), ...travel });
      p.stages.forEach((s, i) =>
        push(roundGeometry(stageLine(route, s), p.precision), {
          uid: `stage:${p.id}:${s.id}`,
          kind: 'stage',
          ...base,
          stage: s.id,
          order: i + 1,
          name_en: s.name.en,
          name_ko: s.name.ko,
          level: s.level,
          hazards: joinHazards(s.hazards),
          ...travel,
        }),
      );
    } else {
      const extra = p.kind === 'crossing' ? { to: p.to } : p.kind === 'event' ? { ...optional('to', p.to), sea: p.sea, ...optional('date', p.when?.date) } : { sea: p.sea };
      push(geometry, { uid: `${p.kind}:${p.id}`, kind: p.kind, ...base, level: p.level, hazards: joinHazards(p.hazards), ...extra });
    }
  }
  return MapFeatureCollection.parse({
    type: 'FeatureCollection',
    corridors: atlas.corridors.map((c) => ({ id: c.id, order: c.order, name: c.name })),
    features,
    timeline: buildTimeline(atlas),
  });
}

export function buildRouteDetails(atlas: Atlas): Map<string, RouteDetail> {
  const byId = new Map(atlas.sources.map((s) => [s.id, s]));
  const corridors = new Map(atlas.corridors.map((c) => [c.id, c]));
  const annotationOut = (a: Annotation) => ({
    id: a.id,
    text: a.text,
    hazards: a.hazards,
    finding: a.finding,
    ...optional('figure', a.figure),
    citations: a.citations.map((c) => {
      const s = byId.get(c.source)!; // checkAtlas guarantees every cited source exists
      return {
        quote: c.quote,
        source: { id: s.id, title: s.title, publisher: s.publisher, author: s.author, date: s.date, url: s.url, archiveUrl: archiveUrlOf(s, byId) },
      };
    }),
  });
  const details = new Map<string, RouteDetail>();
  const times = itemTimes(atlas);
  for (const f of atlas.features) {
    const p = f.properties;
    const corridor = corridors.get(p.corridor)!;
    const stages =
      p.kind === 'route'
        ? p.stages.map((s, i) => ({ id: s.id, order: i + 1, name: s.name, level: s.level, reason: s.reason, hazards: s.hazards, annotations: s.annotations.map(annotationOut) }))
        : [{ id: 'main', order: 1, name: p.name, level: p.level, reason: p.reason, hazards: p.hazards, annotations: p.annotations.map(annotationOut) }];
    const detail = RouteDetail.parse({
      id: p.id,
      kind: p.kind,
      name: p.name,
      corridor: { id: corridor.id, name: corridor.name },
      precision: p.precision,
      precisionNote: p.precisionNote ?? null,
      summary: p.summary,
      // An event has no origin; `from` carries the country it happened in (null: only a region is known).
      from: p.kind === 'route' || p.kind === 'crossing' ? p.from : p.kind === 'event' ? p.country : null,
      to: p.kind === 'zone' ? null : (p.to ?? null),
      when: (p.kind === 'route' || p.kind === 'event') && p.when ? { date: p.when.date, label: p.when.label } : null,
      period: times.get(p.id)?.period ?? null,
      undatedSources: times.get(p.id)?.undatedSources ?? 0,
      level: p.kind === 'route' ? routeLevel(f as RouteFeature) : p.level,
      bbox: f.geometry ? bbox(roundGeometry(f.geometry, p.precision)) : null,
      stages,
    });
    details.set(p.id, detail);
  }
  return details;
}

export function buildSources(atlas: Atlas): SourcesResponse {
  const byId = new Map(atlas.sources.map((s) => [s.id, s]));
  const names = new Map(atlas.features.map((f) => [f.properties.id, f.properties.name]));
  const annotations = allAnnotations(atlas);
  return SourcesResponse.parse({
    sources: atlas.sources.map(({ document: _document, ...s }) => ({
      ...s,
      archiveUrl: archiveUrlOf(s as Source, byId),
      supports: annotations.flatMap(({ feature, annotation }) =>
        annotation.citations
          .filter((c) => c.source === s.id)
          .map((c) => ({ item: feature, itemName: names.get(feature)!, annotation: annotation.id, text: annotation.text, quote: c.quote })),
      ),
    })),
  });
}

// ---------------------------------------------------------------------------------------------
// Cached per data version

interface Snapshot {
  version: string;
  map: Payload<MapFeatureCollection>;
  details: Map<string, Payload<RouteDetail>>;
  sources: Payload<SourcesResponse>;
}

const payload = <T>(data: T): Payload<T> => ({ ...jsonPayload(data), data });

let current: { version: string; snapshot: Promise<Snapshot> } | undefined;

async function buildSnapshot(version: string): Promise<Snapshot> {
  const atlas = await readAtlas();
  const details = new Map([...buildRouteDetails(atlas)].map(([slug, d]) => [slug, payload(d)]));
  return { version, map: payload(buildMapCollection(atlas)), details, sources: payload(buildSources(atlas)) };
}

/** Every response for the data version the database holds now, built once per version. */
async function snapshot(): Promise<Snapshot> {
  const version = await getDataVersion();
  if (!version) throw new DataUnavailableError('The atlas data is unavailable: the database has not been seeded (run `npm run db:seed`, or `npm start`, which does it).');
  if (current?.version !== version) {
    const entry = { version, snapshot: buildSnapshot(version) };
    current = entry;
    // A failed build must not stick: the next request tries again.
    entry.snapshot.catch(() => {
      if (current === entry) current = undefined;
    });
  }
  return current.snapshot;
}

export async function mapCollectionPayload(): Promise<Payload<MapFeatureCollection>> {
  return (await snapshot()).map;
}

/** Null when no item has this slug (the caller has validated its format). */
export async function routeDetailPayload(slug: string): Promise<Payload<RouteDetail> | null> {
  return (await snapshot()).details.get(slug) ?? null;
}

export async function sourcesPayload(): Promise<Payload<SourcesResponse>> {
  return (await snapshot()).sources;
}

/** GET /api/routes: routes, their stages, crossings, events and zones, drawable as they are. */
export async function getMapCollection(): Promise<MapFeatureCollection> {
  return (await mapCollectionPayload()).data;
}

/** GET /api/routes/[slug]: one item with its stages, annotations and citations; null if unknown. */
export async function getRouteDetail(slug: string): Promise<RouteDetail | null> {
  return (await routeDetailPayload(slug))?.data ?? null;
}

/** GET /api/sources: every source with the passages the map quotes from it. */
export async function getSources(): Promise<SourcesResponse> {
  return (await sourcesPayload()).data;
}
