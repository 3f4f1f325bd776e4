// Request-body helpers for the sharing endpoints (short links): JSON only, size-capped.

export class BodyTooLarge extends Error {
  name = 'BodyTooLarge';
}

/**
 * The request body as text, refusing more than `limit` bytes. Reads the stream itself instead of
 * trusting Content-Length, which a chunked request does not send.
 */
export async function readLimitedText(request: Request, limit: number): Promise<string> {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) throw new BodyTooLarge(`body of ${declared} bytes exceeds ${limit}`);
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new BodyTooLarge(`body exceeds ${limit} bytes`);
    }
    chunks.push(value);
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks));
}

/** True when the Content-Type is JSON (any charset parameter allowed). */
export function isJsonContentType(request: Request): boolean {
  const type = request.headers.get('content-type')?.split(';')[0].trim().toLowerCase();
  return type === 'application/json';
}
