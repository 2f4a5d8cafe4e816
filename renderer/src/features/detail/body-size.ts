import type { CaptureDetail } from '../../../../electron/shared/contract/captures';
import { formatBytes } from '../../lib/format';

/**
 * The request body's size as the sender gave it. A truncated body with no Content-Length (chunked) was cut off before
 * its end, so its size is only known to be at least what arrived.
 */
export function bodySizeText(d: Pick<CaptureDetail, 'bodySizeBytes' | 'truncated' | 'headers'>): string {
  const declared = d.headers.some(([name]) => name.toLowerCase() === 'content-length');
  return `${d.truncated && !declared ? 'at least ' : ''}${formatBytes(d.bodySizeBytes)}`;
}
