import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { run as send } from '../../../electron/cli/commands/send';
import { tempDir } from '../../helpers/temp-dir';
import { cueServer } from './helpers';

let server: Awaited<ReturnType<typeof cueServer>> | undefined;
const dirs: Array<{ cleanup(): void }> = [];
afterEach(async () => {
  await server?.close();
  server = undefined;
  dirs.splice(0).forEach((dir) => dir.cleanup());
});

describe('hookscope send --rows under a rate limit', () => {
  it("counts the rows queued ahead for the same rate slots in a retry's 'next in'", async () => {
    server = await cueServer((n) => ({ status: n < 1 ? 500 : 200 }));
    const dir = tempDir();
    dirs.push(dir);
    const rows = join(dir.path, 'rows.csv');
    writeFileSync(rows, 'id\n1\n2\n3\n');
    const out: string[] = [];
    const io = { stdout: (s: string) => void out.push(s), stderr: () => {} };
    const args = [
      `${server.url}/op`,
      '-d',
      'id=[id]',
      '--rows',
      rows,
      '--rate',
      '60/min',
      '--policy',
      'ontraport',
      '--time-scale',
      '0.0001',
    ];
    expect(await send(args, io)).toBe(0);
    const failed = out
      .join('')
      .split('\n')
      .find((line) => line.includes(' 500 '));
    // Rows 2 and 3 take the next two 1 s slots; row 1's retry gets the third: about 3 s after its first attempt.
    expect(failed).toMatch(/^row 1 #1 .* 500 .* next in (2\.9|3\.0) s$/);
  }, 20_000);

  it("says 'at least' while rows of the send are still to be queued", async () => {
    server = await cueServer((n) => ({ status: n < 1 ? 500 : 200 }));
    const dir = tempDir();
    dirs.push(dir);
    const rows = join(dir.path, 'rows.csv');
    // More rows than one bulk batch (100): the rest are queued as the first ones go, possibly ahead of row 1's retry.
    writeFileSync(rows, `id\n${Array.from({ length: 150 }, (_, i) => i + 1).join('\n')}\n`);
    const out: string[] = [];
    const io = { stdout: (s: string) => void out.push(s), stderr: () => {} };
    const args = [
      `${server.url}/op`,
      '-d',
      'id=[id]',
      '--rows',
      rows,
      '--rate',
      '100/s',
      '--policy',
      'standard',
      '--time-scale',
      '0.0001',
    ];
    expect(await send(args, io)).toBe(0);
    const failed = out
      .join('')
      .split('\n')
      .find((line) => line.includes(' 500 '));
    expect(failed).toMatch(/^row 1 #1 .* 500 .* next in at least \d/);
  }, 20_000);
});
