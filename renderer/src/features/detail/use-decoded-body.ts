import { useEffect, useMemo, useState } from 'react';
import BodyDecodeWorker from './body-decode.worker?worker';
import { decodeBody, type DecodedBody } from './body-decode';

/**
 * Bodies stored as more base64 than this are decoded in a worker. A 10 MB form took ~100 ms of the page's thread
 * (base64, strict UTF-8 and its first fields); a small body is decoded at once, so it shows without a loading step.
 */
export const WORKER_BASE64_CHARS = 1024 * 1024;

/** The body decoded, or null while a worker is still decoding it. */
export function useDecodedBody(base64: string, contentType: string | null): DecodedBody | null {
  const small = base64.length <= WORKER_BASE64_CHARS;
  const now = useMemo(() => (small ? decodeBody(base64, contentType) : null), [small, base64, contentType]);
  const [done, setDone] = useState<{ base64: string; contentType: string | null; body: DecodedBody } | null>(
    null,
  );
  useEffect(() => {
    if (small) return;
    const worker = new BodyDecodeWorker();
    const finish = (body: DecodedBody) => {
      worker.terminate();
      setDone({ base64, contentType, body });
    };
    worker.onmessage = (event: MessageEvent<DecodedBody>) => finish(event.data);
    // A worker that cannot start (a stricter CSP, say) still leaves the body viewable.
    worker.onerror = () => finish(decodeBody(base64, contentType));
    worker.postMessage({ base64, contentType });
    return () => worker.terminate();
  }, [small, base64, contentType]);
  if (now) return now;
  return done?.base64 === base64 && done.contentType === contentType ? done.body : null;
}
