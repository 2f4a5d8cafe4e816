import { describe, expect, it } from 'vitest';
import type { CaptureFilter } from '../../../electron/shared/contract/index';
import { headerValueAsUtf8Stored } from '../../../electron/shared/decode/header-text';
import type { NewCapture } from '../../../electron/engine/store/capture-writer';
import { newCapture } from '../../helpers/new-capture';
import { useTempStores } from '../../helpers/temp-stores';

const t = useTempStores();

const add = (headers: Array<[string, string]>, over: Partial<NewCapture> = {}) =>
  t.stores.captures.add(newCapture({ receivedAtMs: t.clock.now(), headers, ...over }));

/** Every page (one capture a page, so each cursor is used), the count and the newest id, here and in the background. */
async function found(header: { name: string; value?: string }, more: Partial<CaptureFilter> = {}) {
  const filter: CaptureFilter = { header, ...more };
  const ids: number[] = [];
  let cursor: number | null = null;
  do {
    const page = t.stores.captures.list({ filter, cursor, limit: 1 });
    ids.push(...page.items.map((c) => c.id));
    cursor = page.nextCursor;
  } while (cursor !== null);
  const background = await t.stores.captures.countWithNewestInBackground(filter);
  expect(t.stores.captures.count(filter)).toBe(ids.length);
  expect(background).toEqual({ count: ids.length, newestId: ids[0] ?? null });
  expect(t.stores.captures.countWithNewest(filter)).toEqual(background);
  return ids;
}

describe('header name and value filter', () => {
  it('matches the name in any ASCII case and the value exactly, as typed or as stored from UTF-8, once per capture', async () => {
    const a = await add([
      ['User-Agent', 'X'],
      ['X-Name', headerValueAsUtf8Stored('José')],
      ['X-Dup', '1'],
      ['x-dup', '1'],
    ]);
    const b = await add([
      ['user-agent', 'x'],
      ['X-Name', 'José'],
    ]);
    const c = await add(
      [
        ['USER-AGENT', 'X'],
        ['Accept', 'X'],
      ],
      { method: 'PUT', body: Buffer.from('needle') },
    );
    const d = await add([
      ['X-Name', 'JOSÉ'],
      ['X-Ünï', 'v'],
    ]);
    const e = await add([
      ['X-Name', 'José'],
      ['x-name', headerValueAsUtf8Stored('José')],
    ]);
    t.stores.captures.indexer.drain();

    expect(await found({ name: 'User-Agent', value: 'X' })).toEqual([c, a]);
    expect(await found({ name: 'uSER-aGENT', value: 'X' })).toEqual([c, a]);
    expect(await found({ name: 'user-agent', value: 'x' })).toEqual([b]);
    expect(await found({ name: 'user-agent', value: 'X ' })).toEqual([]);
    expect(await found({ name: 'user-agent', value: '' })).toEqual([]);
    expect(await found({ name: 'accept', value: 'X' })).toEqual([c]);
    expect(await found({ name: 'x-name', value: 'José' })).toEqual([e, b, a]);
    expect(await found({ name: 'x-name', value: headerValueAsUtf8Stored('José') })).toEqual([e, a]);
    expect(await found({ name: 'x-name', value: 'JOSÉ' })).toEqual([d]);
    expect(await found({ name: 'x-name', value: 'josé' })).toEqual([]);
    expect(await found({ name: 'x-dup', value: '1' })).toEqual([a]);
    // SQLite's lower() folds ASCII only, as the filter always has.
    expect(await found({ name: 'x-Ünï', value: 'v' })).toEqual([d]);
    expect(await found({ name: 'x-ünï', value: 'v' })).toEqual([]);
    expect(await found({ name: 'user-agent', value: 'X' }, { methods: ['put'] })).toEqual([c]);
    expect(await found({ name: 'user-agent', value: 'X' }, { text: 'needle' })).toEqual([c]);
    expect(await found({ name: 'user-agent', value: 'X' }, { text: '-needle' })).toEqual([a]);
    expect(await found({ name: 'x-name', value: 'José' }, { text: '-needle' })).toEqual([e, b, a]);

    // A deleted capture leaves the filter; an undone delete comes back.
    t.stores.captures.delete([a], { undoable: true });
    expect(await found({ name: 'user-agent', value: 'X' })).toEqual([c]);
    expect(await found({ name: 'x-name', value: 'José' })).toEqual([e, b]);
    expect(t.stores.captures.restore([a])).toEqual([a]);
    expect(await found({ name: 'x-dup', value: '1' })).toEqual([a]);
    expect(await found({ name: 'x-name', value: 'José' })).toEqual([e, b, a]);
    t.stores.captures.delete([a, c]);
    expect(await found({ name: 'user-agent', value: 'X' })).toEqual([]);
    t.stores.captures.deleteAll();
    await add([['User-Agent', 'X']]);
    expect(await found({ name: 'user-agent', value: 'X' })).toHaveLength(1);
  });
});
