import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { createEngine, type Engine } from '../../../electron/engine/engine';
import { silentLogger } from '../../../electron/engine/util/logger';
import { cliIo } from '../../helpers/cli-io';
import { tempDir } from '../../helpers/temp-dir';

// A script reading `serve --json-ready`'s stdout for its ready line learns of a failure to start there too.
const dir = tempDir();
let busy: Server;
let busyPort: string;
beforeAll(async () => {
  busy = createServer();
  await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
  busyPort = String((busy.address() as AddressInfo).port);
});
afterAll(async () => {
  await new Promise((resolve) => busy.close(resolve));
  dir.cleanup();
});

async function serveFails(args: string[]) {
  const printed = cliIo();
  const exitCode = await main(['serve', '--json-ready', '--no-ui', ...args], printed.io);
  const lines = printed.out().split('\n').filter(Boolean);
  expect(lines).toHaveLength(1);
  return { exitCode, line: JSON.parse(lines[0]!) as Record<string, unknown>, stderr: printed.err() };
}

describe('serve --json-ready that cannot start prints one JSON line on stdout', () => {
  it('a receiver port in use', async () => {
    const failure = await serveFails(['--data-dir', dir.path, '--receiver-port', busyPort]);
    expect(failure.exitCode).toBe(1);
    const message = `--receiver-port ${busyPort} is in use (another Hookscope?). Pick another port or 0.`;
    expect(failure.line).toEqual({ event: 'error', code: 'port_in_use', message, exitCode: 1 });
    expect(failure.stderr).toBe(`hookscope: ${message}\n`);
  });

  it('a UI port in use', async () => {
    const failure = await serveFails(['--data-dir', dir.path, '--receiver-port', '0', '--ui-port', busyPort]);
    expect(failure.line).toMatchObject({ code: 'port_in_use', exitCode: 1 });
    expect(failure.line.message).toContain(`--ui-port ${busyPort} is in use`);
  });

  it('a data folder another engine holds', async () => {
    const held = tempDir();
    let engine: Engine | undefined;
    try {
      engine = await createEngine({ dataDir: held.path, mode: 'test', log: silentLogger });
      const failure = await serveFails(['--data-dir', held.path, '--receiver-port', '0']);
      expect(failure.exitCode).toBe(1);
      expect(failure.line).toMatchObject({ event: 'error', code: 'start_failed', exitCode: 1 });
      expect(failure.line.message).toContain(`data folder ${held.path} is in use by another Hookscope`);
    } finally {
      await engine?.close();
      held.cleanup();
    }
  });

  it('a wrong flag, with the exit code of a usage error', async () => {
    for (const args of [
      ['--data-dir', dir.path, '--receiver-port', 'eighty'],
      ['--data-dir', dir.path, '--no-such-flag'],
    ]) {
      const failure = await serveFails(args);
      expect(failure.exitCode).toBe(2);
      expect(failure.line).toMatchObject({ event: 'error', code: 'usage', exitCode: 2 });
      expect(failure.stderr).toContain(String(failure.line.message));
    }
  });
});
