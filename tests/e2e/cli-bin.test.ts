import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import localtunnel from 'localtunnel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../electron/engine/engine';
import { createInProcessTransport } from '../../electron/engine/transport/in-process-transport';
import { createApiClient } from '../../electron/shared/contract/client';
import { silentLogger } from '../../electron/engine/util/logger';
import { send } from '../helpers/raw-http';
import { tempDir } from '../helpers/temp-dir';
import { startLtServer } from '../integration/tunnel/lt-server';

const root = join(import.meta.dirname, '../..');
const dir = tempDir();
const CAPTURES = 60;

beforeAll(async () => {
  const engine = await createEngine({ dataDir: dir.path, mode: 'test', log: silentLogger });
  for (let i = 0; i < CAPTURES; i++)
    await send(`${engine.receiverUrl}/pipe/${i}`, {
      method: 'POST',
      headers: [['Content-Type', 'application/json']],
      body: JSON.stringify({ i, pad: 'x'.repeat(2000) }),
    });
  await engine.close();
});
afterAll(() => dir.cleanup());

const bin = join(root, 'bin/hookscope.mjs');

/** Resolves with the first line of the stream that passes `test`; rejects when the process exits first. */
function lineFrom(child: ChildProcess, stream: 'stdout' | 'stderr', test: (line: string) => boolean) {
  return new Promise<string>((resolve, reject) => {
    let buffered = '';
    child[stream]!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      const found = lines.find(test);
      if (found !== undefined) resolve(found);
    });
    child.once('close', (code) => reject(new Error(`${stream}: exited (${code}) before the expected line`)));
  });
}

/** Runs the built `hookscope` command with its stdout on a pipe, as `hookscope export | jq` has it. */
function runPiped(args: string[]): Promise<{ code: number | null; stdout: Buffer }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'bin/hookscope.mjs'), ...args], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout: Buffer.concat(chunks) }));
  });
}

/** Runs the built command to its end; stdout and stderr as text. */
function runToEnd(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.once('error', reject);
    child.once('close', (code) =>
      resolve({
        code,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      }),
    );
  });
}

/** Stops a spawned serve and waits for it to exit. */
async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const closed = new Promise((r) => child.once('close', r));
  child.kill();
  await closed;
}

