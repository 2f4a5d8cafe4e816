import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run as send } from '../../../electron/cli/commands/send';
import { cliIo } from '../../helpers/cli-io';
import { useCliSendFixture } from './cli-send-fixture';

const fixture = useCliSendFixture();

const JSON_WITH_LINE_BREAKS = '{\r\n  "a": 1,\n  "b": "two"\n}\n';

/** The CLI in a child process with `stdin` piped in; resolves with its exit code. */
function sendFromChild(args: string[], stdin: string): Promise<number | null> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'cli-main-child.ts'), ...args],
    {
      stdio: ['pipe', 'ignore', 'inherit'],
    },
  );
  child.stdin.end(stdin);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', resolve);
  });
}

describe('hookscope send -d @file, as curl', () => {
  it('sends the file content, without carriage returns and newlines, with its detected type', async () => {
    const server = await fixture.server(() => ({ status: 200 }));
    const body = fixture.file('body.json', JSON_WITH_LINE_BREAKS);
    const out = cliIo();
    expect(await send([`${server.url}/at-file`, '-d', `@${body}`], out.io)).toBe(0);
    expect(server.received).toHaveLength(1);
    expect(server.received[0]!.body.toString()).toBe('{  "a": 1,  "b": "two"}');
    expect(server.received[0]!.headers['content-type']).toBe('application/json');
  });

  it('names --data for a file it cannot read, and sends nothing', async () => {
    const server = await fixture.server(() => ({ status: 200 }));
    const out = cliIo();
    await expect(send([`${server.url}/at-missing`, '-d', '@/nonexistent-file'], out.io)).rejects.toThrow(
      '--data: cannot read /nonexistent-file: ENOENT',
    );
    expect(server.received).toEqual([]);
  });

  it('-d @- reads the body from stdin', async () => {
    const server = await fixture.server(() => ({ status: 200 }));
    expect(await sendFromChild(['send', `${server.url}/at-stdin`, '-d', '@-'], JSON_WITH_LINE_BREAKS)).toBe(
      0,
    );
    expect(server.received.map((r) => r.body.toString())).toEqual(['{  "a": 1,  "b": "two"}']);
  });
});
