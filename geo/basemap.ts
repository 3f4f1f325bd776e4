// The offline basemap: one GeoJSON FeatureCollection that MapLibre draws under the atlas, built
// from Natural Earth 1:10m (world-atlas) at build time by scripts/build-basemap.ts. No tiles, no
// requests. Every feature carries a `layer` property the map style filters on.
//
// Geometry is simplified on the topology, arc by arc, so neighbouring countries keep one shared
// edge and the border lines drawn over them fall exactly on it. Around Korea the detail stays
// close to the source (Yeonpyeong-size islands read at zoom 7–8); elsewhere it is coarser.
import fs from 'node:fs';
import path from 'node:path';
import * as turf from '@turf/turf';
import type {
  BBox,
  Feature,
  FeatureCollection,
  Geometry,
  LineString,
  MultiLineString,
  MultiPolygon,
  Point,
  Polygon,
  Position,
} from 'geojson';
import { feature, mesh, neighbors } from 'topojson-client';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';
import type { Place } from './schema';
import { COUNTRIES, COUNTRY_CODES, type CountryCode } from './vocabulary';

/** What the basemap covers: Korea, China to the Nepal/India edge, Mongolia, the Russian Far East, mainland Southeast Asia, Japan. */
export const BASEMAP_BBOX: [number, number, number, number] = [70, 0, 150, 58];
/**
 * Where the map is read closely (zoom 7–8): the peninsula, its rivers and its islands; and Hong
 * Kong, a listed country so small that coarse geometry would leave its city in the sea.
 */
export const DETAIL_AREAS: [number, number, number, number][] = [
  [124, 33, 131, 43.5],
  [113.8, 22.1, 114.5, 22.6],
];

export type BasemapLayer = 'country' | 'border' | 'river' | 'city' | 'country-label';
export type BasemapProperties =
  | { layer: 'country'; code: CountryCode | null; name_en: string; name_ko?: string }
  | { layer: 'border'; a: CountryCode | null; b: CountryCode | null }
  | { layer: 'river'; id: 'yalu' | 'tumen'; name_en: string; name_ko: string }
  | { layer: 'city'; id: string; name_en: string; name_ko: string; country: CountryCode; rank: number }
  | { layer: 'country-label'; code: CountryCode; name_en: string; name_ko: string };
export type BasemapFeature = Feature<Geometry, BasemapProperties>;

/**
 * Douglas–Peucker tolerance in Web Mercator degrees, i.e. in what the map shows: about 100 m
 * around Korea, which keeps nearly every vertex of the 1:10m source (itself quantised to
 * ~200–300 m), and about 1 km elsewhere, under a pixel at the zoom each area is read at.
 */
const TOLERANCE = { detail: 0.001, coarse: 0.01 };
/** Decimal places kept: ~100 m around Korea, ~1 km elsewhere, matching the tolerances. */
const DECIMALS = { detail: 3, coarse: 2 };
/** Islands smaller than this (square degrees, ~25 km²) are left out away from the detail areas; a country's largest piece always stays. */
const MIN_ISLAND_AREA = 0.002;

/** Names for the countries in view that the atlas does not list, keyed by Natural Earth name. */
const NEIGHBOURS: Record<string, { en: string; ko: string }> = {
  Afghanistan: { en: 'Afghanistan', ko: '아프가니스탄' },
  Bangladesh: { en: 'Bangladesh', ko: '방글라데시' },
  Bhutan: { en: 'Bhutan', ko: '부탄' },
  Brunei: { en: 'Brunei', ko: '브루나이' },
  Cambodia: { en: 'Cambodia', ko: '캄보디아' },
  Guam: { en: 'Guam', ko: '괌' },
  Indonesia: { en: 'Indonesia', ko: '인도네시아' },
  Japan: { en: 'Japan', ko: '일본' },
  Kazakhstan: { en: 'Kazakhstan', ko: '카자흐스탄' },
  Kyrgyzstan: { en: 'Kyrgyzstan', ko: '키르기스스탄' },
  Macao: { en: 'Macao', ko: '마카오' },
  Malaysia: { en: 'Malaysia', ko: '말레이시아' },
  Maldives: { en: 'Maldives', ko: '몰디브' },
  Micronesia: { en: 'Micronesia', ko: '미크로네시아' },
  Myanmar: { en: 'Myanmar', ko: '미얀마' },
  'N. Mariana Is.': { en: 'Northern Mariana Islands', ko: '북마리아나 제도' },
  Pakistan: { en: 'Pakistan', ko: '파키스탄' },
  Palau: { en: 'Palau', ko: '팔라우' },
  Philippines: { en: 'Philippines', ko: '필리핀' },
  'Scarborough Reef': { en: 'Scarborough Shoal', ko: '스카버러 암초' },
  'Siachen Glacier': { en: 'Siachen Glacier', ko: '시아첸 빙하' },
  Singapore: { en: 'Singapore', ko: '싱가포르' },
  'Spratly Is.': { en: 'Spratly Islands', ko: '스프래틀리 군도' },
  'Sri Lanka': { en: 'Sri Lanka', ko: '스리랑카' },
  Taiwan: { en: 'Taiwan', ko: '대만' },
  Tajikistan: { en: 'Tajikistan', ko: '타지키스탄' },
  Uzbekistan: { en: 'Uzbekistan', ko: '우즈베키스탄' },
  Vietnam: { en: 'Vietnam', ko: '베트남' },
};

