// Pure geometry helpers over the atlas. No I/O; safe in the browser and on the server.
import type { Geometry, LineString, Position } from 'geojson';
import type { Precision, RiskLevel } from './vocabulary';
import type { RouteFeature, Stage } from './schema';

/** Decimal places a precision justifies: ~1 km for a corridor, ~100 m for a named place. */
export const DECIMALS: Record<Precision, number> = { approximate: 2, 'named-place': 3 };

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

/** Bounding box [west, south, east, north] of any geometry (no antimeridian crossing in this region). */
export function bbox(g: Geometry): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown) => {
    if (typeof (c as number[])[0] === 'number') {
      const [x, y] = c as number[];
      box[0] = Math.min(box[0], x);
      box[1] = Math.min(box[1], y);
      box[2] = Math.max(box[2], x);
      box[3] = Math.max(box[3], y);
    } else (c as unknown[]).forEach(visit);
  };
  visit(coordinatesOf(g));
  return box;
}
function coordinatesOf(g: Geometry): unknown {
  return g.type === 'GeometryCollection' ? g.geometries.map(coordinatesOf) : g.coordinates;
}
