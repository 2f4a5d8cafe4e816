/**
 * Where the document type declaration (`<!DOCTYPE r SYSTEM "r.dtd" [ <!ENTITY x "…"> ]>`) starts and ends in the text,
 * or null when the prolog has none. Its internal subset is read past quoted literals, comments and processing instructions, which may
 * hold `]` and `>`.
 */
export function xmlDoctype(text: string): { start: number; end: number } | null {
  let i = 0;
  // The prolog before it: a byte-order mark, white space, the XML declaration, comments and processing instructions.
  for (;;) {
    while (i < text.length && /[\s\ufeff]/.test(text[i]!)) i++;
    const skipTo = text.startsWith('<?', i) ? '?>' : text.startsWith('<!--', i) ? '-->' : null;
    if (skipTo === null) break;
    const end = text.indexOf(skipTo, i + 2);
    if (end < 0) return null;
    i = end + skipTo.length;
  }
  if (!text.startsWith('<!DOCTYPE', i)) return null;
  const start = i;
  let subset = 0;
  for (i += '<!DOCTYPE'.length; i < text.length; i++) {
    const ch = text[i]!;
    const skipTo =
      ch === '"' || ch === "'"
        ? ch
        : subset > 0 && text.startsWith('<!--', i)
          ? '-->'
          : subset > 0 && text.startsWith('<?', i)
            ? '?>'
            : null;
    if (skipTo !== null) {
      const end = text.indexOf(skipTo, i + (skipTo === ch ? 1 : 2));
      if (end < 0) return null;
      i = end + skipTo.length - 1;
    } else if (ch === '[') subset++;
    else if (ch === ']') subset--;
    else if (ch === '>' && subset === 0) return { start, end: i + 1 };
  }
  return null;
}
