import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../../helpers/cleanup';
import { databaseFileName } from '../../../electron/engine/store/database';
import { silentLogger } from '../../../electron/engine/util/logger';
import { cueServer, deliveryHarness } from './helpers';
import { sendOneDelivery } from './one-delivery';

const cleanup = useCleanup();

describe('the delivery queue', () => {
  it('lives through a pump its own wake-up runs throwing (a locked database), and sends the retry after', async () => {
    const logged: string[] = [];
    const { server, h, id } = await sendOneDelivery(
      (n) => ({ status: n === 0 ? 500 : 200 }),
      { policy: 'custom', customWaitsMs: [200] },
      {
        log: {
          ...silentLogger,
          error: (message, fields) => logged.push(`${message}: ${String(fields?.error)}`),
        },
      },
    );
    await h.settle();
    expect(server.received).toHaveLength(1);
    // Another writer holds the database when the retry wakes: the claim fails at once with SQLITE_BUSY. On the fake
    // clock the wake-up runs inside advance(); with real timers a throw from it is an uncaught exception.
    h.db.pragma('busy_timeout = 0');
    const other = new Database(join(h.dataDir, databaseFileName));
    cleanup.push(() => void other.close());
    other.exec('BEGIN IMMEDIATE');
    expect(() => h.clock.advance(200)).not.toThrow();
    expect(logged).toEqual(['delivery queue wake failed: SqliteError: database is locked']);
    other.exec('COMMIT');
    await h.drain();
    expect(server.received).toHaveLength(2);
    expect(h.service.get(id).state).toBe('succeeded');
  });

  it('lives through its change notice throwing (an event the app could not take), and sends what comes after', async () => {
    const server = await cueServer(() => ({ status: 200 }));
    cleanup.push(() => server.close());
    const logged: string[] = [];
    let emits = 0;
    const h = deliveryHarness({
      log: {
        ...silentLogger,
        error: (message, fields) => logged.push(`${message}: ${String(fields?.error)}`),
      },
      emit: () => {
        if (emits++ === 0) throw new Error('the window has gone');
      },
    });
    cleanup.push(() => h.close());
    h.service.start();
    const send = () =>
      h.service.send({
        request: { method: 'POST', url: `${server.url}/hook`, headers: [], bodyBase64: '' },
        type: 'manual',
        policy: 'none',
      } as never);
    send();
    await h.drain();
    expect(logged).toEqual(['delivery queue flush failed: Error: the window has gone']);
    const { id } = send();
    await h.drain();
    expect(server.received).toHaveLength(2);
    expect(h.service.get(id).state).toBe('succeeded');
    expect(emits).toBeGreaterThan(1);
  });
});
