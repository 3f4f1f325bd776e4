// The basemap under the still images: the very one the live map draws (geo/basemap.ts, written to
// public/generated/basemap.json before every build), so an image shows the same land, borders,
// Yalu and Tumen as the map it stands for. Read once per process; built in memory from
// geo/places.json where the file has not been generated (a dev server before `npm run basemap`).
import 'server-only';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { buildBasemap, type BasemapFeature } from '@/geo/basemap';
import { PlacesFile } from '@/geo/schema';

export interface BasemapCollection {
  type: 'FeatureCollection';
  features: BasemapFeature[];
}

const GENERATED = path.join(process.cwd(), 'public', 'generated', 'basemap.json');
const PLACES = path.join(process.cwd(), 'geo', 'places.json');

let cached: { basemap: BasemapCollection; version: string } | undefined;

function load(): { basemap: BasemapCollection; version: string } {
  const json = fs.existsSync(GENERATED)
    ? fs.readFileSync(GENERATED, 'utf8')
    : JSON.stringify(buildBasemap(PlacesFile.parse(JSON.parse(fs.readFileSync(PLACES, 'utf8'))).places));
  // Our own build's output: its shape is geo/basemap.ts's, checked by tests/unit/basemap.test.ts.
  const basemap = JSON.parse(json) as BasemapCollection;
  return { basemap, version: createHash('sha256').update(json).digest('base64url').slice(0, 16) };
}

export function stillBasemap(): BasemapCollection {
  cached ??= load();
  return cached.basemap;
}

/** Changes whenever what `stillBasemap()` returns changes; part of the image cache key. */
export function stillBasemapVersion(): string {
  cached ??= load();
  return cached.version;
}
