import { describe, expect, it } from 'vitest';
import { decodeCapture } from '../../../electron/shared/decode/index';
import type { DecodeInput } from '../../../electron/shared/decode/types';

const request = (contentType: string, harContentType: string, body: Uint8Array): DecodeInput => ({
  method: 'POST',
  path: '/',
  query: '',
  headers: [],
  contentType,
  harContentType,
  body,
});

// An imported capture whose HAR gave its type in postData.mimeType alone has no Content-Type header to read.
describe('decoding with the whole type an imported capture was given', () => {
  it('reads a multipart body by the boundary in that type', () => {
    const body = '--XyZ\r\nContent-Disposition: form-data; name="email"\r\n\r\na@b.co\r\n--XyZ--\r\n';
    const result = decodeCapture(
      request('multipart/form-data', 'multipart/form-data; boundary=XyZ', new TextEncoder().encode(body)),
    );
    expect(result.bodyFormat).toBe('form');
    const bodySection = result.sections.find((s) => s.key === 'body')!;
    expect(bodySection.children!.map((n) => [n.key, n.display])).toEqual([['email', 'a@b.co']]);
  });

  it('reads text in the charset that type names', () => {
    const latin1 = Uint8Array.from([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0x63, 0x61, 0x66, 0xe9, 0x22, 0x7d]);
    const result = decodeCapture(request('application/json', 'application/json; charset=iso-8859-1', latin1));
    expect(result.bodyFormat).toBe('json');
    const bodySection = result.sections.find((s) => s.key === 'body')!;
    expect(bodySection.children![0]!.display).toBe('café');
  });
});
