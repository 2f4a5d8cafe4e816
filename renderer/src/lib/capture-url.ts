import { escapeHash } from '../../../electron/shared/send/hash-in-target';

/**
 * The full URL a capture was sent to: through the tunnel's public URL when it arrived that way, else the local
 * receiver's. Path and query are kept as received, but for a `#`, escaped so the URL asks for the same target.
 */
export function captureUrl(
  capture: { path: string; query: string; publicUrl: string | null },
  receiverUrl: string,
): string {
  const base = (capture.publicUrl ?? receiverUrl).replace(/\/+$/, '');
  // `OPTIONS *` asks about the server, not a path; `*` after the origin would read as one.
  if (capture.path === '*') return base;
  return `${base}${escapeHash(capture.path)}${capture.query ? `?${escapeHash(capture.query)}` : ''}`;
}
