import { readdirSync, readlinkSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine } from '../../../electron/engine/engine';
import { createLogger } from '../../../electron/engine/util/logger';
import { tempDir } from '../../helpers/temp-dir';

let server: Server | undefined;
let dir: ReturnType<typeof tempDir> | undefined;
afterEach(async () => {
  await new Promise((r) => (server ? server.close(r) : r(undefined)));
  dir?.cleanup();
  server = dir = undefined;
});

/** Files under `folder` this process (any thread) holds open. */
function openFilesUnder(folder: string): string[] {
  const open: string[] = [];
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      const target = readlinkSync(`/proc/self/fd/${fd}`);
      if (target.startsWith(folder)) open.push(target);
    } catch {
      // closed meanwhile
    }
  }
  return open;
}

describe('an engine whose receiver port is taken', () => {
  it('rejects and leaves nothing running against the closed database', async () => {
    server = createServer();
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    dir = tempDir();
    const lines: string[] = [];
    const log = createLogger((line) => lines.push(line));

    await expect(
      createEngine({ dataDir: dir.path, mode: 'test', log, receiverPort: port }),
    ).rejects.toMatchObject({ code: 'EADDRINUSE' });

    // A filer left running fails every 50 ms; the checkpointer's worker would still hold the files.
    await new Promise((r) => setTimeout(r, 500));
    expect(lines.filter((l) => JSON.parse(l).level === 'error')).toEqual([]);
    expect(openFilesUnder(dir.path)).toEqual([]);
  });
});
