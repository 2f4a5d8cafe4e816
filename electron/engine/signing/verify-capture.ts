import type { CaptureVerification } from '../../shared/contract/index';
import { paddedSecretProblem, type EndpointVerify } from '../../shared/contract/endpoints';
import { verifySignature } from './verify';

/** The verdict for a capture's bytes, with the window judged as of when it arrived. */
export function verifyCapture(
  verify: EndpointVerify,
  capture: {
    headers: [string, string][];
    body: Uint8Array;
    bodySizeBytes: number;
    truncated: boolean;
    bodyNotSent?: true;
    receivedAtMs: number;
  },
): CaptureVerification {
  if (capture.truncated)
    return { scheme: verify.scheme, ok: false, reason: `${incompleteBody(capture)}: cannot verify` };
  const result = verifySignature(
    verify,
    capture.headers,
    capture.body,
    Math.floor(capture.receivedAtMs / 1000),
  );
  // Saved by a version that let it through; never trimmed here, so the secret checked is always the stored one.
  if (!result.ok && verify.scheme !== 'none' && paddedSecretProblem(verify.secret))
    return { scheme: verify.scheme, ok: false, reason: `${result.reason}; ${paddedStoredSecret}` };
  return { scheme: verify.scheme, ...result };
}

const paddedStoredSecret =
  'the endpoint’s stored secret starts or ends with a space, tab or line break (saved by an older version): re-save the secret without it';

/**
 * Why a truncated capture lacks part of its body. Over the size limit the capture keeps fewer bytes than the body had;
 * a request that broke off mid-body (the sender went away, or its chunking broke) counts only the bytes that arrived; a
 * request refused before 100 Continue sent none.
 */
function incompleteBody(capture: { body: Uint8Array; bodySizeBytes: number; bodyNotSent?: true }): string {
  if (capture.bodyNotSent) return 'body never sent (refused before 100 Continue)';
  return capture.bodySizeBytes > capture.body.length
    ? 'body truncated at the size limit'
    : `body incomplete: the request broke off after ${capture.bodySizeBytes} bytes`;
}
