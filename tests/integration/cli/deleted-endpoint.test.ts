import { describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { run as tail } from '../../../electron/cli/commands/tail';
import { createEngine, type Engine } from '../../../electron/engine/engine';
import { silentLogger } from '../../../electron/engine/util/logger';
import { useCleanup } from '../../helpers/cleanup';
import { cliIo as io } from '../../helpers/cli-io';
import { send } from '../../helpers/raw-http';
import { tempDir } from '../../helpers/temp-dir';

const meta = { transport: 'in-process' } as const;
const cleanups = useCleanup();

/** An engine on its own folder with an endpoint "orders" that has taken one capture. */
async function withOrders(): Promise<{ engine: Engine; dataDir: string; id: number }> {
  const dir = tempDir();
  cleanups.push(() => dir.cleanup());
  const engine = await createEngine({ dataDir: dir.path, mode: 'test', log: silentLogger });
  cleanups.push(() => engine.close());
  const { id } = await engine.handlers['endpoints.create']({ slug: 'orders', name: 'Orders' }, meta);
  await send(`${engine.receiverUrl}/h/orders/1`, { method: 'POST', body: 'kept' });
  await engine.handlers['captures.list']({ limit: 1, complete: true }, meta);
  return { engine, dataDir: dir.path, id };
}

describe('the CLI and a deleted endpoint', () => {
  it('export selects a deleted endpoint’s kept captures by its id, and says how when asked by slug', async () => {
    const { engine, dataDir, id } = await withOrders();
    await engine.handlers['endpoints.delete']({ id }, meta);

    const bySlug = io();
    expect(await main(['export', '--data-dir', dataDir, '--endpoint', 'orders'], bySlug.io)).toBe(2);
    expect(bySlug.err()).toContain(`--endpoint: no endpoint "orders"`);
    expect(bySlug.err()).toContain("a deleted endpoint's kept captures are selected by its id");

    const byId = io();
    expect(await main(['export', '--data-dir', dataDir, '--endpoint', String(id)], byId.io)).toBe(0);
    const lines = byId.out().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ path: '/h/orders/1', endpointId: id });
  });

  it('refuses an id no endpoint ever had, naming --endpoint, in export and tail alike', async () => {
    const { dataDir, id } = await withOrders();
    const never = id + 1000;
    for (const command of ['export', 'tail']) {
      const out = io();
      expect(await main([command, '--data-dir', dataDir, '--endpoint', String(never)], out.io)).toBe(2);
      expect(out.err()).toContain(`--endpoint: no endpoint has id ${never}`);
      expect(out.err()).not.toContain('was deleted');
      expect(out.out()).toBe('');
    }
    // An id of an endpoint there now is taken as before.
    const live = io();
    expect(await main(['export', '--data-dir', dataDir, '--endpoint', `#${id}`], live.io)).toBe(0);
    expect(JSON.parse(live.out().trim())).toMatchObject({ path: '/h/orders/1', endpointId: id });
  });

  it('tail says so on stderr when the endpoint it follows is deleted, instead of going silent', async () => {
    const { engine, dataDir, id } = await withOrders();
    const out = io();
    const stop = new AbortController();
    const following = tail(
      ['--data-dir', dataDir, '--endpoint', 'orders', '--interval', '50'],
      out.io,
      stop.signal,
    );
    try {
      await engine.handlers['endpoints.delete']({ id }, meta);
      const bounded = AbortSignal.timeout(5000);
      while (!out.err().includes('this endpoint was deleted') && !bounded.aborted)
        await new Promise((r) => setTimeout(r, 50));
      expect(out.err()).toContain(
        '--endpoint orders: this endpoint was deleted, so requests to its path now go to another endpoint',
      );
    } finally {
      stop.abort();
      expect(await following).toBe(0);
    }
  });
});
