// prisma/seed.ts against a real database (a SQLite file; PostgreSQL in the PostgreSQL pass): the database ends up holding exactly what geo/
// holds, however often it runs and whatever was edited, removed or added in between.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAtlas } from '@/geo/load';
import type { CorridorFile } from '@/geo/schema';
import { disconnectPrisma, getPrisma } from '@/lib/data/db';
import { getDataVersion, getRouteDetail, getSources, readAtlas } from '@/lib/data/queries';
import { dataReadable } from '@/lib/data/version';
import { seed } from '@/prisma/seed';
import { writeSyntheticAtlas } from '@/scripts/synthetic-atlas';
import { copyGeo, dumpDatabase, freshDatabase, rowCountsOf, tempDir } from './test-db';

let url: string;
let original: string;

beforeAll(async () => {
  ({ url } = await freshDatabase('seed'));
  original = copyGeo('seed-original');
});
afterAll(disconnectPrisma);

function readCorridorFiles(dir: string): { file: string; data: CorridorFile }[] {
  const features = path.join(dir, 'features');
  return fs
    .readdirSync(features)
    .filter((f) => f.endsWith('.geojson'))
    .sort()
    .map((f) => ({ file: path.join(features, f), data: JSON.parse(fs.readFileSync(path.join(features, f), 'utf8')) as CorridorFile }));
}

function writeCorridorFile(f: { file: string; data: CorridorFile }) {
  fs.writeFileSync(f.file, JSON.stringify(f.data, null, 2));
}

/** Remove the first feature whose removal leaves a sound atlas (every source still cited). */
function removeSomeFeature(dir: string): string {
  for (const f of readCorridorFiles(dir)) {
    if (f.data.features.length < 2) continue;
    for (let i = f.data.features.length - 1; i >= 0; i--) {
      const backup = structuredClone(f.data);
      const [removed] = f.data.features.splice(i, 1);
      writeCorridorFile(f);
      try {
        loadAtlas(dir);
        return removed.properties.id;
      } catch {
        f.data = backup;
        writeCorridorFile(f);
      }
    }
  }
  throw new Error('no feature can be removed from geo/ without breaking it');
}

