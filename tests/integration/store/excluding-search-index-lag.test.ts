import { describe, expect, it } from 'vitest';
import { newCapture } from '../../helpers/new-capture';
import { useTempStores } from '../../helpers/temp-stores';

const t = useTempStores();
const capture = (path: string, word: string) =>
  newCapture({ path, body: Buffer.from(JSON.stringify({ word })) });
const paths = (text: string) =>
  t.stores.captures.list({ filter: { text }, limit: 50 }).items.map((c) => c.path);

describe('a search that only leaves words out, while the index is behind', () => {
  it('lists and counts only the captures the index has reached, as a search for a word does', async () => {
    const { captures } = t.stores;
    await captures.add(capture('/kept', 'hello'));
    await captures.add(capture('/left-out', 'healthcheck'));
    captures.indexer.drain();
    // Filed, but not indexed yet (the fake clock never runs the indexer): nothing tells yet whether it holds the word.
    await captures.add(capture('/not-indexed', 'healthcheck'));

    expect(paths('-healthcheck')).toEqual(['/kept']);
    expect(captures.countWithNewest({ text: '-healthcheck' })).toEqual({ count: 1, newestId: 1 });
    expect(paths('healthcheck')).toEqual(['/left-out']);

    captures.indexer.drain();
    expect(paths('-healthcheck')).toEqual(['/kept']);
    expect(paths('healthcheck')).toEqual(['/not-indexed', '/left-out']);
  });
});
