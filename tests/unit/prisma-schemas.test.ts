// Prisma 7 generates one client per provider, so the PostgreSQL schema is a twin of the SQLite
// one (lib/data/db.ts treats their clients as one type): the models must not drift apart.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..', '..');
const read = (rel: string) => fs.readFileSync(path.join(root, rel), 'utf8');
/** Everything from the first model on: the part both files share. */
const models = (schema: string) => schema.slice(schema.search(/^model /m));

describe('prisma schemas', () => {
  it("the PostgreSQL schema has exactly the SQLite schema's models", () => {
    expect(models(read('prisma/postgresql/schema.prisma'))).toBe(models(read('prisma/schema.prisma')));
  });

  it('each schema names its own provider and generated client', () => {
    expect(read('prisma/schema.prisma')).toMatch(/provider = "sqlite"[\s\S]*/);
    expect(read('prisma/schema.prisma')).toContain('output   = "../lib/generated/prisma"');
    expect(read('prisma/postgresql/schema.prisma')).toMatch(/provider = "postgresql"/);
    expect(read('prisma/postgresql/schema.prisma')).toContain('output   = "../../lib/generated/prisma-pg"');
  });

  it('both providers have the same migration folders, so their histories stay in step', () => {
    const folders = (rel: string) =>
      fs
        .readdirSync(path.join(root, rel), { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort();
    expect(folders('prisma/postgresql/migrations')).toEqual(folders('prisma/migrations'));
  });
});
