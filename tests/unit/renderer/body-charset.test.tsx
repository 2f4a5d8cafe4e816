// @vitest-environment happy-dom
import { cleanup, fireEvent, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { BodyView } from '../../../renderer/src/features/detail/BodyView';
import { MultipartView } from '../../../renderer/src/features/detail/MultipartView';
import { charsetOf } from '../../../electron/shared/decode/charset';
import { bodyText } from '../../../renderer/src/lib/bytes';
import { decodeCapture } from '../../../electron/shared/decode/index';
import { indexableText } from '../../../electron/engine/store/body-text';
import { input, node } from '../decode/helpers';

afterEach(cleanup);

const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

describe('bodies in the charset their Content-Type declares', () => {
  it('reads charset parameters, quoted or not, in any case', () => {
    expect(charsetOf('text/plain; charset=ISO-8859-1')).toBe('iso-8859-1');
    expect(charsetOf('text/plain;format=flowed; Charset="Shift_JIS"')).toBe('shift_jis');
    expect(charsetOf('application/json')).toBeNull();
    expect(charsetOf('text/plain; charset=')).toBeNull();
    expect(charsetOf(null)).toBeNull();
  });

  it('decodes with the declared charset, strictly; undeclared non-UTF-8 bytes stay binary', () => {
    const bytes = latin1('Café crème, naïve');
    expect(bodyText(bytes, 'text/plain; charset=iso-8859-1')).toEqual({
      text: 'Café crème, naïve',
      encoding: 'windows-1252',
      declared: 'iso-8859-1',
      declaredIn: 'Content-Type',
      unknownCharset: false,
    });
    expect(bodyText(bytes, 'text/plain').text).toBeNull();
    expect(bodyText(bytes, 'text/plain; charset=utf-8').text).toBeNull();

    const utf16 = new Uint8Array([0x68, 0x00, 0xe9, 0x00, 0x3d, 0xd8, 0x00, 0xde]); // "hé😀" little-endian
    expect(bodyText(utf16, 'text/plain; charset=utf-16le')).toMatchObject({
      text: 'hé😀',
      encoding: 'utf-16le',
    });
    expect(bodyText(utf16.subarray(0, 7), 'text/plain; charset=utf-16le').text).toBeNull(); // odd length

    const sjis = new Uint8Array([0x82, 0xb1, 0x82, 0xf1, 0x82, 0xc9, 0x82, 0xbf, 0x82, 0xcd]); // こんにちは
    expect(bodyText(sjis, 'text/plain; charset=shift_jis')).toMatchObject({
      text: 'こんにちは',
      encoding: 'shift_jis',
    });
    // NULs are binary in any charset.
    expect(bodyText(new Uint8Array([0x41, 0x00, 0x42]), 'text/plain; charset=windows-1252').text).toBeNull();
    // An unknown charset: UTF-8 is tried instead, and that is said.
    expect(bodyText(latin1('plain'), 'text/plain; charset=x-no-such')).toMatchObject({
      text: 'plain',
      encoding: 'utf-8',
      unknownCharset: true,
    });
  });

  it('shows a Latin-1 text body as text, names the charset, and renders hostile text as text', () => {
    const body = 'Café <img src=x onerror=alert(1)> naïve';
    const { container, getByTestId } = render(
      <BodyView bytes={latin1(body)} contentType="text/plain; charset=iso-8859-1" query="" />,
    );
    expect(container.querySelector('.body-view')!.getAttribute('data-kind')).toBe('text');
    expect(container.querySelector('.body-toolbar')!.textContent).toContain('Text · windows-1252 · 39 B');
    expect(getByTestId('body-charset').getAttribute('title')).toContain('charset=iso-8859-1');
    expect(getByTestId('text-body').textContent).toBe(body);
    expect(container.querySelector('img')).toBeNull();
  });

  it('keeps undeclared non-UTF-8 bytes binary, and says which charset they failed', () => {
    const { container, unmount } = render(
      <BodyView bytes={latin1('Café')} contentType="text/plain" query="" />,
    );
    expect(container.querySelector('.body-view')!.getAttribute('data-kind')).toBe('binary');
    expect(container.querySelector('[data-testid=body-charset]')).toBeNull();
    fireEvent.click(container.querySelector('[data-mode=raw]')!);
    expect(container.querySelector('.body-raw')!.textContent).toContain('not valid UTF-8');
    unmount();

    const sjisBroken = render(
      <BodyView
        bytes={new Uint8Array([0x82, 0xb1, 0x82])}
        contentType="text/plain; charset=shift_jis"
        query=""
      />,
    );
    expect(sjisBroken.container.querySelector('.body-view')!.getAttribute('data-kind')).toBe('binary');
    fireEvent.click(sjisBroken.container.querySelector('[data-mode=raw]')!);
    expect(sjisBroken.container.querySelector('.body-raw')!.textContent).toContain('not valid shift_jis');
  });
});

describe('XML that names its encoding in its declaration', () => {
  const xml = latin1('<?xml version="1.0" encoding="ISO-8859-1"?><name>José</name>');

  it('is read in that encoding when Content-Type names no charset, and the Body tab says where it came from', () => {
    expect(bodyText(xml, 'application/xml')).toMatchObject({
      text: '<?xml version="1.0" encoding="ISO-8859-1"?><name>José</name>',
      encoding: 'windows-1252',
      declaredIn: 'the XML declaration',
    });
    const { getByTestId } = render(<BodyView bytes={xml} contentType="application/xml" query="" />);
    expect(getByTestId('body-charset').getAttribute('title')).toContain(
      'XML declaration says encoding="iso-8859-1"',
    );
    // Content-Type's charset wins over the declaration.
    expect(
      bodyText(
        new TextEncoder().encode('<?xml version="1.0" encoding="ISO-8859-1"?><a>é</a>'),
        'text/xml; charset=utf-8',
      ).text,
    ).toBe('<?xml version="1.0" encoding="ISO-8859-1"?><a>é</a>');
  });

  it('is decoded and indexed in that encoding too', () => {
    const decoded = decodeCapture({ ...input(xml, 'application/xml') });
    expect(decoded.bodyFormat).toBe('xml');
    expect(node(decoded, '$.name').display).toBe('José');
    expect(indexableText(Buffer.from(xml), null)).toContain('José');
  });
});

describe('a body that starts with a byte-order mark', () => {
  const json = '{"name":"José"}';
  const utf16 = (littleEndian: boolean) => {
    const bytes = new Uint8Array(2 + json.length * 2);
    const view = new DataView(bytes.buffer);
    view.setUint16(0, 0xfeff, littleEndian);
    for (let i = 0; i < json.length; i++) view.setUint16(2 + i * 2, json.charCodeAt(i), littleEndian);
    return bytes;
  };

  it('is shown in the encoding the mark names, with no charset or another one declared, as the engine decodes it', () => {
    for (const [bytes, encoding] of [
      [utf16(false), 'utf-16be'],
      [utf16(true), 'utf-16le'],
    ] as const) {
      for (const contentType of ['application/json', 'application/json; charset=utf-8']) {
        expect(bodyText(bytes, contentType)).toMatchObject({
          text: json,
          encoding,
          declaredIn: 'the byte-order mark',
        });
        expect(node(decodeCapture(input(bytes, contentType)), '$.name').display).toBe('José');
      }
      const { container, getByTestId, unmount } = render(
        <BodyView bytes={bytes} contentType="application/json" query="" />,
      );
      expect(container.querySelector('.body-view')!.getAttribute('data-kind')).toBe('json');
      expect(getByTestId('body-charset').getAttribute('title')).toBe(
        `Decoded as ${encoding}, the charset in the byte-order mark`,
      );
      expect(getByTestId('body-pretty').textContent).toContain('José');
      unmount();
    }
    const utf8 = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(json)]);
    expect(bodyText(utf8, 'application/json')).toMatchObject({ text: json, encoding: 'utf-8' });
  });
});

