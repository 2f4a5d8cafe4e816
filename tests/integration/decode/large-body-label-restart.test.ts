import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../electron/engine/engine';
import { silentLogger } from '../../../electron/engine/util/logger';
import { send } from '../../helpers/raw-http';
import { tempDir } from '../../helpers/temp-dir';

const meta = { transport: 'in-process' } as const;
const dir = tempDir();
let engine: Engine | undefined;
afterEach(async () => {
  await engine?.close();
  engine = undefined;
});
afterAll(() => dir.cleanup());

/** An Ortto activity webhook padded past the 64 KB the filer classifies inline. */
const bigActivity = (fieldId: string) =>
  JSON.stringify({
    activity: { field_id: fieldId, attr: { 'str:cm:notes': 'x'.repeat(300 * 1024) } },
    contact: { email: 'a@example.com' },
    webhook_id: 'w1',
  });

const start = async () =>
  (engine = await createEngine({ dataDir: dir.path, mode: 'test', log: silentLogger }));

/** Posts these bodies and stops the app's background labelling as soon as they are filed, as a quit then would. */
async function filedThenStopped(bodies: Array<{ body: Buffer; headers?: Array<[string, string]> }>) {
  const app = await start();
  const filed = new Promise<void>((resolve) => {
    const off = app.bus.on('capture.created', () => {
      off();
      void app.modules.decode!.close?.();
      resolve();
    });
  });
  for (const { body, headers = [] } of bodies)
    await send(`${app.receiverUrl}/big`, {
      method: 'POST',
      headers: [['Content-Type', 'application/json'], ...headers],
      body,
    });
  await filed;
  await app.handlers['captures.list']({ limit: 10, complete: true }, meta);
}

async function labelsAfterRestart(count: number) {
  const app = await start();
  for (let i = 0; i < 200; i++) {
    const { items } = await app.handlers['captures.list']({ limit: count }, meta);
    if (items.every((c) => c.vendor !== null)) return items.map((c) => [c.vendor, c.eventLabel]);
    await new Promise((r) => setTimeout(r, 25));
  }
  const { items } = await app.handlers['captures.list']({ limit: count }, meta);
  return items.map((c) => [c.vendor, c.eventLabel]);
}

describe('captures over 64 KB filed just before the app stops', () => {
  it('are labelled once it starts again, plain or expanding past 64 KB from gzip, as a Content-Encoding or a transfer coding', async () => {
    await filedThenStopped([
      { body: Buffer.from(bigActivity('act:cm:flt-bkd')) },
      { body: gzipSync(bigActivity('act:cm:zip-big')), headers: [['Content-Encoding', 'gzip']] },
      { body: gzipSync(bigActivity('act:cm:te-big')), headers: [['Transfer-Encoding', 'gzip, chunked']] },
    ]);
    const { items } = await engine!.handlers['captures.list']({ limit: 3 }, meta);
    expect(items.map((c) => c.vendor)).toEqual([null, null, null]);
    await engine!.close();
    expect(await labelsAfterRestart(3)).toEqual([
      ['Ortto', 'Te big'],
      ['Ortto', 'Zip big'],
      ['Ortto', 'Flt bkd'],
    ]);
  });
});
