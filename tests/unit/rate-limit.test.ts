// Issue 18: the rate limit keys on the client's address as a trusted reverse proxy reports it,
// and only then; without TRUST_PROXY a header any client can write is never believed.
// (The limiter itself is tested against real databases in tests/integration/rate-limit.test.ts.)
import { beforeAll, describe, expect, it } from 'vitest';
import { clientKey, parseTrustProxy, peerAddress, peerHeaderValue, PEER_ADDRESS_HEADER } from '@/lib/http/rate-limit';

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
    expect(clientKey(req({ [PEER_ADDRESS_HEADER]: '198.51.100.1' }), 0)).toBe('unknown');
  });
});

describe('TRUST_PROXY', () => {
  it('reads none, a hop count, true/false and loopback', () => {
    expect(parseTrustProxy(undefined)).toBe(0);
    expect(parseTrustProxy('')).toBe(0);
    expect(parseTrustProxy('false')).toBe(0);
    expect(parseTrustProxy('0')).toBe(0);
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy(' TRUE ')).toBe(1);
    expect(parseTrustProxy('3')).toBe(3);
    expect(parseTrustProxy('loopback')).toBe('loopback');
  });

  it('refuses anything else rather than guessing', () => {
    for (const bad of ['yes', '-1', '11', '1.5', '10.0.0.1', 'all']) expect(parseTrustProxy(bad), bad).toBeNull();
  });
});

describe('clientKey without TRUST_PROXY', () => {
  it('ignores forged X-Forwarded-For and X-Real-IP and keys on the TCP peer', () => {
    const forged = { 'x-forwarded-for': '1.1.1.1, 2.2.2.2', 'x-real-ip': '3.3.3.3' };
    expect(clientKey(peer('203.0.113.9', forged), 0)).toBe('203.0.113.9');
    expect(clientKey(peer('203.0.113.9', { 'x-forwarded-for': '198.51.100.1' }), 0)).toBe('203.0.113.9');
  });

  it('gives every client one shared key when the peer is unknown, so forging buys nothing', () => {
    expect(clientKey(req({ 'x-forwarded-for': '198.51.100.1' }), 0)).toBe('unknown');
    expect(clientKey(req({ 'x-forwarded-for': '198.51.100.2' }), 0)).toBe('unknown');
    expect(clientKey(req({ 'x-real-ip': '198.51.100.3' }), 0)).toBe('unknown');
  });

  it('writes an IPv4-mapped IPv6 peer as the IPv4 address, and refuses a peer that is not an address', () => {
    expect(clientKey(peer('::ffff:203.0.113.9'), 0)).toBe('203.0.113.9');
    expect(clientKey(peer('2001:DB8::1'), 0)).toBe('2001:db8::1');
    expect(clientKey(peer('not-an-address'), 0)).toBe('unknown');
  });
});

describe('clientKey behind trusted proxies', () => {
  it('one proxy: the right-most X-Forwarded-For entry, the one that proxy appended', () => {
    expect(clientKey(peer('10.0.0.2', { 'x-forwarded-for': '203.0.113.9' }), 1)).toBe('203.0.113.9');
    // What the client claimed to the left is not believed.
    expect(clientKey(peer('10.0.0.2', { 'x-forwarded-for': '1.1.1.1, 203.0.113.9' }), 1)).toBe('203.0.113.9');
    expect(clientKey(peer('10.0.0.2', { 'x-forwarded-for': ' 1.1.1.1 ,  203.0.113.9 , ' }), 1)).toBe('203.0.113.9');
  });

  it('n proxies: the n-th entry from the right, never further left than the chain goes', () => {
    const chain = { 'x-forwarded-for': '1.1.1.1, 203.0.113.9, 10.0.0.5' };
    expect(clientKey(peer('10.0.0.2', chain), 2)).toBe('203.0.113.9');
    expect(clientKey(peer('10.0.0.2', { 'x-forwarded-for': '203.0.113.9' }), 3)).toBe('203.0.113.9');
  });

  it('falls back to X-Real-IP, then to the peer, then to one shared key', () => {
    expect(clientKey(peer('10.0.0.2', { 'x-real-ip': '198.51.100.4' }), 1)).toBe('198.51.100.4');
    expect(clientKey(peer('10.0.0.2'), 1)).toBe('10.0.0.2');
    expect(clientKey(req({}), 1)).toBe('unknown');
    expect(clientKey(peer('10.0.0.2', { 'x-forwarded-for': 'garbage' }), 1)).toBe('10.0.0.2');
  });

  it('loopback: believes the headers only when the peer is on this machine, and skips local hops', () => {
    const chain = { 'x-forwarded-for': '1.1.1.1, 203.0.113.9, 127.0.0.1' };
    expect(clientKey(peer('127.0.0.1', chain), 'loopback')).toBe('203.0.113.9');
    expect(clientKey(peer('::1', { 'x-real-ip': '198.51.100.4' }), 'loopback')).toBe('198.51.100.4');
    // A client connecting directly is its own address, whatever it claims.
    expect(clientKey(peer('203.0.113.50', chain), 'loopback')).toBe('203.0.113.50');
    expect(clientKey(req(chain), 'loopback')).toBe('unknown');
  });
});
