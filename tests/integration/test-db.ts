// Shared set-up for the integration tests: a real database, migrated with the project's own
// migrate script, and copies of geo/ to edit. The database is a SQLite file in a temporary
// directory, or, in the PostgreSQL pass (scripts/test-postgres.mjs, which npm test runs when
// TEST_POSTGRES_URL is set), a new database on that server.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { GEO_DIR } from '@/geo/load';
import { disconnectPrisma } from '@/lib/data/db';
import { migrateDeploy } from '@/scripts/migrate.mjs';

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `atlas-${prefix}-`));
}

/** A PostgreSQL server to test against (its user may create databases), or undefined. */
export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL || undefined;

/** Which database this run's freshDatabase() makes. */
export const TEST_PROVIDER: 'sqlite' | 'postgresql' =
  process.env.TEST_DATABASE_PROVIDER === 'postgresql' && TEST_POSTGRES_URL ? 'postgresql' : 'sqlite';

/** Prefix of every database the tests create, so a run can drop what an earlier one left. */
export const TEST_DATABASE_PREFIX = 'atlas_test_';

/** A new, empty PostgreSQL database on TEST_POSTGRES_URL's server; its URL. */
export async function createPostgresDatabase(prefix: string): Promise<string> {
  if (!TEST_POSTGRES_URL) throw new Error('TEST_POSTGRES_URL is not set');
  const name = `${TEST_DATABASE_PREFIX}${prefix.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * A migrated, empty database; DATABASE_URL points the app's client at it. `file` is the SQLite
 * file, or "" for PostgreSQL (use dumpDatabase/rowCountsOf with the url on both).
 */
export async function freshDatabase(prefix: string): Promise<{ dir: string; file: string; url: string }> {
  const dir = tempDir(prefix);
  const file = TEST_PROVIDER === 'sqlite' ? path.join(dir, 'atlas.db') : '';
  const url = file ? `file:${file}` : await createPostgresDatabase(prefix);
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

export const TABLES = [
  'Source',
  'Corridor',
  'Item',
  'Stage',
  'Annotation',
  'Citation',
  'Place',
  'AtlasMeta',
  'ShortView',
  'RateLimit',
] as const;

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

/** Every row of every table of the database `url` names (SQLite or PostgreSQL), past Prisma. */
export async function dumpDatabase(url: string): Promise<Record<string, unknown[]>> {
  if (url.startsWith('file:')) return dumpTables(url.slice('file:'.length));
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const dump: Record<string, unknown[]> = {};
    for (const t of TABLES) dump[t] = (await client.query(`SELECT * FROM "${t}" ORDER BY 1`)).rows;
    return dump;
  } finally {
    await client.end();
  }
}

export async function rowCountsOf(url: string): Promise<Record<string, number>> {
  return Object.fromEntries(Object.entries(await dumpDatabase(url)).map(([t, rows]) => [t, rows.length]));
}

/** The tables the migrations make, on either database, in order. */
export const MIGRATED_TABLES = [
  'Annotation',
  'AtlasMeta',
  'Citation',
  'Corridor',
  'Item',
  'Place',
  'RateLimit',
  'ShortView',
  'Source',
  'Stage',
  '_prisma_migrations',
];
