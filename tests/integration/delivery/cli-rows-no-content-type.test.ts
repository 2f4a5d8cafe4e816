import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { run as send } from '../../../electron/cli/commands/send';
import { tempDir } from '../../helpers/temp-dir';
import { cueServer, removeDir } from './helpers';

const quiet = { stdout: () => undefined, stderr: () => undefined };

let server: Awaited<ReturnType<typeof cueServer>> | undefined;
const dirs: Array<{ path: string }> = [];
afterEach(async () => {
  await server?.close();
  server = undefined;
  for (const d of dirs.splice(0)) removeDir(d.path);
});

function rowsFile(): string {
  const dir = tempDir('hookscope-cli-rows-');
  dirs.push(dir);
  const file = join(dir.path, 'rows.csv');
  writeFileSync(file, 'name\nAnn "A"\n');
  return file;
}

describe('hookscope send --rows told to send no Content-Type', () => {
  for (const flags of [
    ['-H', 'Content-Type:'],
    ['--content-type', ''],
  ]) {
    it(`sends none with ${flags.join(' ')} (as without --rows), values still JSON-escaped`, async () => {
      server = await cueServer(() => ({ status: 200 }));
      const code = await send(
        [`${server.url}/rows`, '--rows', rowsFile(), '-d', '{"name":"[name]"}', ...flags],
        quiet,
      );
      expect(code).toBe(0);
      expect(server.received).toHaveLength(1);
      expect(server.received[0]!.headers['content-type']).toBeUndefined();
      expect(JSON.parse(server.received[0]!.body.toString())).toEqual({ name: 'Ann "A"' });
    });
  }

  it('still sends the detected Content-Type when not told otherwise', async () => {
    server = await cueServer(() => ({ status: 200 }));
    expect(await send([`${server.url}/rows`, '--rows', rowsFile(), '-d', '{"name":"[name]"}'], quiet)).toBe(
      0,
    );
    expect(server.received[0]!.headers['content-type']).toBe('application/json');
  });
});
