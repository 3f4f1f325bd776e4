// Issue 18: bad database configuration fails clearly, and nothing is ever half-migrated.
// The migrate module and `npm start`'s migrate step (scripts/start.mjs, run as a process) against
// an unreachable server, a wrong password and a missing database each give one line saying what
// is wrong and how to fix it, and a non-zero exit. A migration that fails part-way is rolled
// back whole, on SQLite and on PostgreSQL. The PostgreSQL server tests need TEST_POSTGRES_URL.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, it, vi } from 'vitest';
import { GET as getRoutes } from '@/app/api/routes/route';
import { POST as postView } from '@/app/api/views/route';
import { disconnectPrisma } from '@/lib/data/db';
import { PEER_ADDRESS_HEADER, peerHeaderValue } from '@/lib/http/rate-limit';
import { databaseTarget, listMigrations, migrateDeploy, migrationStatus, MigrateError, ROOT } from '@/scripts/migrate.mjs';
import { createPostgresDatabase, TEST_POSTGRES_URL, tempDir, useDatabase, MIGRATED_TABLES } from './test-db';

/** `npm start` with this DATABASE_URL: it must stop at the migrate step, before any build. */
function start(databaseUrl: string) {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'start.mjs')], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: '3299' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  const errorLines = result.stderr.split('\n').filter((l) => l.trim());
  return { status: result.status, errorLines, stdout: result.stdout };
}

function withUrl(base: string, change: (u: URL) => void): string {
  const u = new URL(base);
  change(u);
  return u.toString();
}

/** A scratch project whose migrations end in one that fails at its second statement. */
function projectWithBrokenMigration(provider: 'sqlite' | 'postgresql'): string {
  const root = tempDir('broken-migration');
  fs.cpSync(path.join(ROOT, 'prisma'), path.join(root, 'prisma'), { recursive: true });
  const dir = path.join(root, 'prisma', ...(provider === 'postgresql' ? ['postgresql', 'migrations'] : ['migrations']), '0099_broken');
  fs.mkdirSync(dir);
  fs.writeFileSync(
    path.join(dir, 'migration.sql'),
    'CREATE TABLE "HalfDone" ("id" INTEGER NOT NULL PRIMARY KEY);\nINSERT INTO "NoSuchTable" ("id") VALUES (1);\n',
  );
  return root;
}

