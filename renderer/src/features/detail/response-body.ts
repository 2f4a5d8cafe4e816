import type { CaptureDetail } from '../../../../electron/shared/contract/captures';
import { base64ToBytes } from '../../lib/bytes';
import { bodyStillCoded, requestBody, type BodyForm } from './request-body';

type Response = NonNullable<CaptureDetail['response']>;

/** The recorded response's Content-Encoding, its headers joined as one list (as the engine undid them). */
export const responseContentEncoding = (response: Response): string | null =>
  response.headers
    .filter(([name]) => name.toLowerCase() === 'content-encoding')
    .map(([, value]) => value)
    .join(', ') || null;

/** The recorded response as a request body's fields: it is stored whole, so it is never truncated nor left out. */
function responseBodyFields(response: Response) {
  const size = base64ToBytes(response.bodyBase64).length;
  return {
    bodyBase64: response.bodyBase64,
    decodedBodyBase64: response.decodedBodyBase64 ?? null,
    decodeNote: response.decodeNote ?? null,
    contentEncoding: responseContentEncoding(response),
    truncated: false,
    storedBodyBytes: size,
    bodySizeBytes: size,
    headers: response.headers,
  };
}

/** The recorded response's body in the chosen form, with its note, read as a request body is. */
export function responseBody(response: Response, form: BodyForm): { bytes: Uint8Array; note: string | null } {
  return requestBody(responseBodyFields(response), form);
}

/** Whether the response bytes shown in this form are still in a coding (see bodyStillCoded). */
export const responseStillCoded = (response: Response, form: BodyForm): boolean =>
  bodyStillCoded(responseBodyFields(response), form);
