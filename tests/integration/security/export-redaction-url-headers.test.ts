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

describe('a JSON body string that is a URL with a secret in it', () => {
  it('has its secret query values redacted in every format, the rest of the body byte for byte', async () => {
    const body =
      '{"event":"contact.created","ping_url":"https://example.com/?wpf_action=update&access_key=SECRETPINGKEY&contact_id=5",' +
      '"page":"https://example.com/a?b=1","token":"https://x.example.com/?key=inner"}';
    const res = await send(`${app.receiverUrl}/h/url-body`, {
      method: 'POST',
      headers: [['Content-Type', 'application/json']],
      body,
    });
    const bodyId = Number(res.headers['x-hookscope-capture-id']);
    const json = await app.rpc<{ content: string }>('captures.export', { format: 'json', ids: [bodyId] });
    if (!json.ok) throw new Error(json.error.message);
    const exported = JSON.parse(json.value.content) as Array<{ bodyBase64: string }>;
    expect(Buffer.from(exported[0]!.bodyBase64, 'base64').toString()).toBe(
      '{"event":"contact.created","ping_url":"https://example.com/?wpf_action=update&access_key=%5Bredacted%5D&contact_id=5",' +
        '"page":"https://example.com/a?b=1","token":"[redacted]"}',
    );
    for (const format of ['har', 'jsonl', 'curl'] as const) {
      const r = await app.rpc<{ content: string }>('captures.export', { format, ids: [bodyId] });
      if (!r.ok) throw new Error(r.error.message);
      expect(r.value.content, format).not.toContain('SECRETPINGKEY');
    }
  });
});

describe('a query or form value that is a URL with a secret in it', () => {
  it('has its secret query values redacted, the pair re-encoded, every other pair as written', async () => {
    const returnTo = encodeURIComponent('https://app.example.com/cb?session_token=SECRETRETURNTO&x=1');
    const res = await send(`${app.receiverUrl}/h/url-pairs?return_to=${returnTo}&page=2`, {
      method: 'POST',
      headers: [['Content-Type', 'application/x-www-form-urlencoded']],
      body: `next=${encodeURIComponent('https://ortto:SECRETFORMPASS@hooks.example.com/?api_key=SECRETFORMKEY')}&name=Mary+Smith`,
    });
    const pairsId = Number(res.headers['x-hookscope-capture-id']);
    const r = await app.rpc<{ content: string }>('captures.export', { format: 'json', ids: [pairsId] });
    if (!r.ok) throw new Error(r.error.message);
    const [exported] = JSON.parse(r.value.content) as Array<{ query: string; bodyBase64: string }>;
    expect(exported!.query).toBe(
      `return_to=${encodeURIComponent('https://app.example.com/cb?session_token=%5Bredacted%5D&x=1')}&page=2`,
    );
    expect(Buffer.from(exported!.bodyBase64, 'base64').toString()).toBe(
      `next=${encodeURIComponent('https://ortto:%5Bredacted%5D@hooks.example.com/?api_key=%5Bredacted%5D')}&name=Mary+Smith`,
    );
    for (const format of ['har', 'jsonl', 'curl'] as const) {
      const out = await app.rpc<{ content: string }>('captures.export', { format, ids: [pairsId] });
      if (!out.ok) throw new Error(out.error.message);
      for (const secret of ['SECRETRETURNTO', 'SECRETFORMPASS', 'SECRETFORMKEY'])
        expect(out.value.content, `${secret} in ${format}`).not.toContain(secret);
    }
  });
});
