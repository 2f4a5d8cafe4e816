import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send } from '../../helpers/raw-http';
import { startApp, type TestApp } from '../../helpers/app-server';

let app: TestApp;
let id: number;

// A URL in a header repeats the query it was sent with: an OAuth callback's token, an endpoint's own query auth.
const referer = 'https://app.example.com/callback?access_token=SECRETREFERERTOKEN&page=2';
const originalUri = '/h/url-headers?token=SECRETORIGINALURI&event=contact';
const userInfo = 'https://ortto:SECRETURLPASSWORD@hooks.example.com/in';

beforeAll(async () => {
  app = await startApp({ serveUi: false });
  const res = await send(`${app.receiverUrl}/h/url-headers`, {
    method: 'POST',
    headers: [
      ['Referer', referer],
      ['X-Original-URI', originalUri],
      ['X-Callback', userInfo],
      ['Content-Type', 'text/plain'],
    ],
    body: 'x',
  });
  expect(res.status).toBe(200);
  id = Number(res.headers['x-hookscope-capture-id']);
});
afterAll(async () => app.close());

describe('a header whose value is a URL with a secret in it', () => {
  it.each(['har', 'jsonl', 'json', 'curl'] as const)(
    '%s export redacts its secret query values and password, and keeps the rest of it',
    async (format) => {
      const res = await app.rpc<{ content: string }>('captures.export', { format, ids: [id] });
      if (!res.ok) throw new Error(res.error.message);
      for (const secret of ['SECRETREFERERTOKEN', 'SECRETORIGINALURI', 'SECRETURLPASSWORD'])
        expect(res.value.content, `${secret} leaked in ${format}`).not.toContain(secret);
      expect(res.value.content).toContain(
        'https://app.example.com/callback?access_token=%5Bredacted%5D&page=2',
      );
      expect(res.value.content).toContain('/h/url-headers?token=%5Bredacted%5D&event=contact');
      expect(res.value.content).toContain('https://ortto:%5Bredacted%5D@hooks.example.com/in');

      const kept = await app.rpc<{ content: string }>('captures.export', {
        format,
        ids: [id],
        redact: false,
      });
      if (!kept.ok) throw new Error(kept.error.message);
      for (const value of [referer, originalUri, userInfo]) expect(kept.value.content).toContain(value);
    },
  );
});
