// Issue #15 (part 3): one ETag / conditional-request helper (lib/http/etag.mjs) behind the API's
// JSON, the export, the still images and the scripts served from our origin.
import { describe, expect, it } from 'vitest';
import { conditionalResponse, etagMatches, etagOf } from '@/lib/http/etag.mjs';
import { cachedJson, jsonPayload } from '@/lib/http/api-response';
import { scriptResponse } from '@/lib/map/assets/maplibre-assets';

const get = (url: string, ifNoneMatch?: string) =>
  new Request(`http://localhost${url}`, { headers: ifNoneMatch ? { 'If-None-Match': ifNoneMatch } : {} });

describe('etagOf', () => {
  it('is a quoted strong tag that follows the bytes, not the type they come in', () => {
    const tag = etagOf('{"a":1}');
    expect(tag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(etagOf(new TextEncoder().encode('{"a":1}'))).toBe(tag);
    expect(etagOf('{"a":2}')).not.toBe(tag);
  });
});

describe('etagMatches', () => {
  it('matches the tag itself, its weak form, one of a list, and *', () => {
    expect(etagMatches('"x"', '"x"')).toBe(true);
    expect(etagMatches('W/"x"', '"x"')).toBe(true);
    expect(etagMatches('"y", W/"x"', '"x"')).toBe(true);
    expect(etagMatches('*', '"x"')).toBe(true);
  });

  it('does not match another tag, an unquoted one or no header', () => {
    expect(etagMatches('"y"', '"x"')).toBe(false);
    expect(etagMatches('x', '"x"')).toBe(false);
    expect(etagMatches(null, '"x"')).toBe(false);
    expect(etagMatches('', '"x"')).toBe(false);
  });
});

describe('conditionalResponse', () => {
  const answer = {
    etag: '"v1"',
    body: 'hello',
    headers: { 'Cache-Control': 'no-cache' },
    contentHeaders: { 'Content-Type': 'text/plain' },
  };

  it('answers 200 with the body, its validator and both sets of headers', async () => {
    const res = conditionalResponse(get('/x'), answer);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('hello');
    expect(Object.fromEntries(res.headers)).toMatchObject({ etag: '"v1"', 'cache-control': 'no-cache', 'content-type': 'text/plain' });
  });

  it('answers a matching If-None-Match with an empty 304 that keeps the caching headers only', async () => {
    const res = conditionalResponse(get('/x', 'W/"v1"'), answer);
    expect(res.status).toBe(304);
    expect(await res.text()).toBe('');
    expect(res.headers.get('etag')).toBe('"v1"');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('content-type')).toBeNull();
  });
});

describe('its users', () => {
  it('the API’s JSON revalidates with the hash of its body', async () => {
    const payload = jsonPayload({ hello: 'world' });
    expect(payload.etag).toBe(etagOf(payload.json));
    const first = cachedJson(get('/api/x'), payload);
    expect(first.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect((await first.json()) as unknown).toEqual({ hello: 'world' });
    expect(cachedJson(get('/api/x', payload.etag), payload).status).toBe(304);
  });

  it('scripts served from our origin revalidate too, pinned or not', async () => {
    const body = 'export const x = 1;\n';
    const pinned = scriptResponse(get('/lib.mjs?v=1.0.0'), body, '1.0.0');
    expect(pinned.headers.get('cache-control')).toContain('immutable');
    expect(pinned.headers.get('etag')).toBe(etagOf(body));
    const loose = scriptResponse(get('/lib.mjs'), body, '1.0.0');
    expect(loose.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
    expect(await loose.text()).toBe(body);
    expect(scriptResponse(get('/lib.mjs', etagOf(body)), body, '1.0.0').status).toBe(304);
    // A new body under the same version gets a new tag, not the remembered one.
    expect(scriptResponse(get('/lib.mjs'), 'export const x = 2;\n', '1.0.0').headers.get('etag')).toBe(etagOf('export const x = 2;\n'));
  });
});
