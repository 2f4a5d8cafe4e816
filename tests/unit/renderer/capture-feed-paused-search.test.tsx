// @vitest-environment happy-dom
import { act, cleanup } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { answerHeadPages, frame, mountPausedSearch } from '../../helpers/mounted-feed';

afterEach(cleanup);

/**
 * A search's arrivals are matched by the engine (a head refresh reading pages of new matches). While the list is
 * paused, a burst of them must neither reload the list under the user nor pile up in memory: as for arrivals matched
 * here, past 2,000 held the list starts over when it resumes.
 */
describe('a paused search list', () => {
  it('is not reloaded while paused by a burst of more matches than a head refresh reads', async () => {
    const { t, feed } = await mountPausedSearch();
    await answerHeadPages(t, [200, ...Array<number>(9).fill(500)], false);
    await act(frame);
    expect(feed().items.map((c) => c.id)).toEqual([1]);
    expect(feed().loading).toBe(false);
    expect(t.asked('captures.list')).toEqual([]);
    // Resuming starts over, as after any overflow.
    act(() => feed().setPaused(false));
    expect(t.asked('captures.list')).toEqual([{ filter: { text: 'invoice' }, limit: 200 }]);
  });

  it('holds at most 2,000 matches; past that, resuming starts over', async () => {
    const { t, feed } = await mountPausedSearch();
    await answerHeadPages(t, [200, 500, 500, 500, 500], true);
    await act(frame);
    expect(feed().pendingCount).toBe(2200);
    act(() => feed().setPaused(false));
    expect(feed().items.map((c) => c.id)).toEqual([1]);
    expect(t.asked('captures.list')).toEqual([{ filter: { text: 'invoice' }, limit: 200 }]);
  });
});
