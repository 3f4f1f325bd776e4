// Validators and conditional requests (RFC 9110 §8.8.3, §13.1.2), in plain JavaScript so that the
// route handlers (lib/http/api-response.ts, lib/still/response.ts, lib/map/assets/maplibre-assets.ts)
// and the server's shared cache (scripts/shared-cache.mjs, run by Node without a compiler) answer
// If-None-Match by the same rule.
import { createHash } from 'node:crypto';

/**
 * A strong ETag for a body: its SHA-256, base64url, cut to 27 characters (160 bits), quoted.
 * @param {string | Uint8Array} body
 * @returns {string}
 */
export function etagOf(body) {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/**
 * Whether If-None-Match lets us answer 304. RFC 9110 §13.1.2 uses the weak comparison here,
 * so W/"x" matches "x" (a proxy that compressed the body may have weakened our tag).
 * @param {string | null | undefined} ifNoneMatch
 * @param {string} etag
 * @returns {boolean}
 */
export function etagMatches(ifNoneMatch, etag) {
  if (!ifNoneMatch) return false;
  const opaque = (/** @type {string} */ tag) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}

/**
 * The answer to a GET for a body with validator `etag`: 304 and no body when the request's
 * If-None-Match matches, else 200 with the body. `headers` (caching, disposition) go with both,
 * `contentHeaders` (type, length) only with the body.
 * @param {Request} request
 * @param {{ etag: string, body: BodyInit, headers?: Record<string, string>, contentHeaders?: Record<string, string> }} answer
 * @returns {Response}
 */
export function conditionalResponse(request, { etag, body, headers = {}, contentHeaders = {} }) {
  const always = { ETag: etag, ...headers };
  if (etagMatches(request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers: always });
  return new Response(body, { status: 200, headers: { ...always, ...contentHeaders } });
}
