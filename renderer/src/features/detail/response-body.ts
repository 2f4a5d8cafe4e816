import type { CaptureDetail } from '../../../../electron/shared/contract/captures';
import { base64ToBytes } from '../../lib/bytes';
import { requestBody, type BodyForm } from './request-body';

type Response = NonNullable<CaptureDetail['response']>;

/** The recorded response's Content-Encoding, its headers joined as one list (as the engine undid them). */
export const responseContentEncoding = (response: Response): string | null =>
  response.headers
    .filter(([name]) => name.toLowerCase() === 'content-encoding')
    .map(([, value]) => value)
    .join(', ') || null;

/**
 * The recorded response's body in the chosen form, with its note, read as a request body is: it is stored whole, so it
 * is never truncated nor left out.
 */
export function responseBody(response: Response, form: BodyForm): { bytes: Uint8Array; note: string | null } {
  const size = base64ToBytes(response.bodyBase64).length;
  return requestBody(
    {
      bodyBase64: response.bodyBase64,
      decodedBodyBase64: response.decodedBodyBase64 ?? null,
      decodeNote: response.decodeNote ?? null,
      contentEncoding: responseContentEncoding(response),
      truncated: false,
      storedBodyBytes: size,
      bodySizeBytes: size,
      headers: response.headers,
    },
    form,
  );
}
