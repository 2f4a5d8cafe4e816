import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from '../../helpers/app-server';
import { tempDir } from '../../helpers/temp-dir';

let app: TestApp;
let dir: ReturnType<typeof tempDir>;

async function ok<T>(method: string, input: unknown = {}): Promise<T> {
  const res = await app.rpc<T>(method, input);
  if (!res.ok) throw new Error(`${method}: ${res.error.code} ${res.error.message}`);
  return res.value;
}

interface Summary {
  id: number;
  vendor: string | null;
  eventLabel: string | null;
}

async function post(body: string): Promise<number> {
  const res = await fetch(`${app.receiverUrl}/h`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json' },
  });
  await res.arrayBuffer();
  return Number(res.headers.get('x-hookscope-capture-id'));
}

const eventLabel = async (id: number) =>
  (await ok<{ items: Summary[] }>('captures.list', { limit: 50 })).items.find((c) => c.id === id)?.eventLabel;

/** Bounded wait for the background re-classification after a dictionary change. */
async function labelBecomes(id: number, label: string) {
  for (let i = 0; i < 200; i++) {
    if ((await eventLabel(id)) === label) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`capture ${id} still says ${await eventLabel(id)}, not ${label}`);
}

beforeAll(async () => {
  dir = tempDir();
  app = await startApp({ serveUi: false, dataDir: dir.path });
});
afterAll(async () => {
  await app?.close();
  dir.cleanup();
});

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

    const updates: Summary[][] = [];
    const off = app.engine.bus.on('capture.updated', ({ items }) => updates.push(items));
    const { id: dictionaryId } = await ok<{ id: number }>('dictionary.custom.create', { name: 'Flights' });
    await ok('dictionary.custom.upsertEntry', {
      dictionaryId,
      entry: { fieldId: 'act:cm:flt-bkd', label: 'Flight booked' },
    });
    await labelBecomes(id, 'Flight booked');
    off();
    expect((await ok<Summary>('captures.get', { id })).eventLabel).toBe('Flight booked');
    const announced = updates.flat();
    expect(announced.map((s) => [s.id, s.vendor, s.eventLabel])).toEqual([[id, 'Ortto', 'Flight booked']]);
    expect(announced.some((s) => s.id === other)).toBe(false);

    await app.close();
    app = await startApp({ serveUi: false, dataDir: dir.path });
    expect(await eventLabel(id)).toBe('Flight booked');
  });
});
