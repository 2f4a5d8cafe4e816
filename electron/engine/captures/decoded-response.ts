import type { CaptureDetail } from '../../shared/contract/captures';
import { decodeContentEncoding } from '../store/body-text';

/** An endpoint's response body is at most about 750 KB as sent; what it decodes to is shown inline, so it is capped. */
const maxDecodedResponseBytes = 8 * 1024 * 1024;

/**
 * The capture's recorded response with its Content-Encoding undone for display, as the request body is: the stored
 * bytes are unchanged, and the decoded form and its note are added only to what `captures.get` answers.
 */
export function withDecodedResponse(detail: CaptureDetail): CaptureDetail {
  const response = detail.response;
  if (!response) return detail;
  const encoding = response.headers
    .filter(([name]) => name.toLowerCase() === 'content-encoding')
    .map(([, value]) => value)
    .join(', ');
  const decoded = decodeContentEncoding(
    Buffer.from(response.bodyBase64, 'base64'),
    encoding || null,
    maxDecodedResponseBytes,
  );
  return {
    ...detail,
    response: {
      ...response,
      decodedBodyBase64: decoded.body ? decoded.body.toString('base64') : null,
      decodeNote: decoded.note,
    },
  };
}
