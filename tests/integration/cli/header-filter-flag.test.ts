import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { run as tail } from '../../../electron/cli/commands/tail';
import { createEngine, type Engine } from '../../../electron/engine/engine';
import { silentLogger } from '../../../electron/engine/util/logger';
import { rawExchange, send } from '../../helpers/raw-http';
import { tempDir } from '../../helpers/temp-dir';
import { cliIo as io } from '../../helpers/cli-io';

let engine: Engine;
let dir: ReturnType<typeof tempDir>;
beforeAll(async () => {
  dir = tempDir();
  engine = await createEngine({ dataDir: dir.path, mode: 'test', log: silentLogger });
  await send(`${engine.receiverUrl}/h/plain`, { method: 'POST', headers: [['X-Kind', 'Plain']], body: 'a' });
  await send(`${engine.receiverUrl}/h/time`, { method: 'POST', headers: [['x-kind', '12:00']], body: 'b' });
  await send(`${engine.receiverUrl}/h/none`, { method: 'POST', body: 'c' });
  // A UTF-8 value on the wire, stored as its Latin-1 bytes.
  const port = Number(new URL(engine.receiverUrl).port);
  await rawExchange(
    port,
    Buffer.from(
      'POST /h/utf8 HTTP/1.1\r\nHost: x\r\nX-Kind: Jos\xc3\xa9\r\nContent-Length: 0\r\nConnection: close\r\n\r\n',
      'latin1',
    ),
  );
  engine.ctx.captures.fileWaiting();
});
afterAll(async () => {
  await engine.close();
  dir.cleanup();
});

/** The paths `export --header <flag>` writes, oldest first. */
async function exported(flag: string): Promise<string[]> {
  const out = io();
  expect(await main(['export', '--data-dir', dir.path, '--header', flag], out.io)).toBe(0);
  const lines = out.out().trim().split('\n').filter(Boolean);
  return lines.map((l) => (JSON.parse(l) as { path: string }).path).sort();
}

describe('the --header filter flag of export and tail', () => {
  it("takes 'Name: value' and 'Name' as the app's header filter does", async () => {
    expect(await exported('X-Kind')).toEqual(['/h/plain', '/h/time', '/h/utf8']);
    expect(await exported('x-KIND:')).toEqual(['/h/plain', '/h/time', '/h/utf8']);
    expect(await exported('X-Kind: Plain')).toEqual(['/h/plain']);
    expect(await exported('x-kind:Plain')).toEqual(['/h/plain']);
    expect(await exported('X-Kind: plain')).toEqual([]);
    expect(await exported('X-Kind: 12:00')).toEqual(['/h/time']);
    expect(await exported('X-Kind: José')).toEqual(['/h/utf8']);
    expect(await exported('X-Other')).toEqual([]);

    const tailed = io();
    expect(
      await tail(
        ['--data-dir', dir.path, '--last', '5', '--exit-after', '1', '--json', '--header', 'x-kind: 12:00'],
        tailed.io,
      ),
    ).toBe(0);
    expect(JSON.parse(tailed.out().trim())).toMatchObject({ path: '/h/time' });
  });

  it('names the flag for a header without a name, or more than one header', async () => {
    for (const args of [
      ['--header', ': v'],
      ['--header', ' '],
      ['--header', 'A', '--header', 'B'],
    ]) {
      const out = io();
      expect(await main(['export', '--data-dir', dir.path, ...args], out.io)).toBe(2);
      expect(out.err()).toContain('--header:');
      expect(out.out()).toBe('');
    }
  });
});
