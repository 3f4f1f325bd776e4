// Server only (the embed and tour pages reach it, and Next.js refuses the `server-only` marker in
// the Pages Router). The data version the seed stored, read with a short cache: what every cache
// of responses and images is keyed by (lib/data/queries.ts), and what tells proxy.ts whether the
// data can be read now. Apart from the rest of the queries so that the proxy's bundle takes only
// this and the database client.
import { DataUnavailableError } from '../http/api-errors';
import { DATA_VERSION_KEY, DatabaseConfigError, databaseUrl, getPrisma } from './db';

/** Turn any failure to read the database into a 503 whose message says what to do. */
export function unavailable(e: unknown): DataUnavailableError {
  if (e instanceof DataUnavailableError) return e;
  if (e instanceof DatabaseConfigError) return new DataUnavailableError(e.message, { cause: e });
  const text = e instanceof Error ? `${e.message} ${String((e as { code?: unknown }).code ?? '')}` : String(e);
  // Messages only: file paths and SQL stay in the server log (errorResponse logs the cause).
  const reason = /no such table|does not exist in the current database|P2021/i.test(text)
    ? 'the database has no tables yet (run `npm run db:migrate`, or `npm start`, which does it)'
    : /not a database|SQLITE_NOTADB|SQLITE_CORRUPT|malformed/i.test(text)
      ? 'the database file is damaged or is not a SQLite database (keep it: it holds the short links; restart with `npm start`, which moves it aside, rebuilds the atlas and recovers the links it can)'
      : /unable to open|SQLITE_CANTOPEN|no such file/i.test(text)
        ? 'the database file cannot be opened (check DATABASE_URL; `npm start` creates ./data/atlas.db)'
        : /ECONNREFUSED|ENOTFOUND|ETIMEDOUT|can't reach database|28P01|28000|3D000|authentication failed|database .* does not exist/i.test(text)
          ? 'the database server cannot be reached or refused the connection (check DATABASE_URL)'
          : 'the database did not answer';
  return new DataUnavailableError(`The atlas data is unavailable: ${reason}.`, { cause: e });
}

/**
 * How long a server trusts the data version it last read before asking the database again.
 * In production a second: under load that saves a query per request, and a re-seed under a
 * running server still shows within a second. Elsewhere (tests, dev) it asks every time.
 */
const VERSION_TTL_MS = process.env.NODE_ENV === 'production' ? 1000 : 0;
let checked: { version: string; at: number; url: string } | undefined;

/**
 * The data version the seed stored, or null when the database was never seeded. Every cache
 * of responses and images is keyed by it.
 */
export async function getDataVersion(): Promise<string | null> {
  const now = Date.now();
  const url = databaseUrl();
  if (checked && checked.url === url && now - checked.at < VERSION_TTL_MS) return checked.version;
  let version: string | null;
  try {
    const row = await getPrisma().atlasMeta.findUnique({ where: { key: DATA_VERSION_KEY } });
    version = row?.value ?? null;
  } catch (e) {
    throw unavailable(e);
  }
  checked = version ? { version, at: now, url } : undefined;
  return version;
}

/**
 * Whether the atlas data can be read now: the database answers and was seeded. A page rendered
 * when it cannot is the degraded one (an empty list, the browser asking /api/routes, which says
 * why), which no cache may keep (proxy.ts, lib/http/shared-page.ts).
 */
export async function dataReadable(): Promise<boolean> {
  try {
    return (await getDataVersion()) !== null;
  } catch {
    return false;
  }
}

/** What `whenReadable` gives when the data cannot be read now. */
export const UNAVAILABLE = Symbol('the atlas data is unavailable');

/**
 * What `read` returns, or UNAVAILABLE when it failed because the data cannot be read now (a
 * DataUnavailableError, logged with its cause): for a page that then shows a notice, with 503
 * where it can set its status, rather than a blank 500. Any other error is thrown on.
 */
export async function whenReadable<T>(read: () => Promise<T>): Promise<T | typeof UNAVAILABLE> {
  try {
    return await read();
  } catch (e) {
    if (!(e instanceof DataUnavailableError)) throw e;
    console.error(e);
    return UNAVAILABLE;
  }
}
