// Rate limits shared by every instance of the app: the counters live in the database (the
// RateLimit table), so two instances behind one load balancer give the same answer and the same
// limit, and a restart forgets nothing.
//
// Why one SQL statement rather than rate-limiter-flexible: its stores bring their own table (its
// SQL stores create it at run time, outside the migrations; its Prisma store expects a model of
// its own) and a different store class per database, while one
// `INSERT ... ON CONFLICT DO UPDATE ... RETURNING` through the client the app already has is
// atomic by itself, runs unchanged on SQLite (3.35+) and PostgreSQL, sits in a table the
// migrations own, and needs no dependency (its `reward()`, giving back a hit whose request failed,
// is `refund` here). A fixed window can let up to twice the limit
// through around a window's edge; for limits meant to stop a script filling the database, not to
// meter people, that is fine, and it keeps one row per key.
import 'server-only';
import { timingSafeEqual } from 'node:crypto';
import ipaddr from 'ipaddr.js';
import { getPrisma, type PrismaClient } from '../data/db';
import { writeUnavailable } from './api-errors';
import { clientAddress, parseTrustProxy, type Trust } from './trust-proxy.mjs';

export interface RateLimitRule {
  /** Prefix of the stored keys, one per rule, e.g. "views". */
  name: string;
  /** Hits allowed per window per key. */
  limit: number;
  windowMs: number;
}

/**
 * A hit counted (`ok`, with the window it was counted in, so it can be given back) or refused
 * with the seconds until the window ends.
 */
export type RateLimitResult = { ok: true; remaining: number; used: number; windowEnd: bigint } | { ok: false; retryAfterSeconds: number };

type RateLimitDb = Pick<PrismaClient, '$queryRaw' | '$executeRaw' | 'rateLimit'>;

/** Expired rows are swept at most this often per process (and only when a hit comes in). */
const SWEEP_EVERY_MS = 60_000;
let lastSweep = 0;

/** Keys are stored as `${rule.name}:${key}`; anything longer than this is cut (addresses fit). */
const MAX_KEY_LENGTH = 200;

export class DatabaseRateLimiter {
  constructor(
    readonly rule: RateLimitRule,
    private readonly db: () => RateLimitDb = getPrisma,
    private readonly now: () => number = Date.now,
  ) {}

  private id(key: string): string {
    return `${this.rule.name}:${key}`.slice(0, MAX_KEY_LENGTH);
  }

  /** Count one hit for `key`, or refuse it with the seconds until its window ends. */
  async take(key: string): Promise<RateLimitResult> {
    const db = this.db();
    const now = this.now();
    const id = this.id(key);
    const nowMs = BigInt(now);
    const resetAt = BigInt(now + this.rule.windowMs);
    // One statement, so two instances counting the same key at once cannot both read the old
    // count. A window that has ended starts again at 1; within a window the count stops at
    // limit + 1, which is enough to say "refused" and keeps a flood from growing the number.
    let rows: { count: number | bigint; resetAt: number | bigint }[];
    try {
      rows = await db.$queryRaw<{ count: number | bigint; resetAt: number | bigint }[]>`
        INSERT INTO "RateLimit" ("key", "count", "resetAt") VALUES (${id}, 1, ${resetAt})
        ON CONFLICT ("key") DO UPDATE SET
          "count" = CASE
            WHEN "RateLimit"."resetAt" <= ${nowMs} THEN 1
            WHEN "RateLimit"."count" > ${this.rule.limit} THEN "RateLimit"."count"
            ELSE "RateLimit"."count" + 1 END,
          "resetAt" = CASE WHEN "RateLimit"."resetAt" <= ${nowMs} THEN ${resetAt} ELSE "RateLimit"."resetAt" END
        RETURNING "count", "resetAt"`;
      if (now - lastSweep >= SWEEP_EVERY_MS) {
        lastSweep = now;
        await db.rateLimit.deleteMany({ where: { resetAt: { lte: nowMs } } });
      }
    } catch (e) {
      // A database that cannot count cannot store the link either: 503, not a 500.
      throw writeUnavailable(e);
    }
    const count = Number(rows[0].count);
    const windowEnd = BigInt(rows[0].resetAt);
    if (count <= this.rule.limit) return { ok: true, remaining: this.rule.limit - count, used: count, windowEnd };
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((Number(windowEnd) - now) / 1000)) };
  }

  /**
   * Give back a hit `take` counted, when what it was for did not happen (the write failed): only
   * successful creations use up an allowance. Only within the same window; a count saturated at
   * limit + 1 stands for `limit` hits. Best effort: a database that cannot take this write could
   * not take the one being given back either.
   */
  async refund(key: string, taken: RateLimitResult): Promise<void> {
    if (!taken.ok) return;
    const limit = this.rule.limit;
    await this.db().$executeRaw`UPDATE "RateLimit" SET "count" = CASE WHEN "count" > ${limit} THEN ${limit - 1} ELSE "count" - 1 END
        WHERE "key" = ${this.id(key)} AND "resetAt" = ${taken.windowEnd} AND "count" > 0`.catch(() => undefined);
  }
}

