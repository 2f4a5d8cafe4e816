// @vitest-environment happy-dom
import { act, cleanup, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { captureSummary } from '../../helpers/capture-summary';
import { frame, mountFeed } from '../../helpers/mounted-feed';

afterEach(cleanup);

const summaries = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => captureSummary({ id: from - i }));

/**
 * A search's arrivals are matched by the engine (a head refresh reading pages of new matches). While the list is
 * paused, a burst of them must neither reload the list under the user nor pile up in memory: as for arrivals matched
 * here, past 2,000 held the list starts over when it resumes.
 */
async function pausedSearch() {
  const { t, feed } = mountFeed({ text: 'invoice' }, 'q=invoice');
  await act(async () => {
    t.answer('captures.list', { items: [captureSummary({ id: 1 })], nextCursor: null });
    t.answer('captures.count', { count: 1, newestId: 1 });
  });
  act(() => feed.current!.setPaused(true));
  act(() => t.emit('capture.created', { items: [captureSummary({ id: 20_000 })] }));
  await act(frame);
  // The head refresh is debounced: wait for its first page to be asked.
  await waitFor(() => expect(t.asked('captures.list')).toHaveLength(1));
  return { t, feed: () => feed.current! };
}

/** Answers the head refresh's pages: `sizes` items each, every page but the last saying more follow. */
async function answerPages(t: ReturnType<typeof mountFeed>['t'], sizes: number[], last: boolean) {
  let top = 20_000;
  for (const [i, size] of sizes.entries()) {
    await waitFor(() => expect(t.asked('captures.list')).toHaveLength(1));
    const items = summaries(top, size);
    top -= size;
    const more = !last || i < sizes.length - 1;
    await act(async () => t.answer('captures.list', { items, nextCursor: more ? top + 1 : null }));
  }
}

describe('a paused search list', () => {
  it('is not reloaded while paused by a burst of more matches than a head refresh reads', async () => {
    const { t, feed } = await pausedSearch();
    await answerPages(t, [200, ...Array<number>(9).fill(500)], false);
    await act(frame);
    expect(feed().items.map((c) => c.id)).toEqual([1]);
    expect(feed().loading).toBe(false);
    expect(t.asked('captures.list')).toEqual([]);
    // Resuming starts over, as after any overflow.
    act(() => feed().setPaused(false));
    expect(t.asked('captures.list')).toEqual([{ filter: { text: 'invoice' }, limit: 200 }]);
  });

  it('holds at most 2,000 matches; past that, resuming starts over', async () => {
    const { t, feed } = await pausedSearch();
    await answerPages(t, [200, 500, 500, 500, 500], true);
    await act(frame);
    expect(feed().pendingCount).toBe(2200);
    act(() => feed().setPaused(false));
    expect(feed().items.map((c) => c.id)).toEqual([1]);
    expect(t.asked('captures.list')).toEqual([{ filter: { text: 'invoice' }, limit: 200 }]);
  });
});
