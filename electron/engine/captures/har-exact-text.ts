import { charsetOf } from '../../shared/decode/charset';
import { decodedExactly, textInCharset } from './text-in-charset';

export interface HarExactText {
  text: string;
  /**
   * The text is the bytes decoded in the charset the type declares, not read as UTF-8: Hookscope's own importer reads
   * an export's text as UTF-8 unless the entry's `_hookscope` block says this.
   */
  inDeclaredCharset: boolean;
}

/**
 * A body as HAR text, or null when it must be written as base64. Either way the text is one a generic importer,
 * encoding it in the charset the type declares, gets the same bytes back from. The bytes read as UTF-8 are preferred
 * (as exports before `inDeclaredCharset` were read back): c3 a9 under charset=iso-8859-1 reads as 'é' in UTF-8, which
 * ISO-8859-1 writes as e9, so it is written as the ISO-8859-1 reading 'Ã©' instead.
 */
export function harExactText(bytes: Buffer, type: string | null | undefined): HarExactText | null {
  if (bytes.includes(0)) return null;
  const charset = charsetOf(type) ?? 'utf-8';
  const utf8 = decodedExactly(bytes, 'utf-8');
  if (utf8 !== null && textInCharset(utf8, charset)?.equals(bytes))
    return { text: utf8, inDeclaredCharset: false };
  const text = decodedExactly(bytes, charset);
  return text !== null && textInCharset(text, charset)?.equals(bytes)
    ? { text, inDeclaredCharset: true }
    : null;
}
