// @vitest-environment happy-dom
import { act, cleanup, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { captureSummary } from '../../helpers/capture-summary';
import { mountFeed } from '../../helpers/mounted-feed';

afterEach(cleanup);

const rows = (...ids: number[]) => ids.map((id) => captureSummary({ id }));

/**
 * After the custom labels change (a dictionary imported, edited or deleted), the engine labels every stored capture
 * again and indexes it again: a search for a label now matches other captures, which only the engine can tell.
 */
describe('a searched list when the custom labels change', () => {
  it('is fetched again once the captures are relabelled and indexed again', async () => {
    const { t, feed } = mountFeed({ text: 'OrderPaid' }, 'q=OrderPaid');
    await act(async () => {
      t.answer('captures.list', { items: rows(2, 1), nextCursor: null });
      t.answer('captures.count', { count: 2, newestId: 2 });
    });
    const progress = (indexedUpTo: number, lagRows: number) =>
      act(() => t.emit('index.progress', { indexedUpTo, latestId: 3, lagRows, lagMs: 0 }));
    act(() => t.emit('relabel.progress', { running: true, done: 0, total: 3 }));
    progress(0, 3);
    act(() => t.emit('relabel.progress', { running: false, done: 3, total: 3 }));
    progress(3, 0);
    // Capture 3 is labelled OrderPaid now, capture 2 no longer is.
    await waitFor(() => expect(t.asked('captures.list').length).toBeGreaterThan(0));
    await act(async () => {
      while (t.asked('captures.list').length > 0)
        t.answer('captures.list', { items: rows(3, 1), nextCursor: null });
      while (t.asked('captures.count').length > 0) t.answer('captures.count', { count: 2, newestId: 3 });
    });
    expect(feed.current!.items.map((c) => c.id)).toEqual([3, 1]);
    expect(feed.current!.total).toBe(2);
  });
});
