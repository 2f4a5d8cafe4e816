import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp-dir';

const dirs: Array<ReturnType<typeof tempDir>> = [];
afterEach(() => dirs.splice(0).forEach((d) => d.cleanup()));

describe('taking a data folder on a full disk', () => {
  it('is refused naming the full disk and the folder, leaves no file behind, and works once there is room', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'lock-full-disk-child.ts')],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    const exited = once(child, 'exit');
    const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    const ask = async (line: string) => {
      child.stdin.write(line + '\n');
      return String((await lines.next()).value);
    };
    try {
      const refused = await ask(`take ${dir.path}`);
      expect(refused).toContain(
        `refused Could not lock the data folder ${dir.path}: the disk holding it is full. Free disk space`,
      );
      expect(refused).toMatch(/\(ENOSPC: no space left on device/);
      expect(readdirSync(dir.path).filter((f) => f.startsWith('hookscope.lock'))).toEqual([]);

      expect(await ask('room')).toBe('ok');
      expect(await ask(`take ${dir.path}`)).toBe('locked');
    } finally {
      child.stdin.end();
      await exited;
    }
  });
});
