import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../electron/engine/api/dispatcher';
import { searchIndexFileName } from '../../../electron/engine/store/search-index/index-schema';
import { FakeClock } from '../../../electron/engine/util/clock';
import type { Logger } from '../../../electron/engine/util/logger';
import { labelBecomes, storedLabel, turns } from '../../helpers/event-label';
import { postedJsonCaptureId } from '../../helpers/posted-capture';
import { useTestEngine } from '../../helpers/test-engine';

const clock = new FakeClock(Date.now());
const warnings: string[] = [];
const log: Logger = { info() {}, warn: (message) => void warnings.push(message), error() {} };
const t = useTestEngine({ clock, log });

/** Another process writing to the search index file: while it holds the write lock, every index write fails. */
let other: Database.Database | undefined;
afterEach(() => {
  if (other?.inTransaction) other.exec('ROLLBACK');
  other?.close();
  other = undefined;
});

const labelOf = (id: number) => storedLabel(t.engine, id);

describe('a dictionary change whose search index rebuild is refused', () => {
  it('waits and rebuilds later instead of throwing from its timer, then relabels the stored captures', async () => {
    t.engine.ctx.db.pragma('busy_timeout = 0');
    const id = await postedJsonCaptureId(
      t.engine,
      JSON.stringify({ activity: { field_id: 'act:cm:flt-bkd' }, contact: { email: 'a@example.com' } }),
    );
    await labelBecomes(t.engine, id, 'Flt bkd');

    other = new Database(join(t.dataDir, searchIndexFileName));
    other.exec('BEGIN IMMEDIATE');
    const api = createDispatcher(t.engine.handlers);
    const inProcess = { transport: 'in-process' } as const;
    const created = await api.dispatch('dictionary.custom.create', { name: 'Flights' }, inProcess);
    if (!created.ok) throw new Error(created.error.message);
    const entry = { fieldId: 'act:cm:flt-bkd', label: 'Flight booked' };
    const dictionaryId = (created.value as { id: number }).id;
    expect((await api.dispatch('dictionary.custom.upsertEntry', { dictionaryId, entry }, inProcess)).ok).toBe(
      true,
    );

    // The rebuild comes a second after the last change, on a real timer.
    const refused = () => warnings.filter((w) => w.startsWith('search index rebuild'));
    for (let i = 0; i < 400 && refused().length === 0; i++) await turns(1);
    expect(refused()).toHaveLength(1);
    clock.advance(60_000); // retries while still locked
    await turns(10);
    expect(refused()).toHaveLength(1);
    expect(labelOf(id)).toBe('Flt bkd');

    other.exec('ROLLBACK');
    clock.advance(60_000);
    await labelBecomes(t.engine, id, 'Flight booked');
  });
});
