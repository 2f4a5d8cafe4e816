// @vitest-environment happy-dom
import { act, cleanup } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { captureSummary } from '../../helpers/capture-summary';
import { answerLoad, frame, mountFeed } from '../../helpers/mounted-feed';

afterEach(cleanup);

describe('unread captures brought back by Undo', () => {
  it('come back unread; read ones come back read', async () => {
    const { t, feed } = mountFeed();
    await answerLoad(t);
    act(() => t.emit('capture.created', { items: [2, 3, 4].map((id) => captureSummary({ id })) }));
    await act(frame);
    act(() => feed.current!.markRead([3]));
    act(() => t.emit('capture.deleted', { ids: [2, 3], all: false }));
    await act(frame);
    expect([...feed.current!.unread]).toEqual([4]);
    // Undo: the engine files them again under their old ids, and the list is fetched again.
    act(() => t.emit('capture.created', { items: [2, 3].map((id) => captureSummary({ id })) }));
    await act(frame);
    await answerLoad(t, [4, 3, 2, 1]);
    expect(feed.current!.items.map((c) => c.id)).toEqual([4, 3, 2, 1]);
    expect([...feed.current!.unread].sort()).toEqual([2, 4]);
    expect(feed.current!.unreadCount).toBe(2);
  });
});
