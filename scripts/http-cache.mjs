// @ts-check
// A small caching reverse proxy for one machine (issue 15): `npm start`'s front (scripts/server.mjs)
// asks Next.js for every answer with an ordinary HTTP request over a loopback socket, and keeps the
// answers the app itself declares shareable, exactly as a CDN or nginx's proxy_cache would: GET,
// status 200, `Cache-Control: public` with an `s-maxage` (or `immutable` with a `max-age`), no
// Set-Cookie, no `Vary: *`. Nothing here touches Node's response objects beyond their public API;
// `next start`, the standalone server and a proxy in front of either give the same answers, only
// slower (see "Running on more than one machine" in the README).
//
// Why it exists: Next.js spends a few milliseconds of routing, proxy and handler work on every
// request and compresses every answer again; on a small machine that caps the read-only API far
// below what the same bytes cost to send. This keeps the bytes Next.js sent (compressed once) and
// sends them again.
//
// What it promises:
// - An API answer is never older than `maxAgeMs` (default 1 s, the interval at which the app
//   checks the database for a new data version) nor its s-maxage, whichever is shorter; while one
//   request refreshes a stale entry the others get the stale copy (stale-while-revalidate for the
//   length of one request), so a burst never stampedes the database. An `immutable` answer
//   (RFC 8246: its address changes when its content does) is kept for its own max-age.
// - The same status, headers and bytes Next.js sent, plus an Age header; If-None-Match answered
//   with 304 from the copy.
// - One entry per URL, content coding asked for (gzip or none) and value of each request header
//   the response Varies on; a request whose Accept-Encoding weighs codings (q=), or asks for one
//   Next.js may pick differently (deflate, *), goes through uncached, as does any Range request.
// - Bounded: at most `maxEntries` entries of at most `maxBodyBytes` each and `maxTotalBytes` in
//   all (256, 1 MiB, 32 MiB by default), oldest dropped first.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { etagMatches } from '../lib/http/etag.mjs';

export const DEFAULT_MAX_AGE_MS = 1000;
const DEFAULT_MAX_ENTRIES = 256;
const DEFAULT_MAX_BODY_BYTES = 1 << 20;
const DEFAULT_MAX_TOTAL_BYTES = 32 << 20;

// Per-connection headers (RFC 9110 §7.6.1), never forwarded in either direction.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer']);
// Per-message headers a stored copy does not replay: recomputed for each answer.
const PER_MESSAGE = new Set([...HOP_BY_HOP, 'date', 'content-length', 'age']);

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
 * The coding Next.js's compression would answer `acceptEncoding` with, when that is certain:
 * 'gzip', 'identity', or null (weighted or unusual preferences: let Next.js decide, uncached).
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

/**
 * The request headers to send upstream: the client's, less hop-by-hop ones, with
 * X-Forwarded-For set to the client's address when no proxy in front set it already (what
 * Next.js itself does with a direct connection, so `next start` and this front see the same).
 * @param {http.IncomingHttpHeaders} headers
 * @param {string | undefined} remoteAddress
 * @returns {http.OutgoingHttpHeaders}
 */
export function forwardedHeaders(headers, remoteAddress) {
  /** @type {http.OutgoingHttpHeaders} */
  const out = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined && !HOP_BY_HOP.has(name)) out[name] = value;
  if (out['x-forwarded-for'] === undefined && remoteAddress) out['x-forwarded-for'] = remoteAddress;
  return out;
}

/**
 * Response headers as they may be passed on (or stored, with `drop` = PER_MESSAGE).
 * @param {http.IncomingHttpHeaders} headers
 * @param {Set<string>} drop
 * @returns {Record<string, string | string[]>}
 */
function passedOn(headers, drop) {
  /** @type {Record<string, string | string[]>} */
  const out = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined && !drop.has(name)) out[name] = value;
  return out;
}

/** @param {http.IncomingMessage} req @param {string} name */
function requestHeader(req, name) {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : (value ?? '');
}

/**
 * @typedef {{
 *   coding: 'gzip' | 'identity',
 *   vary: Array<[string, string]>,
 *   status: number,
 *   headers: Record<string, string | string[]>,
 *   body: Buffer,
 *   etag: string | null,
 *   storedAt: number,
 *   freshMs: number,
 *   refreshing: boolean,
 * }} Entry
 */

