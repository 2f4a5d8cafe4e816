/**
 * Where, in XML text, the secrets are: the content of each element whose (local) name is secret, `<Password>…</Password>`
 * or `<wsse:Password>`, and the value of each attribute whose name is secret, `token="…"`. Outermost only, in order.
 * Reads the text as written, without a parser that would re-serialise it, so every other byte can stay as received.
 * A body cut off inside a secret element has everything after its start tag counted secret.
 */
export function xmlSecretSpans(text: string, isSecret: (name: string) => boolean): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const open: string[] = [];
  // The secret element whose content is being hidden: its depth in `open` and where its content starts.
  let hiding: { depth: number; start: number } | null = null;
  const localName = (name: string) => name.slice(name.indexOf(':') + 1);
  let i = 0;
  for (;;) {
    const lt = text.indexOf('<', i);
    if (lt === -1) break;
    const skipTo = (end: string) => {
      const at = text.indexOf(end, lt);
      return at === -1 ? text.length : at + end.length;
    };
    if (text.startsWith('<!--', lt)) i = skipTo('-->');
    else if (text.startsWith('<![CDATA[', lt)) i = skipTo(']]>');
    else if (text.startsWith('<?', lt)) i = skipTo('?>');
    else if (text.startsWith('<!', lt)) i = doctypeEnd(text, lt);
    else {
      const end = tagEnd(text, lt);
      const tag = text.slice(lt, end);
      i = end;
      if (tag.startsWith('</')) {
        const name = /^<\/\s*([^\s>]+)/.exec(tag)?.[1] ?? '';
        const at = open.lastIndexOf(name);
        if (at === -1) continue; // a stray end tag: nothing to close
        open.length = at;
        if (hiding && open.length <= hiding.depth) {
          spans.push([hiding.start, lt]);
          hiding = null;
        }
        continue;
      }
      const name = /^<([^\s/>]+)/.exec(tag)?.[1];
      if (!name) continue;
      if (!hiding) {
        for (const attr of tag.matchAll(/\s([^\s=/>]+)\s*=\s*("[^"]*"|'[^']*')/g)) {
          const attrName = attr[1]!;
          if (/^xmlns(:|$)/.test(attrName) || !isSecret(localName(attrName)) || attr[2]!.length === 2)
            continue;
          const valueStart = lt + attr.index + attr[0].length - attr[2]!.length + 1;
          spans.push([valueStart, valueStart + attr[2]!.length - 2]);
        }
      }
      if (tag.endsWith('/>') || end === text.length) continue;
      if (!hiding && isSecret(localName(name))) hiding = { depth: open.length, start: end };
      open.push(name);
    }
  }
  if (hiding && hiding.start < text.length) spans.push([hiding.start, text.length]);
  // An empty element has no secret to hide.
  return spans.filter(([start, end]) => end > start);
}

/** Just after the `>` closing the tag at `lt` (quoted attribute values may hold `>`), or the end of the text. */
function tagEnd(text: string, lt: number): number {
  let quote: string | null = null;
  for (let i = lt + 1; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i + 1;
  }
  return text.length;
}

/** Just after a `<!DOCTYPE …>`, including an internal subset in `[…]`. */
function doctypeEnd(text: string, lt: number): number {
  const bracket = text.indexOf('[', lt);
  const gt = text.indexOf('>', lt);
  if (gt === -1) return text.length;
  if (bracket === -1 || bracket > gt) return gt + 1;
  const close = text.indexOf(']', bracket);
  const after = close === -1 ? -1 : text.indexOf('>', close);
  return after === -1 ? text.length : after + 1;
}
