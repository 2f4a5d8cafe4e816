import type { HeaderPair } from '../../shared/contract/index';
import { harBase64, notBase64Note } from './har-base64';
import { harTextBody, loneSurrogateNote } from './har-text-body';

export interface HarResponseContent {
  text?: string;
  encoding?: string;
  mimeType?: unknown;
}

/**
 * A HAR response's body and headers as stored. `content.text` is written in the charset the Content-Type header (or
 * else `content.mimeType`) declares, as postData is; base64 content is the bytes given, and Hookscope's own export's
 * text is read as UTF-8 (`textIsUtf8`) unless its entry says the text is in the declared charset. `harMimeType` is `content.mimeType` kept whole (relabelled
 * charset=utf-8 when the text could not be written in its charset) when there is no Content-Type header to read the
 * body by; Hookscope's own export says it in its `_hookscope` block instead.
 */
export function harResponseBody(
  content: HarResponseContent | undefined,
  headers: HeaderPair[],
  { textIsUtf8 }: { textIsUtf8: boolean },
): { body: Buffer; headers: HeaderPair[]; warning: string | null; harMimeType: string | null } {
  const text = content?.text;
  if (!text) return { body: Buffer.alloc(0), headers, warning: null, harMimeType: null };
  const at = headers.findIndex(([name]) => name.toLowerCase() === 'content-type');
  const mimeType = typeof content.mimeType === 'string' ? content.mimeType.trim() : '';
  const given = at < 0 && !textIsUtf8 && mimeType !== '' ? mimeType : null;
  if (content.encoding === 'base64') {
    const bytes = harBase64(text);
    return bytes === null
      ? {
          body: Buffer.from(text, 'utf8'),
          headers,
          warning: `response.content.text: ${notBase64Note}`,
          harMimeType: given,
        }
      : { body: bytes, headers, warning: null, harMimeType: given };
  }
  if (textIsUtf8) return { body: Buffer.from(text, 'utf8'), headers, warning: null, harMimeType: null };
  const { body, contentType, problem, loneSurrogate } = harTextBody(
    text,
    at >= 0 ? headers[at]![1] : mimeType,
  );
  const relabel = contentType !== null;
  const notes = [
    ...(loneSurrogate ? [loneSurrogateNote] : []),
    ...(problem === null
      ? []
      : [
          `${problem}; stored as UTF-8${relabel ? `, and the ${at >= 0 ? 'Content-Type' : 'mimeType'}'s charset changed to utf-8` : ''}`,
        ]),
  ];
  return {
    body,
    headers: relabel ? headers.map((h, i): HeaderPair => (i === at ? [h[0], contentType] : h)) : headers,
    warning: notes.length === 0 ? null : `response.content.text: ${notes.join('; ')}`,
    harMimeType: given !== null && relabel ? contentType : given,
  };
}
