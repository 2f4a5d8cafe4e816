import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from '../../helpers/app-server';
import { rawExchange } from '../../helpers/raw-http';

const execFileAsync = promisify(execFile);

let app: TestApp;
beforeAll(async () => {
  app = await startApp({ serveUi: false });
});
afterAll(() => app.close());

async function value<T>(method: string, input: unknown): Promise<T> {
  const r = await app.rpc<T>(method, input);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const targets = async () =>
  (
    await value<{ items: Array<{ id: number; path: string; query: string }> }>('captures.list', {
      complete: true,
    })
  ).items.map((c) => ({ id: c.id, target: `${c.path}${c.query ? `?${c.query}` : ''}` }));

// A sender may put a `#` in the request target; curl cuts a URL's path off there, so the copy sent `GET /hook`.
describe('the cURL export of a capture whose request target holds a #', () => {
  it.each(['/hook#frag?x=1', '/hook?a=1#b=2'])('re-sends %s as it was received', async (sent) => {
    if (spawnSync('curl', ['--version']).status !== 0)
      return void console.warn('curl not available: skipped');
    const port = Number(new URL(app.receiverUrl).port);
    await rawExchange(port, `GET ${sent} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
    const original = (await targets()).find((c) => c.target === sent);
    expect(original, `captured ${sent}`).toBeDefined();
    const { content } = await value<{ content: string }>('captures.export', {
      format: 'curl',
      ids: [original!.id],
      redact: false,
    });
    const command = content.replace(/^#!.*\n/, '').trim();
    const run = await execFileAsync('bash', [
      '--norc',
      '-c',
      `${command} -sS -o /dev/null --max-time 5`,
    ]).catch((error: Error) => error);
    expect(run, command).not.toBeInstanceOf(Error);
    const again = (await targets()).filter((c) => c.id > original!.id);
    expect(again.map((c) => c.target)).toEqual([sent]);
  });
});
