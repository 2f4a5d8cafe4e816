import { decodeBody } from './body-decode';

/** Decodes a big body off the page's thread: the bytes are handed back, not copied. */
self.onmessage = (event: MessageEvent<{ base64: string; contentType: string | null }>) => {
  const body = decodeBody(event.data.base64, event.data.contentType);
  self.postMessage(body, { transfer: [body.bytes.buffer] });
};
