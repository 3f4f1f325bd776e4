// Issue 18: which pages a reverse proxy may keep (lib/http/shared-page.ts). A page carries a CSP
// nonce made for its one response, so it may be shared only when a proxy the app trusts promised
// to give each copy a fresh nonce (deploy/nginx.conf; the multi-instance test checks nginx does).
import { describe, expect, it } from 'vitest';
import { SHARED_DATA } from '../../lib/http/cache-policy';
import { NONCE_REWRITE_HEADER, sharedPageCacheControl } from '../../lib/http/shared-page';
import { isSharedPage } from '../../lib/view/paths';

const promised = new Headers({ [NONCE_REWRITE_HEADER]: '1' });

describe('isSharedPage', () => {
  const pages = [
    '/',
    '/routes/tumen-crossing-to-yanbian',
    '/sources',
    '/about',
    '/tour',
    '/tour/yalu',
    '/embed',
    '/embed/x',
    '/embed/tour/yalu',
  ];
  // Data, images, short links and files.
  const others = [
    '/api/routes',
    '/routes/x/image.png',
    '/image.png',
    '/v/abc',
    '/_next/static/x.js',
    '/embed/x/image.png',
    '/maplibre-gl.mjs',
  ];
  it.each([...pages.map((p) => [p, true] as const), ...others.map((p) => [p, false] as const)])('%s: %s', (path, shared) => {
    expect(isSharedPage(path)).toBe(shared);
  });
});

describe('sharedPageCacheControl', () => {
  // Whether the data can be read, as proxy.ts asks lib/data/version.ts; counted, so a test can
  // tell the database was not asked when the answer did not depend on it.
  const readable = (ok: boolean) => {
    const ask = Object.assign(async () => ((ask.calls += 1), ok), { calls: 0 });
    return ask;
  };

  it('makes a page as shareable as the data when a trusted proxy promised fresh nonces', async () => {
    expect(await sharedPageCacheControl('/routes/x', promised, '1', readable(true))).toBe(SHARED_DATA);
    expect(await sharedPageCacheControl('/', promised, 'loopback', readable(true))).toBe(SHARED_DATA);
  });

  it('leaves the page private without the promise, without a trusted proxy, or with a bad TRUST_PROXY', async () => {
    const ask = readable(true);
    expect(await sharedPageCacheControl('/routes/x', new Headers(), '1', ask)).toBeNull();
    expect(await sharedPageCacheControl('/routes/x', new Headers({ [NONCE_REWRITE_HEADER]: 'yes' }), '1', ask)).toBeNull();
    for (const trust of [undefined, '', '0', 'false', 'nonsense'])
      expect(await sharedPageCacheControl('/routes/x', promised, trust, ask), String(trust)).toBeNull();
    expect(ask.calls, 'the database is not asked for a page that stays private anyway').toBe(0);
  });

  it('never marks what is not a page shared-alike', async () => {
    expect(await sharedPageCacheControl('/v/abc', promised, '1', readable(true))).toBeNull();
    expect(await sharedPageCacheControl('/api/routes', promised, '1', readable(true))).toBeNull();
  });

  it('leaves a page private while the data cannot be read: it renders degraded, and no cache may keep that', async () => {
    const ask = readable(false);
    expect(await sharedPageCacheControl('/', promised, '1', ask)).toBeNull();
    expect(await sharedPageCacheControl('/routes/x', promised, 'loopback', ask)).toBeNull();
    expect(ask.calls).toBe(2);
  });
});
