// Issues 18 and 19: the rate limit keys on the client's address as a trusted reverse proxy reports it,
// and only then; without TRUST_PROXY a header any client can write is never believed.
// (The limiter itself is tested against real databases in tests/integration/rate-limit.test.ts.)
import { beforeAll, describe, expect, it } from 'vitest';
import { addressKey, clientKey, peerAddress, peerHeaderValue, PEER_ADDRESS_HEADER } from '@/lib/http/rate-limit';
import { parseTrustProxy, type Trust } from '@/lib/http/trust-proxy.mjs';

// As scripts/server.mjs does at start: the secret its peer header begins with.
beforeAll(() => {
  process.env.ATLAS_PEER_SECRET = 'test-secret-0123456789';
});

const req = (headers: Record<string, string>) => new Request('http://localhost/api/views', { headers });
const peer = (address: string, headers: Record<string, string> = {}) =>
  req({ [PEER_ADDRESS_HEADER]: peerHeaderValue(address), ...headers });

describe('the peer address header', () => {
  it('is believed only with the secret of the server that wrote it', () => {
    expect(peerAddress(peer('203.0.113.5'))).toBe('203.0.113.5');
    // A client writing the header itself (under next start, or guessing) is not believed.
    expect(peerAddress(req({ [PEER_ADDRESS_HEADER]: '203.0.113.5' }))).toBeNull();
    expect(peerAddress(req({ [PEER_ADDRESS_HEADER]: 'wrong-secret-0123456789 203.0.113.5' }))).toBeNull();
    expect(peerAddress(peer('203.0.113.5'), '')).toBeNull();
    expect(clientKey(req({ [PEER_ADDRESS_HEADER]: '198.51.100.1' }), { kind: 'none' })).toBe('unknown');
  });
});

const NONE: Trust = { kind: 'none' };
const hops = (n: number): Trust => ({ kind: 'hops', hops: n });
const trusting = (value: string): Trust => {
  const parsed = parseTrustProxy(value);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.trust;
};

describe('TRUST_PROXY', () => {
  it('reads none, a hop count, true/false and a list of proxy addresses and ranges', () => {
    for (const none of [undefined, '', 'false', '0', ' FALSE '])
      expect(parseTrustProxy(none), String(none)).toEqual({ ok: true, trust: NONE });
    expect(parseTrustProxy('1')).toEqual({ ok: true, trust: hops(1) });
    expect(parseTrustProxy(' TRUE ')).toEqual({ ok: true, trust: hops(1) });
    expect(parseTrustProxy('3')).toEqual({ ok: true, trust: hops(3) });
    expect(parseTrustProxy('loopback')).toMatchObject({ ok: true, trust: { kind: 'list', list: ['loopback'] } });
    expect(parseTrustProxy('10.0.0.0/8, 192.0.2.7,2001:db8::/32')).toMatchObject({
      ok: true,
      trust: { kind: 'list', list: ['10.0.0.0/8', '192.0.2.7', '2001:db8::/32'] },
    });
  });

  it('refuses anything else rather than guessing, naming the forms it takes', () => {
    for (const bad of ['yes', '-1', '11', '1.5', 'all', '10.0.0.0/99', '300.1.1.1', 'loopback, nginx']) {
      const parsed = parseTrustProxy(bad);
      expect(parsed.ok, bad).toBe(false);
      if (!parsed.ok) expect(parsed.message).toMatch(/TRUST_PROXY must be a number of proxies.*CIDR ranges/);
    }
  });

  it('compiles a list once for as long as the value stays the same, and again when it changes', () => {
    const list = '10.0.0.0/8, loopback';
    const first = parseTrustProxy(list);
    expect(parseTrustProxy(list)).toBe(first);
    const other = parseTrustProxy('192.0.2.7');
    expect(other).not.toBe(first);
    expect(other).toMatchObject({ ok: true, trust: { kind: 'list', list: ['192.0.2.7'] } });
    const again = parseTrustProxy(list);
    expect(again).not.toBe(first);
    expect(again).toMatchObject({ ok: true, trust: { kind: 'list', list: ['10.0.0.0/8', 'loopback'] } });
  });
});

