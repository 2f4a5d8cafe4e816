import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { markXmlName, unmarkTree } from '../../../electron/shared/send/marked-names';
import { xmlDoctype } from './xml-doctype';
import { xmlLines, type XmlNode } from './xml-lines';

/** Re-indents XML for reading. Returns the original text and the parser's complaint when it is not well-formed. */
export function prettyXml(text: string): { text: string; error: string | null } {
  // The DOCTYPE is set aside and goes back as written, before the root element: the parser would drop it, with the
  // entities a body declares, and refuses one that declares an external entity (an XXE payload, well-formed).
  const found = xmlDoctype(text);
  const doctype = found && text.slice(found.start, found.end);
  // Blanked, not cut: the parser's complaints keep their line numbers.
  const body = found
    ? text.slice(0, found.start) + doctype!.replace(/[^\n]/g, ' ') + text.slice(found.end)
    : text;
  const valid = XMLValidator.validate(body, { allowBooleanAttributes: true });
  if (valid !== true) return { text, error: `Line ${valid.err.line}: ${valid.err.msg}` };
  const options = {
    preserveOrder: true,
    ignoreAttributes: false,
    commentPropName: '#comment',
    cdataPropName: '#cdata',
    processEntities: false,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    allowBooleanAttributes: true,
    suppressBooleanAttributes: false,
    ignoreDeclaration: false,
    ignorePiTags: false,
  };
  try {
    // Every element name is marked, so the parser's prototype-pollution guard neither refuses nor renames any.
    const tree = unmarkTree(
      new XMLParser({ ...options, transformTagName: markXmlName }).parse(body),
    ) as XmlNode[];
    const builder = new XMLBuilder({ ...options, suppressEmptyNode: true });
    const build = (nodes: XmlNode[]) =>
      xmlLines(nodes, (inline) => builder.build(inline) as string).join('\n');
    const root = tree.findIndex((node) =>
      Object.keys(node).some((key) => !/^(\?|#comment$|#text$|:@$)/.test(key)),
    );
    const built =
      !doctype || root < 0
        ? build(tree)
        : [build(tree.slice(0, root)), doctype, build(tree.slice(root))].filter(Boolean).join('\n');
    return { text: built, error: null };
  } catch (error) {
    return { text, error: String(error) };
  }
}
