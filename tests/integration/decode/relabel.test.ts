import { describe, expect, it } from 'vitest';
import { useLabelApp, type LabelledSummary } from './label-app';

const t = useLabelApp();
const { ok, post, listed, labelBecomes } = t;
const eventLabel = async (id: number) => (await listed(id))?.eventLabel;

describe('stored vendor/event labels follow custom label changes', () => {
  it('relabels stored captures, announces them, and keeps the new label after a restart', async () => {
    const activity = JSON.stringify({
      activity: { field_id: 'act:cm:flt-bkd', attr: {} },
      contact: { email: 'a@example.com' },
      webhook_id: 'w1',
    });
    const id = await post(activity);
    const other = await post('{"hello":"world"}');
    expect(await eventLabel(id)).toBe('Flt bkd');

    const updates: LabelledSummary[][] = [];
    const off = t.app.engine.bus.on('capture.updated', ({ items }) => updates.push(items));
    const { id: dictionaryId } = await ok<{ id: number }>('dictionary.custom.create', { name: 'Flights' });
    await ok('dictionary.custom.upsertEntry', {
      dictionaryId,
      entry: { fieldId: 'act:cm:flt-bkd', label: 'Flight booked' },
    });
    await labelBecomes(id, 'Flight booked');
    off();
    expect((await ok<LabelledSummary>('captures.get', { id })).eventLabel).toBe('Flight booked');
    const announced = updates.flat();
    expect(announced.map((s) => [s.id, s.vendor, s.eventLabel])).toEqual([[id, 'Ortto', 'Flight booked']]);
    expect(announced.some((s) => s.id === other)).toBe(false);

    await t.restart();
    expect(await eventLabel(id)).toBe('Flight booked');
  });

  it('relabels after a restart when the engine stopped before the pass ran', async () => {
    const id = await post(
      JSON.stringify({ activity: { field_id: 'act:cm:trn-bkd', attr: {} }, contact: {}, webhook_id: 'w2' }),
    );
    expect(await eventLabel(id)).toBe('Trn bkd');
    const { id: dictionaryId } = await ok<{ id: number }>('dictionary.custom.create', { name: 'Trains' });
    await ok('dictionary.custom.upsertEntry', {
      dictionaryId,
      entry: { fieldId: 'act:cm:trn-bkd', label: 'Train booked' },
    });
    // Closed at once, well inside the pause that lets a burst of edits settle before the pass starts.
    await t.restart();
    await labelBecomes(id, 'Train booked');
  });

  it('announces how far the pass over stored captures has got, from the start to its end', async () => {
    // More captures than one slice classifies, so the pass takes several.
    for (let i = 0; i < 250; i++) await post(`{"n":${i}}`);
    const events: Array<{ running: boolean; done: number; total: number }> = [];
    const off = t.app.engine.bus.on('relabel.progress', (p) => events.push(p));
    const { id: dictionaryId } = await ok<{ id: number }>('dictionary.custom.create', { name: 'Buses' });
    await ok('dictionary.custom.upsertEntry', {
      dictionaryId,
      entry: { fieldId: 'act:cm:bus', label: 'Bus' },
    });
    for (let i = 0; i < 400 && events.at(-1)?.running !== false; i++)
      await new Promise((r) => setTimeout(r, 25));
    off();
    const { count } = await ok<{ count: number }>('captures.count', {});
    expect(count).toBeGreaterThan(250);
    expect(events[0]).toEqual({ running: true, done: 0, total: count });
    expect(events.at(-1)).toEqual({ running: false, done: count, total: count });
    const done = events.map((e) => e.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
  });
});
