import { decodeBody } from './body-decode';

/** Decodes a big body off the page's thread: the bytes are handed back, not copied. */
self.onmessage = (event: MessageEvent<{ source: string | Uint8Array; contentType: string | null }>) => {
  const body = decodeBody(event.data.source, event.data.contentType);
  self.postMessage(body, { transfer: [body.bytes.buffer] });
};
