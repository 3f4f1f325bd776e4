// Reads geo/ from disk and validates it. Server-side only (node:fs).
import fs from 'node:fs';
import path from 'node:path';
import { assembleAtlas, checkAtlas, type Atlas } from './atlas';
import { CorridorFile, PlacesFile, SourcesFile } from './schema';

export const GEO_DIR = path.join(process.cwd(), 'geo');

function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function parse<T>(
  schema: {
    safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
  },
  file: string,
): T {
  const result = schema.safeParse(readJson(file));
  if (!result.success) {
    const lines = result.error.issues.slice(0, 10).map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`${path.relative(process.cwd(), file)} does not match the schema:\n${lines.join('\n')}`);
  }
  return result.data;
}

export function corridorFiles(dir = GEO_DIR): string[] {
  return fs
    .readdirSync(path.join(dir, 'features'))
    .filter((f) => f.endsWith('.geojson'))
    .sort()
    .map((f) => path.join(dir, 'features', f));
}

/** Load and validate every file in geo/; throws with the problems when the data is unsound. */
export function loadAtlas(dir = GEO_DIR): Atlas {
  const sources = parse(SourcesFile, path.join(dir, 'sources.json')).sources;
  const places = parse(PlacesFile, path.join(dir, 'places.json')).places;
  const files = corridorFiles(dir).map((f) => parse(CorridorFile, f));
  const atlas = assembleAtlas(sources, files, places);
  const problems = checkAtlas(atlas);
  if (problems.length) throw new Error(`geo/ is inconsistent:\n  ${problems.join('\n  ')}`);
  return atlas;
}
