// The offline basemap: one small GeoJSON file that still shows Korea's coast, islands and
// border rivers when zoomed in, valid for MapLibre (RFC 7946).
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import * as turf from '@turf/turf';
import type { Feature, Geometry, LineString, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { BASEMAP_BBOX, buildBasemap, type BasemapProperties } from '@/geo/basemap';
import { PlacesFile } from '@/geo/schema';
import { COUNTRY_CODES } from '@/geo/vocabulary';

const places = PlacesFile.parse(JSON.parse(fs.readFileSync(path.join(process.cwd(), 'geo', 'places.json'), 'utf8'))).places;
const [WEST, SOUTH, EAST, NORTH] = BASEMAP_BBOX;

let features: Feature<Geometry, BasemapProperties>[];
let json: string;
beforeAll(() => {
  const basemap = buildBasemap(places);
  features = basemap.features;
  json = JSON.stringify(basemap);
});

const layer = (name: BasemapProperties['layer']) => features.filter((f) => f.properties.layer === name);
const countryFeature = (code: string) =>
  layer('country').find((f) => f.properties.layer === 'country' && f.properties.code === code) as Feature<
    Polygon | MultiPolygon,
    BasemapProperties
  >;
const river = (id: string) =>
  layer('river').find((f) => f.properties.layer === 'river' && f.properties.id === id) as Feature<
    LineString | MultiLineString,
    BasemapProperties
  >;
const polygonsOf = (g: Polygon | MultiPolygon): Position[][][] => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);
const positions = (c: unknown): Position[] =>
  typeof (c as unknown[])[0] === 'number' ? [c as Position] : (c as unknown[]).flatMap(positions);
const km = (p: Position, line: Feature<LineString | MultiLineString>) => {
  const lines = line.geometry.type === 'LineString' ? [line.geometry.coordinates] : line.geometry.coordinates;
  return Math.min(...lines.map((l) => turf.pointToLineDistance(p, turf.lineString(l), { units: 'kilometers' })));
};

describe('basemap size and validity', () => {
  it('is at most 250 KB gzip-compressed', () => {
    expect(gzipSync(json).length).toBeLessThanOrEqual(250 * 1024);
  });

  it('has only the five layers, each present', () => {
    const layers = new Set(features.map((f) => f.properties.layer));
    expect([...layers].sort()).toEqual(['border', 'city', 'country', 'country-label', 'river']);
  });

  it('keeps every coordinate inside the region, longitude first', () => {
    for (const f of features) {
      if (f.geometry.type === 'GeometryCollection') throw new Error('no geometry collections expected');
      for (const [lon, lat] of positions(f.geometry.coordinates)) {
        expect(lon).toBeGreaterThanOrEqual(WEST);
        expect(lon).toBeLessThanOrEqual(EAST);
        expect(lat).toBeGreaterThanOrEqual(SOUTH);
        expect(lat).toBeLessThanOrEqual(NORTH);
      }
    }
  });

  it('closes every ring and winds outer rings counter-clockwise, holes clockwise (RFC 7946)', () => {
    const polygons = layer('country');
    expect(polygons.length).toBeGreaterThan(20);
    for (const f of polygons) {
      for (const rings of polygonsOf(f.geometry as Polygon | MultiPolygon)) {
        rings.forEach((ring, i) => {
          expect(ring.length).toBeGreaterThanOrEqual(4);
          expect(ring[0]).toEqual(ring[ring.length - 1]);
          expect(turf.booleanClockwise(ring), `${f.properties.layer === 'country' && f.properties.name_en} ring ${i}`).toBe(i > 0);
        });
      }
    }
  });
});

describe('countries', () => {
  it('has one polygon feature for each listed country, with its code and both names', () => {
    for (const code of COUNTRY_CODES) {
      expect(
        layer('country').filter((f) => f.properties.layer === 'country' && f.properties.code === code),
        code,
      ).toHaveLength(1);
    }
    expect(countryFeature('KP').properties).toMatchObject({ name_en: 'North Korea', name_ko: '북한' });
  });

  it('names the neighbours in Korean too, with no code', () => {
    const byName = new Map(layer('country').map((f) => [f.properties.layer === 'country' && f.properties.name_en, f.properties]));
    expect(byName.get('Japan')).toMatchObject({ code: null, name_ko: '일본' });
    expect(byName.get('Vietnam')).toMatchObject({ code: null, name_ko: '베트남' });
    expect(byName.get('Myanmar')).toMatchObject({ code: null, name_ko: '미얀마' });
    expect(byName.get('Taiwan')).toMatchObject({ code: null, name_ko: '대만' });
    for (const f of layer('country')) expect(f.properties, JSON.stringify(f.properties)).toHaveProperty('name_ko');
  });

  it('keeps Yeonpyeong island as land, separate from the mainland', () => {
    const kr = countryFeature('KR');
    expect(turf.booleanPointInPolygon([125.7, 37.67], kr)).toBe(true);
    expect(turf.booleanPointInPolygon([125.6, 37.55], kr)).toBe(false);
    const island = polygonsOf(kr.geometry).find((p) => turf.booleanPointInPolygon([125.7, 37.67], turf.polygon(p)))!;
    const areaKm2 = turf.area(turf.polygon(island)) / 1e6;
    expect(areaKm2).toBeGreaterThan(3);
    expect(areaKm2).toBeLessThan(30);
  });

  it('keeps the Korean coast detailed: hundreds of islands and vertices around the peninsula', () => {
    expect(polygonsOf(countryFeature('KR').geometry).length).toBeGreaterThan(50);
    expect(positions(countryFeature('KP').geometry.coordinates).length).toBeGreaterThan(1000);
  });

  it('keeps Hong Kong apart from China', () => {
    expect(turf.booleanPointInPolygon([114.169, 22.319], countryFeature('HK'))).toBe(true);
    expect(turf.booleanPointInPolygon([114.169, 22.319], countryFeature('CN'))).toBe(false);
  });
});

