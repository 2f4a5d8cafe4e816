import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useCliSendFixture } from './cli-send-fixture';

const fixture = useCliSendFixture();

/**
 * The CLI in a child process whose stdout reader goes away after the first attempt line, as `| head -1` does; the
 * send would next retry minutes later. Resolves with its exit code and stderr; a child still running after 15 s is
 * stopped (exit code null).
 */
function readerGoneAfterFirstAttempt(args: string[]): Promise<{ code: number | null; err: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'cli-main-child.ts'), ...args],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    if (/#1 /.test(out)) child.stdout.destroy();
  });
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const bound = setTimeout(() => child.kill('SIGKILL'), 15_000);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(bound);
      resolve({ code, err });
    });
  });
}

describe('hookscope send whose reader has gone (| head -1)', () => {
  it('stops retrying and exits 0 without a word', async () => {
    const server = await fixture.server(() => ({ status: 503 }));
    const { code, err } = await readerGoneAfterFirstAttempt([
      'send',
      `${server.url}/x`,
      '-d',
      '{}',
      '--policy',
      'standard',
    ]);
    expect(err).toBe('');
    expect(code).toBe(0);
  });

  it('--rows: stops the rows waiting to retry and exits 0 without a word', async () => {
    const server = await fixture.server(() => ({ status: 503 }));
    const rows = fixture.file('rows.csv', 'name\nA\nB\n');
    const { code, err } = await readerGoneAfterFirstAttempt([
      'send',
      `${server.url}/x`,
      '-d',
      '{"n":"{{name}}"}',
      '--policy',
      'standard',
      '--rows',
      rows,
    ]);
    expect(err).toBe('');
    expect(code).toBe(0);
  });
});
