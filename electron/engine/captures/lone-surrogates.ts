const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * `edit` applied to `text` with each lone surrogate (which UTF-8 cannot carry) swapped for a private-use character
 * the text does not hold, and swapped back in what `edit` returns. Null when `edit` returns null; undefined when
 * there are not enough unused private-use characters to stand in.
 */
export function withLoneSurrogatesStandIn(
  text: string,
  edit: (text: string) => string | null,
): string | null | undefined {
  const lone = [...new Set(text.match(loneSurrogate) ?? [])];
  if (lone.length === 0) return edit(text);
  const used = new Set(text);
  const standInOf = new Map<string, string>();
  for (const char of privateUseChars()) {
    if (standInOf.size === lone.length) break;
    if (!used.has(char)) standInOf.set(lone[standInOf.size]!, char);
  }
  if (standInOf.size < lone.length) return undefined;
  const surrogateOf = new Map([...standInOf].map(([surrogate, standIn]) => [standIn, surrogate]));
  const edited = edit(text.replace(loneSurrogate, (surrogate) => standInOf.get(surrogate)!));
  if (edited === null) return null;
  return [...edited].map((char) => surrogateOf.get(char) ?? char).join('');
}

function* privateUseChars(): Generator<string> {
  const ranges = [
    [0xe000, 0xf8ff],
    [0xf0000, 0xffffd],
    [0x100000, 0x10fffd],
  ] as const;
  for (const [first, last] of ranges)
    for (let code = first; code <= last; code++) yield String.fromCodePoint(code);
}
