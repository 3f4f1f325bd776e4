// The country checks the data tests rely on: which country a point is in, and how far it lies
// from a border or a coast, against Natural Earth 1:10m.
import fs from 'node:fs';
import path from 'node:path';
import * as turf from '@turf/turf';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { countryAt, countryShape, distanceToBorderKm, distanceToCoastKm } from '@/geo/countries';
import { PlacesFile } from '@/geo/schema';
import { COUNTRY_CODES } from '@/geo/vocabulary';

const places = PlacesFile.parse(JSON.parse(fs.readFileSync(path.join(process.cwd(), 'geo', 'places.json'), 'utf8'))).places;
const TUMANGANG: [number, number] = [130.6, 42.42];
const HYESAN: [number, number] = [128.178, 41.398];

describe('countryAt', () => {
  it.each([
    ['Pyongyang', 125.754, 39.039, 'KP'],
    ['Seoul', 126.978, 37.566, 'KR'],
    ['Yeonpyeong island', 125.7, 37.67, 'KR'],
    ['Sinuiju, across the Yalu from Dandong', 124.398, 40.1, 'KP'],
    ['Dandong', 124.383, 40.125, 'CN'],
    ['Hong Kong, not China', 114.169, 22.319, 'HK'],
    ['Shenzhen, just north of Hong Kong', 114.06, 22.55, 'CN'],
    ['Vladivostok', 131.886, 43.116, 'RU'],
    ['Kathmandu', 85.324, 27.717, 'NP'],
  ])('puts %s in its country', (_name, lon, lat, code) => {
    expect(countryAt(lon, lat)).toBe(code);
  });

  it("answers 'other' for land in a country the atlas does not list", () => {
    expect(countryAt(139.69, 35.69)).toBe('other'); // Tokyo
    expect(countryAt(105.85, 21.03)).toBe('other'); // Hanoi
    expect(countryAt(113.55, 22.19)).toBe('other'); // Macao, Natural Earth's own polygon
  });

  it('answers null at sea', () => {
    expect(countryAt(124, 36)).toBeNull(); // Yellow Sea
    expect(countryAt(134, 40)).toBeNull(); // Sea of Japan (East Sea)
    expect(countryAt(125.6, 37.55)).toBeNull(); // between Yeonpyeong and the mainland
  });
});

describe('distanceToBorderKm', () => {
  it('puts Tumangang station within a few km of the North Korea–Russia border', () => {
    expect(distanceToBorderKm(...TUMANGANG, 'KP', 'RU')).toBeLessThan(3);
  });

  it('puts Hyesan on the Yalu, at the North Korea–China border', () => {
    expect(distanceToBorderKm(...HYESAN, 'KP', 'CN')).toBeLessThan(2);
  });

  it('measures real distances: Pyongyang is far from China, and the order of countries does not matter', () => {
    const d = distanceToBorderKm(125.754, 39.039, 'KP', 'CN');
    expect(d).toBeGreaterThan(120);
    expect(d).toBeLessThan(200);
    expect(distanceToBorderKm(125.754, 39.039, 'CN', 'KP')).toBe(d);
  });

  it('refuses two countries that share no land boundary', () => {
    expect(() => distanceToBorderKm(100, 15, 'KP', 'TH')).toThrow(/share no land boundary/);
    expect(() => distanceToBorderKm(127, 38, 'KR', 'CN')).toThrow(/share no land boundary/);
  });
});

describe('distanceToCoastKm', () => {
  it('is small on an island and at a port, large deep inland and far out at sea', () => {
    expect(distanceToCoastKm(125.7, 37.67)).toBeLessThan(3); // Yeonpyeong
    expect(distanceToCoastKm(131.886, 43.116)).toBeLessThan(5); // Vladivostok
    expect(distanceToCoastKm(106.917, 47.919)).toBeGreaterThan(1000); // Ulaanbaatar
    expect(distanceToCoastKm(124, 36)).toBeGreaterThan(100); // mid Yellow Sea
  });

  it('agrees with a brute-force search over the outlines of both Koreas (Seoul)', () => {
    const [lon, lat] = [126.978, 37.566];
    // Seoul's nearest edge of either Korea is the Han estuary, nearer than the DMZ or China.
    const rings = (['KR', 'KP'] as const).flatMap((c) => {
      const g = countryShape(c).geometry;
      return (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).flat();
    });
    const brute = Math.min(...rings.map((r) => turf.pointToLineDistance([lon, lat], turf.lineString(r), { units: 'kilometers' })));
    expect(brute).toBeGreaterThan(10);
    expect(Math.abs(distanceToCoastKm(lon, lat) - brute)).toBeLessThan(0.5);
  });
});

describe('countryShape', () => {
  it.each(COUNTRY_CODES)('gives %s as RFC 7946 polygons: closed, outer rings counter-clockwise', (code) => {
    const g = countryShape(code).geometry;
    for (const rings of g.type === 'Polygon' ? [g.coordinates] : g.coordinates) {
      rings.forEach((ring: Position[], i) => {
        expect(ring[0]).toEqual(ring[ring.length - 1]);
        expect(turf.booleanClockwise(ring)).toBe(i > 0);
      });
    }
  });

  it('gives South Korea its real size and its capital', () => {
    const kr = countryShape('KR');
    expect(turf.area(kr) / 1e6).toBeGreaterThan(90_000);
    expect(turf.area(kr) / 1e6).toBeLessThan(110_000);
    expect(turf.booleanPointInPolygon([126.978, 37.566], kr)).toBe(true);
    expect(turf.booleanPointInPolygon([125.754, 39.039], kr)).toBe(false);
  });
});

describe('geo/places.json', () => {
  it('has unique ids and every capital of a listed country', () => {
    const ids = places.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ['pyongyang', 'seoul', 'beijing', 'ulaanbaatar', 'vientiane', 'bangkok', 'kathmandu', 'new-delhi', 'hong-kong']) {
      expect(places.find((p) => p.id === id)?.rank, id).toBe(1);
    }
  });

  it.each(places.map((p) => [p.id, p] as const))('%s lies in the country it names', (_id, p) => {
    expect(countryAt(...(p.coordinates as [number, number]))).toBe(p.country);
  });
});
