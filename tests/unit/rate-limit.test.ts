// Issue #5: writes are rate-limited per client; the limiter forgets old hits and its memory stays
// bounded however many addresses write.
import { describe, expect, it } from 'vitest';
import { clientKey, SlidingWindowLimiter } from '@/lib/http/rate-limit';

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('SlidingWindowLimiter', () => {
  it('allows `limit` hits per window, then refuses with the seconds until one frees up', () => {
    const c = clock();
    const limiter = new SlidingWindowLimiter({ limit: 3, windowMs: 60_000, now: c.now });
    expect(limiter.take('a')).toEqual({ ok: true, remaining: 2 });
    c.advance(10_000);
    expect(limiter.take('a')).toEqual({ ok: true, remaining: 1 });
    expect(limiter.take('a')).toEqual({ ok: true, remaining: 0 });
    c.advance(5_000);
    // The first hit (at 0 s) leaves the window at 60 s; it is now 15 s.
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterSeconds: 45 });
  });

  it('slides: a hit leaving the window frees exactly one slot', () => {
    const c = clock();
    const limiter = new SlidingWindowLimiter({ limit: 2, windowMs: 1_000, now: c.now });
    limiter.take('a');
    c.advance(600);
    limiter.take('a');
    expect(limiter.take('a').ok).toBe(false);
    c.advance(400); // the first hit is now 1 000 ms old: out of the window
    expect(limiter.take('a')).toEqual({ ok: true, remaining: 0 });
    expect(limiter.take('a').ok).toBe(false);
  });

  it('refused hits do not count, so a client that waits gets back in', () => {
    const c = clock();
    const limiter = new SlidingWindowLimiter({ limit: 1, windowMs: 1_000, now: c.now });
    limiter.take('a');
    for (let i = 0; i < 100; i++) expect(limiter.take('a').ok).toBe(false);
    c.advance(1_000);
    expect(limiter.take('a').ok).toBe(true);
  });

  it('keeps clients apart', () => {
    const limiter = new SlidingWindowLimiter({ limit: 1, windowMs: 1_000, now: clock().now });
    expect(limiter.take('a').ok).toBe(true);
    expect(limiter.take('a').ok).toBe(false);
    expect(limiter.take('b').ok).toBe(true);
  });

  it('never asks a client to wait less than one second', () => {
    const c = clock();
    const limiter = new SlidingWindowLimiter({ limit: 1, windowMs: 1_000, now: c.now });
    limiter.take('a');
    c.advance(999);
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterSeconds: 1 });
  });

  it('remembers at most maxKeys clients, forgetting the one whose last counted hit is oldest', () => {
    const c = clock();
    const limiter = new SlidingWindowLimiter({ limit: 2, windowMs: 60_000, maxKeys: 3, now: c.now });
    for (const k of ['a', 'b', 'c']) {
      limiter.take(k);
      c.advance(1);
    }
    limiter.take('a'); // a's newest hit is now the most recent: b is the oldest
    limiter.take('d'); // a fourth key: b is dropped
    expect(limiter.take('b')).toEqual({ ok: true, remaining: 1 }); // forgotten: counts from zero
    expect(limiter.take('a').ok).toBe(false); // remembered: two hits already
  });

  it('stays bounded under a flood of distinct addresses', () => {
    const limiter = new SlidingWindowLimiter({ limit: 5, windowMs: 60_000, maxKeys: 100, now: clock().now });
    for (let i = 0; i < 10_000; i++) limiter.take(`10.0.${i >> 8}.${i & 255}`);
    // The most recent 100 addresses are the ones remembered.
    const hits = (limiter as unknown as { hits: Map<string, number[]> }).hits;
    expect(hits.size).toBe(100);
  });
});

describe('clientKey', () => {
  const req = (headers: Record<string, string>) => new Request('http://localhost/api/views', { headers });

  it('uses the address the nearest proxy appended to X-Forwarded-For', () => {
    expect(clientKey(req({ 'x-forwarded-for': '203.0.113.9' }))).toBe('203.0.113.9');
    expect(clientKey(req({ 'x-forwarded-for': '1.1.1.1, 203.0.113.9' }))).toBe('203.0.113.9');
    expect(clientKey(req({ 'x-forwarded-for': ' 1.1.1.1 ,  203.0.113.9 , ' }))).toBe('203.0.113.9');
  });

  it('falls back to X-Real-IP, then to one shared key', () => {
    expect(clientKey(req({ 'x-real-ip': '198.51.100.4' }))).toBe('198.51.100.4');
    expect(clientKey(req({}))).toBe('unknown');
    expect(clientKey(req({ 'x-forwarded-for': ' , ' }))).toBe('unknown');
  });
});
