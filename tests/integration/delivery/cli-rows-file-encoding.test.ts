import { describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { useCliSendFixture } from './cli-send-fixture';

const fixture = useCliSendFixture();

async function sendRows(url: string, rows: string) {
  let stderr = '';
  const code = await main(['send', `${url}/hook`, '--rows', rows, '-d', 'name=[name]'], {
    stdout: () => undefined,
    stderr: (s) => void (stderr += s),
  });
  return { code, stderr };
}

describe('hookscope send --rows with a rows file that is not UTF-8', () => {
  it('is refused naming the file and the line, rather than sending U+FFFD for its bytes', async () => {
    const server = await fixture.server();
    // "José" saved as Latin-1 (Excel's plain "CSV"): 0xE9 is no UTF-8.
    const rows = fixture.file('rows.csv', Uint8Array.from([...Buffer.from('name\nAnn\nJos'), 0xe9, 0x0a]));
    const { code, stderr } = await sendRows(server.url, rows);
    expect(code).toBe(2);
    expect(stderr).toContain(`--rows: ${rows}: not UTF-8 text: line 3 has the byte 0xE9`);
    expect(server.received).toHaveLength(0);
  });

  it('in UTF-16 with its byte-order mark (Excel\'s "Unicode Text") is read as UTF-16', async () => {
    const server = await fixture.server();
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('name\r\nJosé\r\n', 'utf16le')]);
    const { code } = await sendRows(server.url, fixture.file('rows.csv', utf16));
    expect(code).toBe(0);
    expect(server.received.map((r) => r.body.toString('utf8'))).toEqual(['name=Jos%C3%A9']);
  });

  it('with a U+FFFD written in it as UTF-8 is sent as it is', async () => {
    const server = await fixture.server();
    const { code } = await sendRows(server.url, fixture.file('rows.csv', '\uFEFFname\n\uFFFDx\n'));
    expect(code).toBe(0);
    expect(server.received.map((r) => r.body.toString('utf8'))).toEqual(['name=%EF%BF%BDx']);
  });
});
