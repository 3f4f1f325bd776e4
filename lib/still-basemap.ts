// The basemap under the still images, in the layer shape of geo/basemap.ts (country, border,
// river, city, country-label), read once per process.
import fs from 'node:fs';
import path from 'node:path';
import * as turf from '@turf/turf';
import type { Feature, Geometry, MultiPolygon, Polygon } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { COUNTRIES } from '@/geo/vocabulary';

export type BasemapLayer = 'country' | 'border' | 'river' | 'city' | 'country-label';
export interface BasemapFeature {
  type: 'Feature';
  geometry: Geometry;
  properties: { layer: BasemapLayer; name_en?: string; [key: string]: unknown };
}
export interface BasemapCollection {
  type: 'FeatureCollection';
  features: BasemapFeature[];
}

/** Changes whenever what `stillBasemap()` returns could change; part of the image cache key. */
export const STILL_BASEMAP_VERSION = 'world-atlas-50m-1';

function largestPolygon(g: Polygon | MultiPolygon): Polygon {
  if (g.type === 'Polygon') return g;
  const polygons = g.coordinates.map((coordinates) => ({ type: 'Polygon' as const, coordinates }));
  return polygons.reduce((a, b) => (turf.area(b) > turf.area(a) ? b : a));
}

/** Countries, their shared borders, and a label point for each country the atlas names. */
function readWorldAtlas(): BasemapCollection {
  const file = path.join(process.cwd(), 'node_modules', 'world-atlas', 'countries-50m.json');
  const topology = JSON.parse(fs.readFileSync(file, 'utf8')) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const countries = feature(topology, topology.objects.countries).features as Feature<Polygon | MultiPolygon, { name: string }>[];
  const borders = mesh(topology, topology.objects.countries, (a, b) => a !== b);
  const labels = Object.values(COUNTRIES).flatMap((c): BasemapFeature[] => {
    const country = countries.find((f) => String(f.id) === c.iso);
    if (!country) return [];
    const point = turf.pointOnFeature(largestPolygon(country.geometry)).geometry;
    return [{ type: 'Feature', geometry: point, properties: { layer: 'country-label', name_en: c.en } }];
  });
  return {
    type: 'FeatureCollection',
    features: [
      ...countries.map((f): BasemapFeature => ({ type: 'Feature', geometry: f.geometry, properties: { layer: 'country', id: String(f.id), name_en: f.properties.name } })),
      { type: 'Feature', geometry: borders, properties: { layer: 'border' } },
      ...labels,
    ],
  };
}

let cached: BasemapCollection | undefined;

export function stillBasemap(): BasemapCollection {
  cached ??= readWorldAtlas();
  return cached;
}