/**
 * Where each listed country's name is drawn. Chosen by hand: a computed centre falls in the
 * wrong place for countries the region cuts (Russia) or that curve (China), and a label should
 * sit where the story is (Russia's in the Far East).
 */
const LABEL_AT: Record<CountryCode, [number, number]> = {
  KP: [127.0, 40.3],
  KR: [128.0, 36.4],
  CN: [108.0, 34.0],
  HK: [114.17, 22.36],
  MN: [103.0, 46.8],
  RU: [135.0, 51.0],
  LA: [102.8, 19.2],
  TH: [101.0, 15.5],
  NP: [84.0, 28.2],
  IN: [79.0, 22.5],
};

/** The KP–CN boundary runs along the Yalu west of here and towards the Tumen east of it: the rivers' source area on Mt Paektu. */
const RIVER_SPLIT: Position = [128.05, 41.99];
const RIVERS = {
  yalu: { en: 'Yalu River', ko: '압록강' },
  tumen: { en: 'Tumen River', ko: '두만강' },
} as const;

type CountryProps = { name: string };
type CountriesTopology = Topology<{ countries: GeometryCollection<CountryProps> }>;

function readCountries10m(): CountriesTopology {
  const file = path.join(process.cwd(), 'node_modules', 'world-atlas', 'countries-10m.json');
  return JSON.parse(fs.readFileSync(file, 'utf8')) as CountriesTopology;
}

const inBox = (p: Position, b: readonly number[]) => p[0] >= b[0] && p[0] <= b[2] && p[1] >= b[1] && p[1] <= b[3];
const isDetail = (p: Position) => DETAIL_AREAS.some((box) => inBox(p, box));

function round(p: Position): Position {
  const f = 10 ** (isDetail(p) ? DECIMALS.detail : DECIMALS.coarse);
  return [Math.round(p[0] * f) / f, Math.round(p[1] * f) / f];
}

/** Rounded, without consecutive repeats (which rounding creates). */
function roundLine(line: Position[]): Position[] {
  const out: Position[] = [];
  for (const p of line.map(round)) {
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out;
}

const mercatorY = (lat: number) => (Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) * 180) / Math.PI;

/**
 * Douglas–Peucker in Web Mercator, where a vertex's own tolerance decides whether it stays:
 * the detail area keeps its detail even on an arc that runs on far beyond it.
 */
function simplifyLine(line: Position[]): Position[] {
  if (line.length <= 2) return line;
  const xy = line.map((p) => [p[0], mercatorY(p[1])]);
  const tolerance = line.map((p) => (isDetail(p) ? TOLERANCE.detail : TOLERANCE.coarse));
  const keep = new Uint8Array(line.length);
  keep[0] = keep[line.length - 1] = 1;
  const stack: [number, number][] = [[0, line.length - 1]];
  while (stack.length) {
    const [first, last] = stack.pop()!;
    const [ax, ay] = xy[first];
    const [bx, by] = xy[last];
    const dx = bx - ax,
      dy = by - ay;
    const len = Math.hypot(dx, dy);
    let worst = 1,
      index = -1;
    for (let i = first + 1; i < last; i++) {
      const [px, py] = xy[i];
      // Distance to the chord, or to its one point when the arc is a closed ring.
      const d = len === 0 ? Math.hypot(px - ax, py - ay) : Math.abs(dx * (ay - py) - dy * (ax - px)) / len;
      if (d / tolerance[i] > worst) {
        worst = d / tolerance[i];
        index = i;
      }
    }
    if (index >= 0) {
      keep[index] = 1;
      stack.push([first, index], [index, last]);
    }
  }
  const out = line.filter((_, i) => keep[i]);
  // A closed arc (a whole island) must stay a ring: keep it as at least a triangle.
  if (out.length < 4 && len2d(line[0], line[line.length - 1]) === 0) {
    const n = line.length - 1;
    return [line[0], line[Math.floor(n / 3)], line[Math.floor((2 * n) / 3)], line[n]];
  }
  return out;
}
const len2d = (a: Position, b: Position) => Math.hypot(a[0] - b[0], a[1] - b[1]);

