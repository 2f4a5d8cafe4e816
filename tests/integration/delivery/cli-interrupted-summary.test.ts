import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useCliSendFixture } from './cli-send-fixture';

const fixture = useCliSendFixture();

/**
 * The CLI in a child process, sent Ctrl+C (SIGINT) once its stdout holds `attemptLines` attempt lines, i.e. while it
 * waits to retry; resolves with its exit code and stderr.
 */
function interruptAfter(args: string[], attemptLines: number): Promise<{ code: number | null; err: string }> {
  const child = cliChild(args);
  let out = '';
  let err = '';
  let interrupted = false;
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    if (!interrupted && out.split('\n').filter((line) => /#\d+ /.test(line)).length >= attemptLines) {
      interrupted = true;
      child.kill('SIGINT');
    }
  });
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return ended(child, () => err);
}

function cliChild(args: string[]) {
  return spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'cli-main-child.ts'), ...args],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
}

function ended(child: ReturnType<typeof cliChild>, err: () => string) {
  return new Promise<{ code: number | null; err: string }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, err: err() }));
  });
}

describe('Ctrl+C during a CLI delivery', () => {
  it('send: a retry wait interrupted says how many attempts were made and exits 130', async () => {
    const server = await fixture.server(() => ({ status: 503 }));
    const { code, err } = await interruptAfter(
      ['send', `${server.url}/x`, '-d', '{}', '--policy', 'standard'],
      1,
    );
    expect(code).toBe(130);
    expect(err).toBe('interrupted: 1 attempt made, not delivered (last: HTTP 503)\n');
  });

  it('emulate: a retry wait interrupted says the same', async () => {
    const server = await fixture.server(() => ({ status: 503 }));
    const { code, err } = await interruptAfter(['emulate', 'ortto-test', '--to', `${server.url}/x`], 1);
    expect(code).toBe(130);
    expect(err).toBe('interrupted: 1 attempt made, not delivered (last: HTTP 503)\n');
  });

  it('send --rows: says the rows sent, delivered, failed and not sent', async () => {
    // Row 1 is delivered; rows 2 and 3 are answered 503 and wait to retry.
    const server = await fixture.server((_n, req) => ({
      status: req.body.toString().includes('"A"') ? 200 : 503,
    }));
    const rows = fixture.file('rows.csv', 'name\nA\nB\nC\n');
    const { code, err } = await interruptAfter(
      ['send', `${server.url}/x`, '-d', '{"n":"{{name}}"}', '--policy', 'standard', '--rows', rows],
      3,
    );
    expect(code).toBe(130);
    expect(err).toBe(
      'interrupted after 3 attempts: 3 of 3 rows sent (1 delivered, 0 failed, 2 still retrying), 0 not sent\n',
    );
  });

  it('send --rows: Ctrl+C while a large rows file is still being parsed stops it, saying no rows were sent', async () => {
    const server = await fixture.server();
    const lines = Array.from({ length: 300_000 }, (_, i) => `n${i},application/json`);
    const rows = fixture.file('rows.csv', `name,ct\n${lines.join('\n')}\n`);
    // The note about a Content-Type filled per row is said once the file is read, before its rows are parsed.
    const child = cliChild([
      'send',
      `${server.url}/x`,
      '-d',
      '{}',
      '-H',
      'Content-Type: {{ct}}',
      '--rows',
      rows,
    ]);
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => {
      const noted = err.includes('\n');
      err += chunk.toString();
      if (!noted && err.includes('\n')) child.kill('SIGINT');
    });
    const { code } = await ended(child, () => err);
    const [note, ...rest] = err.split('\n');
    expect(note).toMatch(/^note: Content-Type is "{{ct}}"/);
    expect(rest.join('\n')).toBe(`interrupted while reading the rows of ${rows}: no rows sent\n`);
    expect(code).toBe(130);
    expect(server.received).toEqual([]);
  });
});
