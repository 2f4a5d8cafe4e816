/** A CDATA section, comment or processing instruction (left as written), or a character reference (read). */
const CHAR_REF_OR_RAW =
  /(<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>)|&#(?:(\d{1,7})|x([0-9a-fA-F]{1,6}));/g;
/** Characters that are markup where they stand: a reference to one becomes the predefined entity, still text. */
const MARKUP: Record<string, string> = {
  '<': '&lt;',
  '&': '&amp;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Whether a code point is one XML 1.0 allows (Char production): a reference to anything else is left as written. */
const isXmlChar = (cp: number) =>
  cp === 0x9 ||
  cp === 0xa ||
  cp === 0xd ||
  (cp >= 0x20 && cp <= 0xd7ff) ||
  (cp >= 0xe000 && cp <= 0xfffd) ||
  (cp >= 0x10000 && cp <= 0x10ffff);

/**
 * XML text with its character references (`&#233;`, `&#xFC;`) written as the characters, so the parser, which reads
 * only the named entities, gives `José` as any XML reader does. A reference inside CDATA, a comment or a processing
 * instruction is text there and stays; `&amp;#233;` stays too (its `&` is an entity), as in any XML reader.
 */
export function withCharRefsRead(xml: string): string {
  if (!xml.includes('&#')) return xml;
  return xml.replace(CHAR_REF_OR_RAW, (whole, raw: string | undefined, dec?: string, hex?: string) => {
    if (raw !== undefined) return whole;
    const cp = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
    if (!isXmlChar(cp)) return whole;
    const char = String.fromCodePoint(cp);
    return MARKUP[char] ?? char;
  });
}
