/** A node of fast-xml-parser's `preserveOrder` tree: one key naming it (`#text`, `#comment`, `?xml`, a tag), and `:@`. */
export type XmlNode = Record<string, unknown>;

// XML cannot hold a NUL (the validator refuses one), so it can stand for an element's content while its tags are built.
const CONTENT = '\0';

const nameOf = (node: XmlNode): string => Object.keys(node).find((key) => key !== ':@') ?? '';

const isElement = (name: string): boolean => name !== '' && !name.startsWith('#') && !name.startsWith('?');

const isBlankText = (node: XmlNode): boolean =>
  nameOf(node) === '#text' && /^[ \t\r\n]*$/.test(String(node['#text']));

/**
 * Whether an element holds only elements, comments and processing instructions, with nothing but whitespace between
 * them: the only content whose line breaks and indentation a reader can change without changing the document.
 * Under `xml:space="preserve"` that whitespace is content too.
 */
function holdsOnlyMarkup(node: XmlNode, children: XmlNode[]): boolean {
  const attributes = node[':@'] as Record<string, unknown> | undefined;
  if (attributes?.['@_xml:space'] === 'preserve') return false;
  const markup = children.filter((child) => !isBlankText(child));
  return (
    markup.length > 0 && markup.every((child) => nameOf(child) !== '#text' && nameOf(child) !== '#cdata')
  );
}

/**
 * One line per element that holds only markup, indented by depth; any other node on one line built by `inline`, its
 * text exactly as parsed. Whitespace between elements is dropped, so the lines are the only layout.
 */
export function xmlLines(nodes: XmlNode[], inline: (nodes: XmlNode[]) => string, depth = 0): string[] {
  const indent = '  '.repeat(depth);
  const lines: string[] = [];
  for (const node of nodes) {
    if (isBlankText(node)) continue;
    const name = nameOf(node);
    const children = isElement(name) ? (node[name] as XmlNode[]) : [];
    if (!holdsOnlyMarkup(node, children)) {
      lines.push(indent + inline([node]));
      continue;
    }
    const [open, close] = inline([{ ...node, [name]: [{ '#text': CONTENT }] }]).split(CONTENT);
    lines.push(indent + open, ...xmlLines(children, inline, depth + 1), indent + close);
  }
  return lines;
}
