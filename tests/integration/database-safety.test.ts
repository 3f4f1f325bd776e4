// Issue 19: no advice destroys data. A damaged SQLite database is moved aside byte for byte (it
// holds the only copy of the short links), its short links are copied into the new one where they
// can still be read, and `npm start` on a folder it cannot write stops with one line saying why.
// Real files, the real migrate script and the real `npm start` entry (scripts/start.mjs).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrateDeploy, ROOT } from '@/scripts/migrate.mjs';
import { createPrismaClient, disconnectPrisma, getPrisma } from '@/lib/data/db';
import { seed } from '@/prisma/seed';
import { copyGeo, freshDatabase, MIGRATED_TABLES, readSqlite, sqliteTables, tempDir } from './test-db';

const LINK = { id: 'keepMe_12345', state: JSON.stringify({ v: 1, path: '/', query: { level: '4' }, hash: '' }) };

/** A migrated database file holding one short link, checkpointed so the main file has it all. */
async function databaseWithLink(file: string): Promise<void> {
  await migrateDeploy({ url: `file:${file}` });
  const db = new Database(file);
  try {
    db.prepare('INSERT INTO "ShortView" ("id", "state", "createdAt") VALUES (?, ?, ?)').run(LINK.id, LINK.state, Date.now());
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}

function shortLinks(file: string): string[] {
  return readSqlite(file, (db) =>
    db
      .prepare('SELECT "id" FROM "ShortView" ORDER BY 1')
      .all()
      .map((r) => (r as { id: string }).id),
  );
}

/** Every file in `dir` whose name says it was moved aside as damaged. */
const movedAside = (dir: string) => fs.readdirSync(dir).filter((f) => f.includes('.damaged-'));

async function deployLogging(file: string): Promise<string[]> {
  const lines: string[] = [];
  await migrateDeploy({ url: `file:${file}`, log: (m) => lines.push(m) });
  return lines;
}

describe('a damaged database (issue 19)', () => {
  it('is moved aside with a timestamp, its bytes and side files kept, and the message never says to delete it', async () => {
    const dir = tempDir('damaged');
    const file = path.join(dir, 'atlas.db');
    const garbage = Buffer.from('this is not a database, just some text '.repeat(200));
    fs.writeFileSync(file, garbage);
    fs.writeFileSync(`${file}-wal`, 'a write-ahead log that may hold the last links');

    const lines = await deployLogging(file);

    const aside = movedAside(dir).sort();
    expect(aside).toEqual([expect.stringMatching(/^atlas\.db\.damaged-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z$/), `${aside[0]}-wal`]);
    expect(fs.readFileSync(path.join(dir, aside[0]))).toEqual(garbage);
    expect(fs.readFileSync(path.join(dir, aside[1]), 'utf8')).toBe('a write-ahead log that may hold the last links');

    const text = lines.join('\n');
    expect(text).not.toMatch(/delete|remove|rm /i);
    expect(text).toContain(path.join(dir, aside[0]));
    expect(text).toMatch(/short links people have shared/);
    // Nothing could be read straight from this file: it says how to salvage them.
    expect(text).toMatch(/sqlite3 ".*" "\.recover" \| sqlite3 recovered\.db.*node scripts\/migrate\.mjs recover-links recovered\.db/);
    // And a new database is in its place, ready to be seeded.
    expect(sqliteTables(file)).toEqual([...MIGRATED_TABLES]);
  });

  it('has its short links copied into the new database when they can still be read', async () => {
    const dir = tempDir('damaged-index');
    const file = path.join(dir, 'atlas.db');
    await databaseWithLink(file);
    // Wreck one index page of the atlas: the file fails SQLite's check, its ShortView table does not.
    const db = new Database(file);
    const { rootpage } = db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'Item_slug_key'").get() as { rootpage: number };
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    db.close();
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (rootpage - 1) * pageSize);
    fs.closeSync(fd);
    const damaged = fs.readFileSync(file);

    const lines = await deployLogging(file);

    const [aside] = movedAside(dir);
    expect(fs.readFileSync(path.join(dir, aside))).toEqual(damaged);
    expect(lines.join('\n')).toMatch(/Recovered 1 of the 1 short links/);
    expect(lines.join('\n')).not.toMatch(/delete|remove/i);
    expect(shortLinks(file)).toEqual([LINK.id]);
  });

  it('recover-links copies the short links of an old file into DATABASE_URL, keeping those already there', async () => {
    const old = path.join(tempDir('recover-old'), 'atlas.db');
    await databaseWithLink(old);
    const file = path.join(tempDir('recover-new'), 'atlas.db');
    await migrateDeploy({ url: `file:${file}` });
    const run = () =>
      spawnSync(process.execPath, ['scripts/migrate.mjs', 'recover-links', old], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: `file:${file}` },
        encoding: 'utf8',
      });
    expect(run()).toMatchObject({ status: 0, stdout: expect.stringMatching(/Copied 1 of the 1 short links/) });
    expect(run()).toMatchObject({ status: 0, stdout: expect.stringMatching(/Copied 0 of the 1 short links/) });
    expect(shortLinks(file)).toEqual([LINK.id]);
  });
});

