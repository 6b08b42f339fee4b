// Server-side request forgery: a declared endpoint is a URL anyone with a token chose, and the
// gateway POSTs to it from inside the closed network. So: https only; no address in loopback,
// private, link-local (the cloud metadata service at 169.254.169.254 among them), shared or
// unspecified ranges, unless the operator allows them (DELIVERY_ALLOW_LOOPBACK for development and
// tests, DELIVERY_ALLOW_PRIVATE_NETWORKS for a receiver inside the network). Checked when declared
// and again at every attempt: the name is resolved then, every address it resolves to must pass,
// and the connection goes to the address that was checked (`pinnedLookup`), so DNS rebinding
// between the check and the connect cannot redirect it.
import dns from 'node:dns';
import net from 'node:net';
import type { LookupFunction } from 'node:net';
import type { DeliveryConfig } from './config';

const LOOPBACK = new net.BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

const PRIVATE = new net.BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network", 0.0.0.0 reaches the host itself
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3], // multicast and reserved
] as const) PRIVATE.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128],
  ['fc00::', 7], // unique local, AWS's metadata fd00:ec2::254 among them
  ['fe80::', 10], // link-local
  ['ff00::', 8],
] as const) PRIVATE.addSubnet(network, prefix, 'ipv6');

export type Guard = Pick<DeliveryConfig, 'allowLoopback' | 'allowPrivateNetworks'>;

/** An address as BlockList checks it; IPv4-mapped IPv6 addresses are judged as IPv4. */
function unmapped(address: string): [string, 'ipv4' | 'ipv6'] {
  const ip = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1] ?? address;
  return [ip, net.isIPv4(ip) ? 'ipv4' : 'ipv6'];
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || (net.isIP(host) !== 0 && LOOPBACK.check(...unmapped(host)));
}

/** Why an address may not be reached, or null. */
export function refusedAddress(address: string, guard: Guard): string | null {
  if (isLoopback(address)) return guard.allowLoopback ? null : 'a loopback address';
  if (PRIVATE.check(...unmapped(address))) return guard.allowPrivateNetworks ? null : 'a private, link-local or reserved address';
  return null;
}

/** Why an endpoint URL is refused, or null; the address check of a literal IP host included. */
export function refusedEndpoint(endpoint: string, guard: Guard): string | null {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return 'not an absolute URL';
  }
  if (url.username || url.password) return 'credentials in the URL (sign with the secret instead)';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  // Plain http only where nothing leaves the machine, and only when the operator allows loopback.
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && guard.allowLoopback && isLoopback(host))) return 'not https';
  return net.isIP(host) || host === 'localhost' ? refusedAddress(host, guard) : null;
}

/** A connect-time lookup that resolves the name, refuses it if any address is refused, and connects to the first. */
export function pinnedLookup(guard: Guard): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { all: true }, (error, addresses) => {
      if (error) return callback(error, '', 4);
      const refused = addresses.map((a) => refusedAddress(a.address, guard)).find((r) => r !== null);
      if (refused || addresses.length === 0) {
        return callback(Object.assign(new Error(`endpoint resolves to ${refused ?? 'no address'}`), { code: 'EDELIVERYREFUSED' }), '', 4);
      }
      const [first] = addresses;
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, [first]);
      callback(null, first.address, first.family);
    });
  };
}
