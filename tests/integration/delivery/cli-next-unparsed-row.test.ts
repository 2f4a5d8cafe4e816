import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
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

// A row the file could not be parsed into counts in the job's total but is never queued: every retry's "next in" said
// "at least" (rows still to be queued ahead of it) when every row there was had long been queued.
it("a row that could not be parsed does not make a retry's 'next in' say 'at least'", async () => {
  server = await cueServer((n) => ({ status: n < 1 ? 500 : 200 }));
  const dir = tempDir();
  dirs.push(dir);
  const rows = join(dir.path, 'rows.json');
  writeFileSync(rows, '[{"id":"1"}, 7]');
  const out: string[] = [];
  const err: string[] = [];
  const io = { stdout: (s: string) => void out.push(s), stderr: (s: string) => void err.push(s) };
  const args = [
    `${server.url}/op`,
    '-d',
    'id=[id]',
    '--rows',
    rows,
    '--policy',
    'standard',
    '--time-scale',
    '0.01',
  ];
  expect(await send(args, io)).toBe(1);
  expect(err.join('')).toMatch(/skipped row 2/);
  const failed = out
    .join('')
    .split('\n')
    .find((line) => line.includes(' 500 '));
  expect(failed).toMatch(/^row 1 #1 .* 500 .* next in 50 ms$/);
}, 20_000);
