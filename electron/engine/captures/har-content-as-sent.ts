import type { HeaderPair } from '../../shared/contract/index';
import { decodeContentEncoding } from '../store/body-text';
import { encodedAgain } from './encoded-again';

/**
 * A browser's HAR response content as the bytes sent. HAR 1.2's `content` is the body decoded (its `size` counts the
 * decoded bytes, `compression` what the coding saved), while the headers keep the Content-Encoding the server sent; a
 * stored response is the bytes as sent, which the Response tab decodes by that header. So decoded content is
 * compressed again with the codings named; content that already decodes under them (a tool that kept the bytes as
 * sent) is kept as given. A coding Hookscope cannot apply leaves the content as given, with a warning naming it.
 */
export function harContentAsSent(
  content: Buffer,
  headers: HeaderPair[],
): { body: Buffer; warning: string | null } {
  const encoding = headers
    .filter(([name]) => name.toLowerCase() === 'content-encoding')
    .map(([, value]) => value)
    .join(', ');
  if (encoding === '' || content.length === 0) return { body: content, warning: null };
  // Whole, not cut off: raw deflate reads the start of much plain text as a stream that ends early.
  const asSent = decodeContentEncoding(content, encoding);
  if ((asSent.body !== null && asSent.note === null) || asSent.overCap)
    return { body: content, warning: null };
  const encoded = encodedAgain(content, encoding);
  if (encoded.length > 0) return { body: encoded, warning: null };
  return {
    body: content,
    warning: `response.headers: Content-Encoding ${JSON.stringify(encoding)} names a coding Hookscope cannot apply to the decoded content; stored as given`,
  };
}
