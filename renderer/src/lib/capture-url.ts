/**
 * The full URL a capture was sent to: through the tunnel's public URL when it arrived that way, else the local
 * receiver's. Path and query are kept exactly as received.
 */
export function captureUrl(
  capture: { path: string; query: string; publicUrl: string | null },
  receiverUrl: string,
): string {
  const base = (capture.publicUrl ?? receiverUrl).replace(/\/+$/, '');
  return `${base}${capture.path}${capture.query ? `?${capture.query}` : ''}`;
}
