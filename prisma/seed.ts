// geo/ -> database. The only writer of atlas content: it makes the database match geo/ exactly,
// in one transaction, keyed by the stable slugs, so running it twice changes nothing and
// anything removed from geo/ is removed from the database.
//
//   npx tsx prisma/seed.ts               seed from geo/
//   npx tsx prisma/seed.ts --if-changed  skip when the stored data version already matches
//   npx tsx prisma/seed.ts --dir <path>  seed from another copy of geo/ (e.g. a synthetic atlas
//                                        from scripts/synthetic-atlas.ts); SEED_DIR does the same,
//                                        which is how `npm start` can be pointed at one
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Atlas } from '../geo/atlas';
import { loadAtlas } from '../geo/load';
import type { Annotation, AtlasFeature } from '../geo/schema';
import { createPrismaClient, DATA_VERSION_KEY, type PrismaClient } from '../lib/data/db';
import { Prisma } from '../lib/generated/prisma/client';

type Tx = Prisma.TransactionClient;

const SCHEMA_FILE = fileURLToPath(new URL('./schema.prisma', import.meta.url));

/**
 * A hash of everything the seed writes: the atlas and the schema it is stored in (a schema
 * change may store the same atlas differently, so it must trigger a new seed too).
 */
export function dataVersion(atlas: Atlas): string {
  return crypto
    .createHash('sha256')
    .update(fs.readFileSync(SCHEMA_FILE, 'utf8'))
    .update('\0')
    .update(JSON.stringify(atlas))
    .digest('hex')
    .slice(0, 32);
}

export interface SeedOptions {
  /** A directory laid out like geo/; default geo/. */
  dir?: string;
  /** An atlas already loaded (wins over dir). */
  atlas?: Atlas;
  /** Do nothing when the database already holds this data version. */
  ifChanged?: boolean;
}

export interface SeedResult {
  version: string;
  /** The stored version differed (or was missing) before this run. */
  changed: boolean;
  /** True when ifChanged skipped the writes. */
  skipped: boolean;
  counts: { sources: number; corridors: number; items: number; stages: number; annotations: number; citations: number; places: number };
}

/** Make the database hold exactly the atlas in geo/ (or options.dir / options.atlas). */
export async function seed(prisma: PrismaClient, options: SeedOptions = {}): Promise<SeedResult> {
  const atlas = options.atlas ?? loadAtlas(options.dir);
  const version = dataVersion(atlas);
  const stored = await prisma.atlasMeta.findUnique({ where: { key: DATA_VERSION_KEY } });
  const changed = stored?.value !== version;
  const counts = countAtlas(atlas);
  if (options.ifChanged && !changed) return { version, changed, skipped: true, counts };

  // A few hundred small statements: far below a second on SQLite, but the default interactive
  // transaction timeout (5 s) is too tight on a busy 2-core machine.
  await prisma.$transaction(
    async (tx) => {
      const existing = await existingIds(tx);
      const sourceIds = await writeSources(tx, atlas, existing);
      const corridorIds = await writeCorridors(tx, atlas, existing);
      const keptAnnotations: string[] = [];
      for (const [order, feature] of atlas.features.entries()) {
        keptAnnotations.push(...(await writeItem(tx, feature, order, { corridorIds, sourceIds, existing })));
      }
      await writePlaces(tx, atlas, existing);
      // Deletions last, children before parents: an annotation or stage that moved has already
      // been re-pointed, so only what geo/ no longer has goes.
      await deleteMissing(existing.annotations, keptAnnotations, (slugs) => tx.annotation.deleteMany({ where: { slug: { in: slugs } } }));
      await deleteMissing(
        existing.items,
        atlas.features.map((f) => f.properties.id),
        (slugs) => tx.item.deleteMany({ where: { slug: { in: slugs } } }),
      );
      await deleteMissing(
        existing.corridors,
        atlas.corridors.map((c) => c.id),
        (slugs) => tx.corridor.deleteMany({ where: { slug: { in: slugs } } }),
      );
      await deleteMissing(
        existing.sources,
        atlas.sources.map((src) => src.id),
        (slugs) => tx.source.deleteMany({ where: { slug: { in: slugs } } }),
      );
      await tx.atlasMeta.upsert({
        where: { key: DATA_VERSION_KEY },
        create: { key: DATA_VERSION_KEY, value: version },
        update: { value: version },
      });
    },
    { maxWait: 10_000, timeout: 120_000 },
  );
  return { version, changed, skipped: false, counts };
}

