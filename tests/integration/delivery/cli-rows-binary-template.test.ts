import { describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { useCliSendFixture } from './cli-send-fixture';

const fixture = useCliSendFixture();

describe('hookscope send --rows with a --data-file that is not UTF-8', () => {
  it('is refused naming the flag, rather than sending U+FFFD for its bytes in every row', async () => {
    const server = await fixture.server();
    const rows = fixture.file('rows.csv', 'email\na@example.com\n');
    const body = fixture.file('body.bin', Uint8Array.from([0x1f, 0x8b, 0x08, 0xff, 0xfe]));
    let stderr = '';
    const code = await main(['send', `${server.url}/hook`, '--rows', rows, '--data-file', body], {
      stdout: () => undefined,
      stderr: (s) => void (stderr += s),
    });
    expect(code).toBe(2);
    expect(stderr).toContain('hookscope send: --data-file: with --rows the body is a template');
    expect(server.received).toHaveLength(0);
  });
});
