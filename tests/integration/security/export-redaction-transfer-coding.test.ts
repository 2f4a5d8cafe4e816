import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseCurl } from '../../../electron/shared/send/curl';
import { capturedChunked } from '../../helpers/chunked-capture';
import { useApiHarness } from '../delivery/helpers';

// `Transfer-Encoding: gzip, chunked`: the receiver takes off only the chunking, so the stored body is still gzip with
// no Content-Encoding to say so. A redacted export wrote it as stored, so anyone gunzipping it read the token.
const api = useApiHarness();

/** The request body a redacted export of capture `id` writes, in `format`. */
async function exportedBody(id: number, format: 'json' | 'jsonl' | 'har' | 'curl'): Promise<Buffer> {
  const reply = (await api.call('captures.export', { format, ids: [id], redact: true })) as {
    ok: boolean;
    value: { content: string };
  };
  expect(reply.ok).toBe(true);
  const { content } = reply.value;
  if (format === 'curl')
    return Buffer.from(parseCurl(content.replace(/^#!.*\n/, '')).bodyBase64 ?? '', 'base64');
  if (format === 'har')
    return Buffer.from(JSON.parse(content).log.entries[0].request.postData.text as string, 'base64');
  const item = format === 'json' ? JSON.parse(content)[0] : JSON.parse(content.trim());
  return Buffer.from(item.bodyBase64 as string, 'base64');
}

describe('a redacted export of a capture sent with Transfer-Encoding: gzip, chunked', () => {
  it.each(['json', 'jsonl', 'har', 'curl'] as const)(
    'redacts its secret fields inside the gzip (%s)',
    async (format) => {
      const { id } = await capturedChunked(
        api.engine,
        `/te-secret-${format}`,
        'gzip, chunked',
        gzipSync('{"token":"TESECRET1","note":"kept"}'),
      );
      const text = gunzipSync(await exportedBody(id, format)).toString();
      expect(text).not.toContain('TESECRET1');
      expect(JSON.parse(text)).toEqual({ token: '[redacted]', note: 'kept' });
    },
  );
});

describe('the decoded copy a redacted JSON export writes beside such a body', () => {
  it.each(['json', 'jsonl'] as const)('is the redacted body, never the one received (%s)', async (format) => {
    const { id } = await capturedChunked(
      api.engine,
      `/te-decoded-secret-${format}`,
      'gzip, chunked',
      gzipSync('{"token":"TESECRET2","note":"kept"}'),
    );
    const reply = (await api.call('captures.export', { format, ids: [id], redact: true })) as {
      ok: boolean;
      value: { content: string };
    };
    expect(reply.ok).toBe(true);
    const { content } = reply.value;
    const item = format === 'json' ? JSON.parse(content)[0] : JSON.parse(content.trim());
    const decoded = Buffer.from(item.decodedBodyBase64 as string, 'base64').toString();
    expect(JSON.parse(decoded)).toEqual({ token: '[redacted]', note: 'kept' });
  });
});
