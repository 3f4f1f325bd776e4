// TRUST_PROXY: which reverse proxies in front of the app may tell it the client's address, and
// how the client's address is read from X-Forwarded-For then. In plain JavaScript so that
// `npm start` (scripts/start.mjs, run by Node without a compiler) refuses a bad value with the same
// rule the rate limit (lib/http/rate-limit.ts) reads it by.
//
// The trust decision itself is proxy-addr's (the library Express uses): it walks X-Forwarded-For
// from the right, starting at the TCP peer, and stops at the first address it does not trust.
import proxyaddr from 'proxy-addr';

/** Named ranges proxy-addr knows, accepted in a TRUST_PROXY list. */
const NAMED_RANGES = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * The forms TRUST_PROXY takes, for messages and the README:
 * - unset, "", "0" or "false": no proxy. The client is the TCP peer; X-Forwarded-For is ignored.
 * - a number n from 1 to 10, or "true" (= 1): n proxies, each appending the address it saw to
 *   X-Forwarded-For; the client is the n-th address from the right.
 * - a comma-separated list of addresses, CIDR ranges and the names loopback, linklocal,
 *   uniquelocal: proxies at those addresses; walking right to left from the TCP peer, the first
 *   address not in the list is the client. Needs the TCP peer, which `npm start` knows and
 *   `next start` does not (there every client then shares one key: use a number instead).
 */
export const TRUST_PROXY_FORMS =
  'a number of proxies (0–10), "true" (1), "false" (0), or a comma-separated list of proxy addresses, CIDR ranges, loopback, linklocal or uniquelocal';

/** @type {{ value: string | undefined, result: ReturnType<typeof parse> } | undefined} */
let last;

/**
 * TRUST_PROXY as written. Read on every request that needs it (the rate limit, shared pages),
 * from an environment that does not change: the last answer is kept, so a list is compiled once.
 * @param {string | undefined} value
 * @returns {{ ok: true, trust: import('./trust-proxy.d.mts').Trust } | { ok: false, message: string }}
 */
export function parseTrustProxy(value) {
  if (!last || last.value !== value) last = { value, result: parse(value) };
  return last.result;
}

/**
 * @param {string | undefined} value
 * @returns {{ ok: true, trust: import('./trust-proxy.d.mts').Trust } | { ok: false, message: string }}
 */
function parse(value) {
  const v = (value ?? '').trim().toLowerCase();
  if (v === '' || v === 'false' || v === '0') return { ok: true, trust: { kind: 'none' } };
  if (v === 'true') return { ok: true, trust: { kind: 'hops', hops: 1 } };
  if (/^\d{1,2}$/.test(v)) {
    const hops = Number(v);
    if (hops <= 10) return { ok: true, trust: { kind: 'hops', hops } };
  }
  const list = v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  // Bare numbers were handled above; a list entry must look like an address, a range or a name,
  // so that "yes" or "all" is refused rather than read as something proxy-addr might accept.
  const looksRight =
    list.length > 0 &&
    list.every((s) => NAMED_RANGES.includes(s) || /^(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f]*:[0-9a-f:.]*)(?:\/\d{1,3})?$/.test(s));
  if (looksRight) {
    try {
      return { ok: true, trust: { kind: 'list', list, isTrusted: proxyaddr.compile(list) } };
    } catch {
      // proxy-addr refuses an address or range it cannot parse: fall through to the message.
    }
  }
  return { ok: false, message: `TRUST_PROXY must be ${TRUST_PROXY_FORMS}, not "${value}".` };
}

/**
 * The client's address as the trusted proxies report it, or null when nothing can be believed
 * (no proxy is trusted and the TCP peer is unknown, or a list is trusted but the peer is unknown).
 * @param {import('./trust-proxy.d.mts').Trust} trust
 * @param {string | null} peer the TCP peer's address, when known
 * @param {string | null} forwardedFor the X-Forwarded-For header
 * @returns {string | null}
 */
export function clientAddress(trust, peer, forwardedFor) {
  if (trust.kind === 'none') return peer;
  if (trust.kind === 'list' && !peer) return null;
  // proxy-addr reads a Node request; this is the part of one it reads. Under `next start` the
  // peer is unknown: with a hop count the peer is the first trusted hop whatever its address, so
  // a placeholder stands in for it.
  const req = { socket: { remoteAddress: peer ?? '0.0.0.0' }, headers: { 'x-forwarded-for': forwardedFor ?? '' } };
  const isTrusted = trust.kind === 'hops' ? (/** @type {string} */ _a, /** @type {number} */ i) => i < trust.hops : trust.isTrusted;
  const found = proxyaddr(/** @type {import('node:http').IncomingMessage} */ (/** @type {unknown} */ (req)), isTrusted);
  return found === '0.0.0.0' && !peer ? null : found;
}
