import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { run as send } from '../../electron/cli/commands/send';
import { cueServer } from '../integration/delivery/helpers';
import { cliIo } from './cli-io';
import { tempDir } from './temp-dir';

/**
 * `hookscope send <target>/op -d id=[id] --rows <file> ...flags` against a cue server whose first request gets a 500
 * and every later one a 200; the rows file is written to a temp dir. Server and dir are closed after each test.
 */
export function useCliRowsSend() {
  let server: Awaited<ReturnType<typeof cueServer>> | undefined;
  const dirs: Array<{ cleanup(): void }> = [];
  afterEach(async () => {
    await server?.close();
    server = undefined;
    dirs.splice(0).forEach((dir) => dir.cleanup());
  });
  /** The command's exit code, what it wrote to stderr, and the line it printed for the attempt that got the 500. */
  return async function sendRows(file: { name: string; text: string }, flags: string[]) {
    server = await cueServer((n) => ({ status: n < 1 ? 500 : 200 }));
    const dir = tempDir();
    dirs.push(dir);
    const rows = join(dir.path, file.name);
    writeFileSync(rows, file.text);
    const { io, out, err } = cliIo();
    const code = await send([`${server.url}/op`, '-d', 'id=[id]', '--rows', rows, ...flags], io);
    const failed = out()
      .split('\n')
      .find((line) => line.includes(' 500 '));
    return { code, err: err(), failed };
  };
}
