import { withCharRefsRead } from '../../shared/decode/xml-char-refs';

const PREDEFINED = /&(lt|gt|amp|quot|apos);/g;
const CHARS: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * XML text with its character references and predefined entities read (`Jos&#233;` → `José`, `&amp;` → `&`), as the
 * Decoded tab shows the values. For the search index only: the result is text, no longer XML.
 */
export function xmlUnescaped(text: string): string {
  if (!text.includes('&')) return text;
  return withCharRefsRead(text).replace(PREDEFINED, (_, name: string) => CHARS[name]!);
}