describe('seed', () => {
  it('stores exactly what geo/ holds: reading the database back gives the loaded atlas', async () => {
    // Migrated, never seeded: no data to show, so no page may be kept by a proxy (proxy.ts).
    expect(await dataReadable()).toBe(false);
    const result = await seed(getPrisma(), { dir: original });
    expect(await dataReadable()).toBe(true);
    const atlas = loadAtlas(original);
    expect(result.changed).toBe(true);
    expect(await readAtlas()).toEqual(atlas);
    expect(await getDataVersion()).toBe(result.version);
    const counts = await rowCountsOf(url);
    expect(counts).toMatchObject({
      Source: result.counts.sources,
      Corridor: result.counts.corridors,
      Item: result.counts.items,
      Stage: result.counts.stages,
      Annotation: result.counts.annotations,
      Citation: result.counts.citations,
      Place: result.counts.places,
      AtlasMeta: 1,
    });
  });

  it('changes nothing when run again: same rows, same ids, same content', async () => {
    await seed(getPrisma(), { dir: original });
    const before = await dumpDatabase(url);
    const again = await seed(getPrisma(), { dir: original });
    expect(again.changed).toBe(false);
    expect(await dumpDatabase(url)).toEqual(before);
    const skipped = await seed(getPrisma(), { dir: original, ifChanged: true });
    expect(skipped.skipped).toBe(true);
    expect(await dumpDatabase(url)).toEqual(before);
  });

  it('follows edits to geo/: removed features, changed quotes, added and removed sources and places', async () => {
    await seed(getPrisma(), { dir: original });
    const itemIdsBefore = new Map(((await dumpDatabase(url)).Item as { id: number; slug: string }[]).map((r) => [r.slug, r.id]));
    const edited = copyGeo('seed-edited');

    // 1. A feature disappears.
    const removed = removeSomeFeature(edited);

    // 2. A quote changes (one that is not a feature's `when` quote, which must match a citation).
    const files = readCorridorFiles(edited);
    const target = files
      .flatMap((f) => f.data.features.map((feature) => ({ f, feature })))
      .find(({ feature }) => !('when' in feature.properties) || !feature.properties.when)!;
    const props = target.feature.properties;
    const block = props.kind === 'route' ? props.stages[0] : props;
    const citation = block.annotations[0].citations[0];
    citation.quote = `${citation.quote} [edited in a test]`;

    // 3. A new source, cited by a new annotation on that same block.
    const sourcesFile = path.join(edited, 'sources.json');
    const sources = JSON.parse(fs.readFileSync(sourcesFile, 'utf8'));
    sources.sources.push({
      id: 'test-added-source',
      title: 'A source added by a test',
      publisher: null,
      author: null,
      date: '2020',
      url: null,
      document: '000_0dd892f28150f978.txt',
    });
    fs.writeFileSync(sourcesFile, JSON.stringify(sources));
    block.annotations.push({
      id: 'test-added-annotation',
      text: 'An annotation added by a test.',
      hazards: [],
      finding: 'context',
      citations: [{ source: 'test-added-source', quote: 'a passage quoted by a test' }],
    });
    writeCorridorFile(target.f);

    // 4. A place goes.
    const placesFile = path.join(edited, 'places.json');
    const places = JSON.parse(fs.readFileSync(placesFile, 'utf8'));
    const removedPlace = places.places.pop()?.id;
    fs.writeFileSync(placesFile, JSON.stringify(places));

    const editedAtlas = loadAtlas(edited);
    const result = await seed(getPrisma(), { dir: edited });
    expect(result.changed).toBe(true);
    expect(await readAtlas()).toEqual(editedAtlas);
    expect(await getRouteDetail(removed)).toBeNull();
    const detail = await getRouteDetail(props.id);
    const quotes = detail!.stages.flatMap((s) => s.annotations.flatMap((a) => a.citations.map((c) => c.quote)));
    expect(quotes).toContain(citation.quote);
    expect((await getSources()).sources.find((s) => s.id === 'test-added-source')?.supports).toEqual([
      {
        item: props.id,
        itemName: props.name,
        annotation: 'test-added-annotation',
        text: 'An annotation added by a test.',
        quote: 'a passage quoted by a test',
      },
    ]);
    const dump = await dumpDatabase(url);
    // Rows of the removed feature went with it (stages, annotations, citations cascade).
    expect(await rowCountsOf(url)).toMatchObject({
      Item: result.counts.items,
      Stage: result.counts.stages,
      Annotation: result.counts.annotations,
      Citation: result.counts.citations,
      Source: result.counts.sources,
      Place: result.counts.places,
    });
    if (removedPlace) expect((dump.Place as { slug: string }[]).map((p) => p.slug)).not.toContain(removedPlace);
    // Unchanged items keep their row ids: links between rows are updated in place, not rebuilt.
    for (const row of dump.Item as { id: number; slug: string }[]) expect(row.id).toBe(itemIdsBefore.get(row.slug));

    // Back to the original: the added source and annotation go, the removed feature returns.
    await seed(getPrisma(), { dir: original });
    expect(await readAtlas()).toEqual(loadAtlas(original));
    expect(((await dumpDatabase(url)).Source as { slug: string }[]).map((s) => s.slug)).not.toContain('test-added-source');
    expect(await getRouteDetail(removed)).not.toBeNull();
  });

  // Issue 18: an atlas far larger than today's. At 30x there are about 1,300 stages and 2,600
  // annotations, more than the 999 values a statement may bind on SQLite, which the seed's
  // `notIn` and the reader's nested includes once needed (P2029).
  it('stores and reads back an atlas thirty times the size, then shrinks back to geo/', async () => {
    const dir = path.join(tempDir('seed-synthetic'), 'synthetic-30x');
    writeSyntheticAtlas({ scale: 30, out: dir });
    const big = loadAtlas(dir);
    const result = await seed(getPrisma(), { dir });
    expect(result.counts.stages).toBeGreaterThan(999);
    expect(await readAtlas()).toEqual(big);
    await seed(getPrisma(), { dir: original });
    expect(await readAtlas()).toEqual(loadAtlas(original));
    expect(await rowCountsOf(url)).toMatchObject({ Item: loadAtlas(original).features.length });
  }, 120_000);

  it('writes nothing when geo/ is unsound', async () => {
    await seed(getPrisma(), { dir: original });
    const before = await dumpDatabase(url);
    const broken = copyGeo('seed-broken');
    const [first] = readCorridorFiles(broken);
    first.data.features[0].properties.corridor = 'Not A Slug';
    writeCorridorFile(first);
    await expect(seed(getPrisma(), { dir: broken })).rejects.toThrow(/does not match the schema/);
    expect(await dumpDatabase(url)).toEqual(before);
  });

  it('finds no readable data when the database cannot be opened', async () => {
    const was = process.env.DATABASE_URL;
    process.env.DATABASE_URL = `file:${path.join(tempDir('gone'), 'missing.db')}`;
    try {
      expect(await dataReadable()).toBe(false);
    } finally {
      process.env.DATABASE_URL = was;
      await disconnectPrisma();
    }
    expect(await dataReadable()).toBe(true);
  });
});
