import type { CaptureBodyForm, CaptureDetail } from '../../shared/contract/captures';
import { ApiError } from '../../shared/contract/errors';
import type { CaptureStore } from '../store/capture-store';

/** One capture's request body as bytes: what `captures.body` answers and the binary routes send as they are. */
export function readCaptureBody(
  captures: Pick<CaptureStore, 'requestBodies'>,
  input: { id: number; form: CaptureBodyForm },
): Buffer {
  const { received, decoded } = captures.requestBodies(input.id);
  if (input.form === 'received') return received;
  if (!decoded)
    throw new ApiError('invalid_input', `form: capture ${input.id} has no Content-Encoding to undo.`, {
      id: input.id,
    });
  return decoded;
}

/**
 * `captures.get` with `inlineBodyMaxBytes`: a body longer than that (received or decoded) is left out, so the answer
 * stays small enough to parse at once and the bytes travel apart, unencoded.
 */
export function withBodyLeftOut(
  detail: CaptureDetail,
  inlineBodyMaxBytes: number | undefined,
): CaptureDetail {
  if (inlineBodyMaxBytes === undefined) return detail;
  const longest = Math.max(base64Bytes(detail.bodyBase64), base64Bytes(detail.decodedBodyBase64 ?? ''));
  if (longest <= inlineBodyMaxBytes) return detail;
  return {
    ...detail,
    bodyBase64: '',
    decodedBodyBase64: detail.decodedBodyBase64 === null ? null : '',
    bodyOmitted: true,
  };
}

const base64Bytes = (base64: string) =>
  (base64.length / 4) * 3 - (base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0);
