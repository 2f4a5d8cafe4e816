import { deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { inProcessCall } from '../../helpers/in-process-call';
import { orttoClickedEmail } from '../../helpers/ortto-clicked-email';
import { rawExchange } from '../../helpers/raw-http';
import { useTestEngine } from '../../helpers/test-engine';

// `Transfer-Encoding: gzip, chunked`: node's parser takes off the chunking only, so the stored bytes are still gzip. The
// detail's decoded copy, the `captures.body` read and the search index undo the transfer coding as they undo a
// Content-Encoding.
const t = useTestEngine();
const call = inProcessCall(() => t.engine);

/** POSTs `body` by hand on a raw socket, in two chunks, with `Transfer-Encoding: <codings>`; the capture's id. */
async function sentWithTransferCoding(path: string, codings: string, body: Buffer): Promise<number> {
  const port = Number(new URL(t.engine.receiverUrl).port);
  const half = Math.floor(body.length / 2);
  const chunk = (part: Buffer) =>
    Buffer.concat([Buffer.from(`${part.length.toString(16)}\r\n`), part, Buffer.from('\r\n')]);
  const request = Buffer.concat([
    Buffer.from(
      `POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n` +
        `Transfer-Encoding: ${codings}\r\nConnection: close\r\n\r\n`,
    ),
    chunk(body.subarray(0, half)),
    chunk(body.subarray(half)),
    Buffer.from('0\r\n\r\n'),
  ]);
  const answer = await rawExchange(port, request);
  expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 200 OK');
  const id = /^x-hookscope-capture-id: *(\d+)$/im.exec(answer)?.[1];
  expect(id).toBeDefined();
  return Number(id);
}

describe('a request body sent with a transfer coding before chunked', () => {
  it.each([
    ['gzip', gzipSync],
    ['deflate', deflateSync],
  ] as const)(
    '%s, chunked: decoded for the detail and the body read, and found by its words',
    async (coding, encode) => {
      const word = `pangolin${coding}`;
      const text = JSON.stringify({ event: 'contact.created', note: word });
      const coded = encode(text);
      const id = await sentWithTransferCoding(`/te/${coding}`, `${coding}, chunked`, coded);

      const detail = await call('captures.get', { id });
      // Byte-exact: what is stored is what came, still coded.
      expect(Buffer.from(detail.bodyBase64, 'base64').equals(coded)).toBe(true);
      expect(detail.contentEncoding).toBeNull();
      expect(detail.decodeNote).toBeNull();
      expect(Buffer.from(detail.decodedBodyBase64 ?? '', 'base64').toString()).toBe(text);

      const received = await call('captures.body', { id, form: 'received' });
      expect(Buffer.from(received.bodyBase64, 'base64').equals(coded)).toBe(true);
      const decoded = await call('captures.body', { id, form: 'decoded' });
      expect(Buffer.from(decoded.bodyBase64, 'base64').toString()).toBe(text);

      const found = await call('captures.list', { filter: { text: word }, complete: true, limit: 10 });
      expect(found.items.map((c) => c.id)).toEqual([id]);
    },
  );

  it('is labelled by its vendor as it is filed, like a gzip Content-Encoding', async () => {
    const id = await sentWithTransferCoding('/te/ortto', 'gzip, chunked', gzipSync(orttoClickedEmail));
    const { vendor, eventLabel } = await call('captures.get', { id });
    expect([vendor, eventLabel]).toEqual(['Ortto', 'Clicked email']);
  });

  it('names the Transfer-Encoding when its gzip data is not gzip', async () => {
    const id = await sentWithTransferCoding('/te/not-gzip', 'gzip, chunked', Buffer.from('{"plain":"json"}'));
    const detail = await call('captures.get', { id });
    expect(detail.decodedBodyBase64).toBeNull();
    expect(detail.decodeNote).toMatch(/^Could not undo Transfer-Encoding "gzip"/);
  });

  it('says a transfer coding it cannot undo is not supported, and keeps the bytes as received', async () => {
    // `compress` (LZW, magic 1f 9d) is one Hookscope does not undo.
    const coded = Buffer.from([0x1f, 0x9d, 0x90, 0x7b, 0x22, 0x00, 0x82, 0xc4, 0xa8, 0x01, 0xff, 0xfe]);
    const id = await sentWithTransferCoding('/te/compress', 'compress, chunked', coded);
    const detail = await call('captures.get', { id });
    expect(Buffer.from(detail.bodyBase64, 'base64').equals(coded)).toBe(true);
    expect(detail.decodedBodyBase64).toBeNull();
    expect(detail.decodeNote).toBe(
      'Transfer-Encoding "compress" is not supported; showing the bytes as received.',
    );
    await expect(async () => call('captures.body', { id, form: 'decoded' })).rejects.toMatchObject({
      code: 'invalid_input',
      message: `form: capture ${id}'s Transfer-Encoding cannot be undone: ${detail.decodeNote}`,
    });
  });

  it('never expands a transfer-coded gzip bomb past the decode cap', async () => {
    // 80 MB of zeros gzip to about 80 KB: past the 64 MB cap, so nothing is expanded and the note says why.
    const bomb = gzipSync(Buffer.alloc(80 * 1024 * 1024));
    const id = await sentWithTransferCoding('/te/bomb', 'gzip, chunked', bomb);
    const detail = await call('captures.get', { id });
    expect(Buffer.from(detail.bodyBase64, 'base64').equals(bomb)).toBe(true);
    expect(detail.decodedBodyBase64).toBeNull();
    expect(detail.decodeNote).toMatch(/possible compression bomb/);
  });
});
