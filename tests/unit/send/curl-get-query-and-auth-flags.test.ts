import { execFile, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseCurl } from '../../../electron/shared/send/curl';

const execFileAsync = promisify(execFile);

// Each command's request as real curl sends it to a server on 127.0.0.1: `{url}` stands for its address.
const commands = [
  `curl -G '{url}/q?' -d a=1`,
  `curl -G -d '' '{url}/q'`,
  `curl -G -d '' '{url}/q?'`,
  `curl -G -d '' '{url}/q?x=1'`,
  `curl -G -d '' -d a=1 '{url}/q'`,
  `curl --basic -u al:pw '{url}/basic'`,
  `curl --retry-connrefused --retry-all-errors '{url}/retry'`,
];

describe('parseCurl -G query edges and curl auth/retry flags, as real curl sends them', () => {
  it('gives the request target and Authorization real curl sends', async () => {
    if (spawnSync('curl', ['--version']).status !== 0)
      return void console.warn('curl not available: skipped');
    const seen: Array<{ target: string; authorization: string | null }> = [];
    const server = createServer((req, res) => {
      seen.push({ target: req.url ?? '', authorization: req.headers.authorization ?? null });
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      for (const template of commands) {
        const command = template.replace('{url}', url);
        await execFileAsync('bash', ['--norc', '-c', `${command} -sS --max-time 5 -o /dev/null`]);
        const parsed = parseCurl(command);
        const authorization = parsed.headers.find(([n]) => n.toLowerCase() === 'authorization')?.[1] ?? null;
        expect({ target: parsed.url.slice(url.length), authorization }, command).toEqual(seen.at(-1));
      }
      expect(seen).toHaveLength(commands.length);
    } finally {
      server.close();
    }
  });

  it('reads the same commands without curl on the machine', () => {
    expect(parseCurl(`curl -G 'https://x.test/q?' -d a=1`).url).toBe('https://x.test/q?a=1');
    expect(parseCurl(`curl -G -d '' https://x.test/q`).url).toBe('https://x.test/q');
    expect(parseCurl(`curl -G -d '' 'https://x.test/q?'`).url).toBe('https://x.test/q');
    expect(parseCurl(`curl --basic -u al:pw https://x.test/`).headers).toEqual([
      ['Authorization', `Basic ${Buffer.from('al:pw').toString('base64')}`],
    ]);
    expect(parseCurl(`curl --retry-connrefused --retry-all-errors https://x.test/`).url).toBe(
      'https://x.test/',
    );
  });

  it.each([
    ['--digest', 'Digest'],
    ['--ntlm', 'NTLM'],
    ['--negotiate', 'Negotiate'],
    ['--anyauth', 'negotiated'],
  ])('refuses %s, naming the auth scheme it asks for', (flag, scheme) => {
    expect(() => parseCurl(`curl ${flag} -u al:pw https://x.test/`)).toThrow(
      new RegExp(`^option ${flag}: the ${scheme}.* auth scheme is not supported`),
    );
  });
});
