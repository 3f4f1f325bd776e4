// What the side panel lists and how its filters decide, from a small inline collection and from
// the real atlas (geo/ through the same builder the API uses).
import { describe, expect, it } from 'vitest';
import { loadAtlas } from '@/geo/load';
import type { MapFeatureCollection, MapFeatureProps } from '@/lib/data/api-schema';
import { corridorGroups, filterChoices, filterGroups, fold, matches } from '@/lib/data/atlas-items';
import { buildMapCollection } from '@/lib/data/queries';
import { EMPTY_FILTERS, type Filters } from '@/lib/view/view-state';

type Geometry = MapFeatureCollection['features'][number]['geometry'];
const line = (...coords: [number, number][]): Geometry => ({ type: 'LineString', coordinates: coords });
const point = (lng: number, lat: number): Geometry => ({ type: 'Point', coordinates: [lng, lat] });
const base = { name_ko: '이름', precision: 'approximate', hazards: '' } as const;
const feature = (
  geometry: Geometry,
  properties: Partial<MapFeatureProps> & Pick<MapFeatureProps, 'uid' | 'kind' | 'item' | 'name_en' | 'corridor' | 'level'>,
) => ({
  type: 'Feature' as const,
  geometry,
  properties: { ...base, ...properties },
});

const collection: MapFeatureCollection = {
  type: 'FeatureCollection',
  // Out of order on purpose: the list follows `order`, not the array.
  corridors: [
    { id: 'south', order: 2, name: { en: 'Southern way', ko: '남쪽' } },
    { id: 'river', order: 1, name: { en: 'Tumen river', ko: '두만강' } },
    { id: 'empty', order: 3, name: { en: 'Nothing here', ko: '없음' } },
  ],
  features: [
    feature(line([129, 42], [130, 43], [131, 42.5]), {
      uid: 'route:r1',
      kind: 'route',
      item: 'r1',
      name_en: 'Across the Tümen',
      corridor: 'river',
      level: 4,
      hazards: 'gunfire,drowning',
      to: 'CN',
    }),
    feature(line([129, 42], [130, 43]), {
      uid: 'stage:r1:a',
      kind: 'stage',
      item: 'r1',
      stage: 'a',
      order: 1,
      name_en: 'The riverbank',
      corridor: 'river',
      level: 4,
      hazards: 'gunfire',
    }),
    feature(line([130, 43], [131, 42.5]), {
      uid: 'stage:r1:b',
      kind: 'stage',
      item: 'r1',
      stage: 'b',
      order: 2,
      name_en: 'Yanbian villages',
      corridor: 'river',
      level: 3,
      hazards: 'drowning',
    }),
    feature(point(100, 15), {
      uid: 'event:e1',
      kind: 'event',
      item: 'e1',
      name_en: 'Arrest in Bangkok',
      corridor: 'south',
      level: 2,
      hazards: 'arrest-repatriation',
      to: 'KR',
      precision: 'named-place',
    }),
    feature(point(129.5, 42.2), {
      uid: 'crossing:c1',
      kind: 'crossing',
      item: 'c1',
      name_en: 'River crossings',
      corridor: 'river',
      level: 4,
      hazards: 'gunfire,not-a-hazard',
      to: 'CN',
    }),
  ],
};

const filters = (f: Partial<Filters>): Filters => ({ ...EMPTY_FILTERS, ...f });
const ids = (f: Partial<Filters>) => filterGroups(corridorGroups(collection), filters(f)).flatMap((g) => g.items.map((i) => i.id));

describe('corridorGroups', () => {
  const groups = corridorGroups(collection);

  it('lists one entry per item, grouped by corridor in corridor order, leaving out empty corridors', () => {
    expect(groups.map((g) => [g.id, g.items.map((i) => i.id)])).toEqual([
      ['river', ['r1', 'c1']],
      ['south', ['e1']],
    ]);
  });

  it('bounds an item by all its coordinates', () => {
    expect(groups[0].items[0].bounds).toEqual([129, 42, 131, 43]);
    expect(groups[1].items[0].bounds).toEqual([100, 15, 100, 15]);
  });

  it('keeps only hazards of the vocabulary', () => {
    expect(groups[0].items[1].hazards).toEqual(['gunfire']);
  });
});

