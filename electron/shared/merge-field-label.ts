/**
 * An Ontraport merge-field label, as the composer fills it and the decoder reports it unfilled: a letter, then what
 * users name their fields with (`First Name`, `Owner's Name`, `Member?`, `Spent (USD)`, `Time: Start`) or a date
 * format (`nDate long+0`). A leading letter keeps JSON (`[1, 2]`, `["a"]`) out.
 */
export const MERGE_FIELD_LABEL = "[A-Za-z][A-Za-z0-9 _./#'?()+:-]{0,63}";

/** `[fe80::1]` in a URL is an IPv6 host, not a merge field. */
export const isIpv6Literal = (label: string) => label.includes(':') && /^[0-9a-f:.]+$/i.test(label);

export interface MergeFieldSpan {
  /** The label inside the outer brackets: `First Name`, `contact[first_name]`. */
  name: string;
  /** Offsets into the text: `text.slice(start, end)` is the whole merge field, brackets included. */
  start: number;
  end: number;
}

/**
 * Ontraport merge fields: `[First Name]`, `[Contact ID]`, `[nDate long+0]`, and PHP-style form keys as fields
 * (`[contact[first_name]]`, `[items[0][sku]]`). A bracket straight after a word character or `]` is a key path
 * (`data[id]`, `a[b][c]`): a field when the whole path is bracketed, else not one. `[true]`/`[null]` are JSON.
 */
const bracketKeySegment = "(?<=[A-Za-z0-9_\\]])\\[[A-Za-z0-9 _./#'?()+:-]{0,64}\\]";
const mergeRe = new RegExp(`\\[(${MERGE_FIELD_LABEL}(?:${bracketKeySegment})*)\\]`, 'g');
const jsonLiterals = new Set(['true', 'false', 'null']);

/** Every merge field in `text`, in order: what the composer fills and the decoder reports unfilled. */
export function findMergeFieldSpans(text: string): MergeFieldSpan[] {
  const found: MergeFieldSpan[] = [];
  for (const match of text.matchAll(mergeRe)) {
    const name = match[1] ?? '';
    const before = match.index > 0 ? text[match.index - 1] : '';
    if (before && /[A-Za-z0-9_\]]/.test(before)) continue;
    if (jsonLiterals.has(name) || name !== name.trimEnd()) continue;
    if (isIpv6Literal(name)) continue;
    if (before === '!' && name.startsWith('CDATA[')) continue;
    found.push({ name, start: match.index, end: match.index + match[0].length });
  }
  return found;
}