/** Bound values per statement: well under SQLite's limit as Prisma's adapter enforces it. */
const DELETE_BATCH = 500;

/**
 * Delete the rows that were there before this run (`existing`) and are not in `keep`, by slug, a
 * batch at a time. Not `notIn: keep`: that binds one value per kept row, and an atlas of a few
 * thousand annotations (the synthetic ones, bench/scale.mjs) passes the database's limit.
 */
async function deleteMissing(existing: Map<string, number>, keep: Iterable<string>, remove: (slugs: string[]) => Promise<unknown>) {
  const kept = new Set(keep);
  const gone = [...existing.keys()].filter((slug) => !kept.has(slug));
  for (let i = 0; i < gone.length; i += DELETE_BATCH) await remove(gone.slice(i, i + DELETE_BATCH));
}

function countAtlas(atlas: Atlas): SeedResult['counts'] {
  const blocks = atlas.features.flatMap(blocksOf);
  const annotations = blocks.flatMap((b) => b.annotations);
  return {
    sources: atlas.sources.length,
    corridors: atlas.corridors.length,
    items: atlas.features.length,
    stages: blocks.length,
    annotations: annotations.length,
    citations: annotations.reduce((n, a) => n + a.citations.length, 0),
    places: atlas.places.length,
  };
}

/** Row ids by natural key, read once: rows that exist are updated, the others created. */
interface ExistingIds {
  sources: Map<string, number>;
  corridors: Map<string, number>;
  items: Map<string, number>;
  /** `${itemId}/${slug}` */
  stages: Map<string, number>;
  annotations: Map<string, number>;
  /** `${annotationId}/${order}` */
  citations: Map<string, number>;
  places: Map<string, number>;
}

async function existingIds(tx: Tx): Promise<ExistingIds> {
  const bySlug = (rows: { id: number; slug: string }[]) => new Map(rows.map((r) => [r.slug, r.id]));
  const select = { id: true, slug: true } as const;
  return {
    sources: bySlug(await tx.source.findMany({ select })),
    corridors: bySlug(await tx.corridor.findMany({ select })),
    items: bySlug(await tx.item.findMany({ select })),
    stages: new Map(
      (await tx.stage.findMany({ select: { id: true, itemId: true, slug: true } })).map((r) => [`${r.itemId}/${r.slug}`, r.id]),
    ),
    annotations: bySlug(await tx.annotation.findMany({ select })),
    citations: new Map(
      (await tx.citation.findMany({ select: { id: true, annotationId: true, order: true } })).map((r) => [
        `${r.annotationId}/${r.order}`,
        r.id,
      ]),
    ),
    places: bySlug(await tx.place.findMany({ select })),
  };
}

/**
 * Update the row when it exists, else create it; returns its id. Not Prisma's upsert: on SQLite
 * that is INSERT … ON CONFLICT, which advances the AUTOINCREMENT counter even when it only
 * updates, so a repeated seed would not leave the database as it found it.
 */
async function save(
  id: number | undefined,
  update: (id: number) => Promise<{ id: number }>,
  create: () => Promise<{ id: number }>,
): Promise<number> {
  return (await (id === undefined ? create() : update(id))).id;
}

const ID = { select: { id: true } } as const;

/** Annotation slugs a sentence rests on, as stored: joined by "," (a slug holds no comma). */
const joinRests = (rests: readonly string[]) => rests.join(',');

/** Write sources, archives before the posts that are part of them; returns slug -> id. */
async function writeSources(tx: Tx, atlas: Atlas, existing: ExistingIds): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  const order = new Map(atlas.sources.map((s, i) => [s.id, i]));
  const pending = [...atlas.sources];
  while (pending.length) {
    const ready = pending.filter((s) => !s.partOf || ids.has(s.partOf));
    // checkAtlas has ruled out unknown parents; only a cycle can leave nothing ready.
    if (!ready.length) throw new Error(`sources.json: partOf forms a cycle among ${pending.map((s) => s.id).join(', ')}`);
    for (const s of ready) {
      const data = {
        title: s.title,
        publisher: s.publisher,
        author: s.author,
        date: s.date,
        url: s.url,
        partOfId: s.partOf ? ids.get(s.partOf)! : null,
        document: s.document,
        note: s.note ?? null,
        order: order.get(s.id)!,
      };
      const id = await save(
        existing.sources.get(s.id),
        (id) => tx.source.update({ where: { id }, data, ...ID }),
        () => tx.source.create({ data: { slug: s.id, ...data }, ...ID }),
      );
      ids.set(s.id, id);
      pending.splice(pending.indexOf(s), 1);
    }
  }
  return ids;
}

