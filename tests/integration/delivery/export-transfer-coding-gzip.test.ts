import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { replayRequest } from '../../../electron/engine/delivery/replay';
import { parseCurl } from '../../../electron/shared/send/curl';
import { capturedChunked } from '../../helpers/chunked-capture';
import { useApiHarness } from './helpers';

// The receiver takes off only the chunking of `Transfer-Encoding: gzip, chunked`: the stored body is still gzip. A
// command that re-sends it must say so as its Content-Encoding, as a replay does.
const api = useApiHarness();
const json = Buffer.from('{"event":"contact.created"}');

async function exportedCurl(id: number) {
  const reply = (await api.call('captures.export', { format: 'curl', ids: [id], redact: false })) as {
    ok: true;
    value: { content: string };
  };
  expect(reply.ok).toBe(true);
  return parseCurl(reply.value.content.replace(/^#!.*\n/, ''));
}

describe('the cURL export of a capture sent with Transfer-Encoding: gzip, chunked', () => {
  it('sends the stored gzip bytes labelled Content-Encoding: gzip, the headers a replay sends', async () => {
    const gz = gzipSync(json);
    const capture = await capturedChunked(api.engine, '/export-te-gzip', 'gzip, chunked', gz);
    const command = await exportedCurl(capture.id);
    expect(command.headers).toContainEqual(['Content-Encoding', 'gzip']);
    expect(command.headers).toEqual(replayRequest(capture, 'http://127.0.0.1:1/').headers);
    expect(Buffer.from(command.bodyBase64 ?? '', 'base64').equals(gz)).toBe(true);
  });

  it('lists the transfer coding after the content coding the sender applied first', async () => {
    const capture = await capturedChunked(
      api.engine,
      '/export-te-ce-gzip',
      'gzip, chunked',
      gzipSync(gzipSync(json)),
      'Content-Encoding: gzip\r\n',
    );
    const encodings = (await exportedCurl(capture.id)).headers.filter(
      ([name]) => name.toLowerCase() === 'content-encoding',
    );
    expect(encodings).toEqual([
      ['Content-Encoding', 'gzip'],
      ['Content-Encoding', 'gzip'],
    ]);
  });

  it('adds nothing for plain chunked', async () => {
    const capture = await capturedChunked(api.engine, '/export-te-chunked', 'chunked', json);
    const { headers } = await exportedCurl(capture.id);
    expect(headers.some(([name]) => name.toLowerCase() === 'content-encoding')).toBe(false);
  });
});
