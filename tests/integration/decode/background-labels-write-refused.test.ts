import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../electron/engine/api/dispatcher';
import { databaseFileName } from '../../../electron/engine/store/database';
import { FakeClock } from '../../../electron/engine/util/clock';
import type { Logger } from '../../../electron/engine/util/logger';
import { labelBecomes, storedLabel, turns } from '../../helpers/event-label';
import { postedJsonCaptureId } from '../../helpers/posted-capture';
import { useTestEngine } from '../../helpers/test-engine';

const clock = new FakeClock(Date.now());
const warnings: string[] = [];
const log: Logger = { info() {}, warn: (message) => void warnings.push(message), error() {} };
const t = useTestEngine({ clock, log });

/** Another process writing to the same database: while it holds the write lock, every write of the engine fails. */
let other: Database.Database | undefined;
const lockDatabase = () => {
  other ??= new Database(join(t.dataDir, databaseFileName));
  other.exec('BEGIN IMMEDIATE');
};
const unlockDatabase = () => other?.exec('ROLLBACK');
afterEach(() => {
  if (other?.inTransaction) unlockDatabase();
  other?.close();
  other = undefined;
  warnings.length = 0;
});

const inProcess = { transport: 'in-process' } as const;
const labelOf = (id: number) => storedLabel(t.engine, id);

async function lockTaken() {
  for (let i = 0; i < 1000 && !other?.inTransaction; i++) await turns(1);
  expect(other?.inTransaction).toBe(true);
}

const post = (body: string) => postedJsonCaptureId(t.engine, body);

const activity = (fieldId: string, notes = '') =>
  JSON.stringify({
    activity: { field_id: fieldId, attr: { 'str:cm:notes': notes } },
    contact: { email: 'a@example.com' },
    webhook_id: 'w1',
  });

describe('a background labelling pass whose database write is refused', () => {
  it('keeps a large body waiting for its label and stores it once the database takes writes again', async () => {
    // Refused at once rather than after the 5 s busy timeout, which would stall the test's event loop.
    t.engine.ctx.db.pragma('busy_timeout = 0');
    // Filed, then the lock is taken before the classifier's turn comes.
    const off = t.engine.ctx.bus.on('capture.created', () => lockDatabase());
    const id = await post(activity('act:cm:big-one', 'x'.repeat(300 * 1024)));
    await lockTaken();
    off();
    await turns(10);
    clock.advance(60_000); // retries while still locked
    await turns(10);
    expect(labelOf(id)).toBeNull();
    expect(warnings.filter((w) => w.startsWith('large-body labels'))).toHaveLength(1);

    unlockDatabase();
    clock.advance(60_000);
    await labelBecomes(t.engine, id, 'Big one');
  });

  it('keeps a relabel pass where it was and finishes it once the database takes writes again', async () => {
    t.engine.ctx.db.pragma('busy_timeout = 0');
    const id = await post(activity('act:cm:flt-bkd'));
    await labelBecomes(t.engine, id, 'Flt bkd');
    // The pass has saved where it starts; its first slice comes on a later turn.
    const off = t.engine.bus.on('relabel.progress', ({ running, done }) => {
      if (running && done === 0) lockDatabase();
    });
    const api = createDispatcher(t.engine.handlers);
    const created = await api.dispatch('dictionary.custom.create', { name: 'Flights' }, inProcess);
    if (!created.ok) throw new Error(created.error.message);
    const entry = { fieldId: 'act:cm:flt-bkd', label: 'Flight booked' };
    const upserted = await api.dispatch(
      'dictionary.custom.upsertEntry',
      { dictionaryId: (created.value as { id: number }).id, entry },
      inProcess,
    );
    expect(upserted.ok).toBe(true);
    await lockTaken();
    off();
    await turns(10);
    clock.advance(60_000);
    await turns(10);
    expect(labelOf(id)).toBe('Flt bkd');
    expect(warnings.filter((w) => w.startsWith('relabelled captures'))).toHaveLength(1);

    unlockDatabase();
    clock.advance(60_000);
    await labelBecomes(t.engine, id, 'Flight booked');
  });
});