describe('clientKey without TRUST_PROXY', () => {
  it('ignores forged X-Forwarded-For and X-Real-IP and keys on the TCP peer', () => {
    const forged = { 'x-forwarded-for': '1.1.1.1, 2.2.2.2', 'x-real-ip': '3.3.3.3' };
    expect(clientKey(peer('203.0.113.9', forged), NONE)).toBe('203.0.113.9');
    expect(clientKey(peer('203.0.113.9', { 'x-forwarded-for': '198.51.100.1' }), NONE)).toBe('203.0.113.9');
  });

  it('gives every client one shared key when the peer is unknown, so forging buys nothing', () => {
    expect(clientKey(req({ 'x-forwarded-for': '198.51.100.1' }), NONE)).toBe('unknown');
    expect(clientKey(req({ 'x-forwarded-for': '198.51.100.2' }), NONE)).toBe('unknown');
    expect(clientKey(req({ 'x-real-ip': '198.51.100.3' }), NONE)).toBe('unknown');
  });

  it('writes an IPv4-mapped IPv6 peer as the IPv4 address, and refuses a peer that is not an address', () => {
    expect(clientKey(peer('::ffff:203.0.113.9'), NONE)).toBe('203.0.113.9');
    expect(clientKey(peer('not-an-address'), NONE)).toBe('unknown');
    expect(clientKey(peer('127.1'), NONE)).toBe('unknown');
  });

  it('keys an IPv6 client by its /64, so one network cannot multiply its allowance (issue 19)', () => {
    expect(clientKey(peer('2001:DB8:1:2::1'), NONE)).toBe('2001:db8:1:2::/64');
    expect(clientKey(peer('2001:db8:1:2:ffff:ee:dd:cc'), NONE)).toBe('2001:db8:1:2::/64');
    expect(clientKey(peer('2001:db8:1:3::1'), NONE)).toBe('2001:db8:1:3::/64');
    expect(addressKey('::1')).toBe('::/64');
  });
});

describe('clientKey behind trusted proxies', () => {
  it('one proxy: the right-most X-Forwarded-For entry, the one that proxy appended', () => {
    expect(clientKey(peer('10.0.0.2', { 'x-forwarded-for': '203.0.113.9' }), hops(1))).toBe('203.0.113.9');
    // What the client claimed to the left is not believed.
    expect(clientKey(peer('10.0.0.2', { 'x-forwarded-for': '1.1.1.1, 203.0.113.9' }), hops(1))).toBe('203.0.113.9');
    expect(clientKey(peer('10.0.0.2', { 'x-forwarded-for': ' 1.1.1.1 ,  203.0.113.9 ' }), hops(1))).toBe('203.0.113.9');
  });

  it('n proxies: the n-th entry from the right, never further left than the chain goes', () => {
    const chain = { 'x-forwarded-for': '1.1.1.1, 203.0.113.9, 10.0.0.5' };
    expect(clientKey(peer('10.0.0.2', chain), hops(2))).toBe('203.0.113.9');
    expect(clientKey(peer('10.0.0.2', { 'x-forwarded-for': '203.0.113.9' }), hops(3))).toBe('203.0.113.9');
  });

  it('under next start (peer unknown) a hop count still reads the proxy-appended entry', () => {
    expect(clientKey(req({ 'x-forwarded-for': '1.1.1.1, 203.0.113.9' }), hops(1))).toBe('203.0.113.9');
    expect(clientKey(req({}), hops(1))).toBe('unknown');
  });

  it('falls back to the peer when the proxy sent no usable address', () => {
    expect(clientKey(peer('10.0.0.2'), hops(1))).toBe('10.0.0.2');
    expect(clientKey(peer('10.0.0.2', { 'x-forwarded-for': 'garbage' }), hops(1))).toBe('10.0.0.2');
  });

  it('a list: believes the header only from listed proxies, and skips every listed hop', () => {
    const chain = { 'x-forwarded-for': '1.1.1.1, 203.0.113.9, 127.0.0.1' };
    expect(clientKey(peer('127.0.0.1', chain), trusting('loopback'))).toBe('203.0.113.9');
    expect(clientKey(peer('10.1.2.3', { 'x-forwarded-for': '1.1.1.1, 203.0.113.9, 10.9.9.9' }), trusting('10.0.0.0/8'))).toBe(
      '203.0.113.9',
    );
    // A client connecting directly is its own address, whatever it claims.
    expect(clientKey(peer('203.0.113.50', chain), trusting('loopback'))).toBe('203.0.113.50');
    expect(clientKey(peer('203.0.113.50', chain), trusting('10.0.0.0/8, 192.0.2.1'))).toBe('203.0.113.50');
    // Without the peer a list cannot be checked: one shared key.
    expect(clientKey(req(chain), trusting('loopback'))).toBe('unknown');
  });
});
