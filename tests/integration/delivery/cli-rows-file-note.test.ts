import { describe, expect, it } from 'vitest';
import { run as send } from '../../../electron/cli/commands/send';
import { useCliSendFixture } from './cli-send-fixture';

const fixture = useCliSendFixture();

describe('hookscope send --rows: a note about the file as a whole', () => {
  it('is not reported as a skipped row when every row was sent', async () => {
    const server = await fixture.server();
    const rows = fixture.file('rows.csv', 'email,email\na@example.com,b@example.com\n');
    let stderr = '';
    const code = await send([`${server.url}/hook`, '--rows', rows, '-d', '[email]'], {
      stdout: () => undefined,
      stderr: (s) => void (stderr += s),
    });
    expect(code).toBe(0);
    expect(server.received).toHaveLength(1);
    expect(stderr).toContain(`note: --rows: ${rows}: header: column "email" appears twice`);
    expect(stderr).not.toMatch(/^skipped/m);
  });

  // A column with values but no name is read as "", which no merge field names: the note says which file and column,
  // as the refusals of a rows file say the file (`--rows: F: no data rows`).
  it('names the file and the position of a column with values but no name', async () => {
    const server = await fixture.server();
    const rows = fixture.file('contacts.csv', 'email,,n\na@example.com,unnamed value,1\n');
    let stderr = '';
    const code = await send([`${server.url}/hook`, '--rows', rows, '-d', '[email] [n]'], {
      stdout: () => undefined,
      stderr: (s) => void (stderr += s),
    });
    expect(code).toBe(0);
    expect(server.received.map((r) => r.body.toString())).toEqual(['a@example.com 1']);
    expect(stderr).toBe(`note: --rows: ${rows}: header: column 2 has no name (its values are read as "")\n`);
  });
});
