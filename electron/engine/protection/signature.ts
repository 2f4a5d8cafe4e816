import type { EndpointVerify } from '../../shared/contract/endpoints';
import type { IncomingCapture, Interception } from '../context';
import { isCorsPreflight } from '../receiver/cors-preflight';
import { verifyCapture } from '../signing/verify-capture';

/**
 * 401 for a request whose signature fails, on an endpoint set to refuse them (the default answers with the rule). The
 * request is still recorded; its verdict is filed by the signing annotator, from the same bytes and arrival time.
 */
export function signatureInterceptor(
  request: IncomingCapture,
  endpoint: { verify: EndpointVerify | null },
): Interception | null {
  const verify = endpoint.verify;
  if (!verify || verify.scheme === 'none' || verify.onFailure !== 'refuse-401') return null;
  // Browsers sign nothing on a preflight; the request it asks about is still checked.
  if (isCorsPreflight(request)) return null;
  const verdict = verifyCapture(verify, request);
  if (verdict.ok) return null;
  const headers: [string, string][] = [
    ['content-type', 'application/json'],
    // RFC 9110 requires a challenge on every 401; the scheme names what signature is expected.
    ['www-authenticate', `Signature realm="hookscope", scheme="${verify.scheme}"`],
  ];
  return {
    response: {
      status: 401,
      headers,
      body: JSON.stringify({ error: 'invalid_signature', reason: verdict.reason }),
    },
    record: true,
    reason: `401: signature failed: ${verdict.reason}`,
  };
}
