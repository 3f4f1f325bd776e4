// Geometry to SVG path data for the still images: Web Mercator fitted to a box, clipped to the
// frame, rounded to whole pixels and simplified, so that a country outline costs a few hundred
// bytes instead of the tens of kilobytes of its source coordinates. Pure and deterministic.
import type { Geometry, Position } from 'geojson';
import type { Bbox } from '@/geo/geometry';

export type { Bbox };
export type Pt = [number, number];
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

const MAX_LAT = 85.05112878;
const mercX = (lon: number) => (lon + 180) / 360;
const mercY = (lat: number) => {
  const phi = (Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI) / 180;
  return (1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2;
};

export interface Projection {
  (p: Position): Pt;
  /** Pixels per unit of Mercator x (the whole world is 1 unit wide). */
  scale: number;
}

/**
 * Web Mercator that fits `bbox` inside `frame` less `padding` pixels on every side, centred.
 * A box smaller than `minSpanDeg` (a single point, a short crossing) is widened to it, so the
 * image always shows enough land around the item to place it.
 */
export function fitProjection(bbox: Bbox, frame: Rect, padding: number, minSpanDeg = 4): Projection {
  let [w, s, e, n] = bbox;
  if (e - w < minSpanDeg) [w, e] = [(w + e) / 2 - minSpanDeg / 2, (w + e) / 2 + minSpanDeg / 2];
  if (n - s < minSpanDeg * 0.6) [s, n] = [(s + n) / 2 - minSpanDeg * 0.3, (s + n) / 2 + minSpanDeg * 0.3];
  const x0 = mercX(w),
    x1 = mercX(e),
    y0 = mercY(n),
    y1 = mercY(s);
  const scale = Math.min((frame.width - 2 * padding) / (x1 - x0), (frame.height - 2 * padding) / (y1 - y0));
  const cx = (x0 + x1) / 2,
    cy = (y0 + y1) / 2;
  const ox = frame.x + frame.width / 2,
    oy = frame.y + frame.height / 2;
  const project = ((p: Position): Pt => [ox + (mercX(p[0]) - cx) * scale, oy + (mercY(p[1]) - cy) * scale]) as Projection;
  project.scale = scale;
  return project;
}

// --- clipping --------------------------------------------------------------------------------

type Edge = { inside: (p: Pt) => boolean; cut: (a: Pt, b: Pt) => Pt };
function edges(r: Rect): Edge[] {
  const x0 = r.x,
    x1 = r.x + r.width,
    y0 = r.y,
    y1 = r.y + r.height;
  const atX = (a: Pt, b: Pt, x: number): Pt => [x, a[1] + ((b[1] - a[1]) * (x - a[0])) / (b[0] - a[0])];
  const atY = (a: Pt, b: Pt, y: number): Pt => [a[0] + ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]), y];
  return [
    { inside: (p) => p[0] >= x0, cut: (a, b) => atX(a, b, x0) },
    { inside: (p) => p[0] <= x1, cut: (a, b) => atX(a, b, x1) },
    { inside: (p) => p[1] >= y0, cut: (a, b) => atY(a, b, y0) },
    { inside: (p) => p[1] <= y1, cut: (a, b) => atY(a, b, y1) },
  ];
}

/** Sutherland–Hodgman: a closed ring clipped to the rectangle (open: last point ≠ first). */
export function clipRing(ring: Pt[], r: Rect): Pt[] {
  let out = ring;
  for (const edge of edges(r)) {
    const input = out;
    out = [];
    for (let i = 0; i < input.length; i++) {
      const cur = input[i],
        prev = input[(i + input.length - 1) % input.length];
      if (edge.inside(cur)) {
        if (!edge.inside(prev)) out.push(edge.cut(prev, cur));
        out.push(cur);
      } else if (edge.inside(prev)) out.push(edge.cut(prev, cur));
    }
    if (!out.length) break;
  }
  return out;
}

/** A line cut into the runs that lie inside the rectangle (Liang–Barsky per segment). */
export function clipLine(line: Pt[], r: Rect): Pt[][] {
  const runs: Pt[][] = [];
  let run: Pt[] = [];
  for (let i = 1; i < line.length; i++) {
    const seg = clipSegment(line[i - 1], line[i], r);
    if (!seg) {
      if (run.length) runs.push(run);
      run = [];
      continue;
    }
    const [a, b] = seg;
    const last = run.at(-1);
    if (!last || last[0] !== a[0] || last[1] !== a[1]) {
      if (run.length) runs.push(run);
      run = [a];
    }
    run.push(b);
  }
  if (run.length) runs.push(run);
  return runs.filter((r) => r.length >= 2);
}

