// Issue #15 (part 3): one bounding-box helper (turf's, in geo/geometry.ts) behind the API's bbox,
// the list's bounds and the still images' view.
import type { Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { bbox } from '@/geo/geometry';
import type { MapFeatureCollection } from '@/lib/data/api-schema';
import { corridorGroups } from '@/lib/data/atlas-items';
import { atlasBbox } from '@/lib/still/image';

const line: Geometry = {
  type: 'LineString',
  coordinates: [
    [129.5, 42.9],
    [128.1, 41.4],
    [126.9, 43.1],
  ],
};
const point: Geometry = { type: 'Point', coordinates: [124.54, 40.22] };
const polygon: Geometry = {
  type: 'Polygon',
  coordinates: [
    [
      [126, 37.5],
      [127.5, 37.5],
      [127.5, 38.3],
      [126, 38.3],
      [126, 37.5],
    ],
  ],
};

describe('bbox', () => {
  it('bounds one geometry of each type as [west, south, east, north]', () => {
    expect(bbox(line)).toEqual([126.9, 41.4, 129.5, 43.1]);
    expect(bbox(point)).toEqual([124.54, 40.22, 124.54, 40.22]);
    expect(bbox(polygon)).toEqual([126, 37.5, 127.5, 38.3]);
  });

  it('bounds several geometries together, and nothing as an empty box', () => {
    expect(bbox(line, point, polygon)).toEqual([124.54, 37.5, 129.5, 43.1]);
    expect(bbox()).toEqual([Infinity, Infinity, -Infinity, -Infinity]);
  });
});

const props = (item: string, kind: string, uid: string) => ({
  uid,
  kind,
  item,
  name_en: item,
  name_ko: item,
  corridor: 'c',
  level: 3,
  hazards: '',
  precision: 'approximate',
});
const collection = {
  type: 'FeatureCollection',
  corridors: [{ id: 'c', order: 1, name: { en: 'C', ko: 'C' } }],
  features: [
    // A stage before its route, reaching further east than the route itself.
    {
      type: 'Feature',
      geometry: {
        type: 'LineString',
        coordinates: [
          [129, 42],
          [131, 42.5],
        ],
      },
      properties: props('r', 'stage', 'stage:r:s'),
    },
    { type: 'Feature', geometry: line, properties: props('r', 'route', 'route:r') },
    { type: 'Feature', geometry: point, properties: props('p', 'crossing', 'crossing:p') },
    { type: 'Feature', geometry: polygon, properties: props('z', 'zone', 'zone:z') },
  ],
} as MapFeatureCollection;

describe('the boxes built on it', () => {
  it('an item’s bounds (what the map fits to) cover all its features, stages listed first included', () => {
    const items = Object.fromEntries(corridorGroups(collection)[0].items.map((i) => [i.id, i.bounds]));
    expect(items).toEqual({ r: [126.9, 41.4, 131, 43.1], p: bbox(point), z: bbox(polygon) });
  });

  it('the all-routes still image shows the whole atlas', () => {
    expect(atlasBbox(collection)).toEqual([124.54, 37.5, 131, 43.1]);
  });
});
