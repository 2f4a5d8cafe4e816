// @vitest-environment happy-dom
import { act, cleanup } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { answerLoad, frame, mountFeed, summaries } from '../../helpers/mounted-feed';

afterEach(cleanup);

describe('captures that arrived while the list was paused', () => {
  it('are unread after it resumes, also past the 2,000 it holds (when it starts over)', async () => {
    const { t, feed } = mountFeed();
    await answerLoad(t);
    act(() => feed.current!.setPaused(true));
    act(() => t.emit('capture.created', { items: summaries(2_501, 2_500) }));
    await act(frame);
    expect(feed.current!.pendingCount).toBe(2_500);
    act(() => feed.current!.setPaused(false));
    await answerLoad(
      t,
      summaries(2_501, 200).map((c) => c.id),
    );
    expect(feed.current!.items).toHaveLength(200);
    expect(feed.current!.unreadCount).toBe(2_500);
  });
});
