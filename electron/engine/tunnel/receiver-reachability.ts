import { isLoopbackPeer } from '../receiver/loopback-peer';

const everyAddress = new Set(['', '0.0.0.0', '::', '[::]', 'localhost']);

/**
 * The tunnel client forwards public requests to `localhost` on the receiver's port. A receiver bound to one other
 * address (a LAN IP) is not there: every public request would hang or reach whatever else listens on that port.
 * Returns why the tunnel cannot start, or null when the receiver is reachable on loopback.
 */
export function tunnelCannotReach(receiverHost: string): string | null {
  const host = receiverHost.trim().toLowerCase();
  if (everyAddress.has(host) || isLoopbackPeer(host.replace(/^\[|\]$/g, ''))) return null;
  return (
    `The receiver listens only on ${receiverHost} (--host), and the public URL's client reaches it on localhost. ` +
    'Bind the receiver to 127.0.0.1 or 0.0.0.0 to use a public URL.'
  );
}
