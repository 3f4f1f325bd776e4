// The one module that opens the database. Everything else asks getPrisma() for the client, so
// moving to PostgreSQL later is a change here (and the schema's provider), nowhere else.
import path from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from '../generated/prisma/client';

export type { PrismaClient };

/** Where the database lives when DATABASE_URL is unset: a SQLite file built from geo/. */
export const DEFAULT_DATABASE_URL = 'file:./data/atlas.db';

/** The AtlasMeta row where the seed records the version (hash) of the content it wrote. */
export const DATA_VERSION_KEY = 'data-version';

/** DATABASE_URL names a database this build cannot open. */
export class DatabaseConfigError extends Error {
  override name = 'DatabaseConfigError';
}

export function databaseUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

/**
 * The SQLite file a `file:` URL names. Relative paths resolve against the working directory,
 * which is the project root for `next start`, the seed and the tests alike.
 */
export function sqliteFile(url: string): string | null {
  const match = /^(?:file|sqlite):(?:\/\/)?([^?#]+)/.exec(url);
  return match ? path.resolve(decodeURIComponent(match[1])) : null;
}

/** A new client for `url`. Use getPrisma() in the app; this is for scripts and tests. */
export function createPrismaClient(url: string = databaseUrl()): PrismaClient {
  const file = sqliteFile(url);
  if (file) {
    // fileMustExist: a mistyped path must fail loudly, not quietly create an empty database.
    return new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: `file:${file}`, fileMustExist: true }) });
  }
  const scheme = url.split(':')[0];
  if (scheme === 'postgres' || scheme === 'postgresql') {
    throw new DatabaseConfigError(
      'DATABASE_URL names a PostgreSQL database, but PostgreSQL support is not installed yet: add the ' +
        '@prisma/adapter-pg driver adapter, set provider = "postgresql" in prisma/schema.prisma and create it in lib/data/db.ts.',
    );
  }
  throw new DatabaseConfigError(`DATABASE_URL must be a SQLite file URL such as ${DEFAULT_DATABASE_URL}; "${scheme}:" is not supported.`);
}

// Dev mode re-evaluates modules on every change; keeping the client on globalThis stops each
// reload from opening another connection. Keyed by URL so tests can point it elsewhere.
const cache = globalThis as typeof globalThis & { __atlasPrisma?: { url: string; client: PrismaClient } };

/** The shared client for DATABASE_URL (created on first use, never at import time). */
export function getPrisma(): PrismaClient {
  const url = databaseUrl();
  if (cache.__atlasPrisma?.url !== url) {
    const previous = cache.__atlasPrisma?.client;
    cache.__atlasPrisma = { url, client: createPrismaClient(url) };
    void previous?.$disconnect();
  }
  return cache.__atlasPrisma.client;
}

/** Close the shared client (scripts and tests, before they exit or switch databases). */
export async function disconnectPrisma(): Promise<void> {
  const current = cache.__atlasPrisma;
  cache.__atlasPrisma = undefined;
  await current?.client.$disconnect();
}
