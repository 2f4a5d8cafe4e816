import { describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { useCliSendFixture } from './cli-send-fixture';

const fixture = useCliSendFixture();

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
  });
  return { code, stdout, stderr };
}

describe('hookscope CLI wording', () => {
  it('says "of 1 row" after a bulk send of one row', async () => {
    const server = await fixture.server();
    const rows = fixture.file('one.csv', 'email\na@example.com\n');
    const r = await run(['send', `${server.url}/hook`, '--rows', rows, '-d', 'e=[email]']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').at(-2)).toBe('1 delivered, 0 failed, 0 skipped of 1 row');
  });

  it.each([
    [['export', '--limit', '-3'], '--limit: expected a whole number from 1 to 10000000, got "-3"'],
    [['send', 'http://127.0.0.1:9/x', '--timeout', '-0.5'], '--timeout'],
    [['send', 'http://127.0.0.1:9/x', '--rate', '-.5'], '--rate'],
  ])('%j: a negative number gets the flag range message, not "ambiguous"', async (args, message) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toContain('ambiguous');
  });
});
