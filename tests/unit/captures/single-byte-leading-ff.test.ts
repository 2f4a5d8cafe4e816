import { describe, expect, it } from 'vitest';
import { harExactText } from '../../../electron/engine/captures/har-exact-text';
import { harTextBody } from '../../../electron/engine/captures/har-text-body';
import { textInCharset } from '../../../electron/engine/captures/text-in-charset';

// Node 22's TextDecoder for windows-1252 (what ISO-8859-1 and ASCII labels read as) drops a leading 0xFF byte ('ÿ')
// when told to ignore a byte-order mark, which no single-byte charset has. Found by tests/unit/fuzz/utf16-har-text.test.ts.
describe("text starting with 'ÿ' (0xFF) in a single-byte charset", () => {
  it.each(['iso-8859-1', 'windows-1252', 'latin1'])('%s writes it as ff', (charset) => {
    expect(textInCharset('ÿes', charset)?.toString('hex')).toBe('ff6573');
  });

  it('is exported in a HAR as the text the charset reads, not base64', () => {
    expect(harExactText(Buffer.from('ff61', 'hex'), 'text/plain; charset=iso-8859-1')).toEqual({
      text: 'ÿa',
      inDeclaredCharset: true,
    });
  });

  it('is imported from a HAR in its declared charset, not relabelled UTF-8', () => {
    const imported = harTextBody('ÿes', 'text/plain; charset=iso-8859-1');
    expect(imported.body.toString('hex')).toBe('ff6573');
    expect(imported.contentType).toBeNull();
    expect(imported.problem).toBeNull();
  });
});
