import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';

const root = join(import.meta.dirname, '../..');
let child: ChildProcess;
let ready: { receiverUrl: string; uiUrl: string; apiUrl: string; token: string };
const dir = tempDir();

beforeAll(async () => {
  const env = { ...process.env };
  delete env.MALLOC_ARENA_MAX;
  delete env.NODE_OPTIONS;
  child = spawn(
    process.execPath,
    [join(root, 'dist/engine/server.mjs'), '--data-dir', dir.path, '--receiver-port', '0', '--json-ready'],
    { stdio: ['ignore', 'pipe', 'inherit'], env },
  );
  ready = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c) => {
      out += c;
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve(JSON.parse(line));
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
});
afterAll(async () => {
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  dir.cleanup();
});

describe('the built browser-mode server (dist/engine/server.mjs)', () => {
  it('starts, captures, and serves the UI and API on loopback', async () => {
    expect(ready.uiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=/);
    const res = await fetch(`${ready.receiverUrl}/h/bundle?x=1`, { method: 'POST', body: '{"a":1}' });
    expect(res.status).toBe(200);
    const page = await fetch(`${ready.apiUrl}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    const list = await fetch(`${ready.apiUrl}/api/rpc`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ready.token}` },
      body: JSON.stringify({ method: 'captures.list', input: { limit: 5 } }),
    });
    const body = (await list.json()) as { ok: boolean; value: { items: { path: string; query: string }[] } };
    expect(body.value.items[0]).toMatchObject({ path: '/h/bundle', query: 'x=1' });
  });

  it.runIf(process.platform === 'linux')(
    'relaunched itself in place (same pid, same arguments) with two malloc arenas and 8 MB semi-spaces',
    () => {
      const environ = readFileSync(`/proc/${child.pid}/environ`, 'utf8').split('\0');
      expect(environ).toContain('MALLOC_ARENA_MAX=2');
      const cmdline = readFileSync(`/proc/${child.pid}/cmdline`, 'utf8').split('\0');
      expect(cmdline).toEqual(
        expect.arrayContaining([
          join(root, 'dist/engine/server.mjs'),
          '--json-ready',
          '--max-semi-space-size=8',
        ]),
      );
    },
  );
});
