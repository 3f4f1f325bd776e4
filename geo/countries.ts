// Country geometry for checks on the data (tests, scripts, server): which country a point is
// in, and how far it is from a border or a coast. Natural Earth 1:10m via world-atlas, read once
// per process and kept unsimplified so the checks are as exact as the source allows.
import fs from 'node:fs';
import path from 'node:path';
import * as turf from '@turf/turf';
import type { Feature, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';
import { bbox } from './geometry';
import { COUNTRIES, COUNTRY_CODES, type CountryCode } from './vocabulary';

type CountryObject = GeometryObject<{ name: string }>;
type CountriesTopology = Topology<{ countries: GeometryCollection<{ name: string }> }>;

const EARTH_RADIUS_KM = 6371.0088;
const KM_PER_DEGREE = (Math.PI / 180) * EARTH_RADIUS_KM;
/** Side of a cell of the coastline index, in degrees: small enough that a query reads few segments. */
const CELL_DEG = 0.5;

interface IndexedPolygon {
  bbox: [number, number, number, number];
  rings: Position[][];
}
interface CountryEntry {
  /** Our code for a listed country, 'other' for any other land. */
  code: CountryCode | 'other';
  polygons: IndexedPolygon[];
}
interface Loaded {
  topology: CountriesTopology;
  byId: Map<string, CountryObject>;
  entries: CountryEntry[];
}

let loaded: Loaded | undefined;

function load(): Loaded {
  if (loaded) return loaded;
  const file = path.join(process.cwd(), 'node_modules', 'world-atlas', 'countries-10m.json');
  const topology = JSON.parse(fs.readFileSync(file, 'utf8')) as CountriesTopology;
  const codeById = new Map<string, CountryCode>(COUNTRY_CODES.map((c) => [COUNTRIES[c].iso, c]));
  const byId = new Map<string, CountryObject>();
  const entries: CountryEntry[] = [];
  for (const geometry of topology.objects.countries.geometries) {
    if (geometry.id !== undefined) byId.set(String(geometry.id), geometry);
    const f = feature(topology, geometry) as Feature<Polygon | MultiPolygon | null>;
    if (!f.geometry) continue;
    const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    entries.push({
      code: codeById.get(String(geometry.id)) ?? 'other',
      polygons: polygons.map((rings) => ({ bbox: ringBbox(rings[0]), rings })),
    });
  }
  loaded = { topology, byId, entries };
  return loaded;
}

const ringBbox = (ring: Position[]) => bbox({ type: 'LineString', coordinates: ring });

/** Even–odd ray casting: holes fall out naturally, and ring orientation does not matter. */
function inRings(x: number, y: number, rings: Position[][]): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

function countryObject(code: CountryCode): CountryObject {
  const object = load().byId.get(COUNTRIES[code].iso);
  if (!object) throw new Error(`world-atlas has no country with id ${COUNTRIES[code].iso} (${code})`);
  return object;
}

const shapes = new Map<CountryCode, Feature<Polygon | MultiPolygon>>();

/** The country's full-resolution outline, outer rings counter-clockwise (RFC 7946). */
export function countryShape(code: CountryCode): Feature<Polygon | MultiPolygon> {
  let shape = shapes.get(code);
  if (!shape) {
    const f = feature(load().topology, countryObject(code)) as Feature<Polygon | MultiPolygon>;
    // world-atlas winds rings the d3 (spherical, clockwise) way; GeoJSON wants the reverse.
    const geometry = turf.rewind(f.geometry) as Polygon | MultiPolygon;
    shape = { type: 'Feature', geometry, properties: { code, name_en: COUNTRIES[code].en, name_ko: COUNTRIES[code].ko } };
    shapes.set(code, shape);
  }
  return shape;
}

/**
 * The country a point lies in: one of ours, 'other' for any other land, null for the sea.
 * Hong Kong is its own polygon in Natural Earth, so a point there is HK, not CN.
 */
export function countryAt(lon: number, lat: number): CountryCode | 'other' | null {
  for (const entry of load().entries) {
    for (const p of entry.polygons) {
      if (lon < p.bbox[0] || lon > p.bbox[2] || lat < p.bbox[1] || lat > p.bbox[3]) continue;
      if (inRings(lon, lat, p.rings)) return entry.code;
    }
  }
  return null;
}

/**
 * Nearest of a set of segments to a point. Compared in an equirectangular plane centred on the
 * point (good to well under 1% at the distances these checks care about); the winner is then
 * measured on the sphere.
 */
class Nearest {
  private best = Infinity;
  private point: Position | null = null;
  private readonly k: number;
  constructor(
    private readonly lon: number,
    private readonly lat: number,
  ) {
    this.k = Math.cos((lat * Math.PI) / 180);
  }
  /** Planar distance found so far, in km (Infinity before any segment). */
  get planarKm(): number {
    return Math.sqrt(this.best) * KM_PER_DEGREE;
  }
  add(a: Position, b: Position): void {
    const ax = (a[0] - this.lon) * this.k,
      ay = a[1] - this.lat;
    const dx = (b[0] - a[0]) * this.k,
      dy = b[1] - a[1];
    const len2 = dx * dx + dy * dy;
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
    const x = ax + t * dx,
      y = ay + t * dy;
    const d2 = x * x + y * y;
    if (d2 < this.best) {
      this.best = d2;
      this.point = [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
    }
  }
  km(): number {
    return this.point ? turf.distance([this.lon, this.lat], this.point, { units: 'kilometers' }) : Infinity;
  }
}

function linesDistanceKm(lon: number, lat: number, lines: Position[][]): number {
  const nearest = new Nearest(lon, lat);
  for (const line of lines) for (let i = 1; i < line.length; i++) nearest.add(line[i - 1], line[i]);
  return nearest.km();
}

const borders = new Map<string, Position[][]>();

/** Distance in km from a point to the land boundary that countries a and b share. */
export function distanceToBorderKm(lon: number, lat: number, a: CountryCode, b: CountryCode): number {
  const key = [a, b].sort().join('-');
  let lines = borders.get(key);
  if (!lines) {
    const pair: GeometryCollection = { type: 'GeometryCollection', geometries: [countryObject(a), countryObject(b)] };
    // Within a collection of just the two, an arc used by two different geometries is their border.
    lines = (mesh(load().topology, pair, (x, y) => x !== y) as MultiLineString).coordinates;
    if (!lines.length) throw new Error(`${a} and ${b} share no land boundary`);
    borders.set(key, lines);
  }
  return linesDistanceKm(lon, lat, lines);
}

interface CoastIndex {
  cells: Map<number, [Position, Position][]>;
  cols: number;
  rows: number;
}
let coastIndex: CoastIndex | undefined;

function cellOf(lon: number, lat: number): [number, number] {
  return [Math.floor((lon + 180) / CELL_DEG), Math.floor((lat + 90) / CELL_DEG)];
}

/** Every coastline segment, filed under each grid cell its bounding box touches. */
function coast(): CoastIndex {
  if (coastIndex) return coastIndex;
  const { topology } = load();
  // Arcs used by a single geometry are the edge of the land: the coast (and the shores of
  // inland seas, which Natural Earth leaves outside every country).
  const lines = (mesh(topology, topology.objects.countries, (x, y) => x === y) as MultiLineString).coordinates;
  const cols = Math.round(360 / CELL_DEG);
  const rows = Math.round(180 / CELL_DEG);
  const cells = new Map<number, [Position, Position][]>();
  for (const line of lines) {
    for (let i = 1; i < line.length; i++) {
      const a = line[i - 1],
        b = line[i];
      const [c0, r0] = cellOf(Math.min(a[0], b[0]), Math.min(a[1], b[1]));
      const [c1, r1] = cellOf(Math.max(a[0], b[0]), Math.max(a[1], b[1]));
      for (let c = c0; c <= c1; c++) {
        for (let r = r0; r <= r1; r++) {
          const key = r * cols + c;
          let list = cells.get(key);
          if (!list) cells.set(key, (list = []));
          list.push([a, b]);
        }
      }
    }
  }
  coastIndex = { cells, cols, rows };
  return coastIndex;
}

/** Distance in km from a point to the nearest coastline, on land or at sea. */
export function distanceToCoastKm(lon: number, lat: number): number {
  const { cells, cols, rows } = coast();
  const [c0, r0] = cellOf(lon, lat);
  const nearest = new Nearest(lon, lat);
  for (let ring = 0; ring <= Math.max(cols, rows); ring++) {
    for (let c = c0 - ring; c <= c0 + ring; c++) {
      for (let r = r0 - ring; r <= r0 + ring; r++) {
        if (Math.max(Math.abs(c - c0), Math.abs(r - r0)) !== ring || r < 0 || r >= rows) continue;
        const segments = cells.get(r * cols + (((c % cols) + cols) % cols));
        if (segments) for (const [a, b] of segments) nearest.add(a, b);
      }
    }
    // A segment in no cell read so far lies at least `ring` cells away from the point: that
    // far north-south, and east-west at least the distance to a meridian `ring` cells away.
    const span = (ring * CELL_DEG * Math.PI) / 180;
    const reachKm =
      EARTH_RADIUS_KM * Math.min(span, Math.asin(Math.min(1, Math.cos((lat * Math.PI) / 180) * Math.sin(Math.min(span, Math.PI / 2)))));
    if (nearest.planarKm <= reachKm) break;
  }
  return nearest.km();
}
