import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../electron/engine/api/dispatcher';
import { FakeClock } from '../../../electron/engine/util/clock';
import type { Logger } from '../../../electron/engine/util/logger';
import { labelBecomes, storedLabel, turns } from '../../helpers/event-label';
import { postedJsonCaptureId } from '../../helpers/posted-capture';
import { useTestEngine } from '../../helpers/test-engine';

const clock = new FakeClock(Date.now());
const warnings: string[] = [];
const log: Logger = { info() {}, warn: (message) => void warnings.push(message), error() {} };
const t = useTestEngine({ clock, log });

const inProcess = { transport: 'in-process' } as const;
const labelOf = (id: number) => storedLabel(t.engine, id);

/**
 * The relabel pass's progress row in `settings` refused, as a full disk refuses the write after the dictionary's:
 * only that row, so the dictionary change itself is stored.
 */
const refuseRelabelProgress = () =>
  t.engine.ctx.db.exec(`
    CREATE TEMP TRIGGER refuse_relabel_insert BEFORE INSERT ON main.settings WHEN NEW.key = 'relabel.afterId'
      BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;
    CREATE TEMP TRIGGER refuse_relabel_update BEFORE UPDATE ON main.settings WHEN NEW.key = 'relabel.afterId'
      BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;`);
const acceptRelabelProgress = () =>
  t.engine.ctx.db.exec('DROP TRIGGER temp.refuse_relabel_insert; DROP TRIGGER temp.refuse_relabel_update');

describe('a dictionary change whose relabel mark is refused', () => {
  it('reports the saved change as saved, and relabels the stored captures once the database takes the write', async () => {
    const id = await postedJsonCaptureId(
      t.engine,
      JSON.stringify({ activity: { field_id: 'act:cm:flt-bkd' }, contact: { email: 'a@example.com' } }),
    );
    await labelBecomes(t.engine, id, 'Flt bkd');

    refuseRelabelProgress();
    const api = createDispatcher(t.engine.handlers);
    const created = await api.dispatch('dictionary.custom.create', { name: 'Flights' }, inProcess);
    expect(created.ok ? null : created.error).toBeNull();
    const dictionaryId = (created as { value: { id: number } }).value.id;
    const entry = { fieldId: 'act:cm:flt-bkd', label: 'Flight booked' };
    const upserted = await api.dispatch('dictionary.custom.upsertEntry', { dictionaryId, entry }, inProcess);
    expect(upserted.ok ? null : upserted.error).toBeNull();
    const stored = await api.dispatch('dictionary.custom.get', { id: dictionaryId }, inProcess);
    expect(
      stored.ok && (stored.value as { entries: Array<{ label: string }> }).entries.map((e) => e.label),
    ).toEqual(['Flight booked']);

    // The pass starts a second after the last change, on a real timer, and waits while its progress is refused.
    const waiting = () => warnings.filter((w) => w.startsWith('relabelled captures'));
    for (let i = 0; i < 400 && waiting().length === 0; i++) await turns(1);
    expect(waiting()).toHaveLength(1);
    await turns(10);
    expect(labelOf(id)).toBe('Flt bkd');

    acceptRelabelProgress();
    clock.advance(60_000);
    await labelBecomes(t.engine, id, 'Flight booked');
    const progress = t.engine.ctx.db.prepare("SELECT COUNT(*) FROM settings WHERE key = 'relabel.afterId'");
    for (let i = 0; i < 1000 && progress.pluck().get() !== 0; i++) await turns(1);
    expect(progress.pluck().get()).toBe(0); // the pass finished
  });
});
