// Shared set-up for the integration tests: a real SQLite file in a temporary directory,
// migrated with the project's own migrate script, and copies of geo/ to edit.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { GEO_DIR } from '@/geo/load';
import { disconnectPrisma } from '@/lib/data/db';
import { migrateDeploy } from '@/scripts/migrate.mjs';

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `atlas-${prefix}-`));
}

/** A migrated, empty database file; DATABASE_URL points the app's client at it. */
export async function freshDatabase(prefix: string): Promise<{ dir: string; file: string; url: string }> {
  const dir = tempDir(prefix);
  const file = path.join(dir, 'atlas.db');
  const url = `file:${file}`;
  await migrateDeploy({ url });
  await useDatabase(url);
  return { dir, file, url };
}

export async function useDatabase(url: string): Promise<void> {
  await disconnectPrisma();
  process.env.DATABASE_URL = url;
}

/**
 * A copy of geo/ to edit. Until the lead adds geo/places.json, the copy gets two places so the
 * place table is exercised too (loadAtlas requires the file).
 */
export function copyGeo(prefix: string): string {
  const dir = path.join(tempDir(prefix), 'geo');
  fs.cpSync(GEO_DIR, dir, { recursive: true });
  const places = path.join(dir, 'places.json');
  if (!fs.existsSync(places)) {
    fs.writeFileSync(
      places,
      JSON.stringify({
        version: 1,
        places: [
          { id: 'yanji', name: { en: 'Yanji', ko: '옌지' }, country: 'CN', coordinates: [129.509, 42.891], rank: 1 },
          { id: 'seoul', name: { en: 'Seoul', ko: '서울' }, country: 'KR', coordinates: [126.978, 37.566], rank: 1 },
        ],
      }),
    );
  }
  return dir;
}

export const TABLES = ['Source', 'Corridor', 'Item', 'Stage', 'Annotation', 'Citation', 'Place', 'AtlasMeta', 'ShortView'] as const;

/** Every row of every table, read past Prisma straight from the file. */
export function dumpTables(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    const dump: Record<string, unknown[]> = {};
    for (const t of TABLES) dump[t] = db.prepare(`SELECT * FROM "${t}" ORDER BY 1`).all();
    dump.sqlite_sequence = db.prepare('SELECT * FROM sqlite_sequence ORDER BY name').all();
    return dump;
  } finally {
    db.close();
  }
}

export function rowCounts(file: string): Record<string, number> {
  return Object.fromEntries(Object.entries(dumpTables(file)).map(([t, rows]) => [t, rows.length]));
}
