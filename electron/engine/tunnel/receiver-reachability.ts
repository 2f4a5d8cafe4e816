/** Where the tunnel client's `localhost` reaches the receiver: every address, or the ones localhost names. */
const reachable = new Set([
  '',
  '0.0.0.0',
  '::',
  '[::]',
  'localhost',
  '127.0.0.1',
  '::1',
  '[::1]',
  '::ffff:127.0.0.1',
]);

/**
 * The tunnel client forwards public requests to `localhost` on the receiver's port. A receiver bound to one other
 * address is not there — a LAN IP, or another loopback address such as 127.0.0.2, which localhost does not name:
 * every public request would hang or reach whatever else listens on that port.
 * Returns why the tunnel cannot start, or null when the receiver is reachable on localhost.
 */
export function tunnelCannotReach(receiverHost: string): string | null {
  if (reachable.has(receiverHost.trim().toLowerCase())) return null;
  return (
    `The receiver listens only on ${receiverHost} (--host), and the public URL's client reaches it on localhost. ` +
    'Bind the receiver to 127.0.0.1 or 0.0.0.0 to use a public URL.'
  );
}
