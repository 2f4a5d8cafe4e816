import { describe, expect, it } from 'vitest';
import { boundaryOf, multipartFields, parseMultipart } from '../../../electron/shared/decode/multipart';

const enc = new TextEncoder();
const dec = new TextDecoder();

describe('multipart parsing', () => {
  it('reads the boundary, quoted or not', () => {
    expect(boundaryOf('multipart/form-data; boundary=abc')).toBe('abc');
    expect(boundaryOf('multipart/form-data; charset=utf-8; boundary="a b;c"')).toBe('a b;c');
    expect(boundaryOf('multipart/form-data')).toBeNull();
  });

  it('keeps each part’s headers, name, filename and exact bytes', () => {
    const binary = Uint8Array.from([0, 255, 13, 10, 45, 45]);
    const body = new Uint8Array([
      ...enc.encode(
        'preamble\r\n--B\r\nContent-Disposition: form-data; name="t"\r\nX-Extra: 1\r\n\r\nhello\r\n',
      ),
      ...enc.encode(
        '--B\r\nContent-Disposition: form-data; name="f"; filename="a \\"q\\".bin"\r\nContent-Type: application/octet-stream\r\n\r\n',
      ),
      ...binary,
      ...enc.encode('\r\n--B--\r\nepilogue'),
    ]);
    const { parts, error } = parseMultipart(body, 'B');
    expect(error).toBeNull();
    expect(parts).toHaveLength(2);
    expect(parts[0]!.name).toBe('t');
    expect(parts[0]!.headers).toEqual([
      ['Content-Disposition', 'form-data; name="t"'],
      ['X-Extra', '1'],
    ]);
    expect(dec.decode(parts[0]!.body)).toBe('hello');
    expect(parts[1]!.filename).toBe('a "q".bin');
    expect(parts[1]!.contentType).toBe('application/octet-stream');
    expect([...parts[1]!.body]).toEqual([...binary]);
  });

  it('decodes RFC 5987 filename* values', () => {
    const body = enc.encode(
      `--B\r\nContent-Disposition: form-data; name="f"; filename*=utf-8''%C3%BCber.txt\r\n\r\nx\r\n--B--\r\n`,
    );
    expect(parseMultipart(body, 'B').parts[0]!.filename).toBe('über.txt');
  });

  // A browser sends a file name as typed, `;` and all: `; name=` inside it was read as the field's name.
  it('reads name and filename parameter by parameter, not inside another quoted value', () => {
    const body = enc.encode(
      '--B\r\nContent-Disposition: form-data; filename="report; name=password.txt"; name="upload"\r\n\r\nx\r\n' +
        '--B\r\nContent-Disposition: form-data; name="note"; x="; filename=evil.exe"\r\n\r\ny\r\n' +
        '--B\r\nContent-Disposition: form-data; inline; name="a\\"b"; filename=plain.txt\r\n\r\nz\r\n--B--\r\n',
    );
    expect(parseMultipart(body, 'B').parts.map((p) => [p.name, p.filename])).toEqual([
      ['upload', 'report; name=password.txt'],
      ['note', null],
      ['a"b', 'plain.txt'],
    ]);
  });

  it('says why when the body is truncated or the boundary is wrong, keeping what it read', () => {
    const truncated = enc.encode(
      '--B\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--B\r\nContent-Disposition: form-data; name="b"\r\n\r\n2',
    );
    const result = parseMultipart(truncated, 'B');
    expect(result.parts.map((p) => p.name)).toEqual(['a', 'b']);
    expect(dec.decode(result.parts[1]!.body)).toBe('2');
    expect(result.error).toMatch(/closing boundary/);
    expect(parseMultipart(truncated, 'other').error).toMatch(/Boundary "other" not found/);
  });

  it('reads a text field in the charset its part declares, not as a binary part', () => {
    const body = Buffer.concat([
      Buffer.from('--XB\r\nContent-Disposition: form-data; name="note"\r\n'),
      Buffer.from('Content-Type: text/plain; charset=iso-8859-1\r\n\r\nna\u00efve\r\n--XB--\r\n', 'latin1'),
    ]);
    const form = multipartFields(new Uint8Array(body), 'multipart/form-data; boundary=XB');
    expect(form?.fields).toEqual([['note', 'naïve']]);
    expect(form?.files).toEqual([]);
  });
});
