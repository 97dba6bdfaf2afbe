import { describe, expect, it } from 'vitest';
import { parseTrustedProxies, resolveClientAddress } from './client-address.ts';

const trusted = parseTrustedProxies(['127.0.0.1', '10.0.0.0/8', 'fd00::/8']).list;

describe('resolveClientAddress', () => {
  it('believes X-Forwarded-For only from a trusted proxy', () => {
    expect(resolveClientAddress('203.0.113.9', '198.51.100.1', trusted)).toBe('203.0.113.9');
    expect(resolveClientAddress('127.0.0.1', '198.51.100.1', trusted)).toBe('198.51.100.1');
    expect(resolveClientAddress('::ffff:127.0.0.1', '198.51.100.1', trusted)).toBe('198.51.100.1');
  });

  it('walks back through a chain of trusted proxies, and stops at the first hop that is not one', () => {
    // The client claims to be 1.2.3.4; the first untrusted hop (203.0.113.9) added that claim.
    expect(resolveClientAddress('127.0.0.1', '1.2.3.4, 203.0.113.9, 10.1.2.3', trusted)).toBe('203.0.113.9');
    expect(resolveClientAddress('fd00::1', '198.51.100.7', trusted)).toBe('198.51.100.7');
  });

  it('keeps the peer without a list, without the header, or with a garbled hop', () => {
    expect(resolveClientAddress('127.0.0.1', '198.51.100.1', null)).toBe('127.0.0.1');
    expect(resolveClientAddress('127.0.0.1', undefined, trusted)).toBe('127.0.0.1');
    expect(resolveClientAddress('127.0.0.1', 'not-an-ip', trusted)).toBe('127.0.0.1');
  });
});

describe('parseTrustedProxies', () => {
  it('names the entries that are not addresses or ranges', () => {
    expect(parseTrustedProxies(['10.0.0.0/8', 'proxy.local', '10.0.0.0/33', '::1']).problems).toEqual([
      '"proxy.local" is not an IP address or CIDR range', '"10.0.0.0/33" is not an IP address or CIDR range',
    ]);
  });
});
