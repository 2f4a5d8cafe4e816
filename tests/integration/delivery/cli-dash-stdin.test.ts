import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useCliSendFixture } from './cli-send-fixture';

const fixture = useCliSendFixture();

/** The CLI in a child process with `stdin` piped in; resolves with its exit code and stderr. */
function cliWithStdin(args: string[], stdin: string): Promise<{ code: number | null; err: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'cli-main-child.ts'), ...args],
    { stdio: ['pipe', 'ignore', 'pipe'] },
  );
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  child.stdin.end(stdin);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, err }));
  });
}

describe('hookscope send: - reads stdin, as in curl', () => {
  it('--data-file - sends the exact bytes of stdin, line breaks kept', async () => {
    const server = await fixture.server();
    const { code, err } = await cliWithStdin(
      ['send', `${server.url}/data-file`, '--data-file', '-'],
      'line one\r\nline two\n',
    );
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(server.received.map((r) => r.body.toString())).toEqual(['line one\r\nline two\n']);
  });

  it('--rows - reads the rows from stdin', async () => {
    const server = await fixture.server();
    const { code } = await cliWithStdin(
      ['send', `${server.url}/rows/{{name}}`, '--rows', '-', '-d', '{"n":"{{name}}"}'],
      'name\nada\nbob\n',
    );
    expect(code).toBe(0);
    expect(server.received.map((r) => r.body.toString()).sort()).toEqual(['{"n":"ada"}', '{"n":"bob"}']);
  });

  it('refuses --rows - with -d @-: stdin can be read once; nothing is sent', async () => {
    const server = await fixture.server();
    const { code, err } = await cliWithStdin(
      ['send', `${server.url}/both`, '--rows', '-', '-d', '@-'],
      'name\nada\n',
    );
    expect(err).toContain('--rows - and --data @-: stdin can be read only once');
    expect(code).toBe(2);
    expect(server.received).toEqual([]);
  });
});

describe('hookscope emulate --contact -', () => {
  it('reads the sample contact from stdin, CSV or JSON', async () => {
    const server = await fixture.server();
    const csv = await cliWithStdin(
      ['emulate', 'ortto-activity', '--to', `${server.url}/csv`, '--contact', '-'],
      'first,email\nYan,yan@example.com\n',
    );
    expect(csv.err).toBe('');
    const json = await cliWithStdin(
      ['emulate', 'ortto-activity', '--to', `${server.url}/json`, '--contact', '-'],
      '{"first": "Zed", "email": "zed@example.com"}',
    );
    expect([csv.code, json.code]).toEqual([0, 0]);
    const bodies = server.received.map((r) => r.body.toString());
    expect(bodies[0]).toContain('yan@example.com');
    expect(bodies[1]).toContain('zed@example.com');
  });
});
