// Child process for the full-disk lock test: the disk has no room for the lock's pid (a file is created, writing to it
// fails with ENOSPC, as on a full disk) until the parent writes `room` on stdin. It prints `locked` or
// `refused <message>` for each line `take <dataDir>`.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { createInterface } from 'node:readline';
import { lockDataDir } from '../../../electron/engine/store/data-dir-lock';

let full = true;
const writeFileSync = fs.writeFileSync;
fs.writeFileSync = ((file: fs.PathOrFileDescriptor, data: string, options?: fs.WriteFileOptions) => {
  if (!full) return writeFileSync(file, data, options);
  writeFileSync(file, '', options);
  throw Object.assign(new Error(`ENOSPC: no space left on device, write`), {
    code: 'ENOSPC',
    errno: -28,
    syscall: 'write',
  });
}) as typeof fs.writeFileSync;
syncBuiltinESMExports();

for await (const line of createInterface({ input: process.stdin })) {
  const [command, dataDir] = line.split(' ');
  if (command === 'room') {
    full = false;
    process.stdout.write('ok\n');
    continue;
  }
  try {
    lockDataDir(dataDir!);
    process.stdout.write('locked\n');
  } catch (error) {
    process.stdout.write(`refused ${error instanceof Error ? error.message : String(error)}\n`);
  }
}
