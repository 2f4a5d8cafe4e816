import { describe, expect, it } from 'vitest';
import type { NewCapture } from '../../../electron/engine/store/capture-writer';
import { pruneOnce } from '../../../electron/engine/store/retention';
import { newCapture } from '../../helpers/new-capture';
import { useTempStores } from '../../helpers/temp-stores';

const t = useTempStores();

const endpointId = () => t.stores.endpoints.list()[0]!.id;
const capture = (over: Partial<NewCapture> = {}) =>
  newCapture({ receivedAtMs: t.clock.now(), endpointId: endpointId(), ...over });
const found = (text: string) =>
  t.stores.captures.list({ filter: { text }, limit: 10 }).items.map((c) => c.id);
const window = () => ({ endMs: t.clock.now() + 60_000, bucketMs: 60_000, buckets: 5 });
/** Everything a restore must put back as it was. */
const figures = () => ({
  stats: (({ count, bodyBytes }) => ({ count, bodyBytes }))(t.stores.captures.stats()),
  endpointCount: t.stores.endpoints.list()[0]!.captureCount,
  breakdown: t.stores.captures.breakdown(undefined, window()),
  endpointBreakdown: t.stores.captures.breakdown({ endpointId: endpointId() }, window()),
});

async function seed() {
  const kept = await t.stores.captures.add(
    capture({ path: '/kept', body: Buffer.from('{"word":"saffron"}') }),
  );
  const gone = await t.stores.captures.add(
    capture({
      path: '/gone',
      body: Buffer.from('{"word":"marjoram"}'),
      headers: [['X-Id', 'abc']],
      trailers: [['X-Checksum', 'c1']],
      vendor: 'Ortto',
      eventLabel: 'Clicked email',
      response: {
        status: 503,
        headers: [['retry-after', '1']],
        bodyBase64: 'ZG93bg==',
        delayMs: 0,
        reason: 'rule',
      },
      verification: { scheme: 'hmac', ok: true, reason: 'matched' },
    }),
  );
  const after = await t.stores.captures.add(
    capture({ path: '/after', body: Buffer.from('{"word":"thyme"}') }),
  );
  t.stores.captures.indexer.drain();
  return { kept, gone, after };
}

describe('undoing a delete', () => {
  it('brings the capture back as it was: detail, labels, counts, charts and search', async () => {
    const { gone } = await seed();
    const before = { detail: t.stores.captures.get(gone), ...figures() };
    expect(t.stores.captures.delete([gone], { undoable: true })).toEqual({ deleted: 1, undoable: true });
    expect(found('marjoram')).toEqual([]);
    expect(figures().stats.count).toBe(2);
    t.stores.captures.indexer.drain(); // the index has dropped the row before the undo

    expect(t.stores.captures.restore([gone, 424242])).toEqual([gone]);
    expect({ detail: t.stores.captures.get(gone), ...figures() }).toEqual(before);
    expect(found('marjoram')).toEqual([gone]);
    expect(found('c1')).toEqual([gone]); // the trailer too
    // Once only.
    expect(t.stores.captures.restore([gone])).toEqual([]);
  });

  it('works before the index has caught up with the delete, and for many at once', async () => {
    const { kept, gone, after } = await seed();
    t.stores.captures.delete([gone, after, kept], { undoable: true });
    // No drain: the index rows' delete is still pending when the undo arrives.
    expect(t.stores.captures.restore([after, gone, kept])).toEqual([kept, gone, after]);
    t.stores.captures.indexer.drain();
    expect(found('marjoram')).toEqual([gone]);
    expect(found('thyme')).toEqual([after]);
    expect(found('saffron')).toEqual([kept]);
    expect(t.stores.captures.count()).toBe(3);
  });

  it('indexes a restored capture that the index had not reached when it was deleted', async () => {
    const { gone } = await seed();
    const fresh = await t.stores.captures.add(
      capture({ path: '/fresh', body: Buffer.from('{"word":"sorrel"}') }),
    );
    t.stores.captures.fileWaiting();
    t.stores.captures.delete([fresh], { undoable: true });
    expect(t.stores.captures.restore([fresh])).toEqual([fresh]);
    t.stores.captures.indexer.drain();
    expect(found('sorrel')).toEqual([fresh]);
    expect(found('marjoram')).toEqual([gone]);
  });

  it('is not offered for deletes that are final: retention, delete all, an expired trash', async () => {
    const { kept, gone, after } = await seed();
    expect(t.stores.captures.delete([kept])).toEqual({ deleted: 1, undoable: false });
    expect(t.stores.captures.restore([kept])).toEqual([]);

    t.stores.captures.delete([gone], { undoable: true });
    t.clock.advance(10 * 60_000 + 1);
    t.stores.captures.delete([after], { undoable: true }); // purges what expired
    expect(t.stores.captures.restore([gone])).toEqual([]);
    expect(t.stores.captures.restore([after])).toEqual([after]);

    t.stores.captures.delete([after], { undoable: true });
    t.stores.captures.deleteAll();
    expect(t.stores.captures.restore([after])).toEqual([]);
    expect(t.stores.captures.stats().count).toBe(0);
  });

  it('forgets an expired delete at the next retention pass, with no other delete or undo', async () => {
    const { gone } = await seed();
    t.stores.captures.delete([gone], { undoable: true });
    const kept = t.stores.db.prepare('SELECT COUNT(*) FROM capture_trash').pluck();
    const noRetention = t.stores.settings.update({ retention: { maxCount: null, maxAgeMs: null } });
    pruneOnce(t.stores.db, t.stores.captures, noRetention, t.clock.now());
    expect(kept.get()).toBe(1);
    t.clock.advance(10 * 60_000 + 1);
    pruneOnce(t.stores.db, t.stores.captures, noRetention, t.clock.now());
    expect(kept.get()).toBe(0);
    expect(t.stores.captures.restore([gone])).toEqual([]);
  });

  it('deletes for good on a full disk, where keeping a copy to undo with fails, so the delete makes room', async () => {
    const big = () => capture({ body: Buffer.alloc(200_000, 1) });
    const pages = t.stores.db.pragma('page_count', { simple: true }) as number;
    t.stores.db.pragma(`max_page_count = ${pages + 120}`);
    const ids: number[] = [];
    await expect(async () => {
      for (;;) {
        ids.push(await t.stores.captures.add(big()));
        t.stores.captures.current();
      }
    }).rejects.toThrow(/full/);
    expect(t.stores.captures.delete(ids.slice(0, 2), { undoable: true })).toEqual({
      deleted: 2,
      undoable: false,
    });
    expect(t.stores.captures.restore(ids.slice(0, 2))).toEqual([]);
    await t.stores.captures.add(big());
  });

  it('says a delete of the wrong ids did nothing, and that it cannot be undone', async () => {
    await seed();
    expect(t.stores.captures.delete([999_999], { undoable: true })).toEqual({ deleted: 0, undoable: false });
  });
});