/**
 * The header scripts/server.mjs (what `npm start` runs) sets on every request to the address of
 * the TCP peer, overwriting whatever a client sent under that name, so it cannot be forged
 * through it. Next.js's own X-Forwarded-For can: it fills the header from the socket only when
 * the client sent none.
 */
export const PEER_ADDRESS_HEADER = 'x-atlas-peer-address';

/** The value scripts/server.mjs writes under PEER_ADDRESS_HEADER (tests write it the same way). */
export function peerHeaderValue(address: string, secret: string | undefined = process.env.ATLAS_PEER_SECRET): string {
  return `${secret ?? ''} ${address}`;
}

/** An address in its usual text form (no "127.1" or "0x7f000001" shorthand). */
const isAddress = (v: string) => ipaddr.IPv4.isValidFourPartDecimal(v) || ipaddr.IPv6.isValid(v);

/**
 * The TCP peer's address from PEER_ADDRESS_HEADER, when scripts/server.mjs wrote it: the value is
 * `<secret> <address>`, with the secret the server made at start (ATLAS_PEER_SECRET, in this
 * process's environment). Anything else, a client's own header under `next start` above all, is
 * not believed: null.
 */
export function peerAddress(request: Request, secret: string | undefined = process.env.ATLAS_PEER_SECRET): string | null {
  const value = request.headers.get(PEER_ADDRESS_HEADER);
  if (!secret || !value) return null;
  const space = value.indexOf(' ');
  const given = Buffer.from(space < 0 ? value : value.slice(0, space));
  const expected = Buffer.from(secret);
  if (space < 0 || given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const peer = value.slice(space + 1).trim();
  return isAddress(peer) ? peer : null;
}

let warned = false;
/**
 * TRUST_PROXY from the environment (lib/http/trust-proxy.mjs reads it). `npm start` refuses a bad
 * value before serving; should one reach here anyway, trusting no proxy is the safe reading
 * (clients cannot pick their key).
 */
export function trustProxy(value: string | undefined = process.env.TRUST_PROXY): Trust {
  const parsed = parseTrustProxy(value);
  if (parsed.ok) return parsed.trust;
  if (!warned) {
    warned = true;
    console.error(`${parsed.message} Trusting no proxy.`);
  }
  return { kind: 'none' };
}

/**
 * A bare address, or null. "::ffff:1.2.3.4" is stored as 1.2.3.4 so both spellings share a key,
 * and an IPv6 address as its /64: one home or one server is routinely given a whole /64, so
 * keying on the full address would hand a single client 2^64 fresh allowances.
 */
export function addressKey(value: string | null | undefined): string | null {
  const v = value?.trim();
  if (!v || !isAddress(v)) return null;
  let parsed = ipaddr.parse(v);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  if (parsed.kind() === 'ipv4') return parsed.toString();
  const parts = (parsed as ipaddr.IPv6).parts.slice(0, 4);
  return `${new ipaddr.IPv6([...parts, 0, 0, 0, 0]).toString()}/64`;
}

/**
 * The client's key for rate limiting. X-Forwarded-For counts only when TRUST_PROXY names the
 * proxies that write it (lib/http/trust-proxy.mjs); otherwise the key is the TCP peer's address.
 * Where nothing can be believed (no peer known, as under `next start` without TRUST_PROXY), every
 * client shares one key, so a forged header buys nothing.
 */
export function clientKey(request: Request, trust: Trust = trustProxy()): string {
  const peer = peerAddress(request);
  const found = clientAddress(trust, peer, request.headers.get('x-forwarded-for'));
  return addressKey(found) ?? addressKey(peer) ?? 'unknown';
}
