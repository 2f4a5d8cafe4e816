import type { CaptureDetail } from '../../../../electron/shared/contract/captures';
import { formatBytes } from '../../lib/format';

/**
 * The request body's size as the sender gave it. A truncated body with no Content-Length (chunked) was cut off before
 * its end, so its size is only known to be at least what arrived. A body never sent (refused before 100 Continue) has
 * only the size its Content-Length declared, if any.
 */
export function bodySizeText(
  d: Pick<CaptureDetail, 'bodySizeBytes' | 'truncated' | 'headers' | 'bodyNotSent'>,
): string {
  const declared = d.headers.some(([name]) => name.toLowerCase() === 'content-length');
  if (d.bodyNotSent) return declared ? `${formatBytes(d.bodySizeBytes)} declared, not sent` : 'not sent';
  return `${d.truncated && !declared ? 'at least ' : ''}${formatBytes(d.bodySizeBytes)}`;
}
