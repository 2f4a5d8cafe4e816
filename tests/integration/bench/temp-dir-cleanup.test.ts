import { fork, spawn, type ChildProcess } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp-dir';

const benchDir = join(import.meta.dirname, '../../../scripts/bench');

/** Runs `start` with TMPDIR pointed at an empty folder; returns the bench data dirs left there after a Ctrl-C. */
async function leftAfterCtrlC(
  start: (env: NodeJS.ProcessEnv) => ChildProcess,
  ready: (child: ChildProcess) => Promise<void>,
): Promise<{ before: string[]; after: string[] }> {
  const tmp = tempDir();
  const benchDirs = () => readdirSync(tmp.path).filter((name) => name.startsWith('hookscope-'));
  const child = start({ ...process.env, TMPDIR: tmp.path });
  try {
    await ready(child);
    const before = benchDirs();
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGINT');
    await exited;
    return { before, after: benchDirs() };
  } finally {
    child.kill('SIGKILL');
    tmp.cleanup();
  }
}

describe('bench temp dirs on Ctrl-C', () => {
  it('bench:storage removes its data dir when interrupted mid-insert', async () => {
    const { before, after } = await leftAfterCtrlC(
      (env) =>
        spawn(process.execPath, ['--import', 'tsx', join(benchDir, 'storage.ts'), '--rows', '1000000'], {
          env,
          stdio: ['ignore', 'pipe', 'inherit'],
        }),
      (child) =>
        new Promise((resolve, reject) => {
          let out = '';
          child.stdout!.on('data', (c) => (out += c).includes('inserting') && resolve());
          child.once('exit', (code) => reject(new Error(`storage bench exited early (${code})`)));
        }),
    );
    expect(before).toHaveLength(1);
    expect(after).toEqual([]);
  });

  it("bench:ingest's Hookscope server removes its data dir when interrupted", async () => {
    const { before, after } = await leftAfterCtrlC(
      (env) =>
        fork(join(benchDir, 'ingest-server.ts'), ['hookscope'], {
          execArgv: ['--import', 'tsx'],
          env,
          stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        }),
      (child) =>
        new Promise((resolve, reject) => {
          child.on('message', (m: { type: string }) => m.type === 'ready' && resolve());
          child.once('exit', (code) => reject(new Error(`ingest server exited early (${code})`)));
        }),
    );
    expect(before).toHaveLength(1);
    expect(after).toEqual([]);
  });
});
