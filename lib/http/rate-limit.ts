// Rate limits shared by every instance of the app: the counters live in the database (the
// RateLimit table), so two instances behind one load balancer give the same answer and the same
// limit, and a restart forgets nothing.
//
// Why one SQL statement rather than rate-limiter-flexible: its stores bring their own table (its
// SQL stores create it at run time, outside the migrations; its Prisma store expects a model of
// its own) and a different store class per database, while one
// `INSERT ... ON CONFLICT DO UPDATE ... RETURNING` through the client the app already has is
// atomic by itself, runs unchanged on SQLite (3.35+) and PostgreSQL, sits in a table the
// migrations own, and needs no dependency. A fixed window can let up to twice the limit
// through around a window's edge; for limits meant to stop a script filling the database, not to
// meter people, that is fine, and it keeps one row per key.
import 'server-only';
import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { getPrisma, type PrismaClient } from '../data/db';
import { DataUnavailableError } from './api-errors';

export interface RateLimitRule {
  /** Prefix of the stored keys, one per rule, e.g. "views". */
  name: string;
  /** Hits allowed per window per key. */
  limit: number;
  windowMs: number;
}

export type RateLimitResult = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

type RateLimitDb = Pick<PrismaClient, '$queryRaw' | 'rateLimit'>;

/** Expired rows are swept at most this often per process (and only when a hit comes in). */
const SWEEP_EVERY_MS = 60_000;
let lastSweep = 0;

/** Keys are stored as `${rule.name}:${key}`; anything longer than this is cut (addresses fit). */
const MAX_KEY_LENGTH = 200;

export class DatabaseRateLimiter {
  constructor(
    private readonly rule: RateLimitRule,
    private readonly db: () => RateLimitDb = getPrisma,
    private readonly now: () => number = Date.now,
  ) {}

  /** Count one hit for `key`, or refuse it with the seconds until its window ends. */
  async take(key: string): Promise<RateLimitResult> {
    const db = this.db();
    const now = this.now();
    const id = `${this.rule.name}:${key}`.slice(0, MAX_KEY_LENGTH);
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
      throw new DataUnavailableError(
        'Short links are unavailable right now: the database did not answer. Please try again later, or share the full link instead.',
        { cause: e },
      );
    }
    const count = Number(rows[0].count);
    if (count <= this.rule.limit) return { ok: true, remaining: this.rule.limit - count };
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((Number(rows[0].resetAt) - now) / 1000)) };
  }
}

/**
 * The header scripts/server.mjs (what `npm start` runs) sets on every request to the address of
 * the TCP peer, overwriting whatever a client sent under that name, so it cannot be forged
 * through it. Next.js's own X-Forwarded-For can: it fills the header from the socket only when
 * the client sent none.
 */
export const PEER_ADDRESS_HEADER = 'x-atlas-peer-address';

/**
 * The TCP peer's address from PEER_ADDRESS_HEADER, when scripts/server.mjs wrote it: the value is
 * `<secret> <address>`, with the secret the server made at start (ATLAS_PEER_SECRET, in this
 * process's environment). Anything else, a client's own header under `next start` above all, is
 * not believed: null.
 */
/** The value scripts/server.mjs writes under PEER_ADDRESS_HEADER (tests write it the same way). */
export function peerHeaderValue(address: string, secret: string | undefined = process.env.ATLAS_PEER_SECRET): string {
  return `${secret ?? ''} ${address}`;
}

export function peerAddress(request: Request, secret: string | undefined = process.env.ATLAS_PEER_SECRET): string | null {
  const value = request.headers.get(PEER_ADDRESS_HEADER);
  if (!secret || !value) return null;
  const space = value.indexOf(' ');
  const given = Buffer.from(space < 0 ? value : value.slice(0, space));
  const expected = Buffer.from(secret);
  if (space < 0 || given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return address(value.slice(space + 1));
}

/**
 * TRUST_PROXY: which reverse proxies in front of the app to believe about the client's address.
 * Unset, "", "0" or "false": none, the client address is the TCP peer's. A number n (or "true"
 * for 1): n proxies, each appending to X-Forwarded-For, so the client is the n-th entry from
 * the right. "loopback": proxies on this machine, believed only when the TCP peer is one.
 */
export const TrustProxy = z.union([
  z.literal('loopback'),
  z
    .string()
    .regex(/^\d{1,2}$/)
    .transform(Number)
    .pipe(z.number().int().max(10)),
]);
export type TrustProxy = z.infer<typeof TrustProxy>;

/** TRUST_PROXY as written, or null when it is not one of the forms above. */
export function parseTrustProxy(value: string | undefined): TrustProxy | null {
  const v = (value ?? '').trim().toLowerCase();
  const parsed = TrustProxy.safeParse(v === '' || v === 'false' ? '0' : v === 'true' ? '1' : v);
  return parsed.success ? parsed.data : null;
}

let warned = false;
/**
 * TRUST_PROXY from the environment. `npm start` refuses a bad value before serving; should one
 * reach here anyway, trusting no proxy is the safe reading (clients cannot pick their key).
 */
export function trustProxy(value: string | undefined = process.env.TRUST_PROXY): TrustProxy {
  const parsed = parseTrustProxy(value);
  if (parsed !== null) return parsed;
  if (!warned) {
    warned = true;
    console.error(`TRUST_PROXY="${value}" is not a number of proxies (0–10), "true", "false" or "loopback": trusting no proxy.`);
  }
  return 0;
}

const IpAddress = z.union([z.ipv4(), z.ipv6()]);

/** A bare address, or null: "::ffff:1.2.3.4" is stored as 1.2.3.4 so both spellings share a key. */
function address(value: string | null | undefined): string | null {
  const v = value?.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
  return v && IpAddress.safeParse(v).success ? v.toLowerCase() : null;
}

function isLoopback(a: string): boolean {
  return a === '::1' || /^127\./.test(a);
}

function forwardedFor(request: Request): string[] {
  return (request.headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * The client's address for rate limiting. Headers a client can write (X-Forwarded-For,
 * X-Real-IP) count only when TRUST_PROXY says a proxy in front of the app writes them; then the
 * address is the one the outermost trusted proxy saw. Without one, it is the TCP peer; where
 * that is unknown (the app not run by scripts/server.mjs), every client shares one key, so a
 * forged header buys nothing.
 */
export function clientKey(request: Request, trust: TrustProxy = trustProxy()): string {
  const peer = peerAddress(request);
  const fromProxy = (hops: number): string | null => {
    const chain = forwardedFor(request);
    if (chain.length > 0) return address(chain[Math.max(0, chain.length - hops)]);
    return address(request.headers.get('x-real-ip'));
  };
  if (trust === 'loopback') {
    if (!peer || !isLoopback(peer)) return peer ?? 'unknown';
    // Skip every proxy on this machine, right to left; the first other address is the client.
    const outside = forwardedFor(request)
      .map(address)
      .reverse()
      .find((a) => a !== null && !isLoopback(a));
    return outside ?? address(request.headers.get('x-real-ip')) ?? peer;
  }
  if (trust > 0) return fromProxy(trust) ?? peer ?? 'unknown';
  return peer ?? 'unknown';
}
