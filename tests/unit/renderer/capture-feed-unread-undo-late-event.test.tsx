// @vitest-environment happy-dom
import { act, cleanup } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { captureSummary } from '../../helpers/capture-summary';
import { answerLoad, frame, mountFeed } from '../../helpers/mounted-feed';

afterEach(cleanup);

const rows = (...ids: number[]) => ids.map((id) => captureSummary({ id }));

/**
 * The engine announces restored captures before it answers the restore, but in browser mode the announcement comes
 * over the WebSocket and the answer over HTTP: the list an undo fetches again can be answered first.
 */
describe('captures restored by Undo, announced after the list was fetched again', () => {
  it('keep their read state', async () => {
    const { t, feed } = mountFeed();
    await answerLoad(t);
    act(() => t.emit('capture.created', { items: rows(2, 3, 4) }));
    await act(frame);
    act(() => feed.current!.markRead([3]));
    act(() => t.emit('capture.deleted', { ids: [2, 3], all: false }));
    await act(frame);
    expect([...feed.current!.unread]).toEqual([4]);
    // Undo: the restore is answered and the list fetched again before the restored captures are announced.
    act(() => feed.current!.reload());
    await answerLoad(t, [4, 3, 2, 1]);
    act(() => t.emit('capture.created', { items: rows(2, 3) }));
    await act(frame);
    expect(feed.current!.items.map((c) => c.id)).toEqual([4, 3, 2, 1]);
    expect([...feed.current!.unread].sort()).toEqual([2, 4]);
    expect(feed.current!.unreadCount).toBe(2);
  });
});