describe('matches and filterGroups', () => {
  it('shows everything with no filter', () => {
    expect(ids({})).toEqual(['r1', 'c1', 'e1']);
  });

  it('keeps the levels asked for', () => {
    expect(ids({ levels: [4] })).toEqual(['r1', 'c1']);
    expect(ids({ levels: [1, 2] })).toEqual(['e1']);
    expect(ids({ levels: [1] })).toEqual([]);
  });

  it('keeps items with any of the hazards asked for', () => {
    expect(ids({ hazards: ['drowning'] })).toEqual(['r1']);
    expect(ids({ hazards: ['drowning', 'arrest-repatriation'] })).toEqual(['r1', 'e1']);
  });

  it('keeps items leading to a country asked for; items that lead nowhere never match', () => {
    expect(ids({ to: ['KR'] })).toEqual(['e1']);
    const zone = { ...corridorGroups(collection)[0].items[0], to: null };
    expect(matches(zone, filters({ to: ['CN'] }))).toBe(false);
  });

  it('requires every kind of filter to pass', () => {
    expect(ids({ levels: [4], hazards: ['drowning'] })).toEqual(['r1']);
    expect(ids({ levels: [2], hazards: ['drowning'] })).toEqual([]);
  });

  it('searches names, stage names, corridors and destinations, ignoring case and accents', () => {
    expect(ids({ q: 'tumen' })).toEqual(['r1', 'c1']); // "Tümen" in the name, "Tumen river" the corridor
    expect(ids({ q: 'YANBIAN' })).toEqual(['r1']); // a stage name
    expect(ids({ q: 'bangkok arrest' })).toEqual(['e1']); // every word, in any order
    expect(ids({ q: '두만강' })).toEqual(['r1', 'c1']); // the Korean corridor name
    expect(ids({ q: 'south korea' })).toEqual(['e1']); // the destination's name
    expect(ids({ q: 'nowhere' })).toEqual([]);
  });

  it('folds text for matching', () => {
    expect(fold('Tümen RIVER')).toBe('tumen river');
  });
});

describe('with the real atlas', () => {
  it('lists every item of geo/ once, and offers only filter choices the data has', async () => {
    const atlas = await loadAtlas();
    const groups = corridorGroups(buildMapCollection(atlas));
    const listed = groups.flatMap((g) => g.items.map((i) => i.id));
    expect(listed.sort()).toEqual(atlas.features.map((f) => f.properties.id).sort());
    const { hazards, to } = filterChoices(groups);
    for (const h of hazards) expect(groups.some((g) => g.items.some((i) => i.hazards.includes(h)))).toBe(true);
    for (const c of to) expect(groups.some((g) => g.items.some((i) => i.to === c))).toBe(true);
  });
});

describe('an event its source does not place (issue #20)', () => {
  it('is listed with its corridor, with no bounds for the map to fit', () => {
    const withUnplaced: MapFeatureCollection = {
      ...collection,
      features: [
        ...collection.features,
        feature(null, {
          uid: 'event:nowhere',
          kind: 'event',
          item: 'nowhere',
          name_en: 'Somewhere unsaid',
          corridor: 'river',
          level: 2,
          precision: 'unplaced',
        }),
      ],
    };
    const item = corridorGroups(withUnplaced)
      .flatMap((g) => g.items)
      .find((i) => i.id === 'nowhere')!;
    expect(item).toMatchObject({ corridor: 'river', precision: 'unplaced', bounds: null });
  });

  it('in the real atlas: every unplaced event is in the list, every other item has bounds', () => {
    const items = corridorGroups(buildMapCollection(loadAtlas())).flatMap((g) => g.items);
    const unplaced = items.filter((i) => i.precision === 'unplaced');
    expect(unplaced.length).toBeGreaterThan(0);
    for (const i of unplaced) expect(i.bounds).toBeNull();
    for (const i of items.filter((x) => x.precision !== 'unplaced')) expect(i.bounds).not.toBeNull();
  });
});
