import { bodyKind } from '../../lib/body-kind';
import { base64ToBytes, bodyText, type BodyText } from '../../lib/bytes';
import { parseFormHead } from '../../lib/form';
import { FORM_READ } from './form-read';

/** A stored body made ready to view: its bytes, its text, and for a form its first fields. */
export interface DecodedBody {
  bytes: Uint8Array;
  decoded: BodyText;
  /** The first FORM_READ fields, when the body is a form. */
  formHead: ReturnType<typeof parseFormHead> | null;
}

/** `source`: the body as base64 (inline in `captures.get`) or as bytes (a big body read apart). */
export function decodeBody(source: string | Uint8Array, contentType: string | null): DecodedBody {
  const bytes = typeof source === 'string' ? base64ToBytes(source) : source;
  const decoded = bodyText(bytes, contentType);
  const formHead =
    bodyKind(contentType, decoded.text, bytes.length) === 'form'
      ? parseFormHead(decoded.text ?? '', FORM_READ)
      : null;
  return { bytes, decoded, formHead };
}
