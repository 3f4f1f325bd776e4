// Issue #5: request bodies have a size limit, enforced on the bytes actually sent, not only on
// what Content-Length claims.
import { describe, expect, it } from 'vitest';
import { BodyTooLarge, isJsonContentType, readLimitedText } from '@/lib/http/response';

/** A request whose body arrives in the given chunks, with no Content-Length (chunked upload). */
function streamed(chunks: Uint8Array[], onPull?: () => void): Request {
  let i = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      onPull?.();
      if (i < chunks.length) controller.enqueue(chunks[i++]);
      else controller.close();
    },
  });
  return new Request('http://localhost/api/views', { method: 'POST', body, duplex: 'half' } as RequestInit);
}

describe('readLimitedText', () => {
  it('returns a body up to the limit, decoded as UTF-8', async () => {
    const text = '{"q":"두만강"}';
    const bytes = new TextEncoder().encode(text).byteLength;
    const req = new Request('http://localhost/', { method: 'POST', body: text });
    expect(await readLimitedText(req, bytes)).toBe(text);
  });

  it('refuses a declared Content-Length over the limit without waiting for the bytes', async () => {
    // The body itself is small: only the declared length can be what is refused.
    const withLength = new Request(streamed([new Uint8Array(10)]), { headers: { 'content-length': '5000' } });
    await expect(readLimitedText(withLength, 4096)).rejects.toBeInstanceOf(BodyTooLarge);
  });

  it('counts bytes, not characters: 4 097 bytes of Hangul is over a 4 096-byte cap', async () => {
    const text = '가'.repeat(1365) + 'ab'; // 3 × 1365 + 2 = 4 097 bytes
    await expect(readLimitedText(new Request('http://localhost/', { method: 'POST', body: text }), 4096)).rejects.toBeInstanceOf(
      BodyTooLarge,
    );
  });

  it('stops reading a chunked body as soon as it passes the limit', async () => {
    let pulled = 0;
    const chunks = Array.from({ length: 1000 }, () => new Uint8Array(1024));
    await expect(
      readLimitedText(
        streamed(chunks, () => pulled++),
        4096,
      ),
    ).rejects.toBeInstanceOf(BodyTooLarge);
    // Five 1 KiB chunks cross 4 KiB; the stream may be asked for a few more, never all 1000.
    expect(pulled).toBeLessThan(10);
  });

  it('reads a body exactly at the limit', async () => {
    expect(await readLimitedText(streamed([new TextEncoder().encode('x'.repeat(4096))]), 4096)).toHaveLength(4096);
  });

  it('treats a missing body as empty', async () => {
    expect(await readLimitedText(new Request('http://localhost/', { method: 'POST' }), 10)).toBe('');
  });

  it('replaces invalid UTF-8 instead of throwing', async () => {
    const text = await readLimitedText(streamed([new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])]), 100);
    expect(text).toBe('{\uFFFD\uFFFD}');
  });
});

describe('isJsonContentType', () => {
  const req = (type?: string) =>
    new Request('http://localhost/', { method: 'POST', body: '{}', headers: type ? { 'content-type': type } : {} });
  it.each([
    ['application/json', true],
    ['application/json; charset=utf-8', true],
    ['Application/JSON', true],
    ['text/plain', false],
    ['application/jsonp', false],
    ['multipart/form-data; boundary=x', false],
  ])('%s → %s', (type, expected) => {
    expect(isJsonContentType(req(type))).toBe(expected);
  });
  it('a body sent with no JSON type is not JSON', () => {
    expect(isJsonContentType(new Request('http://localhost/', { method: 'POST', body: new Blob(['{}']) }))).toBe(false);
  });
});
