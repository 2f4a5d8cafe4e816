import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { send } from '../../helpers/raw-http';
import { useLabelApp, type LabelledSummary } from './label-app';

const t = useLabelApp();
const { ok, post, listed, labelBecomes } = t;

/** An Ortto activity webhook padded past the 64 KB the filer classifies inline. */
const bigActivity = (fieldId: string) =>
  JSON.stringify({
    activity: { field_id: fieldId, attr: { 'str:cm:notes': 'x'.repeat(300 * 1024) } },
    contact: { email: 'a@example.com' },
    webhook_id: 'w1',
  });

describe('captures with bodies over 64 KB', () => {
  it('get the vendor and event label the Decoded tab shows, announced as an update', async () => {
    const updates: LabelledSummary[][] = [];
    const off = t.app.engine.bus.on('capture.updated', ({ items }) => updates.push(items));
    const id = await post(bigActivity('act:cm:flt-bkd'));
    await labelBecomes(id, 'Flt bkd');
    off();
    expect(await listed(id)).toMatchObject({ vendor: 'Ortto', eventLabel: 'Flt bkd' });
    const decoded = await ok<{ vendor: string | null }>('decode.capture', { id });
    expect(decoded.vendor).toBe('Ortto');
    expect(updates.flat().map((s) => [s.id, s.vendor])).toEqual([[id, 'Ortto']]);
  });

  it('sent gzipped, small on the wire, are labelled once expanded; small ones only at filing', async () => {
    const updates: number[] = [];
    const off = t.app.engine.bus.on('capture.updated', ({ items }) =>
      updates.push(...items.map((s) => s.id)),
    );
    const zipped = new Uint8Array(gzipSync(bigActivity('act:cm:zip-big')));
    expect(zipped.length).toBeLessThan(64 * 1024);
    const big = await post(zipped, { 'content-encoding': 'gzip' });
    const small = await post(
      gzipSync(JSON.stringify({ activity: { field_id: 'act::ta' }, webhook_id: 'w2' })),
      {
        'content-encoding': 'gzip',
      },
    );
    const plain = await post(gzipSync('not a vendor payload'), { 'content-encoding': 'gzip' });
    await labelBecomes(big, 'Zip big');
    off();
    expect(await listed(big)).toMatchObject({ vendor: 'Ortto', eventLabel: 'Zip big' });
    expect((await listed(small))?.vendor).toBe('Ortto');
    expect((await listed(plain))?.vendor).toBeNull();
    expect(updates).toEqual([big]);
  });

  it('sent with Transfer-Encoding: gzip, chunked, small on the wire, are labelled once expanded', async () => {
    const zipped = gzipSync(bigActivity('act:cm:te-big'));
    expect(zipped.length).toBeLessThan(64 * 1024);
    const res = await send(`${t.app.receiverUrl}/h`, {
      method: 'POST',
      headers: [
        ['Content-Type', 'application/json'],
        ['Transfer-Encoding', 'gzip, chunked'],
      ],
      chunked: [zipped.subarray(0, 1000), zipped.subarray(1000)],
    });
    expect(res.status).toBe(200);
    const id = Number(res.headers['x-hookscope-capture-id']);
    await labelBecomes(id, 'Te big');
    expect(await listed(id)).toMatchObject({ vendor: 'Ortto', eventLabel: 'Te big' });
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
