import { describe, expect, it } from 'vitest';
import { decodeCapture } from '../../../electron/shared/decode/index';
import { input, node } from './helpers';

const decoded = (xml: string) => decodeCapture(input(`<?xml version="1.0"?>${xml}`, 'application/xml'));

describe('XML character references read as the characters they stand for', () => {
  it('decimal and hex references in text and attributes', () => {
    const r = decoded(
      '<contact id="&#x31;2"><firstname>Jos&#233;</firstname><lastname>M&#xFC;ller &#x1F600;</lastname></contact>',
    );
    expect(node(r, '$.contact.firstname').display).toBe('José');
    expect(node(r, '$.contact.lastname').display).toBe('Müller 😀');
    expect(node(r, '$.contact["@id"]').display).toBe('12');
  });

  it('a reference to markup characters is text, and an escaped reference stays as written', () => {
    const r = decoded('<n><a>&#60;b&#62; &#38; &#34;q&#34;</a><b>&amp;#233;</b></n>');
    expect(node(r, '$.n.a').display).toBe('<b> & "q"');
    expect(node(r, '$.n.b').display).toBe('&#233;');
  });

  it('CDATA and comments are left as written', () => {
    const r = decoded('<n><a><![CDATA[Jos&#233;]]></a><!-- &#233; --><b>x</b></n>');
    expect(node(r, '$.n.a').display).toBe('Jos&#233;');
  });
});