describe('the first bytes of a longer body', () => {
  it('stay text when the cut falls inside a character, in UTF-8 and in a declared multibyte charset', () => {
    const utf8 = new TextEncoder().encode('abc€'); // € is three bytes
    expect(bodyText(utf8.subarray(0, 5), 'text/plain').text).toBeNull();
    expect(bodyText(utf8.subarray(0, 5), 'text/plain', { prefix: true }).text).toBe('abc');
    const sjis = new Uint8Array([0x82, 0xb1, 0x82, 0xf1, 0x82]); // こん + half of に
    expect(bodyText(sjis, 'text/plain; charset=shift_jis').text).toBeNull();
    expect(bodyText(sjis, 'text/plain; charset=shift_jis', { prefix: true }).text).toBe('こん');
    // Invalid bytes before the cut are still binary.
    expect(bodyText(new Uint8Array([0x61, 0xff, 0x62]), 'text/plain', { prefix: true }).text).toBeNull();
  });

  it('a multipart part over the preview size shows its text, not hex, wherever the preview cuts it', () => {
    const part = `a${'é'.repeat(40_000)}`; // 64 KiB falls inside an é
    const body = new TextEncoder().encode(
      `--B\r\nContent-Disposition: form-data; name="note"\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${part}\r\n--B--\r\n`,
    );
    const view = render(
      <MultipartView bytes={body} contentType="multipart/form-data; boundary=B" query="" />,
    );
    expect(view.container.querySelector('.part-hex')).toBeNull();
    expect(view.container.querySelector('.part-body')!.textContent).toMatch(/^aéé/);
  });
});
