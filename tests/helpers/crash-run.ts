import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import { openStores } from '../../electron/engine/store/open-stores';
import { systemClock } from '../../electron/engine/util/clock';

export interface CrashRound {
  acknowledged: number;
  missing: number;
  corrupted: number;
  integrity: string;
  stored: number;
}

const childScript = join(import.meta.dirname, '../integration/crash/crash-child.ts');

/**
 * Runs a child script over a data dir and waits for the first JSON line it prints; rejects if the child exits first
 * (a child that crashed at start would otherwise be waited for forever).
 */
export async function startChild(
  script: string,
  dataDir: string,
): Promise<{ child: ChildProcess; info: Record<string, string> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const info = await new Promise<Record<string, string>>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c) => {
      out += c;
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve(JSON.parse(line) as Record<string, string>);
    });
    child.once('exit', (code, signal) =>
      reject(new Error(`child ${script} exited (${signal ?? code}) before printing its JSON line`)),
    );
  });
  return { child, info };
}

/**
 * Starts an engine in a child process, loads it with concurrent POSTs, SIGKILLs it after `killAfterMs`, then reopens
 * the database and checks that every request that got a 2xx is stored with the right body hash.
 */
export async function crashRound(
  dataDir: string,
  options: {
    killAfterMs: number;
    connections: number;
    /** Another child script printing `{ receiverUrl, ... }` as its first JSON line (default: crash-child.ts). */
    childScript?: string;
    /** Runs alongside the capture load until the kill, given what the child printed (e.g. to queue deliveries). */
    duringLoad?: (info: Record<string, string>, stopped: () => boolean) => Promise<void>;
  },
): Promise<CrashRound> {
  const { child, info } = await startChild(options.childScript ?? childScript, dataDir);
  const receiverUrl = info.receiverUrl!;
  const acked = new Map<number, string>();
  let stop = false;
  const agent = new Agent({ connections: options.connections });
  const worker = async () => {
    while (!stop) {
      const body = randomBytes(64 + Math.floor(Math.random() * 2048));
      try {
        const res = await request(`${receiverUrl}/crash`, { method: 'POST', body, dispatcher: agent });
        await res.body.dump();
        if (res.statusCode >= 200 && res.statusCode < 300) {
          acked.set(
            Number(res.headers['x-hookscope-capture-id']),
            createHash('sha256').update(body).digest('hex'),
          );
        }
      } catch {
        // Connection killed mid-request: not acknowledged, so not owed.
        if (stop) return;
      }
    }
  };
  const workers = Array.from({ length: options.connections }, worker);
  const side = options.duringLoad?.(info, () => stop).catch(() => undefined);
  await new Promise((r) => setTimeout(r, options.killAfterMs));
  child.kill('SIGKILL');
  stop = true;
  await Promise.all([...workers, side]);
  await new Promise((r) => (child.exitCode !== null || child.signalCode ? r(null) : child.once('exit', r)));
  await agent.close();

  // What the crash left must be intact before anything opens it; then the restart files the acknowledged captures the
  // crash left in the inbox, and every one of them must be a capture with its exact body.
  const crashed = new Database(join(dataDir, 'hookscope.sqlite'));
  const integrity = crashed.pragma('integrity_check', { simple: true }) as string;
  crashed.close();
  const restarted = openStores({ dataDir, clock: systemClock });
  restarted.captures.fileWaiting();
  restarted.captures.close();
  restarted.db.close();
  const db = new Database(join(dataDir, 'hookscope.sqlite'));
  try {
    const get = db.prepare(
      'SELECT b.body FROM capture_bodies b JOIN captures c ON c.id = b.capture_id WHERE b.capture_id = ?',
    );
    let missing = 0;
    let corrupted = 0;
    for (const [id, hash] of acked) {
      const row = get.get(id) as { body: Buffer } | undefined;
      if (!row) missing++;
      else if (createHash('sha256').update(row.body).digest('hex') !== hash) corrupted++;
    }
    const stored = (db.prepare('SELECT COUNT(*) AS n FROM captures').get() as { n: number }).n;
    return { acknowledged: acked.size, missing, corrupted, integrity, stored };
  } finally {
    db.close();
  }
}
