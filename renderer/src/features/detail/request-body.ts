import {
  searchedBodyBytes,
  type CaptureBodyForm,
  type CaptureDetail,
} from '../../../../electron/shared/contract/captures';
import type { ApiClient } from '../../../../electron/shared/contract/client';
import { bodyCodingsText, storedBodyCodings } from '../../../../electron/shared/send/transfer-codings';
import { base64ToBytes } from '../../lib/bytes';
import { formatBytes } from '../../lib/format';
import { bodySizeText } from './body-size';
import { contentTypeConflictNote } from './content-type-conflict';

/** Which bytes of a Content-Encoded body to show or save: with the encoding undone, or exactly as they arrived. */
export type BodyForm = CaptureBodyForm;

type BodyFields = Pick<
  CaptureDetail,
  | 'bodyBase64'
  | 'decodedBodyBase64'
  | 'decodeNote'
  | 'contentEncoding'
  | 'truncated'
  | 'storedBodyBytes'
  | 'bodySizeBytes'
  | 'bodyNotSent'
  | 'headers'
  | 'bodyOmitted'
>;

/** Whether there is a choice: the engine undid a Content-Encoding, so the received bytes differ from the shown ones. */
export const hasDecodedBody = (d: BodyFields) => d.decodedBodyBase64 !== null;

/**
 * The codings the engine undid, as the user reads them: `gzip` for a Content-Encoding, `Transfer-Encoding gzip` for
 * a body sent with `Transfer-Encoding: gzip, chunked`, whose gzip no Content-Encoding announces.
 */
export const bodyCodingsLabel = (d: Pick<BodyFields, 'contentEncoding' | 'headers'>): string =>
  bodyCodingsText(storedBodyCodings(d.contentEncoding, d.headers)) || (d.contentEncoding ?? '');

/**
 * Whether the bytes shown in this form are still in a coding: one applies (a Content-Encoding or a transfer coding)
 * and the engine did not undo it (unsupported, bad data, a bomb), or the received form was chosen.
 */
export const bodyStillCoded = (d: BodyFields, form: BodyForm): boolean =>
  storedBodyCodings(d.contentEncoding, d.headers).length > 0 && readableForm(d, form) === 'received';

/** The form there is to read: a body without a Content-Encoding undone has only the received one. */
export const readableForm = (d: BodyFields, form: BodyForm): BodyForm =>
  hasDecodedBody(d) && form === 'decoded' ? 'decoded' : 'received';

/** The stored base64 of the request body in the chosen form ('' when `captures.get` left the body out). */
export function requestBodyBase64(d: BodyFields, form: BodyForm): string {
  return readableForm(d, form) === 'decoded' ? d.decodedBodyBase64! : d.bodyBase64;
}

/**
 * What the reader needs to know about the body in the chosen form, `size` bytes long. The engine's decode note (an
 * unsupported coding, bad data, a compression bomb) is only set when decoding failed, and is always shown.
 */
export function requestBodyNote(d: BodyFields, form: BodyForm, size: number): string | null {
  const decoded = hasDecodedBody(d) && form === 'decoded';
  const notes: string[] = [];
  const conflict = contentTypeConflictNote(d.headers);
  if (conflict) notes.push(conflict);
  if (d.decodeNote) notes.push(d.decodeNote);
  else if (hasDecodedBody(d))
    notes.push(decoded ? `decoded from ${bodyCodingsLabel(d)}` : `as received (${bodyCodingsLabel(d)})`);
  if (d.bodyNotSent) notes.push('body never sent: refused before 100 Continue');
  else if (!decoded && d.truncated)
    notes.push(`truncated: stored ${formatBytes(d.storedBodyBytes)} of ${bodySizeText(d)}`);
  if (size > searchedBodyBytes) notes.push(`search covers the first ${formatBytes(searchedBodyBytes)}`);
  return notes.length ? notes.join(' · ') : null;
}

/** The request body in the chosen form, with what the reader needs to know about it. */
export function requestBody(d: BodyFields, form: BodyForm): { bytes: Uint8Array; note: string | null } {
  const bytes = base64ToBytes(requestBodyBase64(d, form));
  return { bytes, note: requestBodyNote(d, form, bytes.length) };
}

/** The request body's bytes in the chosen form: inline, or read apart when `captures.get` left it out. */
export async function requestBodyBytes(
  api: Pick<ApiClient, 'captureBody'>,
  d: BodyFields & Pick<CaptureDetail, 'id'>,
  form: BodyForm,
): Promise<Uint8Array> {
  if (d.bodyOmitted) return api.captureBody({ id: d.id, form: readableForm(d, form) });
  return base64ToBytes(requestBodyBase64(d, form));
}
