// JSON responses that browsers and CDNs may keep but must revalidate: a strong ETag from the
// body's hash answers a repeat request with 304 and no body (lib/http/etag.mjs). Server only (the
// embed pages of the Pages Router reach it, where Next.js refuses the `server-only` marker).
import { SHARED_DATA } from './cache-policy';
import { conditionalResponse, etagOf } from './etag.mjs';

/** A response body serialised once, with its validator. */
export interface JsonPayload {
  json: string;
  etag: string;
}

export function jsonPayload(value: unknown): JsonPayload {
  const json = JSON.stringify(value);
  return { json, etag: etagOf(json) };
}

/** Clients revalidate every time (cheap: 304); a shared cache may serve a minute-old copy. */
export const CACHE_CONTROL = SHARED_DATA;

/**
 * A payload as a revalidated response. Compression is left to the server (next start compresses
 * every response, and a route handler's own Content-Encoding is not respected: it would be
 * gzipped twice).
 */
export function cachedJson(
  request: Request,
  payload: JsonPayload,
  { contentType = 'application/json; charset=utf-8', headers = {} }: { contentType?: string; headers?: Record<string, string> } = {},
): Response {
  return conditionalResponse(request, {
    etag: payload.etag,
    body: payload.json,
    headers: { 'Cache-Control': CACHE_CONTROL, ...headers },
    contentHeaders: { 'Content-Type': contentType },
  });
}
