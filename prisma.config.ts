// Configuration for the Prisma CLI (`prisma generate`, and `prisma migrate deploy` where the
// native engine is available). The app itself never reads this file: lib/data/db.ts picks the
// driver adapter from DATABASE_URL, and scripts/migrate.mjs applies migrations in-process.
// This names the SQLite schema; the PostgreSQL twin is generated with
// `prisma generate --schema prisma/postgresql/schema.prisma` (npm's postinstall runs both).
import { defineConfig } from 'prisma/config';

// `prisma generate` needs no schema engine, but the CLI insists that one exists: any existing
// file satisfies it offline, where the real binary cannot be downloaded.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations', seed: 'tsx prisma/seed.ts' },
  datasource: { url: process.env.DATABASE_URL ?? 'file:./data/atlas.db' },
});
