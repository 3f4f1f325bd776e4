// HTTP-level figures: throughput and latency under load (autocannon), compressed sizes, ETag
// revalidation, and still-image timings. Every request asks for gzip like a browser does, so the
// servers compress on every response, as they would for real visitors.
import http from 'node:http';
import autocannon from 'autocannon';
import { median } from './stats.mjs';

export const ACCEPT_ENCODING = 'gzip, deflate, br, zstd';
/** Chromium's Accept for a navigation. */
export const BROWSER_PAGE_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';

/** @returns {Promise<import('autocannon').Result>} */
function cannon(options) {
  return new Promise((resolve, reject) => {
    autocannon(options, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

/**
 * `connections` clients hammering `url` for `seconds`, after a one-second warm-up whose figures
 * are dropped (JIT, route module loading, the data cache). `accept`: what a browser sends for the
 * kind of answer (BROWSER_PAGE_ACCEPT for a page it navigates to).
 */
export async function loadTest(url, { seconds, connections = 50, accept = '*/*' }) {
  const headers = { 'accept-encoding': ACCEPT_ENCODING, accept };
  await cannon({ url, connections, duration: 1, headers });
  const r = await cannon({ url, connections, duration: seconds, headers });
  return {
    url,
    seconds,
    connections,
    requestsPerSecond: r.requests.average,
    requests: r.requests.total,
    latencyMs: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max },
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    bytesPerResponse: r.requests.total ? Math.round(r.throughput.total / r.requests.total) : null,
  };
}

/**
 * One GET: status, headers, the raw (still compressed) body length and the time to the last
 * byte. Node's fetch would decompress; this does not.
 */
export function rawGet(url, headers = {}) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = http.get(url, { headers: { 'accept-encoding': ACCEPT_ENCODING, ...headers }, agent: false }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({
          status: res.statusCode,
          headers: res.headers,
          bytes: body.length,
          body,
          ms: Number(process.hrtime.bigint() - started) / 1e6,
        });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.setTimeout(120_000, () => req.destroy(new Error(`timeout: ${url}`)));
  });
}

/** Whether a repeat request carrying the ETag gets 304 with no body. */
export async function revalidation(url) {
  const first = await rawGet(url);
  const etag = first.headers.etag;
  if (first.status !== 200 || !etag)
    return { url, status: first.status, etag: etag ?? null, revalidated: false, cacheControl: first.headers['cache-control'] ?? null };
  const second = await rawGet(url, { 'if-none-match': etag });
  return {
    url,
    status: first.status,
    etag,
    revalidatedStatus: second.status,
    revalidated: second.status === 304 && second.bytes === 0,
    cacheControl: first.headers['cache-control'] ?? null,
  };
}

/**
 * A still image: the first request after the server started (rendered), then `repeats` more
 * (served from the server's memory), and a revalidation with its ETag.
 */
export async function stillImageTimes(url, repeats = 5) {
  const cold = await rawGet(url);
  if (cold.status !== 200) return { url, status: cold.status, available: false };
  const warm = [];
  for (let i = 0; i < repeats; i++) warm.push((await rawGet(url)).ms);
  const revalidated = cold.headers.etag ? await rawGet(url, { 'if-none-match': cold.headers.etag }) : null;
  return {
    url,
    status: cold.status,
    available: true,
    type: cold.headers['content-type'] ?? null,
    bytes: cold.bytes,
    coldMs: cold.ms,
    cachedMs: median(warm),
    revalidatedStatus: revalidated?.status ?? null,
    revalidatedMs: revalidated?.ms ?? null,
  };
}
