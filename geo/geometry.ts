// Pure geometry helpers over the atlas. No I/O; safe in the browser and on the server.
import { bbox as turfBbox } from '@turf/turf';
import type { Geometry, LineString, Position } from 'geojson';
import type { Precision, RiskLevel } from './vocabulary';
import type { RouteFeature, Stage } from './schema';

/** Decimal places a precision justifies: ~1 km for a corridor, ~100 m for a named place. */
export const DECIMALS: Record<Precision, number> = { approximate: 2, 'named-place': 3, unplaced: 0 };

const roundTo = (n: number, d: number) => {
  const f = 10 ** d;
  return Math.round(n * f) / f;
};

function roundPositions(c: unknown, d: number): unknown {
  if (typeof c === 'number') return roundTo(c, d);
  return (c as unknown[]).map((x) => roundPositions(x, d));
}

/** The same geometry with coordinates rounded to what its precision justifies. */
export function roundGeometry<G extends Geometry>(g: G, precision: Precision): G {
  if (g.type === 'GeometryCollection') return g;
  return { ...g, coordinates: roundPositions(g.coordinates, DECIMALS[precision]) } as G;
}

/** The part of a route's line that one stage covers. */
export function stageLine(route: RouteFeature, stage: Stage): LineString {
  const [a, b] = stage.vertices;
  return { type: 'LineString', coordinates: route.geometry.coordinates.slice(a, b + 1) as Position[] };
}

/** A route's overall level is its most dangerous stage. */
export function routeLevel(route: RouteFeature): RiskLevel {
  return Math.max(...route.properties.stages.map((s) => s.level)) as RiskLevel;
}

/** Every hazard named on any stage of the route, in first-seen order. */
export function routeHazards(route: RouteFeature): string[] {
  return [...new Set(route.properties.stages.flatMap((s) => s.hazards))];
}

/** [west, south, east, north] in degrees. */
export type Bbox = [west: number, south: number, east: number, north: number];

/**
 * Bounding box of any geometries together: turf's, the one way the atlas computes a box (the
 * API's `bbox`, the list's bounds the map fits to, the still images' view, the country lookup).
 * No antimeridian crossing in this region; nothing given gives [∞, ∞, −∞, −∞].
 */
export function bbox(...geometries: Geometry[]): Bbox {
  const all: Geometry = geometries.length === 1 ? geometries[0] : { type: 'GeometryCollection', geometries };
  const [west, south, east, north] = turfBbox(all, { recompute: true });
  return [west, south, east, north];
}
