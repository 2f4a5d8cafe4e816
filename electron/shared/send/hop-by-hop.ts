/**
 * Hop-by-hop and connection-bound headers never forwarded (`Expect: 100-continue` too: curl adds it to larger bodies,
 * and it asks the next hop, not the target); Host and Content-Length are computed by the client.
 */
const HOP_BY_HOP = new Set([
  'connection',
  'expect',
  'keep-alive',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
  'host',
  'content-length',
]);

/**
 * A captured request's headers minus those that belong to the connection it came on: the list above, every `Proxy-*`,
 * and any header its `Connection` names (`Connection: close, x-foo`). Replay and "Open in composer" both use this.
 */
export function stripHopByHop<T extends [string, string]>(headers: T[]): T[] {
  const named = new Set(
    headers
      .filter(([name]) => name.toLowerCase() === 'connection')
      .flatMap(([, value]) => value.split(',').map((v) => v.trim().toLowerCase()))
      .filter(Boolean),
  );
  return headers.filter(([name]) => {
    const lower = name.toLowerCase();
    return !HOP_BY_HOP.has(lower) && !lower.startsWith('proxy-') && !named.has(lower);
  });
}