/**
 * @typedef {{ socketPath: string } | { host: string, port: number }} Upstream
 * @typedef {{ hits: number, stale: number, misses: number, stored: number, bypassed: number, upstreamErrors: number }} Stats
 */

/**
 * @param {{
 *   upstream: Upstream,
 *   maxAgeMs?: number,
 *   maxEntries?: number,
 *   maxBodyBytes?: number,
 *   maxTotalBytes?: number,
 *   now?: () => number,
 * }} options `maxAgeMs` 0 turns caching off (every request goes upstream).
 */
export function createCachingProxy({
  upstream,
  maxAgeMs = DEFAULT_MAX_AGE_MS,
  maxEntries = DEFAULT_MAX_ENTRIES,
  maxBodyBytes = DEFAULT_MAX_BODY_BYTES,
  maxTotalBytes = DEFAULT_MAX_TOTAL_BYTES,
  now = () => performance.now(),
}) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  /** @type {Map<string, Entry[]>} entries by URL, most recently stored URL last */
  const byUrl = new Map();
  let count = 0;
  let totalBytes = 0;
  /** @type {Stats} */
  const stats = { hits: 0, stale: 0, misses: 0, stored: 0, bypassed: 0, upstreamErrors: 0 };

  /** @param {http.IncomingMessage} req @param {'gzip' | 'identity'} coding */
  function lookup(req, coding) {
    return byUrl
      .get(req.url ?? '')
      ?.find((e) => e.coding === coding && e.vary.every(([name, value]) => requestHeader(req, name) === value));
  }

  /** @param {string} url @param {Entry} entry */
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
    /** @param {Entry} e */
    const sameKey = (e) =>
      e.coding === entry.coding &&
      e.vary.length === entry.vary.length &&
      e.vary.every(([name, value], i) => entry.vary[i][0] === name && entry.vary[i][1] === value);
    for (const old of (byUrl.get(url) ?? []).filter(sameKey)) forget(url, old);
    const list = byUrl.get(url) ?? [];
    list.push(entry);
    count++;
    totalBytes += entry.body.length;
    byUrl.delete(url);
    byUrl.set(url, list);
    stats.stored++;
    while (count > maxEntries || totalBytes > maxTotalBytes) {
      const first = byUrl.entries().next().value;
      if (!first) break;
      forget(first[0], first[1][0]);
    }
  }

  /** @param {http.IncomingMessage} req @param {http.ServerResponse} res @param {Entry} entry */
  function send(req, res, entry) {
    /** @type {Record<string, string | string[]>} */
    const headers = { ...entry.headers, age: String(Math.max(0, Math.floor((now() - entry.storedAt) / 1000))) };
    if (entry.etag && etagMatches(requestHeader(req, 'if-none-match') || undefined, entry.etag)) {
      delete headers['content-encoding'];
      delete headers['content-type'];
      res.writeHead(304, headers).end();
      return;
    }
    res.writeHead(entry.status, { ...headers, 'content-length': String(entry.body.length) });
    res.end(req.method === 'HEAD' ? undefined : entry.body);
  }

  /**
   * The stored form of an upstream answer, or null when a shared cache must not keep it.
   * @param {http.IncomingMessage} req @param {http.IncomingMessage} up @param {'gzip' | 'identity'} coding @param {Buffer} body
   * @returns {Entry | null}
   */
  function entryFor(req, up, coding, body) {
    const freshness = sharedFreshness(up.headers['cache-control']);
    if (up.statusCode !== 200 || freshness === null || up.headers['set-cookie'] !== undefined) return null;
    const varyNames = String(up.headers.vary ?? '')
      .split(',')
      .map((v) => v.trim().toLowerCase())
      .filter((v) => v && v !== 'accept-encoding');
    if (varyNames.includes('*')) return null;
    return {
      coding,
      vary: varyNames.map((name) => [name, requestHeader(req, name)]),
      status: 200,
      headers: passedOn(up.headers, PER_MESSAGE),
      body,
      etag: typeof up.headers.etag === 'string' ? up.headers.etag : null,
      storedAt: now(),
      freshMs: freshness.immutable ? freshness.seconds * 1000 : Math.min(maxAgeMs, freshness.seconds * 1000),
      refreshing: false,
    };
  }

  /**
   * Send `req` upstream and stream the answer back; when `coding` is given, keep a copy of a
   * shareable answer and hand it to `onStored` (null when nothing was stored).
   * @param {http.IncomingMessage} req
   * @param {http.ServerResponse} res
   * @param {'gzip' | 'identity' | null} coding
   * @param {(entry: Entry | null, notModifiedEtag?: string) => void} onDone `notModifiedEtag`: the
   *   validator upstream confirmed with a 304 (the client's own If-None-Match).
   */
  function forward(req, res, coding, onDone) {
    let done = false;
    /** @param {Entry | null} entry @param {string} [notModifiedEtag] */
    const finish = (entry, notModifiedEtag) => {
      if (done) return;
      done = true;
      onDone(entry, notModifiedEtag);
    };
    const upReq = http.request({
      ...upstream,
      agent,
      method: req.method,
      path: req.url,
      headers: forwardedHeaders(req.headers, req.socket.remoteAddress),
    });
    upReq.on('response', (up) => {
      res.writeHead(up.statusCode ?? 502, up.statusMessage, passedOn(up.headers, HOP_BY_HOP));
      const keep = coding !== null && req.method === 'GET' && sharedFreshness(up.headers['cache-control']) !== null;
      /** @type {Buffer[]} */
      const chunks = [];
      let bytes = 0;
      up.on('data', (/** @type {Buffer} */ chunk) => {
        if (keep && bytes <= maxBodyBytes) {
          bytes += chunk.length;
          chunks.push(chunk);
        }
        if (!res.write(chunk)) {
          up.pause();
          res.once('drain', () => up.resume());
        }
      });
      up.on('end', () => {
        res.end();
        if (up.statusCode === 304 && typeof up.headers.etag === 'string') return finish(null, up.headers.etag);
        finish(keep && coding !== null && bytes <= maxBodyBytes ? entryFor(req, up, coding, Buffer.concat(chunks)) : null);
      });
      up.on('error', () => {
        res.destroy();
        finish(null);
      });
    });
    upReq.on('error', (e) => {
      stats.upstreamErrors++;
      finish(null);
      if (res.headersSent) res.destroy();
      else {
        console.error(`http-cache: upstream ${req.method} ${req.url}: ${e.message}`);
        res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }).end('Bad gateway');
      }
    });
    // A client gone before the answer: stop asking for it.
    res.on('close', () => {
      if (!res.writableFinished) upReq.destroy();
    });
    req.pipe(upReq);
  }

  return {
    stats,
    /** Entries held now. */
    size: () => count,
    /** Close idle upstream connections (at shutdown). */
    close: () => agent.destroy(),
    /**
     * Answer `req` from a stored copy when one may be used, else from upstream.
     * @param {http.IncomingMessage} req
     * @param {http.ServerResponse} res
     */
    handle(req, res) {
      const coding = codingFor(req.headers['accept-encoding']);
      const url = req.url ?? '';
      if (
        maxAgeMs <= 0 ||
        (req.method !== 'GET' && req.method !== 'HEAD') ||
        coding === null ||
        !url.startsWith('/') ||
        req.headers.range !== undefined
      ) {
        stats.bypassed++;
        return forward(req, res, null, () => {});
      }
      const entry = lookup(req, coding);
      if (entry) {
        const fresh = now() - entry.storedAt < entry.freshMs;
        if (fresh || entry.refreshing || req.method === 'HEAD') {
          if (fresh) stats.hits++;
          else stats.stale++;
          return send(req, res, entry);
        }
        // Stale: this request refreshes it; the others meanwhile get the stale copy.
        entry.refreshing = true;
        stats.misses++;
        return forward(req, res, coding, (fresher, notModifiedEtag) => {
          entry.refreshing = false;
          if (fresher) store(url, fresher);
          // Upstream confirmed the copy's validator: it is fresh again.
          else if (notModifiedEtag !== undefined && entry.etag === notModifiedEtag) entry.storedAt = now();
          // No longer shareable (an error, a 404): the old copy is done too.
          else forget(url, entry);
        });
      }
      stats.misses++;
      return forward(req, res, coding, (fresher) => {
        if (fresher) store(url, fresher);
      });
    },
  };
}
