import {
  httpToken,
  isReceiverOwnedHeader,
  unsendableHeaderValue,
  type HeaderPair,
} from '../../shared/contract/index';
import type { DecidedResponse } from './response-rules';

/**
 * The response without the headers Node would refuse to send, or that the receiver writes itself, with why each was
 * left out added to its reason. A rule stored before such headers were refused still answers with its other headers
 * (and the capture id), and the capture records what was really sent: one bad header makes Node's writeHead throw for
 * the whole response, and a stored Content-Length or Transfer-Encoding went out beside the receiver's own, framing the
 * body twice (clients refuse two different lengths).
 */
export function withSendableHeaders(decided: DecidedResponse): DecidedResponse {
  const headers: HeaderPair[] = [];
  const skipped: string[] = [];
  decided.headers.forEach(([name, value], index) => {
    const valueProblem = unsendableHeaderValue(value);
    const problem = !httpToken.test(name)
      ? 'its name is not a valid header name'
      : isReceiverOwnedHeader(name)
        ? 'the receiver writes it itself (from the body and the connection)'
        : valueProblem && `its value ${valueProblem}`;
    if (problem) skipped.push(`header ${index + 1} ("${name.slice(0, 100)}") left out: ${problem}`);
    else headers.push([name, value]);
  });
  if (skipped.length === 0) return decided;
  const why = `${skipped.join('; ')} — edit the endpoint's rule`;
  return { ...decided, headers, reason: decided.reason ? `${decided.reason}; ${why}` : why };
}
