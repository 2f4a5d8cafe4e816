import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send } from '../../helpers/raw-http';
import { startApp, type TestApp } from '../../helpers/app-server';

// JSON written in Latin-1 or Windows-1252 (PHP senders, a `charset=iso-8859-1`) is not UTF-8; its secret fields are
// still redacted, and every other byte is exported as received.
let app: TestApp;

async function capture(contentType: string, body: Buffer): Promise<number> {
  const res = await send(`${app.receiverUrl}/hook`, {
    method: 'POST',
    headers: [['Content-Type', contentType]],
    body,
  });
  expect(res.status).toBe(200);
  return Number(res.headers['x-hookscope-capture-id']);
}

async function exportedBody(id: number, format: 'jsonl' | 'json'): Promise<Buffer> {
  const res = await app.rpc<{ content: string }>('captures.export', { format, ids: [id], redact: true });
  if (!res.ok) throw new Error(res.error.message);
  const first = (
    format === 'json' ? (JSON.parse(res.value.content) as unknown[])[0] : JSON.parse(res.value.content.trim())
  ) as { bodyBase64: string };
  return Buffer.from(first.bodyBase64, 'base64');
}

beforeAll(async () => {
  app = await startApp({ serveUi: false });
});
afterAll(async () => app.close());

const latin1 = (text: string) => Buffer.from(text, 'latin1');

describe('a redacted export of JSON that is not UTF-8', () => {
  for (const contentType of ['application/json; charset=iso-8859-1', 'application/json'])
    for (const format of ['jsonl', 'json'] as const)
      it(`${format}, ${contentType}: hides the secret fields and keeps the other bytes`, async () => {
        const id = await capture(
          contentType,
          latin1('{"name":"José Müller","password":"LATINSECRET1","token":{"k":"LATINSECRET2"}}'),
        );
        expect(
          (await exportedBody(id, format)).equals(
            latin1('{"name":"José Müller","password":"[redacted]","token":"[redacted]"}'),
          ),
        ).toBe(true);
      });

  it('hides them in JSON cut off after a Latin-1 byte', async () => {
    const id = await capture('application/json', latin1('{"city":"Zürich","api_key":"LATINSECRET3'));
    const body = await exportedBody(id, 'jsonl');
    expect(body.toString('latin1')).not.toContain('LATINSECRET3');
    expect(body.toString('latin1')).toContain('"city":"Zürich"');
  });
});
