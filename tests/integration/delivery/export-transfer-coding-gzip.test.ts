import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { replayRequest } from '../../../electron/engine/delivery/replay';
import { parseCurl } from '../../../electron/shared/send/curl';
import { rawExchange } from '../../helpers/raw-http';
import { until, useApiHarness } from './helpers';

// The receiver takes off only the chunking of `Transfer-Encoding: gzip, chunked`: the stored body is still gzip. A
// command that re-sends it must say so as its Content-Encoding, as a replay does.
const api = useApiHarness();
const json = Buffer.from('{"event":"contact.created"}');

async function capturedChunked(path: string, transferEncoding: string, body: Buffer, extra = '') {
  const port = Number(new URL(api.engine.receiverUrl).port);
  const head =
    `POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n${extra}` +
    `Transfer-Encoding: ${transferEncoding}\r\nConnection: close\r\n\r\n`;
  const chunk = Buffer.concat([
    Buffer.from(`${body.length.toString(16)}\r\n`),
    body,
    Buffer.from('\r\n0\r\n\r\n'),
  ]);
  expect((await rawExchange(port, Buffer.concat([Buffer.from(head), chunk]))).split('\r\n')[0]).toBe(
    'HTTP/1.1 200 OK',
  );
  const summary = await until(() =>
    api.engine.ctx.captures.list({ limit: 10 }).items.find((c) => c.path === path),
  );
  return api.engine.ctx.captures.get(summary.id);
}

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
    const capture = await capturedChunked('/export-te-gzip', 'gzip, chunked', gz);
    const command = await exportedCurl(capture.id);
    expect(command.headers).toContainEqual(['Content-Encoding', 'gzip']);
    expect(command.headers).toEqual(replayRequest(capture, 'http://127.0.0.1:1/').headers);
    expect(Buffer.from(command.bodyBase64 ?? '', 'base64').equals(gz)).toBe(true);
  });

  it('lists the transfer coding after the content coding the sender applied first', async () => {
    const capture = await capturedChunked(
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
    const capture = await capturedChunked('/export-te-chunked', 'chunked', json);
    const { headers } = await exportedCurl(capture.id);
    expect(headers.some(([name]) => name.toLowerCase() === 'content-encoding')).toBe(false);
  });
});
