import { describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { useCliSendFixture } from './cli-send-fixture';

const fixture = useCliSendFixture();

/** Runs `hookscope send …` in process; gives its exit code and what it wrote. */
async function send(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(['send', ...args], {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
  });
  return { code, stdout, stderr };
}

describe('hookscope send: input the delivery contract refuses is a usage error naming the flag', () => {
  it('an empty --rows file', async () => {
    const server = await fixture.server();
    const rows = fixture.file('rows.csv', '');
    const r = await send([`${server.url}/hook`, '--rows', rows, '-d', '[email]']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`hookscope send: --rows: ${rows} is empty`);
    expect(r.stderr).not.toContain('"code"');
    expect(server.received).toHaveLength(0);
  });

  it('a --rate above the highest the engine takes', async () => {
    const server = await fixture.server();
    const r = await send([`${server.url}/hook`, '-d', 'x', '--rate', '200000/s']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('hookscope send: --rate: at most 6,000,000/min (100,000/s), got "200000/s"');
    expect(server.received).toHaveLength(0);
  });

  it('a --rows URL template longer than a template may be', async () => {
    const server = await fixture.server();
    const rows = fixture.file('rows.csv', 'email\na@example.com\n');
    const r = await send([`${server.url}/${'a'.repeat(9000)}`, '--rows', rows, '-d', '[email]']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^hookscope send: <url>: .*8000/);
    expect(r.stderr).not.toContain('"code"');
    expect(server.received).toHaveLength(0);
  });
});