async function writeCorridors(tx: Tx, atlas: Atlas, existing: ExistingIds): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const c of atlas.corridors) {
    const data = {
      order: c.order,
      nameEn: c.name.en,
      nameKo: c.name.ko,
      description: c.description,
      descriptionRests: joinRests(c.descriptionRests),
    };
    const id = await save(
      existing.corridors.get(c.id),
      (id) => tx.corridor.update({ where: { id }, data, ...ID }),
      () => tx.corridor.create({ data: { slug: c.id, ...data }, ...ID }),
    );
    ids.set(c.id, id);
  }
  return ids;
}

/** The columns that differ by kind; absent ones are null so an item that changes kind is clean. */
function kindColumns(feature: AtlasFeature) {
  const p = feature.properties;
  const none = {
    fromCountry: null,
    toCountry: null,
    country: null,
    countries: Prisma.DbNull,
    sea: false,
    whenDate: null,
    whenLabel: null,
    whenQuote: null,
  };
  const when = (w: { date: string; label: string; quote: string } | undefined) =>
    w ? { whenDate: w.date, whenLabel: w.label, whenQuote: w.quote } : {};
  switch (p.kind) {
    case 'route':
      return { ...none, fromCountry: p.from, toCountry: p.to, sea: p.sea, ...when(p.when) };
    case 'crossing':
      return { ...none, fromCountry: p.from, toCountry: p.to };
    case 'event':
      return { ...none, country: p.country, toCountry: p.to ?? null, sea: p.sea, ...when(p.when) };
    case 'zone':
      return { ...none, countries: p.countries, sea: p.sea };
  }
}

/** One risk block as stored: a route's stage, or the single "main" block of any other item. */
interface Block {
  slug: string;
  nameEn: string | null;
  nameKo: string | null;
  level: number;
  reason: string;
  reasonRests: string;
  hazards: string[];
  vertexFrom: number | null;
  vertexTo: number | null;
  annotations: Annotation[];
}

function blocksOf(feature: AtlasFeature): Block[] {
  const p = feature.properties;
  if (p.kind === 'route') {
    return p.stages.map((s) => ({
      slug: s.id,
      nameEn: s.name.en,
      nameKo: s.name.ko,
      level: s.level,
      reason: s.reason,
      reasonRests: joinRests(s.reasonRests),
      hazards: s.hazards,
      vertexFrom: s.vertices[0],
      vertexTo: s.vertices[1],
      annotations: s.annotations,
    }));
  }
  return [
    {
      slug: 'main',
      nameEn: null,
      nameKo: null,
      level: p.level,
      reason: p.reason,
      reasonRests: joinRests(p.reasonRests),
      hazards: p.hazards,
      vertexFrom: null,
      vertexTo: null,
      annotations: p.annotations,
    },
  ];
}

