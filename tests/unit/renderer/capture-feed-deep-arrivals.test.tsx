// @vitest-environment happy-dom
import { act, cleanup } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { captureSummary } from '../../helpers/capture-summary';
import { frame, mountFeed, summaries } from '../../helpers/mounted-feed';

afterEach(() => {
  vi.restoreAllMocks();
  cleanup();
});

const LOADED = 40_000;

describe('live arrivals into a deep list', () => {
  it('cost what the batch holds, not what is loaded: no set of every loaded id is built per frame', async () => {
    const { t, feed } = mountFeed();
    await act(async () => {
      t.answer('captures.list', { items: summaries(LOADED, LOADED), nextCursor: null });
      t.answer('captures.count', { count: LOADED, newestId: LOADED });
    });
    expect(feed.current!.items).toHaveLength(LOADED);

    // A Set built from the loaded rows adds each of them: count every add while a burst arrives.
    const add = vi.spyOn(Set.prototype, 'add');
    let id = LOADED;
    for (let f = 0; f < 30; f++) {
      const batch = [1, 2, 3].map(() => captureSummary({ id: ++id }));
      act(() => t.emit('capture.created', { items: batch }));
      await act(frame);
    }

    expect(feed.current!.items).toHaveLength(LOADED + 90);
    expect(feed.current!.items[0]!.id).toBe(LOADED + 90);
    expect(feed.current!.total).toBe(LOADED + 90);
    // 90 arrivals: a few adds each (unread, de-duplication). One set of the loaded rows alone would be 40,000.
    expect(add.mock.calls.length).toBeLessThan(LOADED);
  });
});
