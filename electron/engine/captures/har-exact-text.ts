import { charsetOf } from '../../shared/decode/charset';
import { textInCharset } from './text-in-charset';

/**
 * A body as HAR text, or null when it must be written as base64. The text is the bytes read as UTF-8 (as Hookscope's
 * own importer reads its export back), written only when a generic importer, encoding it in the charset the type
 * declares, gets the same bytes back: c3 a9 under charset=iso-8859-1 reads as 'é' in UTF-8, but ISO-8859-1 writes that
 * as e9.
 */
export function harExactText(bytes: Buffer, type: string | null | undefined): string | null {
  if (bytes.includes(0)) return null;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
  const written = textInCharset(text, charsetOf(type) ?? 'utf-8');
  return written !== null && written.equals(bytes) ? text : null;
}
