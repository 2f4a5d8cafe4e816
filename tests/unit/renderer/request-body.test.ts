import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeContentEncoding, decodeRequestBody } from '../../../electron/engine/store/body-text';
import { bodyStillCoded, requestBody } from '../../../renderer/src/features/detail/request-body';
import { bodyKind } from '../../../renderer/src/lib/body-kind';

/** The body fields of a capture as `captures.get` builds them, from the bytes received and their Content-Encoding. */
function captured(body: Buffer, contentEncoding: string, maxBytes?: number) {
  const decoded = decodeContentEncoding(body, contentEncoding, maxBytes);
  return {
    bodyBase64: body.toString('base64'),
    decodedBodyBase64: decoded.body ? decoded.body.toString('base64') : null,
    decodeNote: decoded.note,
    contentEncoding,
    truncated: false,
    storedBodyBytes: body.length,
    bodySizeBytes: body.length,
    headers: [],
  };
}
const text = (bytes: Uint8Array) => Buffer.from(bytes).toString();

describe('request body shown in the detail pane', () => {
  it.each([
    [
      'bad gzip data',
      captured(Buffer.from('{"plain":"json"}'), 'gzip'),
      /^Could not undo Content-Encoding "gzip"/,
    ],
    [
      'an unsupported coding',
      captured(Buffer.from('x'), 'compress'),
      /^Content-Encoding "compress" is not supported/,
    ],
    ['a compression bomb', captured(gzipSync(Buffer.alloc(4096)), 'gzip', 1024), /possible compression bomb/],
  ])('shows the engine note for %s, with the received bytes', (_what, d, note) => {
    for (const form of ['decoded', 'received'] as const) {
      const body = requestBody(d, form);
      expect(body.note).toMatch(note);
      expect(Buffer.from(body.bytes).equals(Buffer.from(d.bodyBase64, 'base64'))).toBe(true);
    }
  });

  it('gives the decoded bytes by default and the received ones on request', () => {
    const zipped = gzipSync('{"a":1}');
    const d = captured(zipped, 'gzip');
    expect(requestBody(d, 'decoded')).toEqual({ bytes: expect.anything(), note: 'decoded from gzip' });
    expect(text(requestBody(d, 'decoded').bytes)).toBe('{"a":1}');
    expect(requestBody(d, 'received').note).toBe('as received (gzip)');
    expect(Buffer.from(requestBody(d, 'received').bytes).equals(zipped)).toBe(true);
  });

  it('names a transfer coding it was decoded from (Transfer-Encoding: gzip, chunked), never a Content-Encoding', () => {
    const zipped = gzipSync('{"a":1}');
    const headers: Array<[string, string]> = [['Transfer-Encoding', 'gzip, chunked']];
    const decoded = decodeRequestBody(zipped, null, headers);
    const d = {
      ...captured(zipped, 'gzip'),
      decodedBodyBase64: decoded.body!.toString('base64'),
      decodeNote: decoded.note,
      contentEncoding: null,
      headers,
    };
    expect(requestBody(d, 'decoded').note).toBe('decoded from Transfer-Encoding gzip');
    expect(text(requestBody(d, 'decoded').bytes)).toBe('{"a":1}');
    expect(requestBody(d, 'received').note).toBe('as received (Transfer-Encoding gzip)');
    const both = { ...d, contentEncoding: 'br' };
    expect(requestBody(both, 'decoded').note).toBe('decoded from br, then Transfer-Encoding gzip');
  });

  it('shows bytes under a coding it could not undo as bytes, even when they read as JSON', () => {
    const looksLikeJson = Buffer.from('{"looks":"like json"}');
    /** How the Body tab shows `body` in `form`, sent as JSON with these codings. */
    const kindOf = (
      body: Buffer,
      contentEncoding: string | null,
      headers: Array<[string, string]>,
      form: 'decoded' | 'received',
    ) => {
      const decoded = decodeRequestBody(body, contentEncoding, headers);
      const d = {
        ...captured(body, 'identity'),
        decodedBodyBase64: decoded.body ? decoded.body.toString('base64') : null,
        decodeNote: decoded.note,
        contentEncoding,
        headers,
      };
      const { bytes } = requestBody(d, form);
      return bodyKind('application/json', text(bytes), bytes.length, bodyStillCoded(d, form));
    };
    const transferCompress: Array<[string, string]> = [['Transfer-Encoding', 'compress, chunked']];
    expect(kindOf(looksLikeJson, 'compress', [], 'decoded')).toBe('binary');
    expect(kindOf(looksLikeJson, 'gzip', [], 'decoded')).toBe('binary');
    expect(kindOf(looksLikeJson, null, transferCompress, 'decoded')).toBe('binary');
    // Undone, the decoded bytes are what they read as; chosen as received, they are bytes again.
    expect(kindOf(gzipSync(looksLikeJson), null, [['Transfer-Encoding', 'gzip, chunked']], 'decoded')).toBe(
      'json',
    );
    expect(kindOf(gzipSync(looksLikeJson), 'gzip', [], 'received')).toBe('binary');
    // No coding at all (identity, or chunked only): JSON as sent.
    expect(kindOf(looksLikeJson, 'identity', [['Transfer-Encoding', 'chunked']], 'decoded')).toBe('json');
    expect(kindOf(looksLikeJson, null, [], 'decoded')).toBe('json');
  });
});