describe('bad configuration fails clearly', () => {
  it('refuses a URL that is neither SQLite nor PostgreSQL, naming both forms', () => {
    expect(() => databaseTarget('mysql://u:p@h/db')).toThrow(/neither SQLite .* nor PostgreSQL/);
    expect(() => databaseTarget('postgresql://u:p@host')).toThrow(/must name a host and a database/);
  });

  it('an unreachable PostgreSQL: one line saying so and how to fix it, and npm start exits non-zero', async () => {
    const url = 'postgresql://atlas:secret@127.0.0.1:1/atlas';
    await expect(migrateDeploy({ url })).rejects.toThrow(
      /^Cannot reach PostgreSQL at 127\.0\.0\.1:1 \(ECONNREFUSED\): start the server, or fix the host and port in DATABASE_URL\.$/,
    );
    const run = start(url);
    expect(run.status).toBe(1);
    expect(run.errorLines).toEqual([expect.stringMatching(/^start: Cannot reach PostgreSQL at 127\.0\.0\.1:1 .*DATABASE_URL\.$/)]);
    expect(run.errorLines[0]).not.toContain('secret');
  });

  it('a PostgreSQL that goes away under a running app: the API and short links answer 503 with a reason, never 500', async () => {
    const serverLog = vi.spyOn(console, 'error').mockImplementation(() => {});
    const previous = process.env.DATABASE_URL;
    await useDatabase('postgresql://atlas:secret@127.0.0.1:1/atlas');
    try {
      const routes = await getRoutes(new Request('http://localhost/api/routes'));
      expect(routes.status).toBe(503);
      expect(((await routes.json()) as { message: string }).message).toMatch(/cannot be reached or refused the connection/);
      const view = await postView(
        new Request('http://localhost/api/views', {
          method: 'POST',
          headers: { 'content-type': 'application/json', [PEER_ADDRESS_HEADER]: peerHeaderValue('203.0.113.1') },
          body: JSON.stringify({ path: '/' }),
        }),
      );
      expect(view.status).toBe(503);
      expect(((await view.json()) as { message: string }).message).toMatch(/Short links cannot be saved right now/);
    } finally {
      await disconnectPrisma();
      if (previous === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = previous;
      serverLog.mockRestore();
    }
  });

  it('a bad TRUST_PROXY stops npm start with one line', () => {
    const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'start.mjs')], {
      cwd: ROOT,
      env: { ...process.env, TRUST_PROXY: 'everyone' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toMatch(/^start: TRUST_PROXY must be .*not "everyone"\.$/);
  });
});

describe('SQLite: a migration that fails part-way', () => {
  it('is rolled back whole and retried on the next deploy', async () => {
    const root = projectWithBrokenMigration('sqlite');
    const file = path.join(root, 'data', 'atlas.db');
    const url = `file:${file}`;
    await expect(migrateDeploy({ url, root })).rejects.toThrow(/Migrating .* failed: .*NoSuchTable.*rolled back/);
    const db = new Database(file, { readonly: true });
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
      .all()
      .map((r) => (r as { name: string }).name);
    const failed = db.prepare("SELECT count(*) AS n FROM _prisma_migrations WHERE migration_name = '0099_broken'").get();
    db.close();
    expect(tables).toContain('RateLimit'); // the good migrations before it stay applied
    expect(tables).not.toContain('HalfDone');
    expect(failed).toEqual({ n: 0 });
    // Fixed, it applies on the next run rather than being stuck as "failed".
    fs.writeFileSync(
      path.join(root, 'prisma', 'migrations', '0099_broken', 'migration.sql'),
      'CREATE TABLE "HalfDone" ("id" INTEGER NOT NULL PRIMARY KEY);\n',
    );
    expect(await migrateDeploy({ url, root })).toEqual(['0099_broken']);
  });
});

describe.skipIf(!TEST_POSTGRES_URL)('PostgreSQL server (skipped: set TEST_POSTGRES_URL to run)', () => {
  const base = TEST_POSTGRES_URL!;

  it('a wrong password: one line, and npm start exits non-zero', async () => {
    const url = withUrl(base, (u) => (u.password = 'certainly-not-the-password'));
    await expect(migrateDeploy({ url })).rejects.toThrow(
      /^PostgreSQL at .* refused the password for user ".+": fix the user and password in DATABASE_URL/,
    );
    const run = start(url);
    expect(run.status).toBe(1);
    expect(run.errorLines).toEqual([expect.stringMatching(/^start: PostgreSQL at .* refused the password/)]);
    expect(run.errorLines[0]).not.toContain('certainly-not-the-password');
  });

  it('a missing database: one line naming it and how to create it, and npm start exits non-zero', async () => {
    const url = withUrl(base, (u) => (u.pathname = '/atlas_no_such_database'));
    await expect(migrateDeploy({ url })).rejects.toThrow(
      /^PostgreSQL at .* has no database "atlas_no_such_database": create it \(e\.g\. `createdb -O .+ atlas_no_such_database`\)/,
    );
    const run = start(url);
    expect(run.status).toBe(1);
    expect(run.errorLines).toEqual([expect.stringMatching(/^start: PostgreSQL at .* has no database "atlas_no_such_database"/)]);
  });

  it('migrates an empty database, records each migration as Prisma does, then has nothing to do', async () => {
    const url = await createPostgresDatabase('migrate');
    const names = listMigrations(ROOT, 'postgresql').map((m) => m.name);
    expect(await migrateDeploy({ url })).toEqual(names);
    expect(await migrateDeploy({ url })).toEqual([]);
    expect(await migrationStatus({ url })).toEqual(names.map((name) => ({ name, applied: true })));
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename");
    await client.end();
    expect(rows.map((r) => r.tablename)).toEqual([...MIGRATED_TABLES]);
  });

  it('a migration that fails part-way is rolled back whole and retried on the next deploy', async () => {
    const root = projectWithBrokenMigration('postgresql');
    const url = await createPostgresDatabase('broken');
    const attempt = migrateDeploy({ url, root });
    await expect(attempt).rejects.toBeInstanceOf(MigrateError);
    await expect(attempt).rejects.toThrow(/rolled back/);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const tables = (await client.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).rows.map((r) => r.tablename);
    const failed = (await client.query(`SELECT count(*)::int AS n FROM "_prisma_migrations" WHERE migration_name = '0099_broken'`)).rows[0]
      .n;
    await client.end();
    expect(tables).toContain('RateLimit');
    expect(tables).not.toContain('HalfDone');
    expect(failed).toBe(0);
    fs.writeFileSync(
      path.join(root, 'prisma', 'postgresql', 'migrations', '0099_broken', 'migration.sql'),
      'CREATE TABLE "HalfDone" ("id" INTEGER NOT NULL PRIMARY KEY);\n',
    );
    expect(await migrateDeploy({ url, root })).toEqual(['0099_broken']);
  });
});
