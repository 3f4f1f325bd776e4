// What each kind of answer lets caches do with it (issue 18), in one place so that the route
// handlers, next.config.ts and the tests agree. A CDN or nginx (deploy/nginx.conf) and the
// in-process cache of `npm start` (scripts/http-cache.mjs) read these and nothing else.
//
// Browsers honour `must-revalidate` and ask again each time (a cheap 304 with the ETag); shared
// caches keep a copy for `s-maxage` and may answer with it for `stale-while-revalidate` more
// while they fetch a new one (nginx honours both; it does not implement must-revalidate, and
// RFC 9111 lets the stricter reading win only where it is implemented, i.e. in browsers).

/** The read-only data: /api/routes, /api/routes/<id>, /api/sources, /api/export. */
export const SHARED_DATA = 'public, max-age=0, s-maxage=60, stale-while-revalidate=300, must-revalidate';

/** Still images (*.png routes): a render is costly; browsers keep one 10 minutes, caches too. */
export const SHARED_IMAGE = 'public, max-age=600, s-maxage=600, stale-while-revalidate=3600, must-revalidate';

/** Files whose address names their content (a `?v=` hash, a hashed file name): kept for good. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Answers for one visitor or one moment: short-link writes and redirects, errors. */
export const NO_STORE = 'no-store';

/**
 * next.config.ts `headers()` source for files under public/generated/ whose name ends in an
 * 8-character content hash, as esbuild names them (`boot-ABCD1234.js`, `chunk-LCTQ2X7N.js`).
 */
export const HASHED_GENERATED_SOURCE = '/generated/:dir*/:file([^/]+-[A-Z0-9]{8}\\.(?:js|mjs|css|json))';
