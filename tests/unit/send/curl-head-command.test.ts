import { execFile, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseCurl, toCurl } from '../../../electron/shared/send/curl';

const execFileAsync = promisify(execFile);

describe('toCurl for a HEAD request', () => {
  it('reads back as the same HEAD request', () => {
    const command = toCurl({ method: 'HEAD', url: 'https://x.test/a?b=1', headers: [['X-A', '1']] });
    expect(parseCurl(command)).toMatchObject({ method: 'HEAD', url: 'https://x.test/a?b=1', body: null });
  });

  // With `-X HEAD` curl waits for the 2 bytes the answer's Content-Length announces and never ends by itself.
  it('gives a command that real curl finishes against a server announcing a body', async () => {
    if (spawnSync('curl', ['--version']).status !== 0)
      return void console.warn('curl not available: skipped');
    const methods: string[] = [];
    const server = createServer((req, res) => {
      methods.push(req.method ?? '');
      res.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/head`;
    try {
      const command = toCurl({ method: 'HEAD', url, headers: [] });
      // --max-time bounds the test: curl exits 28 if it is still waiting for a body after 5 s.
      const run = await execFileAsync('bash', ['--norc', '-c', `${command} -sS --max-time 5`]).catch(
        (error: Error) => error,
      );
      expect(run, command).not.toBeInstanceOf(Error);
      expect(methods).toEqual(['HEAD']);
    } finally {
      server.close();
    }
  });
});
