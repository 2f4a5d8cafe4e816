import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { cliIo } from '../../helpers/cli-io';

/** The code `hookscope --help` documents for an outcome, read from its "Exit codes:" paragraph. */
async function documentedCode(outcome: RegExp): Promise<number> {
  const out = cliIo();
  await main(['--help'], out.io);
  const paragraph = /Exit codes:([\s\S]*?)\n\n/.exec(out.out())?.[1]?.replace(/\s+/g, ' ') ?? '';
  const entry = paragraph.split(';').find((part) => outcome.test(part));
  return Number(/\d+/.exec(entry ?? '')?.[0]);
}

describe('hookscope --help documents the exit codes the commands use', () => {
  it('done, a usage problem and a failure each exit with the code documented for it', async () => {
    const server = createServer((_req, res) => res.writeHead(500).end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      expect(await main(['export', '--help'], cliIo().io)).toBe(await documentedCode(/\bdone\b/));
      expect(await main(['export', '--limt', '3'], cliIo().io)).toBe(await documentedCode(/usage problem/));
      expect(await main(['send', url, '-d', 'x'], cliIo().io)).toBe(
        await documentedCode(/delivery finally failed/),
      );
    } finally {
      server.close();
    }
  });
});
