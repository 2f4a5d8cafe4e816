import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { markXmlName, unmarkTree } from '../../../electron/shared/send/marked-names';

/** Re-indents XML for reading. Returns the original text and the parser's complaint when it is not well-formed. */
export function prettyXml(text: string): { text: string; error: string | null } {
  const valid = XMLValidator.validate(text, { allowBooleanAttributes: true });
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
    const tree = unmarkTree(new XMLParser({ ...options, transformTagName: markXmlName }).parse(text));
    const built = new XMLBuilder({ ...options, format: true, indentBy: '  ', suppressEmptyNode: true }).build(
      tree,
    ) as string;
    // The builder breaks the line after a CDATA section even when the element's closing tag follows it; values were
    // trimmed, so that whitespace was never in the document.
    return { text: built.replace(/\]\]>\n[ ]*<\//g, ']]></').trim(), error: null };
  } catch (error) {
    return { text, error: String(error) };
  }
}
