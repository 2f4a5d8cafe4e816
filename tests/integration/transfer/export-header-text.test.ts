import { createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaptureDetail } from '../../../electron/shared/contract/index';
import { startApp, type TestApp } from '../../helpers/app-server';
import { rawExchange, send } from '../../helpers/raw-http';

let app: TestApp;
let id: number;

// Header bytes as a sender put them on the wire: UTF-8 `café`, a lone 0xE9 (Latin-1 `café`, not UTF-8), plain ASCII.
const wireHeaders = Buffer.from('X-Utf8: caf\xc3\xa9\r\nX-Latin1: caf\xe9\r\nX-Plain: plain\r\n', 'latin1');
const shown: Array<[string, string]> = [
  ['X-Utf8', 'café'],
  ['X-Latin1', 'caf\u00e9'],
  ['X-Plain', 'plain'],
];

beforeAll(async () => {
  app = await startApp({ serveUi: false });
  const port = Number(new URL(app.receiverUrl).port);
  const head = Buffer.concat([
    Buffer.from(`POST /h/header-text HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n`),
    wireHeaders,
    Buffer.from('Content-Length: 3\r\n\r\na=1'),
  ]);
  expect(await rawExchange(port, head, 1000)).toMatch(/^HTTP\/1\.1 200/);
  const list = await app.rpc<{ items: Array<{ id: number }> }>('captures.list', { limit: 1 });
  if (!list.ok) throw new Error(list.error.message);
  id = list.value.items[0]!.id;
});
afterAll(async () => app.close());

async function exported(format: 'jsonl' | 'json' | 'har') {
  const res = await app.rpc<{ content: string }>('captures.export', { format, ids: [id], redact: false });
  if (!res.ok) throw new Error(res.error.message);
  return res.value.content;
}

async function downloaded(format: 'jsonl' | 'json' | 'har') {
  const res = await send(`${app.apiUrl}/api/export`, {
    method: 'POST',
    headers: [
      ['content-type', 'application/json'],
      ['authorization', `Bearer ${app.token}`],
    ],
    body: JSON.stringify({ format, ids: [id], redact: false }),
  });
  return res.body.toString('utf8');
}

const named = (pairs: Array<[string, string]>) => pairs.filter(([n]) => n.startsWith('X-'));

describe('header values that are not ASCII, exported', () => {
  it.each([
    ['jsonl', 'captures.export', exported],
    ['json', 'captures.export', exported],
    ['jsonl', '/api/export', downloaded],
    ['json', '/api/export', downloaded],
  ] as const)(
    '%s from %s shows UTF-8 bytes as their text, other bytes as Latin-1',
    async (format, _via, read) => {
      const content = await read(format);
      const capture = (
        format === 'json' ? (JSON.parse(content) as CaptureDetail[])[0] : JSON.parse(content)
      ) as CaptureDetail | undefined;
      expect(named(capture!.headers)).toEqual(shown);
    },
  );
});

/** A server that answers once and gives the request head's bytes as they came. */
async function rawHead(): Promise<{ url: string; head: Promise<Buffer> }> {
  let got: (head: Buffer) => void = () => {};
  const head = new Promise<Buffer>((resolve) => (got = resolve));
  const server = createServer((socket) => {
    let buf = Buffer.alloc(0);
    socket.on('data', (chunk) => {
      buf = Buffer.concat([buf, chunk]);
      const end = buf.indexOf('\r\n\r\n');
      if (end < 0) return;
      got(buf.subarray(0, end + 2));
      socket.end('HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  void head.then(() => server.close());
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/replayed`, head };
}

describe('header values that are not ASCII, in a HAR export', () => {
  it('are text in request.headers, and an import of the file replays the original bytes', async () => {
    const har = await exported('har');
    const entry = (
      JSON.parse(har) as {
        log: { entries: Array<{ request: { headers: Array<{ name: string; value: string }> } }> };
      }
    ).log.entries[0]!;
    expect(named(entry.request.headers.map((h) => [h.name, h.value]))).toEqual(shown);

    const imported = await app.rpc<{ imported: number }>('captures.importHar', { har });
    if (!imported.ok) throw new Error(imported.error.message);
    const list = await app.rpc<{ items: Array<{ id: number }> }>('captures.list', { limit: 1 });
    if (!list.ok) throw new Error(list.error.message);
    const copy = list.value.items[0]!.id;
    expect(copy).not.toBe(id);
    const target = await rawHead();
    const replay = await app.rpc('deliveries.replay', { captureId: copy, url: target.url, policy: 'none' });
    if (!replay.ok) throw new Error(replay.error.message);
    expect((await target.head).includes(wireHeaders)).toBe(true);
  });
});
