import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { capturedChunked } from '../../helpers/chunked-capture';
import { until, useApiHarness } from './helpers';

const api = useApiHarness();
const json = Buffer.from('{"event":"contact.created"}');

/** Replays the capture to the cue server; the request it got. */
async function replayed(captureId: number) {
  const before = api.server.received.length;
  const reply = await api.call('deliveries.replay', {
    captureId,
    url: `${api.server.url}/to`,
    policy: 'none',
  });
  expect(reply.ok).toBe(true);
  return until(() => api.server.received[before]);
}

/** The Content-Encoding field values the target got, in order. */
const contentEncodings = (rawHeaders: string[]) =>
  rawHeaders.flatMap((value, i) =>
    i % 2 === 1 && /^content-encoding$/i.test(rawHeaders[i - 1]!) ? [value] : [],
  );

describe('replaying a capture sent with Transfer-Encoding: gzip, chunked', () => {
  it('sends the stored gzip bytes labelled Content-Encoding: gzip, so the target can read them', async () => {
    const gz = gzipSync(json);
    const capture = await capturedChunked(api.engine, '/te-gzip', 'gzip, chunked', gz);
    // The receiver takes off the chunking only: what it stores is still gzip.
    expect(Buffer.from(capture.bodyBase64 ?? '', 'base64').equals(gz)).toBe(true);

    const got = await replayed(capture.id);
    expect(got.body.equals(gz)).toBe(true);
    expect(contentEncodings(got.rawHeaders)).toEqual(['gzip']);
    expect(gunzipSync(got.body).equals(json)).toBe(true);
    expect(got.headers['transfer-encoding']).toBeUndefined();
  });

  it('lists the transfer coding after the content coding the sender applied first', async () => {
    const both = gzipSync(gzipSync(json));
    const capture = await capturedChunked(
      api.engine,
      '/te-ce-gzip',
      'gzip, chunked',
      both,
      'Content-Encoding: gzip\r\n',
    );
    const got = await replayed(capture.id);
    expect(contentEncodings(got.rawHeaders)).toEqual(['gzip', 'gzip']);
    expect(gunzipSync(gunzipSync(got.body)).equals(json)).toBe(true);
  });

  it('adds nothing for plain chunked', async () => {
    const capture = await capturedChunked(api.engine, '/te-chunked', 'chunked', json);
    const got = await replayed(capture.id);
    expect(contentEncodings(got.rawHeaders)).toEqual([]);
    expect(got.body.equals(json)).toBe(true);
  });
});
