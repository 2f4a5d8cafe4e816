import type { CaptureVerification } from '../../shared/contract/index';
import type { EndpointVerify } from '../../shared/contract/endpoints';
import { verifySignature } from './verify';

/** The verdict for a capture's bytes, with the window judged as of when it arrived. */
export function verifyCapture(
  verify: EndpointVerify,
  capture: { headers: [string, string][]; body: Uint8Array; truncated: boolean; receivedAtMs: number },
): CaptureVerification {
  if (capture.truncated)
    return { scheme: verify.scheme, ok: false, reason: 'body truncated at the size limit: cannot verify' };
  const result = verifySignature(
    verify,
    capture.headers,
    capture.body,
    Math.floor(capture.receivedAtMs / 1000),
  );
  return { scheme: verify.scheme, ...result };
}
