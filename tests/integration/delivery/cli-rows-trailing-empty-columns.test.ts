import { describe, expect, it } from 'vitest';
import { run as send } from '../../../electron/cli/commands/send';
import { useCliSendFixture } from './cli-send-fixture';

const fixture = useCliSendFixture();

// Excel writes `Email,N,,` for formatted empty cells past the data; the CLI printed a note that column "" appears twice.
describe('hookscope send --rows: a CSV with empty trailing header columns', () => {
  it('sends every row with no note about the columns', async () => {
    const server = await fixture.server();
    const rows = fixture.file('rows.csv', 'Email,N,,\na@example.com,1,,\nb@example.com,2\n');
    let stderr = '';
    const code = await send([`${server.url}/hook`, '--rows', rows, '-d', '[Email] [N]'], {
      stdout: () => undefined,
      stderr: (s) => void (stderr += s),
    });
    expect(code).toBe(0);
    expect(server.received).toHaveLength(2);
    expect(stderr).not.toContain('header:');
    expect(stderr).not.toMatch(/^skipped/m);
  });
});
