import { useEffect, useState } from 'react';
import type { CaptureDetail } from '../../../../electron/shared/contract/captures';
import { useApi } from '../../api';
import { readableForm, requestBodyBase64, type BodyForm } from './request-body';

export type RequestBodySource = { source: string | Uint8Array } | { error: string };

/**
 * The request body in the chosen form, ready for useDecodedBody: the inline base64, or, for a body `captures.get` left
 * out, its bytes read apart (null until they arrive).
 */
export function useRequestBodySource(d: CaptureDetail, form: BodyForm): RequestBodySource | null {
  const api = useApi();
  const omitted = d.bodyOmitted === true;
  const readForm = readableForm(d, form);
  const [read, setRead] = useState<{ id: number; form: BodyForm; result: RequestBodySource } | null>(null);
  useEffect(() => {
    if (!omitted) return;
    let live = true;
    const settle = (result: RequestBodySource) => live && setRead({ id: d.id, form: readForm, result });
    api.captureBody({ id: d.id, form: readForm }).then(
      (bytes) => settle({ source: bytes }),
      (e: unknown) => settle({ error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [api, omitted, d.id, readForm]);
  if (!omitted) return { source: requestBodyBase64(d, form) };
  return read?.id === d.id && read.form === readForm ? read.result : null;
}
