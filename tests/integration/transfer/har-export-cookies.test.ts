import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cookie, Har } from 'har-format';
import { startApp, type TestApp } from '../../helpers/app-server';
import { harOf } from '../../helpers/har';
import { send } from '../../helpers/raw-http';

// HAR 1.2 lists the cookies a request sent and a response set (request.cookies, response.cookies); an export that
// always wrote [] showed none in HAR viewers' Cookies tab though the Cookie header carried them.
let app: TestApp;

beforeAll(async () => {
  app = await startApp({ serveUi: false });
  await send(`${app.receiverUrl}/h/cookies`, {
    method: 'POST',
    headers: [
      ['cookie', 'sid=abc123; theme=dark'],
      ['cookie', 'lang=en=GB'],
      ['content-type', 'application/json'],
    ],
    body: '{}',
  });
  const har = harOf({
    path: '/set-cookie',
    method: 'GET',
    response: {
      status: 200,
      headers: [
        { name: 'Set-Cookie', value: 'session=xyz; Path=/app; Domain=example.com; HttpOnly; Secure' },
        { name: 'Set-Cookie', value: 'seen=1; Expires=Wed, 21 Oct 2026 07:28:00 GMT' },
      ],
      content: { mimeType: 'text/plain', text: 'ok' },
    },
  });
  const imported = await app.rpc<{ imported: number }>('captures.importHar', { har });
  expect(imported.ok && imported.value.imported).toBe(1);
});
afterAll(async () => app.close());

async function exportedEntries(redact: boolean) {
  const res = await app.rpc<{ content: string }>('captures.export', { format: 'har', redact });
  if (!res.ok) throw new Error(res.error.message);
  return (JSON.parse(res.value.content) as Har).log.entries;
}

const entryAt = async (path: string, redact: boolean) =>
  (await exportedEntries(redact)).find((e) => new URL(e.request.url).pathname === path)!;

describe('a HAR export’s cookies', () => {
  it('lists every cookie the request’s Cookie headers sent, in order', async () => {
    const entry = await entryAt('/h/cookies', false);
    expect(entry.request.cookies).toEqual<Cookie[]>([
      { name: 'sid', value: 'abc123' },
      { name: 'theme', value: 'dark' },
      { name: 'lang', value: 'en=GB' },
    ]);
  });

  it('lists each cookie the response’s Set-Cookie headers set, with their attributes', async () => {
    const entry = await entryAt('/set-cookie', false);
    expect(entry.response.cookies).toEqual<Cookie[]>([
      { name: 'session', value: 'xyz', path: '/app', domain: 'example.com', httpOnly: true, secure: true },
      { name: 'seen', value: '1', expires: '2026-10-21T07:28:00.000Z' },
    ]);
  });

  it('lists none in a redacted export, as the headers they come from are redacted', async () => {
    const request = await entryAt('/h/cookies', true);
    const response = await entryAt('/set-cookie', true);
    expect(request.request.cookies).toEqual([]);
    expect(response.response.cookies).toEqual([]);
    expect(JSON.stringify([request, response])).not.toMatch(/abc123|xyz/);
  });
});
