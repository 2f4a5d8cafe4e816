import { afterAll, describe, expect, it } from 'vitest';
import { run as tail } from '../../../electron/cli/commands/tail';
import { createEngine, type Engine } from '../../../electron/engine/engine';
import { silentLogger } from '../../../electron/engine/util/logger';
import { cliIo } from '../../helpers/cli-io';
import { send } from '../../helpers/raw-http';
import { tempDir } from '../../helpers/temp-dir';

const meta = { transport: 'in-process' } as const;
const dir = tempDir();
const engines: Engine[] = [];
afterAll(async () => {
  for (const engine of engines) await engine.close();
  dir.cleanup();
});

const start = async () => {
  const engine = await createEngine({ dataDir: dir.path, mode: 'test', log: silentLogger });
  engines.push(engine);
  return engine;
};

/** An Ortto activity webhook, padded past the 64 KB the filer classifies inline when `padded`. */
const activity = (fieldId: string, padded: boolean) =>
  JSON.stringify({
    activity: { field_id: fieldId, attr: { 'str:cm:notes': padded ? 'x'.repeat(300 * 1024) : 'short' } },
    contact: { email: 'a@example.com' },
    webhook_id: 'w1',
  });

const until = async (done: () => boolean) => {
  for (let i = 0; i < 400 && !done(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(done()).toBe(true);
};

describe('tail --vendor and a capture labelled after filing (a body over 64 KB)', () => {
  it('does not move past it while its label is pending, and prints it once labelled', async () => {
    let app = await start();
    let polls = 0;
    const out = cliIo();
    const stop = new AbortController();
    const tailing = tail(
      ['--data-dir', dir.path, '--vendor', 'Ortto', '--interval', '10', '--exit-after', '2'],
      { ...out.io, checkStdoutReader: () => polls++ },
      stop.signal,
    );
    await until(() => out.err().includes('following'));
    // Filed, then the app stops before labelling it (as a quit at that moment would); a small one after it is
    // labelled as it is filed.
    const filed = new Promise<void>((resolve) => {
      const off = app.bus.on('capture.created', () => {
        off();
        void app.modules.decode!.close?.();
        resolve();
      });
    });
    const post = (path: string, body: string) =>
      send(`${app.receiverUrl}${path}`, {
        method: 'POST',
        headers: [['Content-Type', 'application/json']],
        body,
      });
    await post('/big', activity('act:cm:flt-bkd', true));
    await filed;
    await post('/small', activity('act::ta', false));
    await app.handlers['captures.list']({ limit: 2, complete: true }, meta);
    const before = polls;
    await until(() => polls >= before + 3);

    await app.close();
    app = await start();
    const bounded = setTimeout(() => stop.abort(), 8000);
    expect(await tailing).toBe(0);
    clearTimeout(bounded);
    const lines = out.out().trim().split('\n');
    expect(lines.map((l) => l.split(/\s+/)[2])).toEqual(['/big', '/small']);
  });
});
