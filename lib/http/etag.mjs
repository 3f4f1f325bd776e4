// The If-None-Match rule, in plain JavaScript so that both the route handlers (lib/http/api-response.ts)
// and the server's shared cache (scripts/shared-cache.mjs, run by Node without a compiler) use it.

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
