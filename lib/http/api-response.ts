// JSON responses that browsers and CDNs may keep but must revalidate: a strong ETag from the
// body's hash answers a repeat request with 304 and no body. Server only (the embed pages of
// the Pages Router reach it, where Next.js refuses the `server-only` marker).
import { createHash } from 'node:crypto';
import { SHARED_DATA } from './cache-policy';
import { etagMatches } from './etag.mjs';

/** A response body serialised once, with its validator. */
export interface JsonPayload {
  json: string;
  etag: string;
}

export function jsonPayload(value: unknown): JsonPayload {
  const json = JSON.stringify(value);
  return { json, etag: `"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"` };
}

/** Clients revalidate every time (cheap: 304); a shared cache may serve a minute-old copy. */
export const CACHE_CONTROL = SHARED_DATA;

export { etagMatches };

export function cachedJson(request: Request, payload: JsonPayload): Response {
  const headers = { ETag: payload.etag, 'Cache-Control': CACHE_CONTROL };
  if (etagMatches(request.headers.get('if-none-match'), payload.etag)) return new Response(null, { status: 304, headers });
  // Compression is left to the server (next start compresses every response, and a route
  // handler's own Content-Encoding is not respected: it would be gzipped twice).
  return new Response(payload.json, { status: 200, headers: { ...headers, 'Content-Type': 'application/json; charset=utf-8' } });
}
