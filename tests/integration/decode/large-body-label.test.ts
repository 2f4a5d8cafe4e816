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

const listed = async (id: number) =>
  (await ok<{ items: Summary[] }>('captures.list', { limit: 50 })).items.find((c) => c.id === id);

/** Bounded wait for the background classification of a large body. */
async function labelBecomes(id: number, label: string) {
  for (let i = 0; i < 200; i++) {
    if ((await listed(id))?.eventLabel === label) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`capture ${id} still says ${(await listed(id))?.eventLabel}, not ${label}`);
}

/** An Ortto activity webhook padded past the 64 KB the filer classifies inline. */
const bigActivity = (fieldId: string) =>
  JSON.stringify({
    activity: { field_id: fieldId, attr: { 'str:cm:notes': 'x'.repeat(300 * 1024) } },
    contact: { email: 'a@example.com' },
    webhook_id: 'w1',
  });

beforeAll(async () => {
  dir = tempDir();
  app = await startApp({ serveUi: false, dataDir: dir.path });
});
afterAll(async () => {
  await app?.close();
  dir.cleanup();
});

describe('captures with bodies over 64 KB', () => {
  it('get the vendor and event label the Decoded tab shows, announced as an update', async () => {
    const updates: Summary[][] = [];
    const off = app.engine.bus.on('capture.updated', ({ items }) => updates.push(items));
    const id = await post(bigActivity('act:cm:flt-bkd'));
    await labelBecomes(id, 'Flt bkd');
    off();
    expect(await listed(id)).toMatchObject({ vendor: 'Ortto', eventLabel: 'Flt bkd' });
    const decoded = await ok<{ vendor: string | null }>('decode.capture', { id });
    expect(decoded.vendor).toBe('Ortto');
    expect(updates.flat().map((s) => [s.id, s.vendor])).toEqual([[id, 'Ortto']]);
  });

  it('keep their label through a relabel pass after the custom labels change', async () => {
    const id = await post(bigActivity('act:cm:trip-done'));
    await labelBecomes(id, 'Trip done');
    const { id: dictionaryId } = await ok<{ id: number }>('dictionary.custom.create', { name: 'Trips' });
    await ok('dictionary.custom.upsertEntry', {
      dictionaryId,
      entry: { fieldId: 'act:cm:trip-done', label: 'Trip finished' },
    });
    await labelBecomes(id, 'Trip finished');
    expect((await listed(id))?.vendor).toBe('Ortto');
  });
});
