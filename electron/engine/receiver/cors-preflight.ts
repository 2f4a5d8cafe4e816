import type { HeaderPair } from '../../shared/contract/index';
import type { IncomingCapture } from '../context';
import type { DecidedResponse } from './response-rules';

const headerOf = (headers: HeaderPair[], name: string) =>
  headers.find(([n]) => n.toLowerCase() === name)?.[1];

/**
 * A browser's CORS preflight: OPTIONS with Origin and Access-Control-Request-Method, and no body (browsers never send
 * one). A "preflight" carrying a payload is some other sender's request: it must not skip the endpoint's auth. A
 * truncated capture had body bytes it does not hold (one checked before its body was sent holds none yet).
 */
export function isCorsPreflight(
  incoming: Pick<IncomingCapture, 'method' | 'headers' | 'body' | 'truncated'>,
): boolean {
  return (
    incoming.method === 'OPTIONS' &&
    incoming.body.length === 0 &&
    !incoming.truncated &&
    headerOf(incoming.headers, 'origin') !== undefined &&
    headerOf(incoming.headers, 'access-control-request-method') !== undefined
  );
}

/**
 * A browser's CORS preflight (OPTIONS with Origin and Access-Control-Request-Method) asks whether the real request may
 * be sent; it is not a delivery. It is answered 204 allowing what it asks for, and uses no step of the endpoint's rule:
 * a "fail the first 2" rule fails the first 2 deliveries, not a preflight and its delivery.
 */
export function corsPreflightResponse(incoming: IncomingCapture): DecidedResponse | null {
  if (!isCorsPreflight(incoming)) return null;
  const origin = headerOf(incoming.headers, 'origin')!;
  const method = headerOf(incoming.headers, 'access-control-request-method')!;
  const requestedHeaders = headerOf(incoming.headers, 'access-control-request-headers');
  const headers: HeaderPair[] = [
    ['access-control-allow-origin', origin],
    ['access-control-allow-methods', method],
    ...(requestedHeaders ? [['access-control-allow-headers', requestedHeaders] as HeaderPair] : []),
    ['access-control-max-age', '600'],
    ['vary', 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers'],
  ];
  return {
    status: 204,
    headers,
    body: '',
    delayMs: 0,
    reason: "CORS preflight: allowed what it asked for; the endpoint's rule is not used for preflights",
  };
}
