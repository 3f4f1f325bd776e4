// Pages a reverse proxy may keep (issue 18). Every page carries a CSP nonce made for its one
// response, so by default a page is `private, no-store` (Next.js's own header for a dynamic
// render): a copy kept by a CDN would show every visitor the same nonce, which is no nonce at all.
// A proxy that gives each copy it sends a fresh nonce (in the policy and in the body) may keep
// them, though: deploy/nginx.conf does, with sub_filter, and says so in NONCE_REWRITE_HEADER. The
// app believes that header only from a proxy it was told to trust (TRUST_PROXY); nginx sets it on
// every request it passes on, so a client cannot.
import { SHARED_DATA } from './cache-policy';
import { parseTrustProxy } from './trust-proxy.mjs';
import { isSharedPage } from '../view/paths';

/** The request header by which a trusted proxy promises a fresh nonce in every copy it sends. */
export const NONCE_REWRITE_HEADER = 'x-atlas-nonce-rewrite';

/**
 * The Cache-Control for a page at `path` (without its locale prefix), or null to leave Next.js's
 * own: as shareable as the data (SHARED_DATA, so a page is never staler than the data it shows)
 * when the page is the same for every visitor, a trusted proxy promised to rewrite its nonce,
 * and the data can be read now (`dataReadable`, asked last: it may query the database). Without
 * the data a page renders degraded, and a proxy would keep that copy for a minute. The proxy's
 * answer comes before the page renders: should the database fail in between, that one copy can
 * still be kept.
 */
export async function sharedPageCacheControl(
  path: string,
  headers: Headers,
  trustProxy: string | undefined,
  dataReadable: () => Promise<boolean>,
): Promise<string | null> {
  if (headers.get(NONCE_REWRITE_HEADER) !== '1' || !isSharedPage(path)) return null;
  const parsed = parseTrustProxy(trustProxy);
  if (!parsed.ok || parsed.trust.kind === 'none') return null;
  return (await dataReadable()) ? SHARED_DATA : null;
}
