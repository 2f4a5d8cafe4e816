// @vitest-environment happy-dom
import { act, cleanup, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { captureSummary } from '../../helpers/capture-summary';
import { answerHeadPages, frame, mountPausedSearch, summaries } from '../../helpers/mounted-feed';

afterEach(cleanup);

/** A paused search whose head refresh found 2,200 new matches: more than it holds, so it only counts them. */
async function overflowedPausedSearch() {
  const { t, feed } = await mountPausedSearch();
  await answerHeadPages(t, [200, 500, 500, 500, 500], true);
  await act(frame);
  expect(feed().pendingCount).toBe(2200);
  return { t, feed };
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
