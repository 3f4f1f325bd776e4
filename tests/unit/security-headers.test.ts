// Issue #5: every response carries a strict CSP with a per-request nonce; only embed pages may be
// framed by other sites; HSTS only in production.
import { describe, expect, it } from 'vitest';
import { getScriptNonceFromHeader } from 'next/dist/server/app-render/get-script-nonce-from-header';
import { DATA_CSP, contentSecurityPolicy, HSTS, isEmbedPath, newNonce, PERMISSIONS_POLICY, securityHeaders } from '@/lib/security/headers';

/** The policy as directive → sources, so tests read like the policy does. */
function directives(csp: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of csp.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (!name) continue;
    expect(out.has(name), `directive ${name} appears once`).toBe(false);
    out.set(name, sources);
  }
  return out;
}

const nonce = 'q83vEjRWeJq83vEjRWeJqw==';

describe('isEmbedPath', () => {
  it.each([
    ['/embed', true],
    ['/embed/', true],
    ['/embed/tumen-crossing-to-yanbian', true],
    ['/', false],
    ['/embedded', false],
    ['/embed-builder', false],
    ['/routes/embed', false],
    ['/api/embed', false],
  ])('%s → %s', (path, expected) => {
    expect(isEmbedPath(path)).toBe(expected);
  });
});

describe('newNonce', () => {
  it('is 128 random bits in base64, different on every call', () => {
    const seen = new Set(Array.from({ length: 200 }, () => newNonce()));
    expect(seen.size).toBe(200);
    for (const n of seen) {
      expect(n).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(Buffer.from(n, 'base64')).toHaveLength(16);
    }
  });

  it('is the nonce Next.js finds in the policy and puts on its own scripts', () => {
    for (let i = 0; i < 50; i++) {
      const n = newNonce();
      const csp = contentSecurityPolicy({ nonce: n, frameable: false });
      expect(getScriptNonceFromHeader(csp)).toBe(n);
    }
  });
});

describe('contentSecurityPolicy', () => {
  const csp = directives(contentSecurityPolicy({ nonce, frameable: false }));

  it('allows scripts only from this origin or carrying the nonce, and those they load', () => {
    expect(csp.get('script-src')).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]);
    expect(csp.get('default-src')).toEqual(["'self'"]);
  });

  it('never allows inline or eval script in production', () => {
    const all = [...csp.values()].flat();
    expect(csp.get('script-src')).not.toContain("'unsafe-inline'");
    expect(all).not.toContain("'unsafe-eval'");
    expect(all).not.toContain("'wasm-unsafe-eval'");
  });

  it('lets no content come from another host', () => {
    for (const [name, sources] of csp) {
      for (const source of sources) {
        // Keywords, the nonce and the data:/blob: schemes are all this document's own.
        expect(source, `${name} ${source}`).toMatch(/^('[a-z-]+'|'nonce-[^']+'|data:|blob:)$/);
      }
    }
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(csp.get('font-src')).toEqual(["'self'"]);
  });

  it('lets the MapLibre worker start from our origin or a blob URL', () => {
    expect(csp.get('worker-src')).toEqual(["'self'", 'blob:']);
    expect(csp.get('child-src')).toEqual(["'self'", 'blob:']);
  });

  it('keeps inline styles (React style attributes, MapLibre) but with no nonce, which would void unsafe-inline', () => {
    expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it('shuts plugins, base rewriting and off-site form posts', () => {
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'self'"]);
    expect(csp.get('form-action')).toEqual(["'self'"]);
  });

  it('refuses framing unless the page is frameable', () => {
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives(contentSecurityPolicy({ nonce, frameable: true })).get('frame-ancestors')).toEqual(['*']);
  });

  it("adds 'unsafe-eval' for next dev only", () => {
    const dev = directives(contentSecurityPolicy({ nonce, frameable: false, development: true }));
    expect(dev.get('script-src')).toContain("'unsafe-eval'");
  });

  it.each(["abc'; script-src *", 'a b', 'abc;', '', "'"])('refuses a nonce that could rewrite the policy: %j', (bad) => {
    expect(() => contentSecurityPolicy({ nonce: bad, frameable: false })).toThrow(/base64/);
  });
});

describe('securityHeaders', () => {
  const page = securityHeaders({ pathname: '/routes/tumen-crossing-to-yanbian', nonce, production: true });
  const embed = securityHeaders({ pathname: '/embed/tumen-crossing-to-yanbian', nonce, production: true });

  const api = securityHeaders({ pathname: '/api/routes', nonce, production: false });

  it('sends the fixed headers on every path', () => {
    for (const h of [page, embed, api]) {
      expect(h['X-Content-Type-Options']).toBe('nosniff');
      expect(h['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
      expect(h['Permissions-Policy']).toBe(PERMISSIONS_POLICY);
    }
    expect(page['Content-Security-Policy']).toContain(`'nonce-${nonce}'`);
    expect(embed['Content-Security-Policy']).toContain(`'nonce-${nonce}'`);
  });

  it('gives data answers (/api/) a policy that allows nothing and names no nonce', () => {
    expect(api['Content-Security-Policy']).toBe(DATA_CSP);
    const csp = directives(DATA_CSP);
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(DATA_CSP).not.toContain('nonce');
    expect(api['X-Frame-Options']).toBe('DENY');
    // Only /api/ itself: a page whose path merely starts with "api" keeps the page policy.
    expect(securityHeaders({ pathname: '/apiary', nonce, production: false })['Content-Security-Policy']).toContain(`'nonce-${nonce}'`);
  });

  it('forbids framing of ordinary pages twice over (CSP and X-Frame-Options)', () => {
    expect(page['X-Frame-Options']).toBe('DENY');
    expect(directives(page['Content-Security-Policy']).get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('lets any site frame embed pages, with no X-Frame-Options to contradict it', () => {
    expect(embed).not.toHaveProperty('X-Frame-Options');
    expect(directives(embed['Content-Security-Policy']).get('frame-ancestors')).toEqual(['*']);
    const all = securityHeaders({ pathname: '/embed', nonce, production: true });
    expect(all).not.toHaveProperty('X-Frame-Options');
  });

  it('promises HTTPS (HSTS) in production only', () => {
    expect(page['Strict-Transport-Security']).toBe(HSTS);
    expect(HSTS).toBe('max-age=63072000; includeSubDomains');
    expect(securityHeaders({ pathname: '/', nonce, production: false })).not.toHaveProperty('Strict-Transport-Security');
  });
});

describe('PERMISSIONS_POLICY', () => {
  const features = new Map(
    PERMISSIONS_POLICY.split(',').map((entry) => {
      const [name, allow] = entry.trim().split('=');
      return [name, allow] as const;
    }),
  );

  it('denies the sensors and payments the atlas never uses', () => {
    for (const name of ['camera', 'microphone', 'geolocation', 'payment', 'usb', 'browsing-topics', 'display-capture']) {
      expect(features.get(name), name).toBe('()');
    }
  });

  it('keeps copy-link and full screen for our own origin only, and leaves web-share at its self-only default', () => {
    // Chromium on Linux logs an error for the unknown name "web-share", failing the e2e console check.
    expect(features.has('web-share')).toBe(false);
    expect(features.get('clipboard-write')).toBe('(self)');
    expect(features.get('fullscreen')).toBe('(self)');
  });

  it('grants nothing to another origin', () => {
    for (const allow of features.values()) expect(allow).toMatch(/^\((self)?\)$/);
  });
});
