// A small in-process shared HTTP cache in front of Next.js (scripts/server.mjs), for what the
// app itself declares shareable: GET answers with status 200, `Cache-Control: public` and an
// `s-maxage` (or `immutable` with a `max-age`), and no Set-Cookie. In practice that is the
// read-only API (/api/routes, a route's details, the sources), which every visitor asks for and
// which only changes when the data does, and the files whose address names their version (the
// build's /_next/static chunks, maplibre-gl and its worker, the boot module, the basemap).
// Next.js spends a few milliseconds of routing, proxy and handler work on each request, and
// compresses every answer again (about 45 ms for maplibre-gl alone), which on a small machine
// caps the API far below what the same bytes cost to send and delays the map's own scripts on
// a cold visit; this keeps the answer Next.js gave (headers and the body as compressed) and
// sends it again.
//
// What it promises:
// - An API answer is never older than `maxAgeMs` (default 1 s, the app's own data-version check
//   interval, see getDataVersion in lib/data/queries.ts) nor the response's s-maxage, whichever is
//   shorter; while one request refreshes a stale entry, the others get the stale copy
//   (stale-while-revalidate for the length of one request), so a burst never stampedes the
//   database. An `immutable` answer (RFC 8246: its address changes when its content does) is
//   kept for its own max-age.
// - The same bytes and headers Next.js sent, with an Age header; If-None-Match answered with 304.
// - A separate entry per content coding asked for (gzip or none) and per value of each request
//   header the response Varies on; a request whose Accept-Encoding weighs codings (q=) or asks
//   only for one Next.js may pick differently (deflate, *) is passed on uncached.
// - Bounded: at most `maxEntries` entries of at most `maxBodyBytes` each and `maxTotalBytes` in
//   all (256, 1 MiB, 32 MiB by default), oldest dropped first.
//
// Several instances each keep their own copies; no API answer is ever more than `maxAgeMs` old.
import { performance } from 'node:perf_hooks';
import { etagMatches } from '../lib/http/etag.mjs';

export const DEFAULT_MAX_AGE_MS = 1000;
const DEFAULT_MAX_ENTRIES = 256;
const DEFAULT_MAX_BODY_BYTES = 1 << 20;
const DEFAULT_MAX_TOTAL_BYTES = 32 << 20;

// Per-connection or per-message headers, never replayed.
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'date',
  'content-length',
  'age',
  'upgrade',
  'trailer',
  'te',
  'proxy-connection',
]);

/**
 * How long a shared cache may keep a response with `cacheControl`, or null when it must not keep
 * it (not `public`, or `private`, `no-store`, `no-cache`, or no lifetime for shared caches): the
 * `s-maxage`, or for an `immutable` response its `max-age` when it has no s-maxage.
 * @param {unknown} cacheControl
 * @returns {{ seconds: number, immutable: boolean } | null}
 */
export function sharedFreshness(cacheControl) {
  if (typeof cacheControl !== 'string') return null;
  /** @type {Map<string, string | undefined>} */
  const directives = new Map();
  for (const part of cacheControl.toLowerCase().split(',')) {
    const [name, value] = part.trim().split('=');
    if (name) directives.set(name, value?.replace(/^"|"$/g, ''));
  }
  if (!directives.has('public') || ['private', 'no-store', 'no-cache'].some((d) => directives.has(d))) return null;
  const immutable = directives.has('immutable');
  const seconds = Number(directives.get('s-maxage') ?? (immutable ? directives.get('max-age') : undefined));
  return Number.isInteger(seconds) && seconds > 0 ? { seconds, immutable } : null;
}

/**
 * The coding Next.js's compression middleware would answer `acceptEncoding` with, when that is
 * certain: 'gzip', 'identity', or null (weighted or unusual preferences: let Next.js decide).
 * @param {string | undefined} acceptEncoding
 * @returns {'gzip' | 'identity' | null}
 */
export function codingFor(acceptEncoding) {
  if (acceptEncoding === undefined || acceptEncoding.trim() === '') return 'identity';
  if (/;\s*q\s*=/i.test(acceptEncoding)) return null;
  const codings = acceptEncoding.split(',').map((c) => c.trim().toLowerCase());
  if (codings.includes('gzip')) return 'gzip';
  if (codings.includes('deflate') || codings.includes('*')) return null;
  return 'identity';
}