/** The same topology with absolute, simplified, rounded arcs (and so no transform). */
function simplifyTopology(topology: CountriesTopology): CountriesTopology {
  const { scale, translate } = topology.transform ?? { scale: [1, 1], translate: [0, 0] };
  const arcs = topology.arcs.map((arc) => {
    let x = 0,
      y = 0;
    const line = arc.map(([dx, dy]) => {
      if (topology.transform) {
        x += dx;
        y += dy;
      } else [x, y] = [dx, dy];
      return [x * scale[0] + translate[0], y * scale[1] + translate[1]];
    });
    const simple = roundLine(simplifyLine(line));
    // Rounding may fold a short arc onto one point; an arc must keep two positions.
    return simple.length >= 2 ? simple : [round(line[0]), round(line[line.length - 1])];
  });
  return { type: 'Topology', objects: topology.objects, arcs };
}

/** Signed area of a ring in square degrees: positive when counter-clockwise. */
function ringArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 1; i < ring.length; i++) sum += (ring[i - 1][0] - ring[i][0]) * (ring[i - 1][1] + ring[i][1]);
  return sum / 2;
}

/** Polygons clipped to the region, rounded, without degenerate rings, outer rings counter-clockwise. */
function clipPolygons(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon | null {
  const clipped = turf.bboxClip(geometry, BASEMAP_BBOX).geometry as Polygon | MultiPolygon;
  const polygons = (clipped.type === 'Polygon' ? [clipped.coordinates] : clipped.coordinates)
    .map((rings) => rings.map(roundLine).filter((ring) => ring.length >= 4 && Math.abs(ringArea(ring)) > 1e-9))
    .filter((rings) => rings.length > 0);
  if (!polygons.length) return null;
  const largest = Math.max(...polygons.map((rings) => Math.abs(ringArea(rings[0]))));
  const kept = polygons.filter((rings) => {
    const area = Math.abs(ringArea(rings[0]));
    return area === largest || area >= MIN_ISLAND_AREA || rings[0].some(isDetail);
  });
  const out: Polygon | MultiPolygon =
    kept.length === 1 ? { type: 'Polygon', coordinates: kept[0] } : { type: 'MultiPolygon', coordinates: kept };
  return turf.rewind(out) as Polygon | MultiPolygon;
}

function clipLines(lines: Position[][]): Position[][] {
  if (!lines.length) return [];
  const clipped = turf.bboxClip({ type: 'MultiLineString', coordinates: lines }, BASEMAP_BBOX).geometry as LineString | MultiLineString;
  const out = clipped.type === 'LineString' ? [clipped.coordinates] : clipped.coordinates;
  return out.map(roundLine).filter((l) => l.length >= 2);
}

const lineGeometry = (lines: Position[][]): LineString | MultiLineString =>
  lines.length === 1 ? { type: 'LineString', coordinates: lines[0] } : { type: 'MultiLineString', coordinates: lines };

const point = (p: Position): Point => ({ type: 'Point', coordinates: p });

function boxesOverlap(a: BBox, b: readonly number[]): boolean {
  return a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];
}

/**
 * The Yalu and the Tumen. They are the land boundary of North Korea, so they are drawn from it:
 * the KP–CN line, split at the source area on Mt Paektu, gives the Yalu (west) and the upper
 * and middle Tumen (east); the short KP–RU line is the Tumen's last stretch to the sea.
 */
function rivers(topology: CountriesTopology, byCode: Map<CountryCode, GeometryObject<CountryProps>>): BasemapFeature[] {
  const boundary = (a: CountryCode, b: CountryCode) =>
    mesh(topology, { type: 'GeometryCollection', geometries: [byCode.get(a)!, byCode.get(b)!] }, (x, y) => x !== y).coordinates;
  const kpcn = boundary('KP', 'CN');
  const kpru = boundary('KP', 'RU');
  if (kpcn.length !== 1 || kpru.length === 0)
    throw new Error(`expected one KP–CN boundary line and a KP–RU one, got ${kpcn.length} and ${kpru.length}`);
  const line = kpcn[0];
  let split = 0;
  line.forEach((p, i) => {
    if (len2d(p, RIVER_SPLIT) < len2d(line[split], RIVER_SPLIT)) split = i;
  });
  const [head, tail] = [line.slice(0, split + 1), line.slice(split)];
  const westFirst = head[0][0] < tail[tail.length - 1][0];
  const yalu = westFirst ? head : tail;
  const tumen = westFirst ? tail : [...head].reverse();
  // Run the Tumen on to the sea through the Russian stretch when the lines meet.
  const tumenLines = [tumen, ...kpru];
  const joined =
    kpru.length === 1 && len2d(tumen[tumen.length - 1], kpru[0][0]) === 0
      ? [[...tumen, ...kpru[0].slice(1)]]
      : kpru.length === 1 && len2d(tumen[tumen.length - 1], kpru[0][kpru[0].length - 1]) === 0
        ? [[...tumen, ...[...kpru[0]].reverse().slice(1)]]
        : tumenLines;
  return [
    {
      type: 'Feature',
      geometry: lineGeometry([yalu]),
      properties: { layer: 'river', id: 'yalu', name_en: RIVERS.yalu.en, name_ko: RIVERS.yalu.ko },
    },
    {
      type: 'Feature',
      geometry: lineGeometry(joined),
      properties: { layer: 'river', id: 'tumen', name_en: RIVERS.tumen.en, name_ko: RIVERS.tumen.ko },
    },
  ];
}

