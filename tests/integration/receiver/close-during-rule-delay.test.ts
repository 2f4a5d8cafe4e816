import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../electron/engine/api/dispatcher';
import { createEngine } from '../../../electron/engine/engine';
import { openStores } from '../../../electron/engine/store/open-stores';
import { FakeClock } from '../../../electron/engine/util/clock';
import { silentLogger } from '../../../electron/engine/util/logger';
import { tempDir } from '../../helpers/temp-dir';

const dirs: Array<ReturnType<typeof tempDir>> = [];
afterEach(() => dirs.splice(0).forEach((d) => d.cleanup()));

describe('closing the engine while a response waits out its rule’s delay', () => {
  it('records the response as not sent, since the sender never got it, and counts it in no status class', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const engine = await createEngine({ dataDir: dir.path, mode: 'test', log: silentLogger });
    const api = createDispatcher(engine.handlers);
    const created = await api.dispatch(
      'endpoints.create',
      {
        slug: 'slow',
        name: 'Slow',
        rule: { status: 201, headers: [], body: 'ok', delayMs: 60_000, behaviour: { kind: 'fixed' } },
      },
      { transport: 'in-process' },
    );
    expect(created.ok).toBe(true);
    const socket = connect(Number(new URL(engine.receiverUrl).port), '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk));
    socket.on('error', () => {});
    const closed = new Promise((resolve) => socket.once('close', resolve));
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write('POST /h/slow/x HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n\r\na');
    // Wait until it is stored (with the response it is about to get), then quit while the delay runs.
    for (let i = 0; i < 500; i++) {
      const list = await api.dispatch('captures.list', { limit: 5 }, { transport: 'in-process' });
      if (list.ok && (list.value as { items: unknown[] }).items.length > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await engine.close();
    await closed;
    expect(answer).toBe('');

    const stores = openStores({ dataDir: dir.path, clock: new FakeClock(Date.now()) });
    try {
      const [summary] = stores.captures.list({ limit: 5 }).items;
      expect(summary?.path).toBe('/h/slow/x');
      expect(summary?.responseStatus).toBeNull();
      const detail = stores.captures.get(summary!.id);
      expect(detail.response?.reason).toMatch(
        /^not sent: Hookscope stopped before the response was written; the rule would have answered 201/,
      );
      expect(stores.captures.stats().count).toBe(1);
      const twoXx = stores.db.prepare("SELECT value FROM counters WHERE name = 'status_2xx'").pluck().get();
      expect(twoXx).toBe(0);
    } finally {
      stores.captures.close();
      stores.db.close();
    }
  }, 30_000);
});
