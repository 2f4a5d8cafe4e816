// @vitest-environment happy-dom
import { act, cleanup, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { captureSummary } from '../../helpers/capture-summary';
import { frame, mountFeed, answerLoad } from '../../helpers/mounted-feed';

afterEach(cleanup);

/**
 * An undo while paused reads the list again; the restored capture's own `capture.created` can reach the window before
 * that page does. It was there before the delete: the page lists it, and it is no new arrival.
 */
describe('a paused list read again after an undo', () => {
  it('does not count a restored capture the page lists as new', async () => {
    const { t, feed } = mountFeed();
    await answerLoad(t, [2, 1]);
    act(() => feed.current!.setPaused(true));
    act(() => t.emit('capture.deleted', { ids: [2] }));
    await act(frame);
    act(() => feed.current!.reload());
    act(() => t.emit('capture.created', { items: [captureSummary({ id: 2 })] }));
    await act(frame);
    await answerLoad(t, [2, 1]);
    await waitFor(() => expect(feed.current!.items.map((c) => c.id)).toEqual([2, 1]));
    expect(feed.current!.pendingCount).toBe(0);
    act(() => feed.current!.setPaused(false));
    expect(feed.current!.items.map((c) => c.id)).toEqual([2, 1]);
  });
});
