import type { CaptureDetail } from '../../shared/contract/captures';
import type { HeaderPair } from '../../shared/contract/index';
import { decodeRequestBody } from './body-text';

type DetailBody = Pick<CaptureDetail, 'bodyBase64' | 'decodedBodyBase64' | 'decodeNote' | 'bodyOmitted'>;

/**
 * The body fields of a `captures.get` answer. With `inlineBodyMaxBytes`, a body longer than that, received or decoded,
 * is left out (`bodyOmitted`) without being base64-encoded, and its Content-Encoding is undone only as far as
 * `inlineBodyMaxBytes` of output: enough to tell whether the decoded form fits. A decoded form that does not fit is
 * offered ('') without being expanded further, so its decode note is not known here: should the full decode fail
 * later on (a compression bomb past the 64 MB cap, bad data past the first bytes), `captures.body` says why.
 */
export function detailBody(
  body: Buffer,
  contentEncoding: string | null,
  headers: HeaderPair[],
  inlineBodyMaxBytes: number | undefined,
): DetailBody {
  if (inlineBodyMaxBytes === undefined)
    return inline(body, decodeRequestBody(body, contentEncoding, headers));
  // zlib refuses a maxOutputLength under 1.
  const bounded = decodeRequestBody(body, contentEncoding, headers, Math.max(1, inlineBodyMaxBytes));
  if (bounded.overCap || (bounded.body?.length ?? 0) > inlineBodyMaxBytes)
    return { bodyBase64: '', decodedBodyBase64: '', decodeNote: null, bodyOmitted: true };
  if (body.length <= inlineBodyMaxBytes) return inline(body, bounded);
  return {
    bodyBase64: '',
    decodedBodyBase64: bounded.body === null ? null : '',
    decodeNote: bounded.note,
    bodyOmitted: true,
  };
}

function inline(body: Buffer, decoded: ReturnType<typeof decodeRequestBody>): DetailBody {
  return {
    bodyBase64: body.toString('base64'),
    decodedBodyBase64: decoded.body ? decoded.body.toString('base64') : null,
    decodeNote: decoded.note,
  };
}
