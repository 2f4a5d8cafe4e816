import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { run as tail } from '../../../electron/cli/commands/tail';
import { createEngine, type Engine } from '../../../electron/engine/engine';
import { silentLogger } from '../../../electron/engine/util/logger';
import { send } from '../../helpers/raw-http';
import { newCapture } from '../../helpers/new-capture';
import { tempDir } from '../../helpers/temp-dir';
import { cliIo as io } from '../../helpers/cli-io';

let engine: Engine;
let dir: ReturnType<typeof tempDir>;
beforeAll(async () => {
  dir = tempDir();
  engine = await createEngine({ dataDir: dir.path, mode: 'test', log: silentLogger });
  await send(`${engine.receiverUrl}/v/plain`, { method: 'POST', body: 'a' });
  await engine.ctx.captures.add(newCapture({ path: '/v/ortto', vendor: 'Ortto', receivedAtMs: Date.now() }));
  await engine.ctx.captures.add(
    newCapture({ path: '/v/tunnel', source: 'tunnel', vendor: 'WP Fusion', receivedAtMs: Date.now() }),
  );
  const har = {
    log: {
      version: '1.2',
      creator: { name: 'test', version: '1' },
      entries: [
        {
          startedDateTime: new Date().toISOString(),
          request: { method: 'POST', url: 'http://example.com/v/imported', headers: [], queryString: [] },
          response: { status: 200, headers: [], content: { size: 0, mimeType: 'text/plain' } },
        },
      ],
    },
  };
  await engine.handlers['captures.importHar']({ har: JSON.stringify(har) }, { transport: 'in-process' });
  engine.ctx.captures.fileWaiting();
});
afterAll(async () => {
  await engine.close();
  dir.cleanup();
});

/** The paths `export <flags>` writes, sorted. */
async function exported(...flags: string[]): Promise<string[]> {
  const out = io();
  expect(await main(['export', '--data-dir', dir.path, ...flags], out.io)).toBe(0);
  const lines = out.out().trim().split('\n').filter(Boolean);
  return lines.map((l) => (JSON.parse(l) as { path: string }).path).sort();
}

describe('the --vendor and --source filter flags of export and tail', () => {
  it('export keeps the captures of one vendor (any case) or one source', async () => {
    expect(await exported()).toEqual(['/v/imported', '/v/ortto', '/v/plain', '/v/tunnel']);
    expect(await exported('--vendor', 'Ortto')).toEqual(['/v/ortto']);
    expect(await exported('--vendor', 'wp fusion')).toEqual(['/v/tunnel']);
    expect(await exported('--vendor', 'Ontraport')).toEqual([]);
    expect(await exported('--source', 'receiver')).toEqual(['/v/ortto', '/v/plain']);
    expect(await exported('--source', 'tunnel')).toEqual(['/v/tunnel']);
    expect(await exported('--source', 'imported')).toEqual(['/v/imported']);
    expect(await exported('--source', 'tunnel', '--vendor', 'Ortto')).toEqual([]);
  });

  it('tail prints only the matching captures', async () => {
    const tailed = io();
    expect(
      await tail(
        ['--data-dir', dir.path, '--last', '10', '--exit-after', '1', '--json', '--vendor', 'ORTTO'],
        tailed.io,
      ),
    ).toBe(0);
    expect(JSON.parse(tailed.out().trim())).toMatchObject({ path: '/v/ortto' });

    const bySource = io();
    expect(
      await tail(
        ['--data-dir', dir.path, '--last', '10', '--exit-after', '1', '--json', '--source', 'imported'],
        bySource.io,
      ),
    ).toBe(0);
    expect(JSON.parse(bySource.out().trim())).toMatchObject({ path: '/v/imported' });
  });

  it('refuses a bad value, naming the flag, and writes nothing', async () => {
    for (const [command, flag, value] of [
      ['export', '--source', 'api'],
      ['export', '--source', ''],
      ['export', '--vendor', ' '],
      ['tail', '--source', 'upload'],
      ['tail', '--vendor', ''],
    ] as const) {
      const out = io();
      expect(await main([command, '--data-dir', dir.path, flag, value], out.io)).toBe(2);
      expect(out.err()).toContain(`${flag}:`);
      expect(out.out()).toBe('');
    }
  });

  it('lists both flags in the help of export and tail', async () => {
    for (const command of ['export', 'tail']) {
      const out = io();
      expect(await main([command, '--help'], out.io)).toBe(0);
      expect(out.out()).toMatch(/--vendor NAME/);
      expect(out.out()).toMatch(/--source S .*receiver, tunnel or imported/);
    }
  });
});
