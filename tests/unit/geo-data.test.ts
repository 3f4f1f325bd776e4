// Issue #2: every file in geo/ is valid, consistent, cited and geographically plausible.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as turf from '@turf/turf';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { allAnnotations, allCitations, checkAtlas } from '@/geo/atlas';
import { countryAt, distanceToBorderKm, distanceToCoastKm } from '@/geo/countries';
import { corridorFiles, loadAtlas } from '@/geo/load';
import { CorridorFile } from '@/geo/schema';

const atlas = loadAtlas();
const REGION = { west: 70, south: 0, east: 150, north: 58 };
/** Natural Earth coastlines are generalised: a point this close to the coast may read as sea. */
const COAST_SLACK_KM = 2;
const BORDER_KM = 5;

const positions = (g: { type: string; coordinates: unknown } | null): Position[] =>
  g === null
    ? []
    : g.type === 'Point'
      ? [g.coordinates as Position]
      : g.type === 'LineString'
        ? (g.coordinates as Position[])
        : (g.coordinates as Position[][]).flat();

describe('geo/ files', () => {
  it.each(corridorFiles().map((f) => [path.basename(f), f]))('%s matches the schema', (_name, file) => {
    const result = CorridorFile.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });

  it('has ids that are unique, sources all used, hazards all supported (checkAtlas)', () => {
    expect(checkAtlas(atlas)).toEqual([]);
  });

  it('covers all nine corridor groups of the data issue, in story order', () => {
    expect(atlas.corridors.map((c) => c.id)).toEqual([
      'tumen',
      'yalu',
      'china-mongolia',
      'china-southeast-asia',
      'china-exits',
      'dmz',
      'yellow-sea',
      'russia',
      'defections-abroad',
    ]);
    for (const c of atlas.corridors) expect(atlas.features.some((f) => f.properties.corridor === c.id)).toBe(true);
  });

  it('gives every annotation at least one citation, and every quote stands in its document', () => {
    for (const { annotation } of allAnnotations(atlas)) expect(annotation.citations.length).toBeGreaterThan(0);
    const checker = path.resolve('..', 'shared', 'tools', 'check-citations.mjs');
    const out = execFileSync(process.execPath, [checker, '-'], { input: JSON.stringify(allCitations(atlas)), encoding: 'utf8' });
    expect(out).toMatch(/, 0 not found in their source/);
  });

  it('never gives a source a guessed address: unverified sources have none', () => {
    const unverified = ['fair-observer-what-does-it-take-2017', 'grissom-who-escaped', 'ofk-top-money-man-defects-2014'];
    for (const id of unverified) expect(atlas.sources.find((s) => s.id === id)?.url).toBeNull();
  });
});

describe('RFC 7946 geometry', () => {
  it.each(atlas.features.map((f) => [f.properties.id, f]))('%s: longitude first, inside the region', (_id, f) => {
    for (const [lon, lat] of positions(f.geometry)) {
      expect(lon).toBeGreaterThanOrEqual(REGION.west);
      expect(lon).toBeLessThanOrEqual(REGION.east);
      expect(lat).toBeGreaterThanOrEqual(REGION.south);
      expect(lat).toBeLessThanOrEqual(REGION.north);
    }
  });

  it('closes every polygon ring and winds outer rings counter-clockwise (right-hand rule)', () => {
    const polygons = atlas.features.filter((f) => f.geometry?.type === 'Polygon');
    expect(polygons.length).toBeGreaterThan(0);
    for (const f of polygons) {
      const rings = f.geometry!.coordinates as Position[][];
      rings.forEach((ring, i) => {
        expect(ring[0]).toEqual(ring[ring.length - 1]);
        expect(turf.booleanClockwise(ring), `${f.properties.id} ring ${i}`).toBe(i > 0);
      });
    }
  });
});

describe('geography against the basemap', () => {
  const onLandOrCoast = (p: Position) => countryAt(p[0], p[1]) !== null || distanceToCoastKm(p[0], p[1]) <= COAST_SLACK_KM;

  it.each(atlas.features.filter((f) => f.properties.kind === 'route').map((f) => [f.properties.id, f]))(
    'route %s starts and ends in the countries it names',
    (_id, f) => {
      if (f.properties.kind !== 'route') return;
      const coords = f.geometry!.coordinates as Position[];
      expect(countryAt(...(coords[0] as [number, number]))).toBe(f.properties.from);
      expect(countryAt(...(coords[coords.length - 1] as [number, number]))).toBe(f.properties.to);
    },
  );

  it.each(atlas.features.filter((f) => f.properties.kind === 'crossing').map((f) => [f.properties.id, f]))(
    'crossing %s lies within a few km of the border it crosses',
    (_id, f) => {
      if (f.properties.kind !== 'crossing') return;
      const [lon, lat] = f.geometry!.coordinates as Position;
      expect(distanceToBorderKm(lon, lat, f.properties.from, f.properties.to)).toBeLessThan(BORDER_KM);
    },
  );

  it.each(atlas.features.filter((f) => f.properties.kind === 'event' && f.geometry !== null).map((f) => [f.properties.id, f]))(
    'event %s lies in the country it names',
    (_id, f) => {
      if (f.properties.kind !== 'event' || f.properties.sea) return;
      const [lon, lat] = f.geometry!.coordinates as Position;
      if (f.properties.country) {
        const at = countryAt(lon, lat);
        if (at !== f.properties.country) expect(distanceToCoastKm(lon, lat)).toBeLessThanOrEqual(COAST_SLACK_KM);
      } else expect(onLandOrCoast([lon, lat])).toBe(true);
    },
  );

  it('puts no coordinate in the sea unless the feature is a sea crossing', () => {
    const wet: string[] = [];
    for (const f of atlas.features) {
      if ('sea' in f.properties && f.properties.sea) continue;
      for (const p of positions(f.geometry)) if (!onLandOrCoast(p)) wet.push(`${f.properties.id} ${p.join(',')}`);
    }
    expect(wet).toEqual([]);
  });

  it('keeps sea crossings honest: they start or end on land', () => {
    const seaRoutes = atlas.features.filter((f) => f.properties.kind === 'route' && f.properties.sea);
    expect(seaRoutes.length).toBeGreaterThan(0);
    for (const f of seaRoutes) {
      const c = f.geometry!.coordinates as Position[];
      expect(onLandOrCoast(c[0])).toBe(true);
      expect(onLandOrCoast(c[c.length - 1])).toBe(true);
    }
  });
});
