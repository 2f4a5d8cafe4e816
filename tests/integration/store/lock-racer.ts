// Child process for the data-dir lock race: for each line `<dataDir> <startAt>` on stdin it drops the folder it holds,
// waits for the shared start time, tries to take the new folder and prints `won` or `lost <error message>`.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { createInterface } from 'node:readline';
import { lockDataDir } from '../../../electron/engine/store/data-dir-lock';

// A slow, busy disk: each file call the lock makes takes up to 2 ms longer, so the racers interleave between calls
// and not only where the scheduler happens to switch them.
const pause = new Int32Array(new SharedArrayBuffer(4));
for (const name of ['linkSync', 'readFileSync', 'renameSync', 'rmSync', 'writeFileSync'] as const) {
  const call = fs[name] as (...args: unknown[]) => unknown;
  (fs as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
    Atomics.wait(pause, 0, 0, Math.random() * 2);
    return call(...args);
  };
}
syncBuiltinESMExports();

let release = () => {};
process.stdout.write('ready\n');
for await (const line of createInterface({ input: process.stdin })) {
  release();
  release = () => {};
  const [dataDir, startAt] = line.split(' ');
  // Spin rather than sleep: all racers leave this loop within the same millisecond.
  while (Date.now() < Number(startAt));
  try {
    release = lockDataDir(dataDir!);
    process.stdout.write('won\n');
  } catch (error) {
    process.stdout.write(`lost ${(error as Error).message}\n`);
  }
}
