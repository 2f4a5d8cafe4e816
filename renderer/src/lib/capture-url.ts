import { escapeHash } from '../../../electron/shared/send/hash-in-target';
import { querySuffix, type TargetQuery } from '../../../electron/shared/send/query-suffix';

/**
 * The full URL a capture was sent to: through the tunnel's public URL when it arrived that way, else the local
 * receiver's. Path and query are kept as received, but for a `#`, escaped so the URL asks for the same target.
 */
export function captureUrl(
  capture: TargetQuery & { path: string; publicUrl: string | null },
  receiverUrl: string,
): string {
  const base = (capture.publicUrl ?? receiverUrl).replace(/\/+$/, '');
  // `OPTIONS *` asks about the server, not a path; `*` after the origin would read as one.
  if (capture.path === '*') return base;
  // CONNECT's target is an authority (`hooks.example.com:443`): glued to the origin it would read as its port. It goes
  // under the origin as a path, as the exports write it.
  const slash = capture.path.startsWith('/') ? '' : '/';
  return `${base}${slash}${escapeHash(capture.path)}${querySuffix(capture, escapeHash(capture.query))}`;
}
