import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send } from '../../helpers/raw-http';
import { startApp, type TestApp } from '../../helpers/app-server';

let app: TestApp;
let ids: number[] = [];

// Values that must never leave in a shared export: one per kind of secret a webhook carries.
const secrets = {
  authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.SECRETJWT.sig-7f3a',
  basic: `Basic ${Buffer.from('ortto:SECRETBASICPASS').toString('base64')}`,
  cookie: 'session=SECRETCOOKIE123; theme=dark',
  apiKey: 'SECRETAPIKEY-ontraport-9c1d',
  appId: 'SECRETAPPID-2_123456',
  stripe: 't=1700000000,v1=SECRETSTRIPESIG5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd',
  github: 'sha256=SECRETGITHUBSIGe2d1b7d3a4b5c6d7e8f9',
  customToken: 'SECRETCUSTOMTOKEN-55',
  queryKey: 'SECRETQUERYKEY-abc',
};

beforeAll(async () => {
  app = await startApp({ serveUi: false });
  const requests: Array<{ path: string; headers: Array<[string, string]> }> = [
    {
      path: '/h/export/1',
      headers: [
        ['Authorization', secrets.authorization],
        ['Cookie', secrets.cookie],
      ],
    },
    {
      path: '/h/export/2',
      headers: [
        ['authorization', secrets.basic],
        ['Api-Key', secrets.apiKey],
        ['Api-Appid', secrets.appId],
      ],
    },
    {
      path: '/h/export/3',
      headers: [
        ['Stripe-Signature', secrets.stripe],
        ['X-Hub-Signature-256', secrets.github],
      ],
    },
    {
      path: `/h/export/4?page=1&api_key=${secrets.queryKey}`,
      headers: [['X-Customer-Token', secrets.customToken]],
    },
  ];
  ids = [];
  for (const r of requests) {
    const res = await send(`${app.receiverUrl}${r.path}`, {
      method: 'POST',
      headers: [...r.headers, ['Content-Type', 'application/json'], ['X-Visible', 'keep-me']],
      body: '{"event":"contact.created"}',
    });
    expect(res.status).toBe(200);
    ids.push(Number(res.headers['x-hookscope-capture-id']));
  }
});
afterAll(async () => app.close());

const formats = ['har', 'jsonl', 'json', 'curl'] as const;
/** The recognisable core of a secret: the piece containing SECRET, or the whole base64 credential. */
const probe = (value: string) =>
  value.split(/[\s;=,]+/).find((p) => p.includes('SECRET')) ?? value.split(' ').pop()!;

describe('exports over the browser-mode API', () => {
  it.each(formats)('%s export redacts every secret by default and keeps the rest', async (format) => {
    const res = await app.rpc<{ content: string; count: number }>('captures.export', { format, ids });
    if (!res.ok) throw new Error(res.error.message);
    expect(res.value.count).toBe(ids.length);
    for (const [kind, value] of Object.entries(secrets)) {
      expect(res.value.content, `${kind} leaked in ${format}`).not.toContain(value);
      expect(res.value.content, `part of ${kind} leaked in ${format}`).not.toContain(probe(value));
    }
    expect(res.value.content).toContain('keep-me');
    expect(res.value.content).toMatch(/\[redacted\]|%5Bredacted%5D/);
  });

  it.each(formats)(
    "%s export keeps every secret with redact=false (for the user's own use)",
    async (format) => {
      const res = await app.rpc<{ content: string }>('captures.export', { format, ids, redact: false });
      if (!res.ok) throw new Error(res.error.message);
      for (const value of Object.values(secrets)) expect(res.value.content).toContain(probe(value));
    },
  );

  it('the capture itself keeps the secrets (redaction is for sharing, not storage)', async () => {
    const res = await app.rpc<{ headers: Array<[string, string]> }>('captures.get', { id: ids[0] });
    if (!res.ok) throw new Error(res.error.message);
    expect(res.value.headers).toContainEqual(['Authorization', secrets.authorization]);
  });
});
