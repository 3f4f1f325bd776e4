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
  it('makes a page as shareable as the data when a trusted proxy promised fresh nonces', () => {
    expect(sharedPageCacheControl('/routes/x', promised, '1')).toBe(SHARED_DATA);
    expect(sharedPageCacheControl('/', promised, 'loopback')).toBe(SHARED_DATA);
  });

  it('leaves the page private without the promise, without a trusted proxy, or with a bad TRUST_PROXY', () => {
    expect(sharedPageCacheControl('/routes/x', new Headers(), '1')).toBeNull();
    expect(sharedPageCacheControl('/routes/x', new Headers({ [NONCE_REWRITE_HEADER]: 'yes' }), '1')).toBeNull();
    for (const trust of [undefined, '', '0', 'false', 'nonsense'])
      expect(sharedPageCacheControl('/routes/x', promised, trust), String(trust)).toBeNull();
  });

  it('never marks what is not a page shared-alike', () => {
    expect(sharedPageCacheControl('/v/abc', promised, '1')).toBeNull();
    expect(sharedPageCacheControl('/api/routes', promised, '1')).toBeNull();
  });
});