describe('short links are user data (issue 19)', () => {
  it('reseeding the atlas, even with items removed, never touches them', async () => {
    await freshDatabase('reseed');
    const prisma = getPrisma();
    try {
      await seed(prisma, { dir: copyGeo('reseed') });
      await prisma.shortView.create({ data: { id: LINK.id, state: JSON.parse(LINK.state) } });
      const before = await prisma.shortView.findMany();
      // A geo/ with one item fewer: the seed deletes what geo/ no longer has, and only that.
      const dir = copyGeo('reseed-smaller');
      const features = fs.readdirSync(path.join(dir, 'features')).filter((f) => f.endsWith('.geojson'));
      const victim = path.join(dir, 'features', features[0]);
      const collection = JSON.parse(fs.readFileSync(victim, 'utf8')) as { features: unknown[] };
      collection.features.pop();
      fs.writeFileSync(victim, JSON.stringify(collection));
      const result = await seed(prisma, { dir });
      expect(result.changed).toBe(true);
      expect(await prisma.shortView.findMany()).toEqual(before);
    } finally {
      await disconnectPrisma();
    }
  });
});

describe('the database file', () => {
  it("waits for another process's write instead of failing, and reads meanwhile", async () => {
    const { file, url } = await freshDatabase('busy');
    // Another process (a second instance, the seed) holds the write lock for a second.
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `const db = new (require('better-sqlite3'))(${JSON.stringify(file)});
         db.exec('BEGIN IMMEDIATE');
         db.prepare('INSERT INTO "AtlasMeta" ("key", "value") VALUES (?, ?)').run('held', 'yes');
         console.log('locked');
         setTimeout(() => { db.exec('COMMIT'); db.close(); }, 1000);`,
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve) => holder.stdout!.once('data', () => resolve()));
    const reader = createPrismaClient(url);
    try {
      const startedAt = Date.now();
      expect(await reader.shortView.count()).toBe(0); // WAL: a reader does not wait for the writer
      expect(Date.now() - startedAt).toBeLessThan(500);
      await getPrisma().shortView.create({ data: { id: LINK.id, state: JSON.parse(LINK.state) } });
      expect(Date.now() - startedAt).toBeGreaterThan(500); // it waited for the lock (busy timeout)…
      expect(await reader.shortView.count()).toBe(1); // …and then wrote
      expect(await reader.atlasMeta.findUnique({ where: { key: 'held' } })).toMatchObject({ value: 'yes' });
    } finally {
      await reader.$disconnect();
      await disconnectPrisma();
      holder.kill();
    }
  });

  it('is in WAL mode after migrating, so readers never wait for a writer', async () => {
    const file = path.join(tempDir('wal'), 'atlas.db');
    await migrateDeploy({ url: `file:${file}` });
    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      db.close();
    }
  });
});

describe('npm start where it cannot write (issue 19)', () => {
  const start = (databaseUrl: string, as?: { uid: number; gid: number }) =>
    spawnSync(process.execPath, ['scripts/start.mjs'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, PORT: '0' },
      encoding: 'utf8',
      timeout: 60_000,
      ...as,
    });

  it('refuses a TRUST_PROXY it cannot read, in one line naming the forms it takes', () => {
    const result = spawnSync(process.execPath, ['scripts/start.mjs'], {
      cwd: ROOT,
      env: { ...process.env, TRUST_PROXY: 'yes', PORT: '0' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toMatch(/^start: TRUST_PROXY must be a number of proxies \(0–10\).*CIDR ranges.*, not "yes"\.$/);
  });

  it('exits non-zero with one line naming the path and the cause when a file stands where the folder should be', () => {
    const dir = tempDir('enotdir');
    fs.writeFileSync(path.join(dir, 'data'), 'a file, not a folder');
    const result = start(`file:${path.join(dir, 'data', 'atlas.db')}`);
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines, result.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(
        `^start: Cannot create the database folder ${path.join(dir, 'data')} \\((?:ENOTDIR|EEXIST): a file stands where a folder is needed\\)\\..*DATABASE_URL`,
      ),
    );
  });

  it('exits non-zero with one line when the user running it may not write in the folder', () => {
    // Root may write anywhere, so as root the app is started as the unprivileged user "nobody"
    // (as it would run in production); otherwise the folder is made read-only for this user.
    const dir = tempDir('eacces');
    const data = path.join(dir, 'data');
    fs.mkdirSync(data);
    const root = process.getuid?.() === 0;
    fs.chmodSync(dir, 0o755);
    fs.chmodSync(data, root ? 0o755 : 0o555);
    try {
      const result = start(`file:${path.join(data, 'atlas.db')}`, root ? { uid: 65534, gid: 65534 } : undefined);
      expect(result.status).toBe(1);
      const lines = result.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(
        new RegExp(`^start: Cannot write in the database folder ${data} \\(EACCES: this user \\(uid \\d+\\) may not write there\\)`),
      );
      expect(fs.readdirSync(data)).toEqual([]);
    } finally {
      fs.chmodSync(data, 0o755);
    }
  });
});
