import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

/**
 * Another process opening the same SQLite file, as a second Hookscope (the app and a CLI command) would: resolves once
 * it holds the write lock; a second later it runs `sql` and commits. `exited` resolves when it is gone.
 */
export async function holdWriteLock(file: string, sql: string): Promise<{ exited: Promise<unknown> }> {
  const child = spawn(
    process.execPath,
    [
      '-e',
      `const db = new (require('better-sqlite3'))(process.argv[1]);
       db.exec('BEGIN IMMEDIATE');
       console.log('locked');
       setTimeout(() => db.exec(process.argv[2] + ';COMMIT'), 1000);`,
      file,
      sql,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const exited = once(child, 'exit');
  const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
  if (line !== 'locked') throw new Error(`the lock holder said ${line}`);
  return { exited };
}

/**
 * Another process with the data folder open, as an (older) app would: it opens the database and takes the data-dir
 * lock (hookscope.lock with its pid) until `release`.
 */
export async function holdDataDir(dataDir: string): Promise<{ pid: number; release(): Promise<void> }> {
  const child = spawn(
    process.execPath,
    [
      '-e',
      `const { join } = require('node:path');
       const { writeFileSync } = require('node:fs');
       const db = new (require('better-sqlite3'))(join(process.argv[1], 'hookscope.sqlite'));
       writeFileSync(join(process.argv[1], 'hookscope.lock'), String(process.pid), { flag: 'wx' });
       console.log('held');
       process.stdin.resume();
       process.stdin.on('end', () => db.close());`,
      dataDir,
    ],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const exited = once(child, 'exit');
  const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
  if (line !== 'held') throw new Error(`the data folder holder said ${line}`);
  return {
    pid: child.pid!,
    release: async () => {
      child.stdin.end();
      await exited;
    },
  };
}

/** A running app in the middle of writing: it holds the folder and the write locks of the captures and the index. */
export async function holdAppWriteLocks(dataDir: string): Promise<{ release(): Promise<void> }> {
  const child = spawn(
    process.execPath,
    [
      '-e',
      `const { join } = require('node:path');
       const { writeFileSync } = require('node:fs');
       const db = new (require('better-sqlite3'))(join(process.argv[1], 'hookscope.sqlite'));
       db.prepare('ATTACH DATABASE ? AS idx').run(join(process.argv[1], 'hookscope-index.sqlite'));
       writeFileSync(join(process.argv[1], 'hookscope.lock'), String(process.pid), { flag: 'wx' });
       db.exec('BEGIN IMMEDIATE');
       console.log('writing');
       process.stdin.resume();
       process.stdin.on('end', () => { db.exec('ROLLBACK'); db.close(); });`,
      dataDir,
    ],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const exited = once(child, 'exit');
  const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
  if (line !== 'writing') throw new Error(`the app said ${line}`);
  return {
    release: async () => {
      child.stdin.end();
      await exited;
    },
  };
}
