import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxDecodedBytes } from '../../../electron/engine/store/body-text';
import { send } from '../../helpers/raw-http';
import { startApp, type TestApp } from '../../helpers/app-server';
import { tempDir } from '../../helpers/temp-dir';

// A redacted export that leaves a body out (here a gzip body that inflates past the decode cap, whose start still
// inflates to a secret) says so
// in every format, not only in JSON and JSON Lines: a reader of the HAR or the cURL script saw an empty body and no
// reason for it.
let app: TestApp;
let id = 0;
const dir = tempDir();

beforeAll(async () => {
  app = await startApp({ serveUi: false });
  const json = Buffer.concat([
    Buffer.from('{"password":"LEFTOUTSECRET1","filler":"'),
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
afterAll(async () => {
  await app.close();
  dir.cleanup();
});

async function exported(format: 'har' | 'curl' | 'jsonl', redact = true): Promise<string> {
  const res = await app.rpc<{ content: string }>('captures.export', { format, ids: [id], redact });
  if (!res.ok) throw new Error(res.error.message);
  expect(res.value.content).not.toContain('LEFTOUTSECRET1');
  return res.value.content;
}

describe('a redacted export that leaves a body out', () => {
  it('says so in JSON Lines (as before)', async () => {
    const c = JSON.parse((await exported('jsonl')).trim()) as {
      bodyBase64: string;
      decodeNote: string | null;
    };
    expect(c.bodyBase64).toBe('');
    expect(c.decodeNote).toMatch(/left out/);
  });

  it("says so in the HAR entry's _hookscope object", async () => {
    const har = JSON.parse(await exported('har')) as {
      log: { entries: Array<{ request: { postData?: unknown }; _hookscope: { decodeNote?: string } }> };
    };
    const [entry] = har.log.entries;
    expect(entry!.request.postData).toBeUndefined();
    expect(entry!._hookscope.decodeNote).toMatch(/left out/);
  });

  it('says so in a comment line before the cURL command, and the script stays valid for sh', async () => {
    const script = await exported('curl');
    const lines = script.split('\n');
    const curlLine = lines.findIndex((line) => /^curl /.test(line));
    expect(curlLine).toBeGreaterThan(0);
    expect(lines[curlLine - 1]).toMatch(/^# .*left out/);
    const file = join(dir.path, 'export.sh');
    writeFileSync(file, script);
    execFileSync('sh', ['-n', file]);
  });

  it('writes no such note when nothing is left out (redact: false)', async () => {
    expect(await exported('curl', false)).not.toMatch(/left out/);
  });
});
