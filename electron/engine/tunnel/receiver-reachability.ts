import { isIPv6 } from 'node:net';

/**
 * Where the tunnel client's `localhost` reaches the receiver: every address, or the ones localhost names. IPv6 in its
 * canonical form (see `canonical`).
 */
const reachable = new Set(['', '0.0.0.0', '::', 'localhost', '127.0.0.1', '::1', '::ffff:7f00:1']);

/**
 * An IPv6 address written any way (`0:0:0:0:0:0:0:1`, `[::ffff:127.0.0.1]`, upper case) in the one form a URL
 * serialises it to, so every spelling of the same address is judged alike.
 */
function canonical(host: string): string {
  const lower = host.trim().toLowerCase();
  const bare = lower.startsWith('[') && lower.endsWith(']') ? lower.slice(1, -1) : lower;
  if (!isIPv6(bare)) return bare;
  try {
    return new URL(`http://[${bare}]/`).hostname.slice(1, -1);
  } catch {
    // A zone index (fe80::1%eth0), which a URL host cannot hold: not localhost either way.
    return bare;
  }
}

/**
 * The tunnel client forwards public requests to `localhost` on the receiver's port. A receiver bound to one other
 * address is not there — a LAN IP, or another loopback address such as 127.0.0.2, which localhost does not name:
 * every public request would hang or reach whatever else listens on that port.
 * Returns why the tunnel cannot start, or null when the receiver is reachable on localhost.
 */
export function tunnelCannotReach(receiverHost: string): string | null {
  if (reachable.has(canonical(receiverHost))) return null;
  return (
    `The receiver listens only on ${receiverHost} (--host), and the public URL's client reaches it on localhost. ` +
    'Bind the receiver to 127.0.0.1 or 0.0.0.0 to use a public URL.'
  );
}

/**
 * The address the tunnel client connects to for a receiver bound to `receiverHost` (one `tunnelCannotReach` accepts):
 * the receiver's own loopback address, never a name that may resolve elsewhere first.
 */
export function tunnelLocalHost(receiverHost: string): string {
  const host = canonical(receiverHost);
  // A receiver given `localhost` listens where that name resolved first, which is where connecting to it goes first.
  if (host === '::1' || host === 'localhost') return host;
  return '127.0.0.1';
}