function clipSegment(a: Pt, b: Pt, r: Rect): [Pt, Pt] | null {
  const dx = b[0] - a[0],
    dy = b[1] - a[1];
  let t0 = 0,
    t1 = 1;
  const checks: [number, number][] = [
    [-dx, a[0] - r.x],
    [dx, r.x + r.width - a[0]],
    [-dy, a[1] - r.y],
    [dy, r.y + r.height - a[1]],
  ];
  for (const [p, q] of checks) {
    if (p === 0) {
      if (q < 0) return null;
    } else {
      const t = q / p;
      if (p < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
      if (t0 > t1) return null;
    }
  }
  const at = (t: number): Pt => (t === 0 ? a : t === 1 ? b : [a[0] + t * dx, a[1] + t * dy]);
  return [at(t0), at(t1)];
}

// --- simplification --------------------------------------------------------------------------

/** Whole pixels, without repeated points. */
export function roundPoints(points: Pt[]): Pt[] {
  const out: Pt[] = [];
  for (const [x, y] of points) {
    const p: Pt = [Math.round(x), Math.round(y)];
    const last = out.at(-1);
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out;
}

/** Douglas–Peucker with `tolerance` in pixels; keeps the end points. */
export function simplify(points: Pt[], tolerance: number): Pt[] {
  if (points.length < 3) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  const t2 = tolerance * tolerance;
  while (stack.length) {
    const [i, j] = stack.pop()!;
    const [ax, ay] = points[i],
      [bx, by] = points[j];
    const dx = bx - ax,
      dy = by - ay,
      len2 = dx * dx + dy * dy;
    let best = -1,
      bestD = t2;
    for (let k = i + 1; k < j; k++) {
      const [px, py] = points[k];
      const t = len2 ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2)) : 0;
      const ex = ax + t * dx - px,
        ey = ay + t * dy - py;
      const d = ex * ex + ey * ey;
      if (d > bestD) [best, bestD] = [k, d];
    }
    if (best >= 0) {
      keep[best] = 1;
      stack.push([i, best], [best, j]);
    }
  }
  return points.filter((_, k) => keep[k]);
}

const ringArea = (ring: Pt[]) =>
  Math.abs(
    ring.reduce((sum, [x, y], i) => {
      const [nx, ny] = ring[(i + 1) % ring.length];
      return sum + x * ny - nx * y;
    }, 0),
  ) / 2;

// --- path data -------------------------------------------------------------------------------

const TOLERANCE_PX = 0.6;
const joinPts = (pts: Pt[]) => `M${pts.map(([x, y]) => `${x} ${y}`).join('L')}`;

/** Polygons (and multipolygons) as one fill path; rings smaller than ~2 px² are dropped. */
export function areaPath(geometries: Geometry[], project: Projection, clip: Rect): string {
  const parts: string[] = [];
  for (const g of geometries) {
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
    for (const polygon of polygons) {
      for (const ring of polygon) {
        const open = ring.slice(0, ring.length > 1 && ring[0][0] === ring.at(-1)![0] && ring[0][1] === ring.at(-1)![1] ? -1 : undefined);
        const pts = roundPoints(clipRing(open.map(project), clip));
        const closed = simplify([...pts, pts[0]], TOLERANCE_PX).slice(0, -1);
        if (closed.length >= 3 && ringArea(closed) >= 2) parts.push(`${joinPts(closed)}Z`);
      }
    }
  }
  return parts.join('');
}

/** Lines (and multilines, polygon outlines) as one stroke path. */
export function linePath(geometries: Geometry[], project: Projection, clip: Rect): string {
  const parts: string[] = [];
  for (const g of geometries) {
    const lines =
      g.type === 'LineString'
        ? [g.coordinates]
        : g.type === 'MultiLineString' || g.type === 'Polygon'
          ? g.coordinates
          : g.type === 'MultiPolygon'
            ? g.coordinates.flat()
            : [];
    for (const line of lines) {
      for (const run of clipLine(line.map(project), clip)) {
        const pts = simplify(roundPoints(run), TOLERANCE_PX);
        if (pts.length >= 2) parts.push(joinPts(pts));
      }
    }
  }
  return parts.join('');
}

/** Whether a projected point lies inside the rectangle. */
export const inRect = ([x, y]: Pt, r: Rect) => x >= r.x && x <= r.x + r.width && y >= r.y && y <= r.y + r.height;