/** Write one item with its blocks, annotations and citations; returns its annotation slugs. */
async function writeItem(
  tx: Tx,
  feature: AtlasFeature,
  order: number,
  { corridorIds, sourceIds, existing }: { corridorIds: Map<string, number>; sourceIds: Map<string, number>; existing: ExistingIds },
): Promise<string[]> {
  const p = feature.properties;
  const data = {
    kind: p.kind,
    nameEn: p.name.en,
    nameKo: p.name.ko,
    corridorId: corridorIds.get(p.corridor)!,
    precision: p.precision,
    precisionNote: p.precisionNote ?? null,
    summary: p.summary,
    summaryRests: joinRests(p.summaryRests),
    // An unplaced event has no geometry: stored as JSON null (the column stays required).
    geometry: feature.geometry ?? Prisma.JsonNull,
    order,
    ...kindColumns(feature),
  };
  const itemId = await save(
    existing.items.get(p.id),
    (id) => tx.item.update({ where: { id }, data, ...ID }),
    () => tx.item.create({ data: { slug: p.id, ...data }, ...ID }),
  );
  const blocks = blocksOf(feature);
  const annotationSlugs: string[] = [];
  for (const [i, { annotations, ...block }] of blocks.entries()) {
    const stageData = { ...block, itemId, order: i + 1 };
    const stageId = await save(
      existing.stages.get(`${itemId}/${block.slug}`),
      (id) => tx.stage.update({ where: { id }, data: stageData, ...ID }),
      () => tx.stage.create({ data: stageData, ...ID }),
    );
    for (const [j, a] of annotations.entries()) {
      const annotationData = { stageId, order: j + 1, text: a.text, finding: a.finding, figure: a.figure ?? null, hazards: a.hazards };
      const annotationId = await save(
        existing.annotations.get(a.id),
        (id) => tx.annotation.update({ where: { id }, data: annotationData, ...ID }),
        () => tx.annotation.create({ data: { slug: a.id, ...annotationData }, ...ID }),
      );
      for (const [k, c] of a.citations.entries()) {
        const citationData = { annotationId, order: k + 1, sourceId: sourceIds.get(c.source)!, quote: c.quote };
        await save(
          existing.citations.get(`${annotationId}/${k + 1}`),
          (id) => tx.citation.update({ where: { id }, data: citationData, ...ID }),
          () => tx.citation.create({ data: citationData, ...ID }),
        );
      }
      await tx.citation.deleteMany({ where: { annotationId, order: { gt: a.citations.length } } });
      annotationSlugs.push(a.id);
    }
  }
  // Annotations of a dropped stage go with it (cascade) unless they were re-pointed above.
  await tx.stage.deleteMany({ where: { itemId, slug: { notIn: blocks.map((b) => b.slug) } } });
  return annotationSlugs;
}

async function writePlaces(tx: Tx, atlas: Atlas, existing: ExistingIds): Promise<void> {
  for (const [order, pl] of atlas.places.entries()) {
    const data = {
      nameEn: pl.name.en,
      nameKo: pl.name.ko,
      country: pl.country,
      lon: pl.coordinates[0],
      lat: pl.coordinates[1],
      rank: pl.rank,
      order,
    };
    await save(
      existing.places.get(pl.id),
      (id) => tx.place.update({ where: { id }, data, ...ID }),
      () => tx.place.create({ data: { slug: pl.id, ...data }, ...ID }),
    );
  }
  await deleteMissing(
    existing.places,
    atlas.places.map((pl) => pl.id),
    (slugs) => tx.place.deleteMany({ where: { slug: { in: slugs } } }),
  );
}

async function main(argv: string[]): Promise<void> {
  const ifChanged = argv.includes('--if-changed');
  const dirIndex = argv.indexOf('--dir');
  const dirArg = dirIndex >= 0 ? (argv[dirIndex + 1] ?? '') : process.env.SEED_DIR || undefined;
  const dir = dirArg === undefined ? undefined : path.resolve(dirArg);
  let atlas: Atlas;
  try {
    atlas = loadAtlas(dir);
  } catch (e) {
    console.error(`seed: cannot load ${dir ?? 'geo/'}: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
    return;
  }
  const prisma = createPrismaClient();
  try {
    const r = await seed(prisma, { atlas, ifChanged });
    const c = r.counts;
    const what = `${c.items} items (${c.stages} risk blocks, ${c.annotations} annotations, ${c.citations} citations), ${c.sources} sources, ${c.corridors} corridors, ${c.places} places`;
    if (r.skipped) console.log(`seed: the database already holds data version ${r.version}; nothing to do.`);
    else console.log(`seed: ${r.changed ? 'wrote' : 'checked'} ${what}; data version ${r.version}.`);
  } catch (e) {
    // Prisma's message opens with the call site; its last line is the cause.
    const cause = (e instanceof Error ? e.message : String(e)).trim().split('\n').at(-1);
    const hint = /no such table|does not exist in the current database/i.test(cause ?? '')
      ? ' The database has no tables yet: run `npm run db:migrate` first.'
      : /not a database|SQLITE_NOTADB|SQLITE_CORRUPT/i.test(cause ?? '')
        ? ' The file is not a usable SQLite database: delete it, then run `npm run db:migrate` and seed again.'
        : /unable to open/i.test(cause ?? '')
          ? ' Check DATABASE_URL; `npm run db:migrate` creates the file.'
          : '';
    console.error(`seed: writing the database failed: ${cause}${hint}`);
    process.exitCode = 1;
  } finally {
    await prisma.$disconnect();
  }
}

const invoked = process.argv[1] ? path.resolve(process.argv[1]) : '';
if (invoked === fileURLToPath(import.meta.url)) void main(process.argv.slice(2));
