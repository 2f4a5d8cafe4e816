import { describe, expect, it } from 'vitest';
import { charsetOf } from '../../../electron/shared/decode/charset';
import { boundaryOf, multipartFields } from '../../../electron/shared/decode/multipart';

const enc = new TextEncoder();

describe('Content-Type parameters are read one at a time, quoted strings kept whole', () => {
  it('a "; boundary=" inside another quoted parameter is not the boundary', () => {
    const type = 'multipart/form-data; x="; boundary=fake"; boundary=real';
    expect(boundaryOf(type)).toBe('real');
    const body = enc.encode('--real\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--real--\r\n');
    expect(multipartFields(body, type)?.fields).toEqual([['a', '1']]);
  });

  it('a "; charset=" inside another quoted parameter is not the charset', () => {
    expect(charsetOf('text/plain; x="; charset=iso-8859-1"; charset=utf-8')).toBe('utf-8');
    expect(charsetOf('text/plain; x="; charset=iso-8859-1"')).toBeNull();
  });

  it('still reads plain, quoted, escaped and empty values as before', () => {
    expect(boundaryOf('multipart/form-data; BOUNDARY=abc ')).toBe('abc');
    expect(boundaryOf('multipart/form-data; boundary="a\\"b"')).toBe('a"b');
    expect(boundaryOf('multipart/form-data; boundary=""')).toBeNull();
    expect(charsetOf('text/plain; charset=" ISO-8859-1 "')).toBe('iso-8859-1');
    expect(charsetOf('text/plain; charset=')).toBeNull();
  });
});
