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
