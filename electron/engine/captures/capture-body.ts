import type { CaptureBodyForm } from '../../shared/contract/captures';
import { ApiError } from '../../shared/contract/errors';
import type { BodyCoding } from '../../shared/send/transfer-codings';
import type { CaptureStore } from '../store/capture-store';

/** One capture's request body as bytes: what `captures.body` answers and the binary routes send as they are. */
export function readCaptureBody(
  captures: Pick<CaptureStore, 'requestBodies'>,
  input: { id: number; form: CaptureBodyForm },
): Buffer {
  const { received, decoded, decodeNote, codings } = captures.requestBodies(input.id);
  if (input.form === 'received') return received;
  if (!decoded)
    throw new ApiError(
      'invalid_input',
      decodeNote
        ? `form: capture ${input.id}'s ${codingHeaders(codings)} cannot be undone: ${decodeNote}`
        : `form: capture ${input.id} has no Content-Encoding or Transfer-Encoding coding to undo.`,
      { id: input.id },
    );
  return decoded;
}

/** `Content-Encoding`, `Transfer-Encoding` or both: the headers that named the codings a body is stored in. */
const codingHeaders = (codings: BodyCoding[]): string =>
  [...new Set(codings.map((c) => c.header))].join(' and ') || 'Content-Encoding';
