import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { useCleanup } from '../../helpers/cleanup';
import { databaseFileName } from '../../../electron/engine/store/database';
import { silentLogger } from '../../../electron/engine/util/logger';
import { cueServer, deliveryHarness, until } from './helpers';

const cleanup = useCleanup();

it('an attempt whose outcome could not be written is not left in flight: once its lease ends it is sent again', async () => {
  const logged: string[] = [];
  const h = deliveryHarness({
    log: { ...silentLogger, error: (message, fields) => logged.push(`${message}: ${String(fields?.error)}`) },
  });
  cleanup.push(() => h.close());
  const other = new Database(join(h.dataDir, databaseFileName));
  cleanup.push(() => void other.close());
  const server = await cueServer((n) => {
    // Another writer holds the database as the first answer comes back, so recording that attempt fails.
    if (n === 0) other.exec('BEGIN IMMEDIATE');
    return { status: 200 };
  });
  cleanup.push(() => server.close());
  h.db.pragma('busy_timeout = 0');
  h.service.start();
  const { id } = h.service.send({
    request: { method: 'POST', url: `${server.url}/hook`, headers: [], bodyBase64: '' },
    type: 'manual',
    policy: 'none',
    timeoutMs: 1000,
  } as never);
  await until(() => (logged.length > 0 ? true : undefined));
  await h.settle();
  expect(logged).toEqual([`delivery attempt crashed: SqliteError: database is locked`]);
  other.exec('COMMIT');
  expect(h.service.get(id).state).toBe('in_flight');

  // The lease (timeout + 30 s) ends: the row is reclaimed as an interrupted attempt and sent again.
  h.clock.advance(1000 + 30_000 + 1);
  await h.drain();
  const detail = h.service.get(id);
  expect(detail.state).toBe('succeeded');
  expect(detail.attemptList.map((a) => a.outcome)).toEqual(['interrupted', 'success']);
  expect(detail.attemptList[0]!.error).toMatch(/could not be recorded/);
  expect(server.received).toHaveLength(2);
});
