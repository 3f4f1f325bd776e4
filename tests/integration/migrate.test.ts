// scripts/migrate.mjs against real SQLite files: what `npm start` and `npm run db:migrate` do.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  appliedMigrations,
  DamagedDatabaseError,
  listMigrations,
  migrateDeploy,
  migrateDiff,
  ROOT,
  sqlitePath,
} from '@/scripts/migrate.mjs';
import { tempDir, MIGRATED_TABLES, sqliteTables } from './test-db';

const SCHEMA = path.join(ROOT, 'prisma', 'schema.prisma');

/** A scratch project holding a copy of prisma/, so diff can write migration folders freely. */
function scratchProject(): string {
  const root = tempDir('project');
  fs.cpSync(path.join(ROOT, 'prisma'), path.join(root, 'prisma'), { recursive: true });
  // Diffing the PostgreSQL schema needs a server (see migrateDiff); without one, SQLite's alone.
  if (!process.env.TEST_POSTGRES_URL) fs.rmSync(path.join(root, 'prisma', 'postgresql'), { recursive: true });
  return root;
}

describe('migrate deploy', () => {
  it('builds every table from an empty file and records each migration as Prisma does', async () => {
    const file = path.join(tempDir('migrate'), 'nested', 'atlas.db');
    const applied = await migrateDeploy({ url: `file:${file}` });
    const migrations = listMigrations();
    expect(applied).toEqual(migrations.map((m) => m.name));
    expect(sqliteTables(file)).toEqual([...MIGRATED_TABLES]);

    const db = new Database(file, { readonly: true });
    const rows = db.prepare('SELECT * FROM _prisma_migrations ORDER BY migration_name').all() as Record<string, unknown>[];
    db.close();
    expect(rows).toHaveLength(migrations.length);
    for (const [i, row] of rows.entries()) {
      const sql = fs.readFileSync(path.join(ROOT, 'prisma', 'migrations', migrations[i].name, 'migration.sql'));
      expect(row).toMatchObject({
        migration_name: migrations[i].name,
        checksum: crypto.createHash('sha256').update(sql).digest('hex'),
        logs: null,
        rolled_back_at: null,
        applied_steps_count: 1,
      });
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row.started_at).toBeTruthy();
      expect(row.finished_at).toBeTruthy();
    }
  });

  it('applies nothing to a database that is up to date', async () => {
    const url = `file:${path.join(tempDir('migrate'), 'atlas.db')}`;
    await migrateDeploy({ url });
    expect(await migrateDeploy({ url })).toEqual([]);
    expect(appliedMigrations({ url })).toEqual(listMigrations().map((m) => m.name));
  });

  it('status refuses a file that is not a SQLite database, leaves it as it is, and never says to delete it', () => {
    // (deploy moves such a file aside instead: tests/integration/database-safety.test.ts)
    const file = path.join(tempDir('garbage'), 'atlas.db');
    fs.writeFileSync(file, 'this is not a database, just some text '.repeat(200));
    expect(() => appliedMigrations({ url: `file:${file}` })).toThrow(DamagedDatabaseError);
    expect(() => appliedMigrations({ url: `file:${file}` })).toThrow(/damaged or not a SQLite database.*only copy of the short links/);
    expect(() => appliedMigrations({ url: `file:${file}` })).not.toThrow(/delete/i);
    expect(fs.readFileSync(file, 'utf8')).toMatch(/^this is not a database/);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['atlas.db']);
  });

  it('sqlitePath names PostgreSQL and other URLs as not SQLite files', () => {
    expect(() => sqlitePath('postgresql://user:pw@db/atlas')).toThrow(/not a SQLite file URL/);
    expect(() => sqlitePath('file::memory:')).toThrow(/in-memory/);
  });

  it('resolves the default relative SQLite URL against the project root', () => {
    expect(sqlitePath('file:./data/atlas.db')).toBe(path.join(ROOT, 'data', 'atlas.db'));
    expect(sqlitePath('file:/tmp/x.db?connection_limit=1')).toBe('/tmp/x.db');
  });
});

describe('migrate diff', () => {
  it('has a migration for every change in prisma/schema.prisma (the committed migrations are complete)', async () => {
    const root = scratchProject();
    expect(await migrateDiff('check', { root })).toBeNull();
    expect(fs.readdirSync(path.join(root, 'prisma', 'migrations')).sort()).toEqual(
      fs.readdirSync(path.join(ROOT, 'prisma', 'migrations')).sort(),
    );
    if (process.env.TEST_POSTGRES_URL) {
      expect(fs.readdirSync(path.join(root, 'prisma', 'postgresql', 'migrations')).sort()).toEqual(
        fs.readdirSync(path.join(ROOT, 'prisma', 'postgresql', 'migrations')).sort(),
      );
    }
  });

  it('writes the next numbered migration for a schema change, and deploy applies it', async () => {
    const root = scratchProject();
    const url = `file:${path.join(root, 'data', 'atlas.db')}`;
    await migrateDeploy({ url, root });
    const schema = fs.readFileSync(SCHEMA, 'utf8').replace(/(model Place \{\n)/, '$1  note   String?\n');
    fs.writeFileSync(path.join(root, 'prisma', 'schema.prisma'), schema);

    const folder = await migrateDiff('Add place note!', { root });
    const count = listMigrations(root).length;
    expect(folder).toBe(`${String(count).padStart(4, '0')}_add_place_note`);
    const sql = fs.readFileSync(path.join(root, 'prisma', 'migrations', folder!, 'migration.sql'), 'utf8');
    expect(sql).toContain('ALTER TABLE "Place" ADD COLUMN "note" TEXT');
    // The snapshot makes the next diff start from here: nothing more to write.
    expect(await migrateDiff('again', { root })).toBeNull();

    expect(await migrateDeploy({ url, root })).toEqual([folder]);
    const db = new Database(sqlitePath(url, root), { readonly: true });
    const columns = db
      .prepare('PRAGMA table_info("Place")')
      .all()
      .map((c) => (c as { name: string }).name);
    db.close();
    expect(columns).toContain('note');
  });

  it('asks for a name', async () => {
    await expect(migrateDiff('  ', { root: scratchProject() })).rejects.toThrow(/Name the migration/);
  });
});
