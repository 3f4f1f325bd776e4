// The one module that opens the database. Everything else asks getPrisma() for the client.
// DATABASE_URL picks the provider: `file:` opens SQLite through better-sqlite3, `postgres://` or
// `postgresql://` opens PostgreSQL through node-postgres. Prisma 7 generates one client per
// provider, so there are two, from two schema files with the same models (prisma/schema.prisma ->
// lib/generated/prisma, prisma/postgresql/schema.prisma -> lib/generated/prisma-pg); the rest of
// the app sees one PrismaClient type.
import path from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client';
import { PrismaClient as PostgresPrismaClient } from '../generated/prisma-pg/client';

export type { PrismaClient };

/** Where the database lives when DATABASE_URL is unset: a SQLite file built from geo/. */
export const DEFAULT_DATABASE_URL = 'file:./data/atlas.db';

/** The AtlasMeta row where the seed records the version (hash) of the content it wrote. */
export const DATA_VERSION_KEY = 'data-version';

/** How long a SQLite write waits for another connection's write to finish (busy timeout). */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

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
    // timeout: SQLite's busy timeout. The file is in WAL mode (scripts/migrate.mjs sets it), so
    // readers never wait; a writer that meets another process's write (a second instance, the
    // seed) waits up to this long for it instead of failing at once with SQLITE_BUSY.
    return new PrismaClient({
      adapter: new PrismaBetterSqlite3({ url: `file:${file}`, fileMustExist: true, timeout: SQLITE_BUSY_TIMEOUT_MS }),
    });
  }
  const scheme = url.split(':')[0];
  if (scheme === 'postgres' || scheme === 'postgresql') {
    const client = new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
    // Both clients are generated from the same models (tests/unit/prisma-schemas.test.ts), so
    // they have the same delegates and results; TypeScript cannot see that two generated
    // classes agree, hence the cast. The SQLite type is the narrower one (no PostgreSQL-only
    // query options), so code written against it works on both.
    return client as unknown as PrismaClient;
  }
  throw new DatabaseConfigError(
    `DATABASE_URL must be a SQLite file URL such as ${DEFAULT_DATABASE_URL} or a PostgreSQL URL such as postgresql://USER:PASSWORD@HOST:5432/DATABASE; "${scheme}:" is not supported.`,
  );
}

/** Which provider a DATABASE_URL names (raw SQL differs in small ways between them). */
export function databaseProvider(url: string = databaseUrl()): 'sqlite' | 'postgresql' {
  return sqliteFile(url) ? 'sqlite' : 'postgresql';
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
