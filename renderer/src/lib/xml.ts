import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { markXmlName, unmarkTree } from '../../../electron/shared/send/marked-names';
import { xmlDoctype } from './xml-doctype';

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
    trimValues: true,
    allowBooleanAttributes: true,
    suppressBooleanAttributes: false,
    ignoreDeclaration: false,
    ignorePiTags: false,
  };
  try {
    // Every element name is marked, so the parser's prototype-pollution guard neither refuses nor renames any.
    const tree = unmarkTree(
      new XMLParser({ ...options, transformTagName: markXmlName }).parse(body),
    ) as Array<Record<string, unknown>>;
    const builder = new XMLBuilder({ ...options, format: true, indentBy: '  ', suppressEmptyNode: true });
    const build = (nodes: unknown[]) => (builder.build(nodes) as string).trim();
    const root = tree.findIndex((node) => Object.keys(node).some((key) => !/^(\?|#comment$|:@$)/.test(key)));
    const built =
      !doctype || root < 0
        ? build(tree)
        : [build(tree.slice(0, root)), doctype, build(tree.slice(root))].filter(Boolean).join('\n');
    // The builder breaks the line after a CDATA section even when the element's closing tag follows it; values were
    // trimmed, so that whitespace was never in the document.
    return { text: built.replace(/\]\]>\n[ ]*<\//g, ']]></').trim(), error: null };
  } catch (error) {
    return { text, error: String(error) };
  }
}
