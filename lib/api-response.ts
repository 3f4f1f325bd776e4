// JSON responses that browsers and CDNs may keep but must revalidate: a strong ETag from the
// body's hash answers a repeat request with 304 and no body.
// The body is also gzipped once, when it is built: compressing the same bytes on every request
// was most of what a request cost under load.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

/** A response body serialised (and gzipped) once, with its validator. */
export interface JsonPayload {
  json: string;
  /** The same bytes, gzipped; built on first use so payloads that are never sent cost nothing. */
  readonly gzip: Uint8Array<ArrayBuffer>;
  etag: string;
}

export function jsonPayload(value: unknown): JsonPayload {
  const json = JSON.stringify(value);
  let gzip: Uint8Array<ArrayBuffer> | undefined;
  return {
    json,
    get gzip() {
      gzip ??= new Uint8Array(gzipSync(json));
      return gzip;
    },
    etag: `"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"`,
  };
}

/** Whether Accept-Encoding admits gzip (a q=0 refuses it). */
export function acceptsGzip(acceptEncoding: string | null): boolean {
  if (!acceptEncoding) return false;
  return acceptEncoding.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding.trim() !== 'gzip' && coding.trim() !== '*') return false;
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    return q === undefined || Number(q) > 0;
  });
}

/** Clients revalidate every time (cheap: 304); a shared cache may serve a minute-old copy. */
export const CACHE_CONTROL = 'public, max-age=0, s-maxage=60, must-revalidate';

/**
 * Whether If-None-Match lets us answer 304. RFC 9110 §13.1.2 uses the weak comparison here,
 * so W/"x" matches "x" (a proxy that compressed the body may have weakened our tag).
 */
export function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}

const gzipEtag = (etag: string) => `${etag.slice(0, -1)}-gz"`;

export function cachedJson(request: Request, payload: JsonPayload): Response {
  const gzip = acceptsGzip(request.headers.get('accept-encoding'));
  // A strong validator names one representation, so the gzipped body has a tag of its own.
  const etag = gzip ? gzipEtag(payload.etag) : payload.etag;
  const headers = { ETag: etag, 'Cache-Control': CACHE_CONTROL, Vary: 'Accept-Encoding' };
  const ifNoneMatch = request.headers.get('if-none-match');
  if (etagMatches(ifNoneMatch, payload.etag) || etagMatches(ifNoneMatch, gzipEtag(payload.etag))) {
    return new Response(null, { status: 304, headers });
  }
  const type = { 'Content-Type': 'application/json; charset=utf-8' };
  // An already-encoded body is passed through by Next's own compression untouched.
  if (gzip) return new Response(payload.gzip, { status: 200, headers: { ...headers, ...type, 'Content-Encoding': 'gzip' } });
  return new Response(payload.json, { status: 200, headers: { ...headers, ...type } });
}
