import { useEffect, useMemo, useState } from 'react';
import BodyDecodeWorker from './body-decode.worker?worker';
import { decodeBody, type DecodedBody } from './body-decode';

/**
 * Bodies stored as more base64 than this are decoded in a worker. A 10 MB form took ~100 ms of the page's thread
 * (base64, strict UTF-8 and its first fields); a small body is decoded at once, so it shows without a loading step.
 */
export const WORKER_BASE64_CHARS = 1024 * 1024;

/** The same limit for a body that arrived as bytes. */
const WORKER_BYTES = (WORKER_BASE64_CHARS / 4) * 3;

/**
 * The body decoded, or null while a worker is still decoding it. `source` is the body as base64 or as bytes (a body
 * `captures.get` left out, read apart); bytes are copied to the worker, so the caller's stay usable.
 */
export function useDecodedBody(source: string | Uint8Array, contentType: string | null): DecodedBody | null {
  const small =
    typeof source === 'string' ? source.length <= WORKER_BASE64_CHARS : source.byteLength <= WORKER_BYTES;
  const now = useMemo(() => (small ? decodeBody(source, contentType) : null), [small, source, contentType]);
  const [done, setDone] = useState<{
    source: string | Uint8Array;
    contentType: string | null;
    body: DecodedBody;
  } | null>(null);
  useEffect(() => {
    if (small) return;
    const worker = new BodyDecodeWorker();
    const finish = (body: DecodedBody) => {
      worker.terminate();
      setDone({ source, contentType, body });
    };
    worker.onmessage = (event: MessageEvent<DecodedBody>) => finish(event.data);
    // A worker that cannot start (a stricter CSP, say) still leaves the body viewable.
    worker.onerror = () => finish(decodeBody(source, contentType));
    worker.postMessage({ source, contentType });
    return () => worker.terminate();
  }, [small, source, contentType]);
  if (now) return now;
  return done?.source === source && done.contentType === contentType ? done.body : null;
}
