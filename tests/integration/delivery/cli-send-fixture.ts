import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { tempDir } from '../../helpers/temp-dir';
import { cueServer, type Cue, type Received } from './helpers';

/** For CLI send tests: a cue server to send to and files to read from, closed and removed after each test. */
export function useCliSendFixture() {
  const servers: Array<Awaited<ReturnType<typeof cueServer>>> = [];
  const dirs: Array<ReturnType<typeof tempDir>> = [];
  afterEach(async () => {
    for (const s of servers.splice(0)) await s.close();
    for (const d of dirs.splice(0)) d.cleanup();
  });
  return {
    async server(cue: (n: number, req: Received) => Cue = () => ({ status: 200 })) {
      const server = await cueServer(cue);
      servers.push(server);
      return server;
    },
    /** Writes `content` to a file named `name` in a fresh temp dir; gives its path. */
    file(name: string, content: string | Uint8Array): string {
      const dir = tempDir('hookscope-cli-');
      dirs.push(dir);
      const path = join(dir.path, name);
      writeFileSync(path, content);
      return path;
    },
  };
}
