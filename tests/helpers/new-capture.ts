import type { NewCapture } from '../../electron/engine/store/capture-writer';

/** A capture as the receiver hands it to the store; override what the test is about (`body` sets the sizes too). */
export function newCapture(over: Partial<NewCapture> = {}): NewCapture {
  const body = over.body ?? Buffer.from('{"hello":"world"}');
  return {
    receivedAtMs: 1_700_000_000_000,
    method: 'POST',
    path: '/hook',
    query: '',
    httpVersion: '1.1',
    headers: [['Content-Type', 'application/json']],
    remoteAddress: '127.0.0.1',
    remotePort: 5000,
    contentType: 'application/json',
    contentEncoding: null,
    body,
    bodySizeBytes: body.length,
    truncated: false,
    endpointId: null,
    source: 'receiver',
    publicUrl: null,
    vendor: null,
    eventLabel: null,
    response: null,
    verification: null,
    ...over,
  };
}
