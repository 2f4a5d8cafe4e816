import type { IncomingCapture, Interception } from '../context';

/**
 * RFC 9112 §3.2: a server must answer 400 to an HTTP/1.1 request without a Host header. Left to Node, that 400 went
 * out before a request existed, so the request was neither captured nor logged; the receiver captures it and answers
 * the 400 itself, saying why.
 */
export function missingHostInterception(
  incoming: Pick<IncomingCapture, 'httpVersion' | 'headers'>,
): Interception | null {
  if (incoming.httpVersion !== '1.1' || incoming.headers.some(([name]) => name.toLowerCase() === 'host'))
    return null;
  const reason = 'HTTP/1.1 request without a Host header (RFC 9112 §3.2 requires one)';
  return {
    response: {
      status: 400,
      headers: [['content-type', 'application/json']],
      body: JSON.stringify({ error: 'missing_host', reason }),
    },
    record: true,
    reason: `400: ${reason}`,
  };
}
