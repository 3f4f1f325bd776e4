// In-process sliding-window rate limiting. One process serves the app (next start), so memory
// is the right store; a multi-instance deployment would move this to a shared store.

export interface RateLimitOptions {
  /** Hits allowed per window per key. */
  limit: number;
  windowMs: number;
  /** Keys remembered at most; the least recently used are dropped first, bounding memory. */
  maxKeys?: number;
  now?: () => number;
}

export type RateLimitResult = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>();
  private readonly limit: number;
  private readonly windowMs: number;
  private readonly maxKeys: number;
  private readonly now: () => number;

  constructor({ limit, windowMs, maxKeys = 10_000, now = Date.now }: RateLimitOptions) {
    this.limit = limit;
    this.windowMs = windowMs;
    this.maxKeys = maxKeys;
    this.now = now;
  }

  /** Count one hit for `key`, or refuse it with the seconds until the oldest hit leaves the window. */
  take(key: string): RateLimitResult {
    const now = this.now();
    const recent = (this.hits.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (recent.length >= this.limit) {
      this.hits.set(key, recent);
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((recent[0] + this.windowMs - now) / 1000)) };
    }
    recent.push(now);
    // Re-inserting moves the key to the end of the Map's order, which makes the first key the LRU.
    this.hits.delete(key);
    this.hits.set(key, recent);
    if (this.hits.size > this.maxKeys) this.hits.delete(this.hits.keys().next().value as string);
    return { ok: true, remaining: this.limit - recent.length };
  }
}

/**
 * The client's address for rate limiting: the right-most X-Forwarded-For entry, which is the one
 * the nearest proxy appended (entries further left are whatever the client claimed). Without a
 * proxy, `next start` fills the header from the socket only when the client sent none, so a
 * client can pick its own key; the global ceiling in the caller bounds what that buys.
 */
export function clientKey(request: Request): string {
  const forwarded = request.headers.get('x-forwarded-for');
  const last = forwarded
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .at(-1);
  return last || request.headers.get('x-real-ip')?.trim() || 'unknown';
}
