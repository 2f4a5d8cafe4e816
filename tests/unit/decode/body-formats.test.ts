import { describe, expect, it } from 'vitest';
import { classifyCapture, decodeCapture } from '../../../electron/shared/decode/index';
import type { DecodeInput } from '../../../electron/shared/decode/index';
import { input, node } from './helpers';

const enc = new TextEncoder();

/** A multipart/form-data capture as the receiver stores it: the media type in contentType, the boundary in the header. */
function multipartInput(parts: Array<Uint8Array | string>, boundary = 'XyZ123'): DecodeInput {
  const bytes: number[] = [];
  for (const p of parts) bytes.push(...(typeof p === 'string' ? enc.encode(p) : p));
  return {
    method: 'POST',
    path: '/h/form',
    query: '',
    headers: [['Content-Type', `multipart/form-data; boundary=${boundary}`]],
    contentType: 'multipart/form-data',
    body: Uint8Array.from(bytes),
  };
}

const field = (name: string, value: string) =>
  `--XyZ123\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;

describe('multipart bodies are decoded as forms', () => {
  it('decodes text fields with bracket nesting, lists the file parts, and ignores their bytes', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x0a, 0x1a, 0, 0xff]);
    const r = decodeCapture(
      multipartInput([
        field('contact[firstname]', 'Mary Ann'),
        field('contact[lastname]', 'O’Neil'),
        field('contact_id', '42'),
        '--XyZ123\r\nContent-Disposition: form-data; name="avatar"; filename="me.png"\r\nContent-Type: image/png\r\n\r\n',
        png,
        '\r\n--XyZ123--\r\n',
      ]),
    );
    expect(r.bodyFormat).toBe('form');
    expect(node(r, '$.contact.firstname').display).toBe('Mary Ann');
    expect(node(r, '$.contact.lastname').display).toBe('O’Neil');
    expect(node(r, '$.contact_id').display).toBe('42');
    expect(() => node(r, '$.avatar')).toThrow();
    expect(r.reason).toContain('3 text fields decoded');
    expect(r.reason).toContain('avatar (me.png), 12 bytes');
  });

  it('recognises Ontraport post data sent as multipart', () => {
    const parts = [
      field('firstname', 'Ann'),
      field('lastname', 'Lee'),
      field('contact_id', '7'),
      '--XyZ123--\r\n',
    ];
    expect(decodeCapture(multipartInput(parts)).vendor).toBe('Ontraport');
    expect(classifyCapture(multipartInput(parts)).vendor).toBe('Ontraport');
  });

  it('keeps the fields read before a missing closing boundary, and says the body was cut short', () => {
    const cut = field('b', '2').slice(0, -2);
    const r = decodeCapture(multipartInput([field('a', '1'), cut]));
    expect(r.bodyFormat).toBe('form');
    expect(node(r, '$.a').display).toBe('1');
    expect(node(r, '$.b').display).toBe('2');
    expect(r.reason).toMatch(/without a closing boundary/);
  });

  it('falls back to the generic view when the boundary is missing or never appears', () => {
    const noBoundary = multipartInput([field('a', '1'), '--XyZ123--\r\n']);
    noBoundary.headers = [['Content-Type', 'multipart/form-data']];
    expect(decodeCapture(noBoundary).bodyFormat).not.toBe('form');
    const wrongBoundary = multipartInput([field('a', '1'), '--XyZ123--\r\n'], 'other');
    expect(decodeCapture(wrongBoundary).bodyFormat).not.toBe('form');
  });
});

describe('HTML bodies', () => {
  it('are shown as text and not reported as broken XML', () => {
    const page = '<!DOCTYPE html><html><body><p>Thanks<br></p></body></html>';
    for (const r of [
      decodeCapture(input(page, 'text/html; charset=utf-8')),
      decodeCapture(input(page, null)),
    ]) {
      expect(r.bodyFormat).toBe('text');
      expect(r.reason).toMatch(/HTML/);
      expect(r.reason).not.toMatch(/XML/);
    }
  });

  it('leave XML sent without a content type decoded as XML', () => {
    expect(decodeCapture(input('<order><id>1</id></order>', null)).bodyFormat).toBe('xml');
  });
});

describe('bodies in the charset their Content-Type declares', () => {
  // As captures hold them: the media type alone in contentType, the charset only in the header as sent.
  const declared = (body: Uint8Array, header: string): DecodeInput => ({
    ...input(body, header),
    contentType: header.split(';')[0]!,
  });
  const utf16le = (text: string) => new Uint8Array(Buffer.from(text, 'utf16le'));

  it('decodes ISO-8859-1, windows-1252, UTF-16 and Shift_JIS JSON into the characters sent', () => {
    const cases: [Uint8Array, string, string][] = [
      [
        new Uint8Array(Buffer.from('{"name":"Jos\u00e9 M\u00fcller"}', 'latin1')),
        'iso-8859-1',
        'José Müller',
      ],
      [new Uint8Array([...Buffer.from('{"p":"'), 0x80, ...Buffer.from('5"}')]), 'windows-1252', '€5'],
      [utf16le('{"name":"Zoë"}'), 'utf-16le', 'Zoë'],
      [new Uint8Array([0xff, 0xfe, ...utf16le('{"name":"Zoë"}')]), 'utf-16le', 'Zoë'],
      [new Uint8Array(Buffer.from('{"name":"Zoë"}', 'utf16le').swap16()), 'utf-16be', 'Zoë'],
      [new Uint8Array([...Buffer.from('{"k":"'), 0x82, 0xa0, ...Buffer.from('"}')]), 'shift_jis', 'あ'],
    ];
    for (const [body, charset, expected] of cases) {
      const r = decodeCapture(declared(body, `application/json; charset="${charset}"`));
      expect(r.bodyFormat, charset).toBe('json');
      expect(r.sections[0]!.children![0]!.display, charset).toBe(expected);
    }
  });

  it('reads a form in its charset, and falls back to UTF-8 for an unknown charset', () => {
    const form = new Uint8Array(Buffer.from('caf\u00e9=cr\u00e8me', 'latin1'));
    const r = decodeCapture(declared(form, 'application/x-www-form-urlencoded; charset=windows-1252'));
    expect(node(r, '$["café"]').display).toBe('crème');
    const unknown = decodeCapture(
      declared(new TextEncoder().encode('{"a":"é"}'), 'application/json; charset=x-nope'),
    );
    expect(node(unknown, '$.a').display).toBe('é');
  });
});

describe('bodies that are not valid UTF-8', () => {
  it('warn that the bytes shown as U+FFFD are not what was sent', () => {
    const r = decodeCapture(input(new Uint8Array([...Buffer.from('{"s":"a'), 0xff, ...Buffer.from('b"}')])));
    expect(r.bodyFormat).toBe('json');
    expect(node(r, '$.s').display).toBe('a\uFFFDb');
    expect(r.warnings.map((w) => w.message)).toContainEqual(
      expect.stringMatching(/not valid UTF-8.*U\+FFFD/),
    );
  });

  it('do not warn when U+FFFD was sent as such, or the declared charset reads the bytes', () => {
    expect(decodeCapture(input('{"s":"a\uFFFDb"}')).warnings).toEqual([]);
    const latin1 = input(
      new Uint8Array(Buffer.from('{"s":"caf\u00e9"}', 'latin1')),
      'application/json; charset=iso-8859-1',
    );
    expect(decodeCapture(latin1).warnings).toEqual([]);
  });
});

describe('numbers a double would round', () => {
  it('are shown with the digits sent, with a precision warning naming what a parser reads', () => {
    const r = decodeCapture(input('{"id":820982911946154501,"price":0.12345678901234567891,"n":12.5}'));
    const id = node(r, '$.id');
    expect(id.display).toBe('820982911946154501');
    expect(id.raw).toBe('820982911946154501');
    expect(id.type).toBe('number');
    expect(id.warnings.map((w) => w.code)).toContain('precision');
    expect(id.warnings[0]!.message).toContain('820982911946154496');
    expect(node(r, '$.price').display).toBe('0.12345678901234567891');
    expect(node(r, '$.n').display).toBe('12.5');
    expect(node(r, '$.n').warnings).toEqual([]);
  });

  it('leave safe integers and exponents alone', () => {
    const r = decodeCapture(input('{"a":9007199254740991,"b":1e21,"c":-1234567890123456}'));
    expect(node(r, '$.a').display).toBe('9007199254740991');
    expect(node(r, '$.b').display).toBe('1e21'); // as sent, not as JavaScript prints it (1e+21)
    expect(node(r, '$.c').display).toBe('-1234567890123456');
    expect(node(r, '$.a').warnings).toEqual([]);
    expect(node(r, '$.c').warnings).toEqual([]);
  });
});