/** @param {import('node:http').IncomingMessage} req @param {string} name */
function requestHeader(req, name) {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : (value ?? '');
}

/**
 * @typedef {{
 *   coding: 'gzip' | 'identity',
 *   vary: Array<[string, string]>,
 *   headers: Record<string, string | string[]>,
 *   body: Buffer,
 *   etag: string | null,
 *   storedAt: number,
 *   freshMs: number,
 *   refreshing: boolean,
 * }} Entry
 */

/**
 * @param {{ maxAgeMs?: number, maxEntries?: number, maxBodyBytes?: number, maxTotalBytes?: number, now?: () => number }} [options]
 */
export function createSharedCache({
  maxAgeMs = DEFAULT_MAX_AGE_MS,
  maxEntries = DEFAULT_MAX_ENTRIES,
  maxBodyBytes = DEFAULT_MAX_BODY_BYTES,
  maxTotalBytes = DEFAULT_MAX_TOTAL_BYTES,
  now = () => performance.now(),
} = {}) {
  /** @type {Map<string, Entry[]>} entries by URL, oldest URL first */
  const byUrl = new Map();
  let count = 0;
  let totalBytes = 0;
  const stats = { hits: 0, stale: 0, misses: 0, stored: 0, bypassed: 0 };

  /** @param {import('node:http').IncomingMessage} req @param {'gzip' | 'identity'} coding */
  function lookup(req, coding) {
    return byUrl
      .get(req.url ?? '')
      ?.find((e) => e.coding === coding && e.vary.every(([name, value]) => requestHeader(req, name) === value));
  }

  /** Take `entry` out of the cache, if it is still in it. @param {string} url @param {Entry} entry */
  function forget(url, entry) {
    const list = byUrl.get(url);
    const i = list?.indexOf(entry) ?? -1;
    if (!list || i < 0) return;
    list.splice(i, 1);
    count--;
    totalBytes -= entry.body.length;
    if (!list.length) byUrl.delete(url);
  }

  /** @param {string} url @param {Entry} entry */
  function store(url, entry) {
    const sameKey = (/** @type {Entry} */ e) =>
      e.coding === entry.coding &&
      e.vary.length === entry.vary.length &&
      e.vary.every(([name, value], i) => entry.vary[i][0] === name && entry.vary[i][1] === value);
    for (const old of (byUrl.get(url) ?? []).filter(sameKey)) forget(url, old);
    const list = byUrl.get(url) ?? [];
    list.push(entry);
    count++;
    totalBytes += entry.body.length;
    // Most recently stored URL last: eviction takes from the front.
    byUrl.delete(url);
    byUrl.set(url, list);
    stats.stored++;
    while (count > maxEntries || totalBytes > maxTotalBytes) {
      const first = byUrl.entries().next().value;
      if (!first) break;
      forget(first[0], first[1][0]);
    }
  }

  /** @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res @param {Entry} entry */
  function send(req, res, entry) {
    const headers = { ...entry.headers, age: String(Math.max(0, Math.floor((now() - entry.storedAt) / 1000))) };
    if (entry.etag && etagMatches(requestHeader(req, 'if-none-match') || undefined, entry.etag)) {
      delete headers['content-encoding'];
      delete headers['content-type'];
      res.writeHead(304, headers).end();
      return;
    }
    res.writeHead(200, { ...headers, 'content-length': String(entry.body.length) });
    res.end(req.method === 'HEAD' ? undefined : entry.body);
  }

  /**
   * Let `res` through to `next()` while keeping a copy of what is written, and store it when
   * the response finishes and may be shared. `onDone` runs once either way.
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @param {'gzip' | 'identity'} coding
   * @param {(stored: boolean) => void} onDone
   */
  function record(req, res, coding, onDone) {
    const url = req.url ?? '';
    /** @type {Buffer[]} */
    const chunks = [];
    let bytes = 0;
    let tooBig = false;
    const keep = (/** @type {unknown} */ chunk, /** @type {unknown} */ encoding) => {
      if (tooBig || chunk == null || typeof chunk === 'function') return;
      const buffer = Buffer.isBuffer(chunk)
        ? chunk
        : chunk instanceof Uint8Array
          ? Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
          : Buffer.from(String(chunk), /** @type {BufferEncoding} */ (typeof encoding === 'string' ? encoding : 'utf8'));
      bytes += buffer.length;
      if (bytes > maxBodyBytes) {
        tooBig = true;
        chunks.length = 0;
      } else chunks.push(Buffer.from(buffer));
    };
    // Next.js's compression middleware wraps these again, so what reaches them is what goes
    // on the wire (gzipped when it compresses). `any`: write and end are overloaded (chunk,
    // encoding and callback each optional); the arguments are passed on as given.
    const write = res.write;
    const end = res.end;
    const writeHead = res.writeHead;
    // Headers given to writeHead() bypass getHeaders(); set them first so the copy has them.
    res.writeHead = /** @type {typeof res.writeHead} */ (
      function (/** @type {number} */ status, /** @type {any} */ reason, /** @type {any} */ headers) {
        const given = typeof reason === 'string' ? headers : reason;
        if (given && typeof given === 'object' && !Array.isArray(given)) {
          for (const [name, value] of Object.entries(given)) if (value !== undefined) res.setHeader(name, value);
          return typeof reason === 'string' ? writeHead.call(res, status, reason) : writeHead.call(res, status);
        }
        return writeHead.call(res, status, reason, headers);
      }
    );
    res.write = /** @type {typeof res.write} */ (
      function (/** @type {any} */ chunk, /** @type {any} */ encoding, /** @type {any} */ cb) {
        keep(chunk, encoding);
        return write.call(res, chunk, encoding, cb);
      }
    );
    res.end = /** @type {typeof res.end} */ (
      function (/** @type {any} */ chunk, /** @type {any} */ encoding, /** @type {any} */ cb) {
        keep(chunk, encoding);
        return end.call(res, chunk, encoding, cb);
      }
    );
    let done = false;
    const finish = (/** @type {boolean} */ stored) => {
      if (done) return;
      done = true;
      onDone(stored);
    };
    res.once('finish', () => {
      const headers = res.getHeaders();
      const freshness = sharedFreshness(headers['cache-control']);
      if (tooBig || res.statusCode !== 200 || freshness === null || headers['set-cookie'] !== undefined) return finish(false);
      const varyNames = String(headers.vary ?? '')
        .split(',')
        .map((v) => v.trim().toLowerCase())
        .filter((v) => v && v !== 'accept-encoding');
      if (varyNames.includes('*')) return finish(false);
      /** @type {Record<string, string | string[]>} */
      const kept = {};
      for (const [name, value] of Object.entries(headers)) {
        if (value !== undefined && !HOP_BY_HOP.has(name)) kept[name] = typeof value === 'number' ? String(value) : value;
      }
      const etag = typeof headers.etag === 'string' ? headers.etag : null;
      const at = now();
      store(url, {
        coding,
        vary: varyNames.map((name) => [name, requestHeader(req, name)]),
        headers: kept,
        body: Buffer.concat(chunks),
        etag,
        storedAt: at,
        freshMs: freshness.immutable ? freshness.seconds * 1000 : Math.min(maxAgeMs, freshness.seconds * 1000),
        refreshing: false,
      });
      finish(true);
    });
    res.once('close', () => finish(false));
  }

  return {
    stats,
    /** Entries held now. */
    size: () => count,
    /**
     * Answer from the cache when it can, else call `next` (Next.js's request handler) and keep
     * what it answers when that may be shared.
     * @param {import('node:http').IncomingMessage} req
     * @param {import('node:http').ServerResponse} res
     * @param {() => unknown} next
     */
    handle(req, res, next) {
      const coding = codingFor(req.headers['accept-encoding']);
      if ((req.method !== 'GET' && req.method !== 'HEAD') || coding === null || !req.url?.startsWith('/')) {
        stats.bypassed++;
        return next();
      }
      const entry = lookup(req, coding);
      if (entry) {
        const fresh = now() - entry.storedAt < entry.freshMs;
        if (fresh || entry.refreshing || req.method === 'HEAD') {
          if (fresh) stats.hits++;
          else stats.stale++;
          return send(req, res, entry);
        }
        // Stale: this request refreshes it; others meanwhile get the stale copy.
        entry.refreshing = true;
        stats.misses++;
        const url = req.url;
        record(req, res, coding, (stored) => {
          entry.refreshing = false;
          // Replaced, or no longer shareable (an error, a 404): either way this copy is done.
          if (!stored) forget(url, entry);
        });
        return next();
      }
      stats.misses++;
      if (req.method === 'GET') record(req, res, coding, () => {});
      return next();
    },
  };
}
