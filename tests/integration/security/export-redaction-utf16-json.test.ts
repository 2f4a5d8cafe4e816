import { describe, expect, it } from 'vitest';
import { exportedBodies, useRedactionApp } from '../../helpers/redaction-app';

// JSON written in UTF-16 (a `charset=utf-16le`, or a byte-order mark) is shown field by field by the decoder; a
// redacted export hides its secret fields too, writes the body back in the same encoding and keeps every other byte.
const r = useRedactionApp();
const capture = (contentType: string, body: Buffer) =>
  r.capture('/hook', [['Content-Type', contentType]], body);

async function exportedBody(id: number, redact: boolean): Promise<Buffer> {
  return exportedBodies(await r.exported([id], 'jsonl', redact), 'jsonl')[0]!;
}

const utf16le = (text: string) => Buffer.from(text, 'utf16le');
const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16();
const sent = '{"name":"José ✓ 𝄞","password":"UTF16SECRET1","token":{"k":"UTF16SECRET2"}}';
const shown = '{"name":"José ✓ 𝄞","password":"[redacted]","token":"[redacted]"}';

describe('a redacted export of UTF-16 JSON', () => {
  it.each([
    ['charset=utf-16le', 'application/json; charset=utf-16le', utf16le],
    ['charset=utf-16be', 'application/json; charset=utf-16be', utf16be],
    ['charset=utf-16', 'application/json; charset=utf-16', utf16le],
    ['a little-endian BOM', 'application/json', (t: string) => utf16le(`\uFEFF${t}`)],
    ['a big-endian BOM', 'text/plain', (t: string) => utf16be(`\uFEFF${t}`)],
  ])('%s: hides the secret fields, in the same encoding, every other byte kept', async (_, type, encode) => {
    const id = await capture(type, encode(sent));
    const body = await exportedBody(id, true);
    expect(body.toString('hex')).toBe(encode(shown).toString('hex'));
    expect((await exportedBody(id, false)).equals(encode(sent))).toBe(true);
  });
});

describe('a redacted export of JSON labelled UTF-16 but written in UTF-8', () => {
  it('still hides its secret fields', async () => {
    const id = await capture('application/json; charset=utf-16', Buffer.from('{"password":"UTF8SECRET1"}'));
    expect((await exportedBody(id, true)).toString()).toBe('{"password":"[redacted]"}');
  });
});

describe('a redacted export of UTF-16 JSON a strict decoder refuses', () => {
  const oddByte = Buffer.from([0x41]);
  it.each([
    ['a lone surrogate, utf-16le', 'application/json; charset=utf-16le', utf16le, Buffer.alloc(0)],
    ['a lone surrogate, utf-16be', 'application/json; charset=utf-16be', utf16be, Buffer.alloc(0)],
    ['a lone surrogate, BOM', 'application/json', (t: string) => utf16le(`\uFEFF${t}`), Buffer.alloc(0)],
    ['an odd trailing byte', 'application/json; charset=utf-16le', utf16le, oddByte],
  ])('%s: hides the secret fields, every other byte kept', async (_, type, encode, trailing) => {
    const withLone = (text: string) => `${text.slice(0, -1)},"n":"\uD800 \uE000 \uDFFF"}`;
    const id = await capture(type, Buffer.concat([encode(withLone(sent)), trailing]));
    const body = await exportedBody(id, true);
    expect(body.toString('hex')).toBe(Buffer.concat([encode(withLone(shown)), trailing]).toString('hex'));
  });
});
