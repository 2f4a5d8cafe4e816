import { constants, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxDecodedBytes } from '../../../electron/engine/store/body-text';
import { send } from '../../helpers/raw-http';
import { startApp, type TestApp } from '../../helpers/app-server';

// A compressed body that inflates past the decode cap is never decoded, so its secrets cannot be redacted in it; yet
// inflating only its start (any gunzip can) reads a secret written there. A redacted export leaves the body out.
let app: TestApp;
let id = 0;

beforeAll(async () => {
  app = await startApp({ serveUi: false });
  const json = Buffer.concat([
    Buffer.from('{"password":"OVERCAPSECRET1","filler":"'),
    Buffer.alloc(maxDecodedBytes + 1024, 0x61),
    Buffer.from('"}'),
  ]);
  const res = await send(`${app.receiverUrl}/hook`, {
    method: 'POST',
    headers: [
      ['Content-Type', 'application/json'],
      ['Content-Encoding', 'gzip'],
    ],
    body: gzipSync(json, { level: 1 }),
  });
  expect(res.status).toBe(200);
  id = Number(res.headers['x-hookscope-capture-id']);
});
afterAll(async () => app.close());

/** The capture's body in a JSON Lines export, and its note. */
async function exported(redact: boolean): Promise<{ body: Buffer; decodeNote: string | null }> {
  const res = await app.rpc<{ content: string }>('captures.export', { format: 'jsonl', ids: [id], redact });
  if (!res.ok) throw new Error(res.error.message);
  const c = JSON.parse(res.value.content.trim()) as { bodyBase64: string; decodeNote: string | null };
  return { body: Buffer.from(c.bodyBase64, 'base64'), decodeNote: c.decodeNote };
}

/** The start of what gunzip gives of the body's first 1 KiB. */
const start = (body: Buffer) =>
  gunzipSync(body.subarray(0, 1024), { finishFlush: constants.Z_SYNC_FLUSH }).toString('latin1').slice(0, 64);

describe('a redacted export of a compressed body that inflates past the cap', () => {
  it('leaves the body out, with a note saying so', async () => {
    const { body, decodeNote } = await exported(true);
    expect(body.length).toBe(0);
    expect(decodeNote).toMatch(/left out/);
  });

  it('keeps it, its secret readable from its start, with redact: false', async () => {
    const { body } = await exported(false);
    expect(start(body)).toContain('OVERCAPSECRET1');
  });
});
