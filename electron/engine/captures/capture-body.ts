import type { CaptureBodyForm } from '../../shared/contract/captures';
import { ApiError } from '../../shared/contract/errors';
import type { CaptureStore } from '../store/capture-store';

/** One capture's request body as bytes: what `captures.body` answers and the binary routes send as they are. */
export function readCaptureBody(
  captures: Pick<CaptureStore, 'requestBodies'>,
  input: { id: number; form: CaptureBodyForm },
): Buffer {
  const { received, decoded, decodeNote } = captures.requestBodies(input.id);
  if (input.form === 'received') return received;
  if (!decoded)
    throw new ApiError(
      'invalid_input',
      decodeNote
        ? `form: capture ${input.id}'s Content-Encoding cannot be undone: ${decodeNote}`
        : `form: capture ${input.id} has no Content-Encoding to undo.`,
      { id: input.id },
    );
  return decoded;
}
