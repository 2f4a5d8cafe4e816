import { describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { useCliSendFixture } from './cli-send-fixture';

const fixture = useCliSendFixture();

async function send(args: string[]) {
  let stderr = '';
  const code = await main(['send', ...args], {
    stdout: () => undefined,
    stderr: (s) => void (stderr += s),
  });
  return { code, stderr };
}

describe('hookscope send --rows: a rows file not named .csv or .json', () => {
  it('is read as JSON when it holds a JSON array', async () => {
    const server = await fixture.server();
    const rows = fixture.file('contacts.txt', '[{"email":"a@example.com"},{"email":"b@example.com"}]');
    const r = await send([`${server.url}/hook`, '--rows', rows, '-d', '{"e":"[email]"}']);
    expect(r.code).toBe(0);
    expect(server.received.map((q) => JSON.parse(q.body.toString()) as unknown)).toEqual([
      { e: 'a@example.com' },
      { e: 'b@example.com' },
    ]);
  });

  it('is still read as CSV when it does not start like JSON', async () => {
    const server = await fixture.server();
    const rows = fixture.file('contacts.txt', 'email\na@example.com\n');
    const r = await send([`${server.url}/hook`, '--rows', rows, '-d', '{"e":"[email]"}']);
    expect(r.code).toBe(0);
    expect(server.received.map((q) => q.body.toString())).toEqual(['{"e":"a@example.com"}']);
  });

  it('is refused, saying why, when it is JSON Lines', async () => {
    const server = await fixture.server();
    const rows = fixture.file('contacts.jsonl', '{"email":"a@example.com"}\n{"email":"b@example.com"}\n');
    const r = await send([`${server.url}/hook`, '--rows', rows, '-d', '{"e":"[email]"}']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--rows: ${rows} is JSON Lines`);
    expect(server.received).toHaveLength(0);
  });
});
