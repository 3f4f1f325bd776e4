#!/usr/bin/env node
// The integration tests a second time, against PostgreSQL: part of `npm test`, after the
// SQLite pass. Runs when TEST_POSTGRES_URL names a server whose user may create databases
// (each test file makes its own, named atlas_test_*; those an earlier run left are dropped
// first); otherwise it says the tests were skipped and why, and succeeds.
//
//   TEST_POSTGRES_URL=postgresql://USER:PASSWORD@127.0.0.1:5432/postgres npm test
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import pg from 'pg';
import { checkPostgres, MigrateError, ROOT } from './migrate.mjs';

/**
 * The integration files about the database that do not read SQLite files directly.
 * tests/integration/migrate-postgres.test.ts is not among them: it runs in the first pass, its
 * PostgreSQL part whenever TEST_POSTGRES_URL is set.
 */
export const POSTGRES_TEST_FILES = [
  'tests/integration/seed.test.ts',
  'tests/integration/views.test.ts',
  'tests/integration/rate-limit.test.ts',
  'tests/integration/api.test.ts',
];

const url = process.env.TEST_POSTGRES_URL;
if (!url) {
  console.log(
    'test-postgres: SKIPPED the PostgreSQL pass of the integration tests: TEST_POSTGRES_URL is not set ' +
      '(e.g. TEST_POSTGRES_URL=postgresql://USER:PASSWORD@127.0.0.1:5432/postgres npm test; .ci/run sets it).',
  );
  process.exit(0);
}

try {
  await checkPostgres(url);
} catch (e) {
  console.error(`test-postgres: TEST_POSTGRES_URL: ${e instanceof MigrateError ? e.message : e}`);
  process.exit(1);
}

const admin = new pg.Client({ connectionString: url });
await admin.connect();
// Only this user's: the server may be shared, and another user's databases are not ours to drop.
const { rows } = await admin.query(
  "SELECT datname FROM pg_database WHERE datname LIKE 'atlas\\_test\\_%' AND pg_get_userbyid(datdba) = current_user",
);
for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
await admin.end();

const vitest = path.join(path.dirname(createRequire(import.meta.url).resolve('vitest/package.json', { paths: [ROOT] })), 'vitest.mjs');
console.log(`test-postgres: the integration tests against PostgreSQL (${POSTGRES_TEST_FILES.length} files)`);
const child = spawn(process.execPath, [vitest, 'run', ...POSTGRES_TEST_FILES], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, TEST_DATABASE_PROVIDER: 'postgresql' },
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