/** Countries, borders and rivers: the part that depends on Natural Earth alone. */
function buildGeography(): BasemapFeature[] {
  const topology = simplifyTopology(readCountries10m());
  const codeById = new Map<string, CountryCode>(COUNTRY_CODES.map((c) => [COUNTRIES[c].iso, c]));
  const geometries = topology.objects.countries.geometries;
  const byCode = new Map<CountryCode, GeometryObject<CountryProps>>();
  const neName = (g: GeometryObject<CountryProps>) => (g.properties && 'name' in g.properties ? g.properties.name : `#${g.id}`);
  const codeOf = (g: GeometryObject<CountryProps>) => (g.id === undefined ? null : (codeById.get(String(g.id)) ?? null));

  const inView = new Set<number>();
  const countries: BasemapFeature[] = [];
  geometries.forEach((g, i) => {
    const code = codeOf(g);
    if (code) byCode.set(code, g);
    const shape = feature(topology, g) as Feature<Polygon | MultiPolygon | null, CountryProps>;
    if (!shape.geometry || !boxesOverlap(turf.bbox(shape.geometry), BASEMAP_BBOX)) return;
    const geometry = clipPolygons(shape.geometry);
    if (!geometry) return;
    inView.add(i);
    const name = code ? COUNTRIES[code] : NEIGHBOURS[neName(g)];
    countries.push({
      type: 'Feature',
      geometry,
      properties: { layer: 'country', code, name_en: name?.en ?? neName(g), ...(name ? { name_ko: name.ko } : {}) },
    });
  });

  const borders: BasemapFeature[] = [];
  neighbors(geometries).forEach((adjacent, i) => {
    for (const j of adjacent) {
      if (j <= i || !inView.has(i) || !inView.has(j)) continue;
      const pair: GeometryCollection = { type: 'GeometryCollection', geometries: [geometries[i], geometries[j]] };
      const lines = clipLines(mesh(topology, pair, (x, y) => x !== y).coordinates);
      if (!lines.length) continue;
      // Listed countries first, so a style can match `a` alone for, say, every KP border.
      const [a, b] = [codeOf(geometries[i]), codeOf(geometries[j])].sort(
        (x, y) => (x === null ? 1 : 0) - (y === null ? 1 : 0) || (x ?? '').localeCompare(y ?? ''),
      );
      borders.push({ type: 'Feature', geometry: lineGeometry(lines), properties: { layer: 'border', a, b } });
    }
  });

  return [...countries, ...borders, ...rivers(topology, byCode)];
}

let geography: BasemapFeature[] | undefined;

/**
 * The basemap for the region, in drawing order: countries, borders, rivers, cities, country
 * labels. Places outside the region are left out. The geography is built once per process and
 * shared between calls: treat the result as read-only.
 */
export function buildBasemap(places: Place[]): FeatureCollection<Geometry, BasemapProperties> {
  geography ??= buildGeography();
  const cities: BasemapFeature[] = places
    .filter((p) => inBox(p.coordinates, BASEMAP_BBOX))
    .map((p) => ({
      type: 'Feature',
      geometry: point(p.coordinates),
      properties: { layer: 'city', id: p.id, name_en: p.name.en, name_ko: p.name.ko, country: p.country, rank: p.rank },
    }));

  const labels: BasemapFeature[] = COUNTRY_CODES.map((code) => ({
    type: 'Feature',
    geometry: point(LABEL_AT[code]),
    properties: { layer: 'country-label', code, name_en: COUNTRIES[code].en, name_ko: COUNTRIES[code].ko },
  }));

  return { type: 'FeatureCollection', features: [...geography, ...cities, ...labels] };
}
