import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../electron/engine/engine';
import { lockFileName, removeStaleLock } from '../../../electron/engine/store/data-dir-lock';
import { silentLogger } from '../../../electron/engine/util/logger';
import { tempDir } from '../../helpers/temp-dir';

const dirs: Array<ReturnType<typeof tempDir>> = [];
const engines: Engine[] = [];
const racers: ChildProcess[] = [];
afterEach(async () => {
  for (const racer of racers.splice(0))
    if (racer.exitCode === null && racer.signalCode === null) racer.kill('SIGKILL');
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

/** A process that takes data folders when told to (lock-racer.ts): `take` answers `won` or `lost <message>`. */
const startRacer = async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'lock-racer.ts')], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  racers.push(child);
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async () => {
    const line = await lines.next();
    if (line.done) throw new Error(`racer ${child.pid} exited`);
    return line.value as string;
  };
  expect(await next()).toBe('ready');
  return {
    child,
    take: (dataDir: string, startAt = 0) => {
      child.stdin.write(`${dataDir} ${startAt}\n`);
      return next();
    },
  };
};

describe('one engine per data folder', () => {
  it('lets exactly one of five processes starting at the same moment take the folder, every time', async () => {
    const racing = await Promise.all(Array.from({ length: 5 }, startRacer));
    for (let round = 0; round < 20; round++) {
      const dataDir = newDir();
      // Every other round they also find a lock left by a process that is gone, and all set about taking it over.
      if (round % 2)
        writeFileSync(join(dataDir, lockFileName), String(spawnSync(process.execPath, ['-e', '']).pid));
      const startAt = Date.now() + 100;
      const answers = await Promise.all(racing.map((racer) => racer.take(dataDir, startAt)));
      expect({ round, won: answers.filter((answer) => answer === 'won').length }).toEqual({ round, won: 1 });
      for (const answer of answers.filter((a) => a !== 'won'))
        expect(answer).toContain(`lost data folder ${dataDir} is in use by another Hookscope`);
      const winner = racing[answers.indexOf('won')]!.child.pid;
      expect(readFileSync(join(dataDir, lockFileName), 'utf8')).toBe(String(winner));
    }
  });

  it('names the process that holds the folder, and takes it over once that process is killed', async () => {
    const dataDir = newDir();
    const holder = await startRacer();
    expect(await holder.take(dataDir)).toBe('won');
    await expect(start(dataDir)).rejects.toThrow(
      `data folder ${dataDir} is in use by another Hookscope (pid ${holder.child.pid}). Stop it, or use another ` +
        `--data-dir.`,
    );
    holder.child.kill('SIGKILL');
    await once(holder.child, 'exit');
    await start(dataDir);
    expect(readFileSync(join(dataDir, lockFileName), 'utf8')).toBe(String(process.pid));
  });

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
