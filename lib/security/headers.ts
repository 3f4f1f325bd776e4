// The security headers every response carries, built by one pure function so a unit test can
// read exactly what the proxy (proxy.ts) sends. Nothing here touches the request or the clock
// except `newNonce`, which only draws random bytes.

/** `/embed` and everything below it: the only pages other sites may frame. */
export function isEmbedPath(pathname: string): boolean {
  return pathname === '/embed' || pathname.startsWith('/embed/');
}

/**
 * A fresh CSP nonce: 128 random bits, base64. CSP 3 allows base64 (with padding) in a
 * nonce-source, and Next.js extracts the value from the request's policy with that alphabet.
 */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export interface CspOptions {
  nonce: string;
  /** Whether other origins may frame the response (embed pages). */
  frameable: boolean;
  /** `next dev` only: React rebuilds server error stacks with eval in development. */
  development?: boolean;
}

const NONCE_CHARS = /^[A-Za-z0-9+/_-]+={0,2}$/;

export function contentSecurityPolicy({ nonce, frameable, development = false }: CspOptions): string {
  // A nonce with a quote or a semicolon would let its value rewrite the policy.
  if (!NONCE_CHARS.test(nonce)) throw new Error('CSP nonce must be base64');
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    // Next.js adds this nonce to its own inline and bundle scripts; 'strict-dynamic' passes the
    // trust on to the chunks those scripts import, so no host list is needed.
    ['script-src', "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])],
    // 'unsafe-inline' (and so no nonce here: a nonce would switch it off): React `style`
    // attributes and MapLibre's positioning of markers, popups and the canvas are inline styles.
    // Styles cannot run code, so this costs far less than inline script would.
    ['style-src', "'self'", "'unsafe-inline'"],
    // MapLibre loads its worker from our own origin (setWorkerUrl); blob: covers its fallback of
    // wrapping the worker in a blob URL, and data:/blob: images are its sprites and canvas reads.
    ['worker-src', "'self'", 'blob:'],
    ['child-src', "'self'", 'blob:'],
    ['img-src', "'self'", 'data:', 'blob:'],
    ['connect-src', "'self'"],
    ['font-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
    ['frame-ancestors', frameable ? '*' : "'none'"],
  ];
  return directives.map((d) => d.join(' ')).join('; ');
}

/**
 * Features the atlas never uses, denied to it and to anything it frames. Share and copy-link use
 * web-share and clipboard-write; the map's full-screen control uses fullscreen. Chromium logs an
 * error for every feature name it does not know, so only names every Chromium build recognises
 * are listed: interest-cohort (FLoC's opt-out) is gone, browsing-topics replaced it, and
 * web-share is unknown to Chromium on Linux. Leaving web-share out keeps its default, which is
 * this origin only: what the Share button needs.
 */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'autoplay=()',
  'browsing-topics=()',
  'camera=()',
  'display-capture=()',
  'encrypted-media=()',
  'geolocation=()',
  'gyroscope=()',
  'hid=()',
  'idle-detection=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'publickey-credentials-get=()',
  'screen-wake-lock=()',
  'serial=()',
  'usb=()',
  'xr-spatial-tracking=()',
  'clipboard-write=(self)',
  'fullscreen=(self)',
].join(', ');

export const HSTS = 'max-age=63072000; includeSubDomains';

export interface SecurityHeaderOptions {
  pathname: string;
  nonce: string;
  /** NODE_ENV === 'production': only then is HTTPS promised for two years. */
  production: boolean;
  development?: boolean;
}

/** `/api/` and everything below it: answers that are data, never a document that runs scripts. */
export function isDataPath(pathname: string): boolean {
  return pathname.startsWith('/api/');
}

/**
 * The policy for data answers: nothing may load or run, nothing may frame them. No nonce: the
 * same answer may be sent to many visitors (nginx, a CDN, scripts/http-cache.mjs), and a nonce shared between
 * responses would be no nonce at all.
 */
export const DATA_CSP = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** Every security header for one response, by name. */
export function securityHeaders({ pathname, nonce, production, development = false }: SecurityHeaderOptions): Record<string, string> {
  const frameable = isEmbedPath(pathname);
  const headers: Record<string, string> = {
    'Content-Security-Policy': isDataPath(pathname) ? DATA_CSP : contentSecurityPolicy({ nonce, frameable, development }),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': PERMISSIONS_POLICY,
  };
  // Older browsers ignore frame-ancestors; X-Frame-Options has no "anyone" value, so embed
  // pages send none at all.
  if (!frameable) headers['X-Frame-Options'] = 'DENY';
  if (production) headers['Strict-Transport-Security'] = HSTS;
  return headers;
}
