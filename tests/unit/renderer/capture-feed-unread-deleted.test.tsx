// @vitest-environment happy-dom
import { act, cleanup } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { captureSummary } from '../../helpers/capture-summary';
import { answerLoad, frame, mountFeed } from '../../helpers/mounted-feed';

afterEach(cleanup);

describe('unread captures', () => {
  it('a deleted capture is no longer counted unread ("N unread · mark read")', async () => {
    const { t, feed } = mountFeed();
    await answerLoad(t);
    act(() => t.emit('capture.created', { items: [2, 3, 4].map((id) => captureSummary({ id })) }));
    await act(frame);
    expect(feed.current!.unreadCount).toBe(3);
    // Selected together and deleted (or removed by retention) before anyone opened them.
    act(() => t.emit('capture.deleted', { ids: [2, 3], all: false }));
    await act(frame);
    expect(feed.current!.items.map((c) => c.id)).toEqual([4, 1]);
    expect(feed.current!.unreadCount).toBe(1);
    expect([...feed.current!.unread]).toEqual([4]);
  });
});
