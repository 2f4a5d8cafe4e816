import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../electron/engine/engine';
import { lockFileName, removeStaleLock } from '../../../electron/engine/store/data-dir-lock';
import { silentLogger } from '../../../electron/engine/util/logger';
import { tempDir } from '../../helpers/temp-dir';

const dirs: Array<ReturnType<typeof tempDir>> = [];
const engines: Engine[] = [];
afterEach(async () => {
  for (const engine of engines.splice(0)) await engine.close();
  for (const dir of dirs.splice(0)) dir.cleanup();
});

const start = async (dataDir: string) => {
  const engine = await createEngine({ dataDir, mode: 'test', log: silentLogger });
  engines.push(engine);
  return engine;
};
const newDir = () => {
  const dir = tempDir();
  dirs.push(dir);
  return dir.path;
};

describe('one engine per data folder', () => {
  it('refuses a second engine on the same folder, naming the folder and the holder', async () => {
    const dataDir = newDir();
    await start(dataDir);
    await expect(start(dataDir)).rejects.toThrow(
      `data folder ${dataDir} is in use by another Hookscope (pid ${process.pid}). Stop it, or use another ` +
        `--data-dir; if no Hookscope is running (the pid now belongs to another program), delete ` +
        `${join(dataDir, lockFileName)}.`,
    );
  });

  it('refuses while another live process holds the folder', async () => {
    const dataDir = newDir();
    // The test runner's parent is alive for the whole run.
    writeFileSync(join(dataDir, lockFileName), String(process.ppid));
    await expect(start(dataDir)).rejects.toThrow(`(pid ${process.ppid})`);
  });

  it('takes over a lock left by a process that is gone', async () => {
    const dataDir = newDir();
    const gone = spawnSync(process.execPath, ['-e', '']).pid!;
    writeFileSync(join(dataDir, lockFileName), String(gone));
    await start(dataDir);
    expect(readFileSync(join(dataDir, lockFileName), 'utf8')).toBe(String(process.pid));
    expect(readdirSync(dataDir).filter((name) => name.startsWith(lockFileName))).toEqual([lockFileName]);
  });

  it('does not remove a lock another starter took over after this one judged the old lock stale', () => {
    const dataDir = newDir();
    const gone = spawnSync(process.execPath, ['-e', '']).pid!;
    // Judged stale while it named `gone`; by the time of removal a live process has replaced it with its own.
    writeFileSync(join(dataDir, lockFileName), String(process.ppid));
    removeStaleLock(join(dataDir, lockFileName), gone);
    expect(readFileSync(join(dataDir, lockFileName), 'utf8')).toBe(String(process.ppid));
    expect(readdirSync(dataDir)).toEqual([lockFileName]);
  });

  it('removes the stale lock it judged', () => {
    const dataDir = newDir();
    const gone = spawnSync(process.execPath, ['-e', '']).pid!;
    writeFileSync(join(dataDir, lockFileName), String(gone));
    removeStaleLock(join(dataDir, lockFileName), gone);
    expect(readdirSync(dataDir)).toEqual([]);
  });

  it('releases the folder on close, so the next engine starts', async () => {
    const dataDir = newDir();
    const first = await start(dataDir);
    await first.close();
    expect(existsSync(join(dataDir, lockFileName))).toBe(false);
    await start(dataDir);
  });
});
