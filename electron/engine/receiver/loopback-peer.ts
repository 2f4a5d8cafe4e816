import { BlockList, isIPv4 } from 'node:net';

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

/** Whether a connection's peer (as node:net reports it, IPv4-mapped IPv6 included) is on this machine's loopback. */
export function isLoopbackPeer(address: string | undefined): boolean {
  if (!address) return false;
  const mapped = address.toLowerCase().startsWith('::ffff:') ? address.slice(7) : null;
  if (mapped !== null && isIPv4(mapped)) return loopback.check(mapped, 'ipv4');
  return loopback.check(address, isIPv4(address) ? 'ipv4' : 'ipv6');
}
