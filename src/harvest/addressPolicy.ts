import { BlockList, isIP } from 'node:net';
import { AtlasError } from '../errors.js';

/** Resolves a host name to every address (as `dns.promises.lookup(host, { all: true })` does). */
export type LookupFunction = (
  hostname: string,
) => Promise<ReadonlyArray<{ address: string; family: number }>>;

const ipv4Blocked: ReadonlyArray<[string, number]> = [
  ['0.0.0.0', 8], // "this" network
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local (cloud metadata)
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay anycast
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
];

const ipv6Blocked: ReadonlyArray<[string, number]> = [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['100::', 64], // discard
  ['2001::', 23], // IETF protocol assignments (incl. Teredo, ORCHID)
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
];

const blocked = new BlockList();
for (const [net, prefix] of ipv4Blocked) blocked.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of ipv6Blocked) blocked.addSubnet(net, prefix, 'ipv6');

/** The eight 16-bit groups of an IPv6 address (dotted IPv4 tail allowed). */
function ipv6Groups(address: string): number[] {
  let text = address.toLowerCase().replace(/%.*$/, '');
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4?.[1] !== undefined) {
    const [a = 0, b = 0, c = 0, d = 0] = v4[1].split('.').map(Number);
    text = text.slice(0, -v4[1].length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const parse = (part: string): number[] => (part === '' ? [] : part.split(':').map((g) => parseInt(g, 16)));
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  return [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
}

/** The IPv4 address embedded in an IPv4-mapped, NAT64 (64:ff9b::/96) or 6to4 (2002::/16) IPv6 address. */
function embeddedIpv4(address: string): string | undefined {
  const g = ipv6Groups(address);
  const quad = (hi: number, lo: number): string => [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.');
  const zeros = (from: number, to: number): boolean => g.slice(from, to).every((x) => x === 0);
  if (zeros(0, 5) && g[5] === 0xffff) return quad(g[6] ?? 0, g[7] ?? 0); // ::ffff:a.b.c.d
  if (zeros(0, 6) && (g[6] !== 0 || g[7] !== 0)) return quad(g[6] ?? 0, g[7] ?? 0); // ::a.b.c.d (deprecated)
  if (g[0] === 0x64 && g[1] === 0xff9b && zeros(2, 6)) return quad(g[6] ?? 0, g[7] ?? 0);
  if (g[0] === 0x2002) return quad(g[1] ?? 0, g[2] ?? 0);
  return undefined;
}

/**
 * True when `address` (IPv4 or IPv6) is on the public internet: not loopback, private, link-local, unique-local,
 * multicast, documentation or reserved, also when an IPv4 address hides inside IPv6 (mapped, NAT64, 6to4).
 * Anything that is not an IP address is not public.
 */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address.replace(/%.*$/, ''));
  if (family === 4) return !blocked.check(address, 'ipv4');
  if (family !== 6) return false;
  const v4 = embeddedIpv4(address);
  if (v4 !== undefined) return !blocked.check(v4, 'ipv4');
  return !blocked.check(address.replace(/%.*$/, ''), 'ipv6');
}

/**
 * Refuses a URL that is not http(s), or whose host is (or resolves to, at any of its addresses) an address that is
 * not public, unless `allowPrivateNetwork`: `AtlasError('FORBIDDEN')` naming the URL and the address.
 * A name that does not resolve -> `AtlasError('UNAVAILABLE')`.
 */
export async function checkUrl(
  url: URL,
  options: { lookup: LookupFunction; allowPrivateNetwork: boolean },
): Promise<void> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new AtlasError('FORBIDDEN', `${url.href}: only http and https URLs are harvested`, {
      context: { url: url.href },
    });
  }
  if (options.allowPrivateNetwork) return;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  if (isIP(host) !== 0) {
    addresses = [host];
  } else {
    try {
      addresses = (await options.lookup(host)).map((a) => a.address);
    } catch (cause) {
      throw new AtlasError('UNAVAILABLE', `${url.href}: cannot resolve ${host}`, {
        context: { url: url.href },
        cause,
      });
    }
    if (addresses.length === 0) {
      throw new AtlasError('UNAVAILABLE', `${url.href}: ${host} has no address`, {
        context: { url: url.href },
      });
    }
  }
  const refused = addresses.find((a) => !isPublicAddress(a));
  if (refused !== undefined) {
    throw new AtlasError(
      'FORBIDDEN',
      `${url.href}: ${host} is a private, loopback or reserved address (${refused}); set "allowPrivateNetwork": true in the sources file to harvest it`,
      { context: { url: url.href, address: refused } },
    );
  }
}
