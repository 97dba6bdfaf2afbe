/**
 * Who is asking: the socket's peer, or — when that peer is one of the reverse proxies named in
 * TRUSTED_PROXIES — the client the proxies name in `X-Forwarded-For`. Login throttling counts
 * failures per client address, so behind a proxy it must not see every request as the proxy's.
 * Entries not from a trusted hop are never believed: anyone can send the header.
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { BlockList, isIP } from 'node:net';

/** `10.0.0.1`, `::1`, `10.0.0.0/8`, `fd00::/8`; problems named for the config error. */
export function parseTrustedProxies(entries: readonly string[]): { list: BlockList; problems: string[] } {
  const list = new BlockList();
  const problems: string[] = [];
  for (const entry of entries) {
    const [address = '', prefix] = entry.split('/');
    const family = isIP(address);
    const bits = prefix === undefined ? null : Number(prefix);
    if (family === 0 || (bits !== null && !(Number.isInteger(bits) && bits >= 0 && bits <= (family === 4 ? 32 : 128)))) {
      problems.push(`"${entry}" is not an IP address or CIDR range`);
      continue;
    }
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (bits === null) list.addAddress(address, type);
    else list.addSubnet(address, bits, type);
  }
  return { list, problems };
}

/** `::ffff:10.0.0.1` (IPv4 on a dual-stack socket) → `10.0.0.1`. */
const plain = (address: string) => address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, '$1');

function isTrusted(list: BlockList, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * The client's address: walking `X-Forwarded-For` from the right (the hop nearest to us) while
 * the hop is a trusted proxy; the first one that is not is the client.
 */
export function resolveClientAddress(peer: string, forwardedFor: string | undefined, trusted: BlockList | null): string {
  let current = plain(peer);
  if (!trusted || !forwardedFor) return current;
  const hops = forwardedFor.split(',').map((h) => plain(h.trim())).filter(Boolean);
  while (isTrusted(trusted, current)) {
    const next = hops.pop();
    if (next === undefined || isIP(next) === 0) break;
    current = next;
  }
  return current;
}

/** The client address of a request served by @hono/node-server ('unknown' in `app.request` unit tests). */
export function clientAddress(c: Context, trusted: BlockList | null): string {
  let peer: string | undefined;
  try {
    peer = getConnInfo(c).remote.address;
  } catch {
    peer = undefined;
  }
  return peer ? resolveClientAddress(peer, c.req.header('x-forwarded-for'), trusted) : 'unknown';
}