describe('borders', () => {
  it.each([
    ['KP', 'CN'],
    ['KP', 'RU'],
    ['KP', 'KR'],
    ['CN', 'MN'],
    ['CN', 'LA'],
    ['LA', 'TH'],
    ['CN', 'NP'],
  ])('draws the %s–%s border as a line', (a, b) => {
    const found = layer('border').filter(
      (f) => f.properties.layer === 'border' && [f.properties.a, f.properties.b].sort().join() === [a, b].sort().join(),
    );
    expect(found).toHaveLength(1);
    expect(['LineString', 'MultiLineString']).toContain(found[0].geometry.type);
  });

  it('draws no border between countries that share none', () => {
    const pairs = layer('border').map((f) => (f.properties.layer === 'border' ? [f.properties.a, f.properties.b].sort().join() : ''));
    expect(pairs).not.toContain(['CN', 'KR'].join());
    expect(pairs).not.toContain(['KR', 'RU'].join());
  });
});

describe('rivers', () => {
  it('draws the Yalu and the Tumen with English and Korean names', () => {
    expect(river('yalu').properties).toMatchObject({ name_en: 'Yalu River', name_ko: '압록강' });
    expect(river('tumen').properties).toMatchObject({ name_en: 'Tumen River', name_ko: '두만강' });
  });

  it('runs the Yalu from the Yellow Sea past Sinuiju and Hyesan up to Mt Paektu', () => {
    const yalu = river('yalu');
    expect(km([124.398, 40.1], yalu)).toBeLessThan(3); // Sinuiju
    expect(km([128.178, 41.398], yalu)).toBeLessThan(2); // Hyesan
    const lons = positions(yalu.geometry.coordinates).map((p) => p[0]);
    expect(Math.min(...lons)).toBeLessThan(124.5);
    expect(Math.max(...lons)).toBeLessThan(128.4);
  });

  it('runs the Tumen from Mt Paektu past Musan and Hoeryong to the sea, the Russian stretch included', () => {
    const tumen = river('tumen');
    expect(km([129.2, 42.21], tumen)).toBeLessThan(2); // Musan
    expect(km([130.6, 42.42], tumen)).toBeLessThan(3); // Tumangang, on the Russian stretch
    expect(km([128.178, 41.398], tumen)).toBeGreaterThan(30); // Hyesan is on the Yalu, not here
    const lons = positions(tumen.geometry.coordinates).map((p) => p[0]);
    expect(Math.min(...lons)).toBeGreaterThan(127.9);
    expect(Math.max(...lons)).toBeGreaterThan(130.6);
  });
});

describe('cities and labels', () => {
  it('has every place in geo/places.json as a city, inside the region', () => {
    const cities = layer('city');
    expect(cities.map((f) => f.properties.layer === 'city' && f.properties.id).sort()).toEqual(places.map((p) => p.id).sort());
    const seoul = cities.find((f) => f.properties.layer === 'city' && f.properties.id === 'seoul')!;
    expect(seoul.properties).toMatchObject({ name_en: 'Seoul', name_ko: '서울', country: 'KR', rank: 1 });
    for (const f of cities) {
      const [lon, lat] = f.geometry.type === 'Point' ? f.geometry.coordinates : [NaN, NaN];
      expect(lon >= WEST && lon <= EAST && lat >= SOUTH && lat <= NORTH).toBe(true);
    }
  });

  it("draws every city on its own country's land, not in the sea the simplified coast leaves", () => {
    for (const f of layer('city')) {
      if (f.properties.layer !== 'city' || f.geometry.type !== 'Point') throw new Error('a city is a point');
      expect(turf.booleanPointInPolygon(f.geometry.coordinates, countryFeature(f.properties.country)), f.properties.id).toBe(true);
    }
  });

  it('leaves out a place outside the region', () => {
    const moscow = {
      id: 'moscow',
      name: { en: 'Moscow', ko: '모스크바' },
      country: 'RU' as const,
      coordinates: [37.62, 55.76] as [number, number],
      rank: 1,
    };
    const seoul = places.find((p) => p.id === 'seoul')!;
    const cities = buildBasemap([seoul, moscow]).features.filter((f) => f.properties.layer === 'city');
    expect(cities.map((f) => f.properties.layer === 'city' && f.properties.id)).toEqual(['seoul']);
  });

  it('labels each listed country once, inside that country', () => {
    const labels = layer('country-label');
    expect(labels.map((f) => f.properties.layer === 'country-label' && f.properties.code).sort()).toEqual([...COUNTRY_CODES].sort());
    for (const f of labels) {
      if (f.properties.layer !== 'country-label' || f.geometry.type !== 'Point') throw new Error('a label is a point');
      expect(turf.booleanPointInPolygon(f.geometry.coordinates, countryFeature(f.properties.code)), f.properties.code).toBe(true);
    }
  });
});
