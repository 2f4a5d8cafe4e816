import { describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { prettyXml } from '../../../renderer/src/lib/xml';

const read = (xml: string) =>
  new XMLParser({ ignoreAttributes: false, cdataPropName: '#cdata', preserveOrder: true }).parse(
    xml,
  ) as unknown;

describe('prettyXml', () => {
  it('keeps a CDATA section tight against its closing tag, and empty elements self-closed', () => {
    const source =
      '<?xml version="1.0"?><root><note><![CDATA[a & <b>]]></note><empty y="1"/><!-- c --><t>t</t></root>';
    const { text, error } = prettyXml(source);
    expect(error).toBeNull();
    expect(text).toBe(
      [
        '<?xml version="1.0"?>',
        '<root>',
        '  <note><![CDATA[a & <b>]]></note>',
        '  <empty y="1"/>',
        '  <!-- c -->',
        '  <t>t</t>',
        '</root>',
      ].join('\n'),
    );
    // Re-indenting changes no content.
    expect(read(text)).toEqual(read(source));
  });

  it('leaves mixed text and CDATA in one line, and reports XML that is not well-formed', () => {
    expect(prettyXml('<a><b>text<![CDATA[more]]>tail</b></a>').text).toBe(
      '<a>\n  <b>text<![CDATA[more]]>tail</b>\n</a>',
    );
    const broken = prettyXml('<a><b></a>');
    expect(broken.error).toMatch(/Line 1/);
    expect(broken.text).toBe('<a><b></a>');
  });

  it('re-indents elements named like Object.prototype members under their own names', () => {
    const { text, error } = prettyXml(
      '<a constructor="k"><constructor>C</constructor><__proto__>P</__proto__><prototype>Q</prototype>' +
        '<toString>T</toString><hasOwnProperty/></a>',
    );
    expect(error).toBeNull();
    expect(text).toBe(
      [
        '<a constructor="k">',
        '  <constructor>C</constructor>',
        '  <__proto__>P</__proto__>',
        '  <prototype>Q</prototype>',
        '  <toString>T</toString>',
        '  <hasOwnProperty/>',
        '</a>',
      ].join('\n'),
    );
  });

  it('keeps the DOCTYPE and its internal subset as written, its entities not expanded', () => {
    const doctype =
      '<!DOCTYPE r [<!-- a ] > "quote --><!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY y \'>]&xxe;\'>]>';
    const { text, error } = prettyXml(`<?xml version="1.0"?><!-- before -->${doctype}<r><a>&xxe;&y;</a></r>`);
    expect(error).toBeNull();
    expect(text).toBe(
      ['<?xml version="1.0"?>', '<!-- before -->', doctype, '<r>', '  <a>&xxe;&y;</a>', '</r>'].join('\n'),
    );
    expect(prettyXml('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x.dtd"><html/>').text).toBe(
      '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x.dtd">\n<html/>',
    );
    // A fault after a DOCTYPE of several lines is reported on its own line.
    expect(prettyXml('<!DOCTYPE r [\n<!ENTITY x "1">\n]>\n<r><a></r>').error).toMatch(/^Line 4:/);
  });

  it('keeps every text node exactly, re-indenting only the whitespace between elements', () => {
    expect(prettyXml('<r><a>  two  spaces  </a></r>').text).toBe('<r>\n  <a>  two  spaces  </a>\n</r>');
    expect(prettyXml('<r>\n\t<a xml:space="preserve">\n x\n</a>   <b>  <c/>\n</b></r>').text).toBe(
      ['<r>', '  <a xml:space="preserve">\n x\n</a>', '  <b>', '    <c/>', '  </b>', '</r>'].join('\n'),
    );
    // Mixed content stays on one line: a break or indent inside it would be new text.
    expect(
      prettyXml('<r><p>Hello <b>bold</b> world</p><q>x<![CDATA[y]]> z </q><s>t<!-- c -->u</s></r>').text,
    ).toBe(
      [
        '<r>',
        '  <p>Hello <b>bold</b> world</p>',
        '  <q>x<![CDATA[y]]> z </q>',
        '  <s>t<!-- c -->u</s>',
        '</r>',
      ].join('\n'),
    );
    // Under xml:space="preserve" the whitespace between elements is content too.
    expect(prettyXml('<r><k xml:space="preserve"> <a/>\n</k></r>').text).toBe(
      '<r>\n  <k xml:space="preserve"> <a/>\n</k>\n</r>',
    );
  });
});
