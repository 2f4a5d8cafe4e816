import type { CaptureDetail } from '../../../../electron/shared/contract/captures';
import { harContentType } from '../../../../electron/shared/send/har-content-type';

/**
 * The header as sent (with its boundary and charset parameters), else the whole type an imported capture was given;
 * the summary field may hold only the media type.
 */
export function contentTypeHeader(d: CaptureDetail): string | null {
  return (
    d.headers.find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? harContentType(d) ?? d.contentType
  );
}
