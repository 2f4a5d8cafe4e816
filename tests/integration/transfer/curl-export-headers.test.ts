import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaptureDetail } from '../../../electron/shared/contract/captures';
import { parseCurl } from '../../../electron/shared/send/curl';
import { replayRequest } from '../../../electron/engine/delivery/replay';
import { startApp, type TestApp } from '../../helpers/app-server';

let app: TestApp;
beforeAll(async () => {
  app = await startApp({ serveUi: false });
});
afterAll(() => app.close());

function sendRaw(head: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect(Number(new URL(app.receiverUrl).port), '127.0.0.1', () =>
      socket.end(`${head}\r\nContent-Length: 1\r\n\r\nx`),
    );
    socket.on('data', () => undefined);
    socket.on('close', () => resolve());
    socket.on('error', reject);
  });
}

async function value<T>(method: string, input: unknown): Promise<T> {
  const r = await app.rpc<T>(method, input);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('the cURL export of a capture', () => {
  it('sends the headers a replay sends: none bound to the connection it came on', async () => {
    await sendRaw(
      [
        'POST /curl-hops HTTP/1.1',
        'Host: x',
        'Connection: keep-alive, X-Hop',
        'X-Hop: 1',
        'Keep-Alive: timeout=5',
        'TE: trailers',
        'Trailer: X-Sum',
        'Proxy-Authorization: Basic cHJveHk6c2VjcmV0',
        'X-Keep: 2',
      ].join('\r\n'),
    );
    const list = await value<{ items: Array<{ id: number; path: string }> }>('captures.list', {
      complete: true,
    });
    const id = list.items.find((c) => c.path === '/curl-hops')!.id;
    const detail = await value<CaptureDetail>('captures.get', { id });
    const { content } = await value<{ content: string }>('captures.export', {
      format: 'curl',
      ids: [id],
      redact: false,
    });
    const sent = parseCurl(content.replace(/^#!.*\n/, '')).headers;
    expect(sent).toEqual([['X-Keep', '2']]);
    expect(sent).toEqual(replayRequest(detail, 'http://127.0.0.1:1/').headers);
  });
});
