import type { CaptureDetail, HeaderPair } from '../../shared/contract/captures';
import { ApiError } from '../../shared/contract/errors';
import type { OutgoingRequest } from '../../shared/contract/delivery';

/**
 * Hop-by-hop and connection-bound headers never forwarded (`Expect: 100-continue` too: curl adds it to larger bodies,
 * and it asks the next hop, not the target); content-length is recomputed by the client.
 */
const HOP_BY_HOP = new Set([
  'connection',
  'expect',
  'keep-alive',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
  'host',
  'content-length',
]);

export function stripHopByHop(headers: HeaderPair[]): HeaderPair[] {
  // Connection may name further per-hop headers ("Connection: close, x-foo").
  const named = new Set(
    headers
      .filter(([name]) => name.toLowerCase() === 'connection')
      .flatMap(([, value]) => value.split(',').map((v) => v.trim().toLowerCase()))
      .filter(Boolean),
  );
  return headers.filter(([name]) => {
    const lower = name.toLowerCase();
    return !HOP_BY_HOP.has(lower) && !lower.startsWith('proxy-') && !named.has(lower);
  });
}

/** The exact request to re-send a capture: same method, end-to-end headers, byte-identical body. */
export function replayRequest(capture: CaptureDetail, url: string): OutgoingRequest {
  if (capture.truncated) {
    throw new ApiError(
      'invalid_input',
      `captureId: capture ${capture.id} was truncated at ${capture.storedBodyBytes} bytes, so it cannot be replayed exactly`,
    );
  }
  return {
    method: capture.method,
    url,
    headers: stripHopByHop(capture.headers),
    bodyBase64: capture.bodyBase64,
  };
}
