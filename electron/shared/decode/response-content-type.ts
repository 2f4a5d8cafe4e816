import type { CaptureDetail } from '../contract/captures';

/**
 * The type a capture's recorded response body is read by: its Content-Type header, or else the type its HAR's
 * content.mimeType gave (an imported response stored in that type's charset).
 */
export function responseContentType(response: NonNullable<CaptureDetail['response']>): string | null {
  return (
    response.headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1] ??
    response.harMimeType ??
    null
  );
}
