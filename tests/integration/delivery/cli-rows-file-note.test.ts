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
    expect(stderr).toContain('note: header: column "email" appears twice');
    expect(stderr).not.toMatch(/^skipped/m);
  });
});