describe('the built hookscope command (bin/hookscope.mjs)', () => {
  it('writes all of a large export to a pipe before it exits', async () => {
    const { code, stdout } = await runPiped(['export', '--data-dir', dir.path, '--format', 'jsonl']);
    expect(code).toBe(0);
    expect(stdout.length).toBeGreaterThan(128 * 1024);
    const lines = stdout.toString('utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(CAPTURES);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
  });

  it('export to a full disk (> /dev/full) exits 1 saying the write failed, not a stack trace nor "exported"', async () => {
    const full = openSync('/dev/full', 'w');
    try {
      const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>(
        (resolve, reject) => {
          const child = spawn(process.execPath, [bin, 'export', '--data-dir', dir.path], {
            stdio: ['ignore', full, 'pipe'],
          });
          const err: Buffer[] = [];
          child.stderr!.on('data', (c: Buffer) => err.push(c));
          child.once('error', reject);
          child.once('close', (c) => resolve({ code: c, stderr: Buffer.concat(err).toString('utf8') }));
        },
      );
      expect(code).toBe(1);
      expect(stderr).toBe(
        'hookscope export: could not write the output: ENOSPC: no space left on device, write\n',
      );
    } finally {
      closeSync(full);
    }
  });

  it('tail ends quietly with exit 0 when the reader of its pipe goes away (| head -1)', async () => {
    const child = spawn(process.execPath, [bin, 'tail', '--data-dir', dir.path, '--last', '1000', '--json'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stderr: Buffer[] = [];
    child.stderr!.on('data', (c: Buffer) => stderr.push(c));
    const closed = new Promise<number | null>((resolve) => child.once('close', resolve));
    // More than a pipe buffer is waiting to be written: close the reader after the first line, as head -1 does.
    const first = await lineFrom(child, 'stdout', () => true);
    expect(JSON.parse(first)).toHaveProperty('id');
    child.stdout!.destroy();
    expect(await closed).toBe(0);
    expect(Buffer.concat(stderr).toString('utf8')).not.toContain('EPIPE');
  });

  it('a following tail ends quietly with exit 0 when its reader has gone and a capture arrives', async () => {
    const live = tempDir();
    const engine = await createEngine({ dataDir: live.path, mode: 'test', log: silentLogger });
    try {
      const child = spawn(process.execPath, [bin, 'tail', '--data-dir', live.path, '--interval', '20'], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const stderr: Buffer[] = [];
      child.stderr!.on('data', (c: Buffer) => stderr.push(c));
      const closed = new Promise<number | null>((resolve) => child.once('close', resolve));
      await lineFrom(child, 'stderr', (l) => l.startsWith('following'));
      child.stdout!.destroy();
      // `| grep -m1 X` has exited: the next captures are written to a pipe with no reader.
      for (let i = 0; i < 3 && child.exitCode === null; i++)
        await send(`${engine.receiverUrl}/after/${i}`, { method: 'POST', body: 'x' });
      expect(await closed).toBe(0);
      expect(Buffer.concat(stderr).toString('utf8')).not.toContain('EPIPE');
    } finally {
      await engine.close();
      live.cleanup();
    }
  });

  it('tail --last N | grep -m1 in a shell ends once grep has gone, with no capture arriving after', async () => {
    // A shell's `|` is a pipe (spawn's 'pipe' is a socket): a write of no bytes to it succeeds whatever the reader did.
    const tail = `"${process.execPath}" "${bin}" tail --data-dir "${dir.path}" --last 10`;
    // The newest capture is the last line --last prints: grep exits only once tail has nothing more to write.
    const reader = `grep -m1 '#${CAPTURES}$'`;
    const shell = spawn('sh', ['-c', `{ ${tail}; echo "tail exited $?" >&2; } | ${reader}`], {
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    shell.stdout!.on('data', (c: Buffer) => out.push(c));
    shell.stderr!.on('data', (c: Buffer) => err.push(c));
    const closed = new Promise<string>((resolve) => shell.once('close', () => resolve('ended')));
    let bound: NodeJS.Timeout | undefined;
    try {
      // Bounded: a tail that keeps following is stopped (with its shell) after 15 s.
      const outcome = await Promise.race([
        closed,
        new Promise<string>((resolve) => (bound = setTimeout(() => resolve('still following'), 15_000))),
      ]);
      expect(outcome).toBe('ended');
      expect(Buffer.concat(out).toString('utf8')).toMatch(
        new RegExp(`/pipe/${CAPTURES - 1} .*#${CAPTURES}\n$`),
      );
      expect(Buffer.concat(err).toString('utf8')).toContain('tail exited 0\n');
    } finally {
      clearTimeout(bound);
      if (shell.exitCode === null) process.kill(-shell.pid!, 'SIGKILL');
    }
  });

  it('serve names the flag that failed: --ui-port or --receiver-port in use, an unusable --host', async () => {
    const busy = createServer();
    await new Promise<void>((r) => busy.listen(0, '127.0.0.1', r));
    const port = String((busy.address() as AddressInfo).port);
    const live = tempDir();
    try {
      const ui = await runToEnd([
        'serve',
        '--data-dir',
        live.path,
        '--receiver-port',
        '0',
        '--ui-port',
        port,
      ]);
      expect(ui.code).toBe(1);
      expect(ui.stderr).toContain(`--ui-port ${port} is in use`);
      expect(ui.stderr).not.toContain('--receiver-port');
      const receiver = await runToEnd(['serve', '--data-dir', live.path, '--receiver-port', port]);
      expect(receiver.code).toBe(1);
      expect(receiver.stderr).toContain(`--receiver-port ${port} is in use`);
      const host = await runToEnd([
        'serve',
        '--data-dir',
        live.path,
        '--receiver-port',
        '0',
        '--host',
        '999.1.1.1',
      ]);
      expect(host.code).toBe(2);
      expect(host.stderr).toContain('--host 999.1.1.1: cannot listen on that address');
    } finally {
      busy.close();
      live.cleanup();
    }
  });

  it('serve --no-ui prints the API address and token it serves, not a UI address that answers 404', async () => {
    const live = tempDir();
    const server = spawn(
      process.execPath,
      [bin, 'serve', '--data-dir', live.path, '--receiver-port', '0', '--no-ui'],
      {
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    );
    try {
      const line = await lineFrom(server, 'stdout', (l) => /^(API|UI):/.test(l));
      const [, url, token] = /^API:\s+(\S+)\s+\(token (\S+)\)$/.exec(line) ?? [];
      expect(url).toBeDefined();
      const api = await send(`${url}/api/capabilities`, { headers: [['Authorization', `Bearer ${token}`]] });
      expect(api.status).toBe(200);
    } finally {
      await stop(server);
      live.cleanup();
    }
  });

  it('serve --no-ui --json-ready gives no UI address (it would answer 404), only the API address and token', async () => {
    const live = tempDir();
    const server = spawn(
      process.execPath,
      [bin, 'serve', '--data-dir', live.path, '--receiver-port', '0', '--no-ui', '--json-ready'],
      { stdio: ['ignore', 'pipe', 'ignore'] },
    );
    try {
      const ready = JSON.parse(await lineFrom(server, 'stdout', (l) => l.startsWith('{'))) as {
        uiUrl: string | null;
        apiUrl: string;
        token: string;
      };
      expect(ready.uiUrl).toBeNull();
      const api = await send(`${ready.apiUrl}/api/capabilities`, {
        headers: [['Authorization', `Bearer ${ready.token}`]],
      });
      expect(api.status).toBe(200);
    } finally {
      await stop(server);
      live.cleanup();
    }
  });

  it('serve --json-ready --tunnel prints the public URL as a JSON line too', async () => {
    const lt = await startLtServer();
    const live = tempDir();
    const server = spawn(
      process.execPath,
      [
        bin,
        'serve',
        '--data-dir',
        live.path,
        '--receiver-port',
        '0',
        '--no-ui',
        '--json-ready',
        '--tunnel',
        '--tunnel-host',
        lt.host,
      ],
      { stdio: ['ignore', 'pipe', 'ignore'] },
    );
    try {
      const lines: string[] = [];
      // Every stdout line must parse: collect them until the tunnel's.
      await lineFrom(server, 'stdout', (l) => {
        lines.push(l);
        return !l.includes('"event":"ready"');
      });
      const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(parsed[0]).toMatchObject({ event: 'ready' });
      expect(parsed[1]).toMatchObject({ event: 'tunnel', changed: false, subdomainTaken: null });
      expect(String(parsed[1]!.url)).toMatch(/^http:\/\/[a-z0-9-]+\.lt\.test:\d+$/);
    } finally {
      await stop(server);
      await lt.stop();
      live.cleanup();
    }
  });

  it('serve --tunnel --subdomain says when the server assigned another URL because the subdomain is taken', async () => {
    const lt = await startLtServer();
    // Holds the name; nothing is ever sent through it, so its local port is never dialled.
    const squatter = await localtunnel({ port: 9, host: lt.host, subdomain: 'taken-name' });
    const serveWith = (...extra: string[]) =>
      spawn(
        process.execPath,
        [bin, 'serve', '--data-dir', live.path, '--receiver-port', '0', '--no-ui', '--tunnel', ...extra],
        { stdio: ['ignore', 'pipe', 'ignore'] },
      );
    const live = tempDir();
    try {
      const text = serveWith('--subdomain', 'taken-name', '--tunnel-host', lt.host);
      const line = await lineFrom(text, 'stdout', (l) => l.startsWith('Public'));
      await stop(text);
      expect(line).toMatch(
        /^Public: +http:\/\/[a-z0-9-]+\.lt\.test:\d+ +\(subdomain "taken-name" is taken; the server assigned this URL instead\)$/,
      );
      expect(line).not.toContain('taken-name.lt.test');

      const json = serveWith('--json-ready');
      const tunnel = JSON.parse(
        await lineFrom(json, 'stdout', (l) => l.includes('"event":"tunnel"')),
      ) as object;
      await stop(json);
      expect(tunnel).toMatchObject({ changed: false, subdomainTaken: 'taken-name' });
    } finally {
      squatter.close();
      await lt.stop();
      live.cleanup();
    }
  });

  it('serve without --tunnel prints the public URL when the profile starts the tunnel on its own', async () => {
    const lt = await startLtServer();
    const live = tempDir();
    const engine = await createEngine({ dataDir: live.path, mode: 'test', log: silentLogger });
    await createApiClient(createInProcessTransport(engine)).call('tunnel.settings.update', {
      host: lt.host,
      autoStart: true,
    });
    await engine.close();
    const server = spawn(
      process.execPath,
      [bin, 'serve', '--data-dir', live.path, '--receiver-port', '0', '--no-ui'],
      { stdio: ['ignore', 'pipe', 'ignore'] },
    );
    try {
      const line = await lineFrom(server, 'stdout', (l) => l.startsWith('Public'));
      expect(line).toMatch(/^Public: +http:\/\/[a-z0-9-]+\.lt\.test:\d+$/);
    } finally {
      await stop(server);
      await lt.stop();
      live.cleanup();
    }
  });

  // Node's recursive mkdir never returns for a folder under /proc (ENOENT with the parent there); the kill timer only
  // bounds that failure, the command answers at once.
  it.runIf(existsSync('/proc/self'))(
    'serve --data-dir where no folder can be made exits with an error naming --data-dir',
    () => {
      const child = spawnSync(
        process.execPath,
        [bin, 'serve', '--data-dir', '/proc/nope', '--receiver-port', '0', '--no-ui'],
        { encoding: 'utf8', timeout: 60_000 },
      );
      expect([child.signal, child.status]).toEqual([null, 2]);
      expect(child.stderr).toMatch(/^hookscope serve: --data-dir: cannot create \/proc\/nope \(ENOENT/);
    },
    70_000,
  );

  it('tail --search beside a running serve prints a capture found by its decoded labels, words in any order', async () => {
    const live = tempDir();
    const server = spawn(
      process.execPath,
      [bin, 'serve', '--data-dir', live.path, '--receiver-port', '0', '--no-ui', '--json-ready'],
      { stdio: ['ignore', 'pipe', 'ignore'] },
    );
    const tails: ChildProcess[] = [];
    try {
      const ready = JSON.parse(await lineFrom(server, 'stdout', (l) => l.startsWith('{'))) as {
        receiverUrl: string;
      };
      const results = ['Campaign name', 'Spring Clicked'].map((search) => {
        const child = spawn(
          process.execPath,
          [bin, 'tail', '--data-dir', live.path, '--exit-after', '1', '--interval', '20', '--search', search],
          { stdio: ['ignore', 'pipe', 'pipe'] },
        );
        tails.push(child);
        const out: Buffer[] = [];
        child.stdout!.on('data', (c: Buffer) => out.push(c));
        // Bounded: a tail that never matches is stopped after 15 s and has printed nothing.
        const timer = setTimeout(() => child.kill(), 15_000);
        return {
          following: lineFrom(child, 'stderr', (l) => l.startsWith('following')),
          done: new Promise<{ code: number | null; stdout: string }>((resolve) =>
            child.once('close', (code) => {
              clearTimeout(timer);
              resolve({ code, stdout: Buffer.concat(out).toString('utf8') });
            }),
          ),
        };
      });
      await Promise.all(results.map((r) => r.following));
      await send(`${ready.receiverUrl}/hook/plain`, { method: 'POST', body: '{"season":"autumn"}' });
      await send(`${ready.receiverUrl}/hook/ortto`, {
        method: 'POST',
        headers: [['Content-Type', 'application/json']],
        body: JSON.stringify({ activity: { field_id: 'act::c', attr: { 'str::cn': 'Spring' } } }),
      });
      for (const { done } of results) {
        const { code, stdout } = await done;
        expect(stdout).toContain('/hook/ortto');
        expect(stdout).not.toContain('/hook/plain');
        expect(code).toBe(0);
      }
    } finally {
      for (const child of tails) if (child.exitCode === null) child.kill();
      if (server.exitCode === null) {
        const closed = new Promise((r) => server.once('close', r));
        server.kill();
        await closed;
      }
      live.cleanup();
    }
  });
});
