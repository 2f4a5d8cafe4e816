// @vitest-environment happy-dom
import { act, cleanup, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { captureSummary } from '../../helpers/capture-summary';
import { frame, mountFeed } from '../../helpers/mounted-feed';

afterEach(cleanup);

const summaries = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => captureSummary({ id: from - i }));

/** A paused search whose head refresh found 2,200 new matches: more than it holds, so it only counts them. */
async function overflowedPausedSearch() {
  const { t, feed } = mountFeed({ text: 'invoice' }, 'q=invoice');
  await act(async () => {
    t.answer('captures.list', { items: [captureSummary({ id: 1 })], nextCursor: null });
    t.answer('captures.count', { count: 1, newestId: 1 });
  });
  act(() => feed.current!.setPaused(true));
  act(() => t.emit('capture.created', { items: [captureSummary({ id: 20_000 })] }));
  await act(frame);
  let top = 20_000;
  for (const [i, size] of [200, 500, 500, 500, 500].entries()) {
    await waitFor(() => expect(t.asked('captures.list')).toHaveLength(1));
    const items = summaries(top, size);
    top -= size;
    await act(async () => t.answer('captures.list', { items, nextCursor: i < 4 ? top + 1 : null }));
  }
  await act(frame);
  expect(feed.current!.pendingCount).toBe(2200);
  return { t, feed: () => feed.current! };
}

describe('the "N new" count of a paused search past 2,000 matches', () => {
  it('goes down when captures it counted are deleted', async () => {
    const { t, feed } = await overflowedPausedSearch();
    act(() => t.emit('capture.deleted', { ids: [20_000, 19_999, 5], all: false }));
    await act(frame);
    expect(feed().pendingCount).toBe(2198);
  });

  it('does not count again the matches it counted when the next refresh reads them', async () => {
    const { t, feed } = await overflowedPausedSearch();
    act(() => t.emit('capture.created', { items: [captureSummary({ id: 20_001 })] }));
    await act(frame);
    await waitFor(() => expect(t.asked('captures.list')).toHaveLength(1));
    await act(async () => t.answer('captures.list', { items: summaries(20_001, 200), nextCursor: null }));
    await act(frame);
    expect(feed().pendingCount).toBe(2201);
  });
});
